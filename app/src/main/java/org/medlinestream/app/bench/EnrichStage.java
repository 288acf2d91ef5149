package org.medlinestream.app.bench;

import java.util.Optional;
import org.medlinestream.enrich.stream.EnrichConfig;
import org.medlinestream.enrich.stream.EnrichMetrics.Counter;
import org.medlinestream.enrich.stream.EnrichService;

/**
 * Enrich alone: the topology, as {@code enrich} runs it, from a filled raw topic to citations;
 * timed from RUNNING until the application has committed every raw record.
 */
final class EnrichStage {
  private final BenchRun run;

  EnrichStage(BenchRun run) {
    this.run = run;
  }

  StageResult measure(StageTopics topics, long rawBytes) throws InterruptedException {
    EnrichConfig config = run.enrichConfig(topics, "enrich");
    long records = run.corpus.records();
    run.heap.reset();
    try (EnrichService enrich = new EnrichService(config);
        ConsumerLag lag = new ConsumerLag(run.stack.bootstrapServers())) {
      enrich.start();
      if (!enrich.awaitRunning(run.timeout)) {
        throw new IllegalStateException("enrich did not start within " + run.timeout.toSeconds()
            + " s");
      }
      Stopwatch start = Stopwatch.start();
      run.await("enrich", records, () -> enrich.metrics().total(Counter.RECORDS_IN),
          () -> enrich.metrics().total(Counter.RECORDS_IN) >= records
              && lag.of(config.applicationId(), topics.raw()) == 0,
          () -> enrich.isLive() ? Optional.empty() : Optional.of("state " + enrich.state()));
      StageResult result = run.result("enrich", "raw topic -> citations (raw bytes)", records,
          rawBytes, start, null);
      checkEveryRecordEnriched(enrich, records);
      return result;
    }
  }

  /** Fails unless enrich turned every one of {@code records} into a citation. */
  static void checkEveryRecordEnriched(EnrichService enrich, long records) {
    long out = enrich.metrics().total(Counter.RECORDS_OUT);
    long dead = enrich.metrics().total(Counter.DEAD_LETTERS);
    if (out != records || dead != 0) {
      throw new IllegalStateException(String.format("enrich wrote %d citations and %d dead"
          + " letters for %d records; every corpus record should become one citation", out,
          dead, records));
    }
  }
}
