package org.medlinestream.app.bench;

import org.medlinestream.sink.CitationStore;
import org.medlinestream.sink.CitationStores;

/** Sink alone: a filled citations topic into a store, as {@code sink} does, in a fresh group. */
final class SinkStage {
  private final BenchRun run;

  SinkStage(BenchRun run) {
    this.run = run;
  }

  /** Sinks {@code topics.citations()} into {@code jdbcUrl}; checks every citation is stored. */
  StageResult measure(String name, String storeName, String jdbcUrl, StageTopics topics)
      throws InterruptedException {
    long records = run.corpus.records();
    StageResult result;
    run.heap.reset();
    try (CitationStore store = CitationStores.open(jdbcUrl)) {
      Stopwatch start = Stopwatch.start();
      try (RunningSink sink = RunningSink.start(run, topics, name, store)) {
        run.await(name, records, sink::consumed, () -> sink.consumed() >= records,
            sink::failure);
        result = run.result(name, "citations topic -> " + storeName + " (Avro bytes)",
            sink.consumed(), sink.bytes(), start, null);
      }
    }
    StoredCitations.check(jdbcUrl, records);
    return result;
  }
}
