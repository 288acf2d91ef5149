package org.medlinestream.enrich.stream;

import java.nio.file.Path;
import java.time.Duration;

/**
 * An enrich instance in a JVM of its own, for the test that kills one with {@code kill -9}. Arguments:
 * bootstrap servers, registry URL, topic suffix, state folder. Prints {@value #RUNNING} once
 * processing, then runs until killed.
 */
public final class EnrichProcess {
  static final String RUNNING = "ENRICH-PROCESS-RUNNING";

  private EnrichProcess() {}

  public static void main(String[] args) throws Exception {
    EnrichService enrich = new EnrichService(EnrichScalingTest.instance(args[0], args[1], args[2], Path.of(args[3])));
    enrich.start();
    if (!enrich.awaitRunning(Duration.ofMinutes(2))) {
      throw new IllegalStateException("enrich did not reach RUNNING in 2 minutes");
    }
    System.out.println(RUNNING);
    Thread.sleep(Long.MAX_VALUE);
  }
}
