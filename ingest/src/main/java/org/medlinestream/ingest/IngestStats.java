package org.medlinestream.ingest;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters of an ingest, updated as transactions commit and read by the progress display.
 * Thread-safe.
 */
public final class IngestStats {
  private final long startNanos = System.nanoTime();
  private final AtomicLong filesTotal = new AtomicLong(-1);
  private final AtomicLong filesDone = new AtomicLong();
  private final AtomicLong filesFailed = new AtomicLong();
  private final AtomicLong filesSkipped = new AtomicLong();
  private final AtomicLong records = new AtomicLong();
  private final AtomicLong deletes = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong inputBytesRead = new AtomicLong();
  private final AtomicLong inputBytesTotal = new AtomicLong(-1);
  private volatile String currentSource = "";

  /** Sets the number of files and their total size, when known in advance. */
  void expect(long files, long totalBytes) {
    filesTotal.set(files);
    inputBytesTotal.set(totalBytes);
  }

  void reading(String source) {
    currentSource = source;
  }

  void inputRead(long count) {
    inputBytesRead.addAndGet(count);
  }

  /** Adds what a commit moved a source from {@code before} to {@code after}. */
  void committed(Checkpoint before, Checkpoint after) {
    records.addAndGet(after.records() - before.records());
    deletes.addAndGet(after.deletes() - before.deletes());
    rejected.addAndGet(after.rejected() - before.rejected());
    bytes.addAndGet(after.bytes() - before.bytes());
  }

  void sourceEnded(SourceOutcome outcome) {
    filesDone.incrementAndGet();
    if (outcome.status() == SourceOutcome.Status.FAILED) {
      filesFailed.incrementAndGet();
    } else if (outcome.status() == SourceOutcome.Status.ALREADY_DONE) {
      filesSkipped.incrementAndGet();
    }
  }

  public IngestSummary snapshot() {
    return new IngestSummary(filesTotal.get(), filesDone.get(), filesFailed.get(),
        filesSkipped.get(), records.get(), deletes.get(), rejected.get(), bytes.get(),
        inputBytesRead.get(), inputBytesTotal.get(), currentSource,
        java.time.Duration.ofNanos(System.nanoTime() - startNanos));
  }
}
