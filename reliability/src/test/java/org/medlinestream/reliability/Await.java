package org.medlinestream.reliability;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for a condition, checking the ones that end the wait early (a dead service). */
final class Await {
  private Await() {}

  /** A condition that may throw. */
  @FunctionalInterface
  interface Condition {
    boolean met() throws Exception;
  }

  /**
   * Polls {@code condition} every {@code interval} until it holds; runs {@code check} (which
   * throws to give up) between polls; fails with {@code what} after {@code timeout}.
   */
  static void until(String what, Duration timeout, Runnable check, Condition condition)
      throws Exception {
    until(() -> what, timeout, check, condition);
  }

  /** As above, with the failure message computed when it fails. */
  static void until(Supplier<String> what, Duration timeout, Runnable check, Condition condition)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.met()) {
      check.run();
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout + ": " + what.get());
      }
      Thread.sleep(500);
    }
  }
}
