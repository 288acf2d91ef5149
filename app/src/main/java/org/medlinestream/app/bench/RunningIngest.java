package org.medlinestream.app.bench;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.medlinestream.ingest.IngestConfig;
import org.medlinestream.ingest.IngestService;
import org.medlinestream.ingest.IngestSummary;
import org.medlinestream.ingest.IngestTopics;

/**
 * An ingest of the corpus files onto a stage's raw topic, running on its own thread; closing it
 * stops it if it still runs.
 */
final class RunningIngest implements AutoCloseable {
  private final IngestService ingest;
  private final FutureTask<IngestSummary> ended;
  private final long expected;

  private RunningIngest(IngestService ingest, long expected) {
    this.ingest = ingest;
    this.ended = new FutureTask<>(ingest::awaitTermination);
    this.expected = expected;
  }

  /** Creates the stage's raw, dead-letter and checkpoint topics, as ingest makes them. */
  static void createTopics(BenchRun run, StageTopics topics) {
    IngestTopics.ensure(run.ingestConfig(topics));
  }

  /** Starts publishing every corpus file (creating the topics first if missing). */
  static RunningIngest start(BenchRun run, StageTopics topics) {
    IngestConfig config = run.ingestConfig(topics);
    RunningIngest running = new RunningIngest(IngestService.forInputs(config,
        run.corpus.files().stream().map(Path::toString).toList()), run.corpus.records());
    running.ingest.start();
    Thread waiter = new Thread(running.ended, "bench-ingest-wait");
    waiter.setDaemon(true);
    waiter.start();
    return running;
  }

  /** Records committed so far. */
  long records() {
    return ingest.progress().records();
  }

  boolean isDone() {
    return ended.isDone();
  }

  /**
   * How the ingest ended.
   *
   * @throws IllegalStateException when it failed or did not publish every record of the corpus
   */
  IngestSummary summary() throws InterruptedException {
    IngestSummary summary;
    try {
      summary = ended.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("ingest failed: " + e.getCause().getMessage(), e.getCause());
    }
    if (summary.filesFailed() > 0 || summary.records() != expected) {
      throw new IllegalStateException("ingest published " + summary.records() + " of "
          + expected + " records: " + summary.describe());
    }
    return summary;
  }

  @Override
  public void close() {
    if (!isDone()) {
      ingest.stop();
    }
  }
}
