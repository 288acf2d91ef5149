package org.medlinestream.app.bench;

import java.util.Optional;
import org.medlinestream.enrich.stream.EnrichService;
import org.medlinestream.ingest.IngestSummary;
import org.medlinestream.sink.CitationStore;
import org.medlinestream.sink.CitationStores;

/**
 * The whole pipeline, as {@code demo} runs it: enrich and sink started and waiting, then ingest of
 * the corpus files; timed from the start of ingest until the sink has committed every citation.
 * The end-to-end latency of a citation is the time its store transaction committed minus the
 * ingest time in its raw record's header.
 */
final class PipelineStage {
  private final BenchRun run;

  PipelineStage(BenchRun run) {
    this.run = run;
  }

  StageResult measure(String storeName, String jdbcUrl) throws InterruptedException {
    StageTopics topics = StageTopics.of(run.id, "pipeline");
    long records = run.corpus.records();
    LatencyHistogram latencies = new LatencyHistogram();
    RunningIngest.createTopics(run, topics);
    StageResult result;
    run.heap.reset();
    try (CitationStore store =
            new LatencyRecordingStore(CitationStores.open(jdbcUrl), latencies);
        EnrichService enrich = new EnrichService(run.enrichConfig(topics, "pipeline"))) {
      enrich.start();
      if (!enrich.awaitRunning(run.timeout)) {
        throw new IllegalStateException("enrich did not start within " + run.timeout.toSeconds()
            + " s");
      }
      try (RunningSink sink = RunningSink.start(run, topics, "pipeline", store)) {
        Stopwatch start = Stopwatch.start();
        try (RunningIngest ingest = RunningIngest.start(run, topics)) {
          run.await("pipeline", records, sink::consumed,
              () -> ingest.isDone() && sink.consumed() >= records,
              () -> sink.failure()
                  .or(() -> enrich.isLive() ? Optional.empty() : Optional.of("enrich stopped")));
          IngestSummary ingested = ingest.summary();
          result = run.result("pipeline", "files -> committed " + storeName
              + " rows (record bytes)", sink.consumed(), ingested.bytes(), start, latencies);
        }
      }
      EnrichStage.checkEveryRecordEnriched(enrich, records);
    }
    StoredCitations.check(jdbcUrl, records);
    return result;
  }
}
