package org.medlinestream.app.bench;

/**
 * What one stage did and how fast.
 *
 * @param name short name ({@code ingest}, {@code sink-sqlite}, ...)
 * @param what what was measured, in a few words
 * @param records records moved
 * @param bytes bytes moved (which bytes: see {@code what})
 * @param seconds wall-clock time
 * @param cpuSeconds CPU time of this JVM and the broker's during the stage
 * @param brokerCpuSeconds the broker JVM's part of {@code cpuSeconds}
 * @param p50Millis median end-to-end latency in ms, or -1 where not measured
 * @param p99Millis 99th percentile of the end-to-end latency in ms, or -1
 * @param peakHeapBytes highest used heap of this JVM during the stage, garbage included
 * @param peakHeapAfterGcBytes highest heap in use after a collection during the stage
 */
record StageResult(String name, String what, long records, long bytes, double seconds,
    double cpuSeconds, double brokerCpuSeconds, long p50Millis, long p99Millis, long peakHeapBytes, long peakHeapAfterGcBytes) {

  double recordsPerSecond() {
    return records / Math.max(seconds, 1e-9);
  }

  double megabytesPerSecond() {
    return bytes / 1e6 / Math.max(seconds, 1e-9);
  }

  /** Records per second of CPU (this JVM's and the broker's): the cost, whatever the load. */
  double recordsPerCpuSecond() {
    return records / Math.max(cpuSeconds, 1e-9);
  }

  /** CPU time of this JVM (ingest, enrich, sink, the registry, the stage's clients). */
  double benchCpuSeconds() {
    return cpuSeconds - brokerCpuSeconds;
  }

  boolean hasLatency() {
    return p50Millis >= 0;
  }
}
