package org.medlinestream.embedded;

/**
 * Entry point of a broker's child JVM: Kafka's own {@code kafka.Kafka} main under {@link
 * ExitWithParent}, which stops the broker (through Kafka's shutdown hook, a controlled shutdown)
 * when the parent process goes away, so that a killed parent never leaves an orphan broker holding
 * its ports.
 */
public final class BrokerMain {
  private BrokerMain() {}

  public static void main(String[] args) throws Throwable {
    String[] wrapped = new String[args.length + 1];
    wrapped[0] = "kafka.Kafka";
    System.arraycopy(args, 0, wrapped, 1, args.length);
    ExitWithParent.main(wrapped);
  }
}
