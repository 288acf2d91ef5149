package org.medlinestream.app.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Wall-clock time and CPU time since it started. CPU time is this JVM's plus its child processes'
 * (the broker's JVM): on a shared machine it shows the work done, whatever the others take.
 */
final class Stopwatch {
  private final long startNanos = System.nanoTime();
  private final long startCpuNanos = cpuNanos();

  static Stopwatch start() {
    return new Stopwatch();
  }

  double seconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  double cpuSeconds() {
    return (cpuNanos() - startCpuNanos) / 1e9;
  }

  /** Whether {@code timeout} has passed since the start. */
  boolean exceeded(Duration timeout) {
    return System.nanoTime() - startNanos > timeout.toNanos();
  }

  private static long cpuNanos() {
    long own = ((com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    long children = ProcessHandle.current().children()
        .mapToLong(child -> child.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
        .sum();
    return own + children;
  }
}
