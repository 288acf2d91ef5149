package org.medlinestream.app;

/** Keeps a long-running command's service up until Ctrl-C or SIGTERM, then stops it cleanly. */
final class ServiceRunner {
  private ServiceRunner() {}

  /** Registers {@code stop} to run when the JVM is asked to stop. */
  static void stopOnSignal(String name, ThrowingRunnable stop) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        stop.run();
      } catch (Exception e) {
        System.err.println(name + " did not stop cleanly: " + e.getMessage());
      }
    }, name + "-stop"));
  }

  /** A stop action that may throw. */
  @FunctionalInterface
  interface ThrowingRunnable {
    void run() throws Exception;
  }
}
