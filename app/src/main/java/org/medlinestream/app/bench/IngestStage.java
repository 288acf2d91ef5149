package org.medlinestream.app.bench;

import java.util.Optional;
import org.medlinestream.ingest.IngestSummary;

/** Ingest alone: the corpus files onto a raw topic, exactly once, as {@code ingest} does. */
final class IngestStage {
  private final BenchRun run;

  IngestStage(BenchRun run) {
    this.run = run;
  }

  /** Fills the topics' raw topic; the result counts the records and value bytes committed. */
  StageResult measure(StageTopics topics) throws InterruptedException {
    RunningIngest.createTopics(run, topics);
    run.heap.reset();
    Stopwatch start = Stopwatch.start();
    IngestSummary summary;
    try (RunningIngest ingest = RunningIngest.start(run, topics)) {
      run.await("ingest", run.corpus.records(), ingest::records, ingest::isDone, Optional::empty);
      summary = ingest.summary();
    }
    return run.result("ingest", "files -> raw topic (record bytes)", summary.records(),
        summary.bytes(), start, null);
  }
}
