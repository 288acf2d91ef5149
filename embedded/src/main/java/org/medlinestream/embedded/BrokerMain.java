package org.medlinestream.embedded;

import java.io.IOException;

/**
 * Entry point of a broker's child JVM: Kafka's own {@code kafka.Kafka} main, plus a watchdog that
 * stops the broker (through Kafka's shutdown hook, a controlled shutdown) when the parent process
 * goes away, so that a killed parent never leaves an orphan broker holding its ports.
 */
public final class BrokerMain {
  private BrokerMain() {}

  public static void main(String[] args) throws Exception {
    Thread watchdog = new Thread(BrokerMain::exitWhenParentGone, "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    kafka.Kafka.main(args);
  }

  /** The parent holds our stdin open; end of stream means it is gone. */
  private static void exitWhenParentGone() {
    try {
      while (System.in.read() != -1) {
        // The parent never writes; any byte is ignored.
      }
    } catch (IOException e) {
      // Same meaning as end of stream.
    }
    System.exit(0);
  }
}
