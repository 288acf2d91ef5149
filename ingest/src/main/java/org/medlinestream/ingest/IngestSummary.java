package org.medlinestream.ingest;

import java.time.Duration;
import java.util.Locale;

/**
 * What an ingest has done so far, or in all when it ended.
 *
 * @param filesTotal files to read, or -1 when not known (a watched folder)
 * @param filesDone files ended (published, failed or already done before)
 * @param filesFailed files refused as a whole or cut short (see their checkpoint error)
 * @param filesSkipped files found already published by an earlier run
 * @param records records committed to the raw topic, deletes included
 * @param deletes tombstones committed for {@code DeleteCitation}s
 * @param rejected refused inputs committed to the dead-letter topic
 * @param bytes bytes of record values committed
 * @param inputBytesRead bytes read from the sources (compressed size for .gz)
 * @param inputBytesTotal total size of the sources, or -1 when not known
 * @param currentSource the source being read
 * @param elapsed time since the ingest started
 */
public record IngestSummary(
    long filesTotal,
    long filesDone,
    long filesFailed,
    long filesSkipped,
    long records,
    long deletes,
    long rejected,
    long bytes,
    long inputBytesRead,
    long inputBytesTotal,
    String currentSource,
    Duration elapsed) {

  public double recordsPerSecond() {
    return records / seconds();
  }

  public double megabytesPerSecond() {
    return bytes / 1e6 / seconds();
  }

  /** Fraction of the input read, 0..1, or -1 when the total is not known. */
  public double fractionRead() {
    return inputBytesTotal > 0 ? Math.min(1.0, (double) inputBytesRead / inputBytesTotal) : -1;
  }

  private double seconds() {
    return Math.max(elapsed.toMillis(), 1) / 1000.0;
  }

  /** One line for logs and the end of a run. */
  public String describe() {
    return String.format(Locale.ROOT,
        "%d file(s) (%d failed, %d already done), %,d records (%,d deletes), %,d rejected,"
            + " %.1f MB in %s: %,.0f records/s, %.1f MB/s",
        filesDone, filesFailed, filesSkipped, records, deletes, rejected, bytes / 1e6,
        clock(elapsed), recordsPerSecond(), megabytesPerSecond());
  }

  static String clock(Duration duration) {
    long s = duration.toSeconds();
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }
}
