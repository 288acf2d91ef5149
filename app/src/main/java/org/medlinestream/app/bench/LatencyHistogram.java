package org.medlinestream.app.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in whole milliseconds, counted per millisecond up to ten minutes (longer ones count
 * as ten minutes): fixed memory whatever the number of records. Thread-safe.
 */
final class LatencyHistogram {
  private static final int MAX_MILLIS = 600_000;

  private final AtomicLongArray counts = new AtomicLongArray(MAX_MILLIS + 1);

  void record(long millis) {
    counts.incrementAndGet((int) Math.max(0, Math.min(MAX_MILLIS, millis)));
  }

  long count() {
    long total = 0;
    for (int i = 0; i <= MAX_MILLIS; i++) {
      total += counts.get(i);
    }
    return total;
  }

  /** The latency at or below which {@code fraction} (0..1) of the records are; -1 when empty. */
  long percentile(double fraction) {
    long total = count();
    if (total == 0) {
      return -1;
    }
    long rank = Math.max(1, (long) Math.ceil(fraction * total));
    long seen = 0;
    for (int i = 0; i <= MAX_MILLIS; i++) {
      seen += counts.get(i);
      if (seen >= rank) {
        return i;
      }
    }
    return MAX_MILLIS;
  }
}
