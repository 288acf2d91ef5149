package org.medlinestream.app.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Wall-clock time and CPU time since it started. CPU time is this JVM's plus its child processes'
 * (the broker's JVM): on a shared machine it shows the work done, whatever the others take.
 */
final class Stopwatch {
  private final long startNanos = System.nanoTime();
  private final long startOwnCpuNanos = ownCpuNanos();
  private final long startChildCpuNanos = childCpuNanos();

  static Stopwatch start() {
    return new Stopwatch();
  }

  double seconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** CPU time of this JVM and its children (the broker's JVM). */
  double cpuSeconds() {
    return benchCpuSeconds() + brokerCpuSeconds();
  }

  /** CPU time of this JVM. */
  double benchCpuSeconds() {
    return (ownCpuNanos() - startOwnCpuNanos) / 1e9;
  }

  /** CPU time of this JVM's child processes: the broker's JVM. */
  double brokerCpuSeconds() {
    return (childCpuNanos() - startChildCpuNanos) / 1e9;
  }

  /** Whether {@code timeout} has passed since the start. */
  boolean exceeded(Duration timeout) {
    return System.nanoTime() - startNanos > timeout.toNanos();
  }

  private static long ownCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static long childCpuNanos() {
    return ProcessHandle.current().children()
        .mapToLong(child -> child.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
        .sum();
  }
}
