package org.medlinestream.app.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in whole milliseconds: exact below {@value #EXACT} ms, then in buckets 1/{@value
 * #SUB_BUCKETS} of their power of two wide (under 0.2 % error), with no upper limit: fixed memory
 * whatever the number of records or their latency. Thread-safe.
 */
final class LatencyHistogram {
  private static final int SUB_BUCKETS = 512;
  private static final int EXACT = 2 * SUB_BUCKETS;
  private static final int SHIFTS = 64 - 10;

  private final AtomicLongArray counts = new AtomicLongArray(EXACT + SHIFTS * SUB_BUCKETS);

  void record(long millis) {
    counts.incrementAndGet(bucket(Math.max(0, millis)));
  }

  long count() {
    long total = 0;
    for (int i = 0; i < counts.length(); i++) {
      total += counts.get(i);
    }
    return total;
  }

  /**
   * The latency at or below which {@code fraction} (0..1) of the records are (the upper end of
   * its bucket); -1 when empty.
   */
  long percentile(double fraction) {
    long total = count();
    if (total == 0) {
      return -1;
    }
    long rank = Math.max(1, (long) Math.ceil(fraction * total));
    long seen = 0;
    int i = 0;
    for (; i < counts.length() - 1; i++) {
      seen += counts.get(i);
      if (seen >= rank) {
        break;
      }
    }
    return highestIn(i);
  }

  /** Values below EXACT have a bucket each; above, a value keeps its 10 leading bits. */
  private static int bucket(long millis) {
    if (millis < EXACT) {
      return (int) millis;
    }
    int shift = 63 - Long.numberOfLeadingZeros(millis) - 9;
    return EXACT + (shift - 1) * SUB_BUCKETS + (int) (millis >>> shift) - SUB_BUCKETS;
  }

  private static long highestIn(int bucket) {
    if (bucket < EXACT) {
      return bucket;
    }
    int shift = (bucket - EXACT) / SUB_BUCKETS + 1;
    long leading = (bucket - EXACT) % SUB_BUCKETS + SUB_BUCKETS;
    return ((leading + 1) << shift) - 1;
  }
}
