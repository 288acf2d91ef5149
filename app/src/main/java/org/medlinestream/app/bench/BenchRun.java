package org.medlinestream.app.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Deserializer;
import org.medlinestream.app.LocalStack;
import org.medlinestream.avro.Citation;
import org.medlinestream.enrich.stream.EnrichConfig;
import org.medlinestream.ingest.IngestConfig;
import org.medlinestream.schemas.serde.SpecificAvroSerde;
import org.medlinestream.sink.SinkConfig;

/**
 * What every stage of one benchmark run shares: the stack, the corpus, a work folder, the heap
 * monitor, progress output, and the services' settings (the defaults of {@code demo}, on the
 * stage's own topics).
 */
final class BenchRun {
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
  private static final Duration POLL = Duration.ofMillis(100);

  final LocalStack stack;
  final BenchCorpus.Written corpus;
  final Path work;
  final String id;
  final HeapMonitor heap;
  final PrintWriter out;
  final Duration timeout;
  final int enrichThreads;

  BenchRun(LocalStack stack, BenchCorpus.Written corpus, Path work, String id, HeapMonitor heap,
      PrintWriter out, Duration timeout, int enrichThreads) {
    this.stack = stack;
    this.corpus = corpus;
    this.work = work;
    this.id = id;
    this.heap = heap;
    this.out = out;
    this.timeout = timeout;
    this.enrichThreads = enrichThreads;
  }

  /** Ingest's defaults, on the stage's topics, with a transactional id of its own. */
  IngestConfig ingestConfig(StageTopics topics) {
    return IngestConfig.builder(stack.bootstrapServers())
        .rawTopic(topics.raw())
        .dlqTopic(topics.dlq())
        .checkpointTopic(topics.checkpoints())
        .transactionalId("bench-" + topics.raw())
        .progressInterval(Duration.ofHours(1))
        .build();
  }

  /** Enrich's defaults (exactly once), with the run's stream threads, on the stage's topics. */
  EnrichConfig enrichConfig(StageTopics topics, String stage) {
    return EnrichConfig.builder(stack.bootstrapServers(), stack.registryUrl())
        .applicationId("bench-" + id + "-" + stage + "-enrich")
        .stateDir(work.resolve("streams-" + stage))
        .httpPort(-1)
        .threads(enrichThreads)
        .rawTopic(topics.raw())
        .citationsTopic(topics.citations())
        .dlqTopic(topics.dlq())
        .build();
  }

  /** Sink's defaults, in a group of its own, from the stage's citations topic. */
  SinkConfig sinkConfig(StageTopics topics, String stage) {
    SinkConfig defaults = SinkConfig.defaults(stack.bootstrapServers());
    return new SinkConfig(stack.bootstrapServers(), "bench-" + id + "-" + stage + "-sink",
        topics.citations(), topics.dlq(), defaults.batchSize(), defaults.pollTimeout(),
        defaults.retry(), Map.of());
  }

  /** The citations' deserializer, as {@code sink} configures it. */
  Deserializer<Citation> citationDeserializer() {
    SpecificAvroSerde<Citation> serde = new SpecificAvroSerde<>(Citation.class);
    serde.configure(Map.of("schema.registry.url", stack.registryUrl()), false);
    return serde.deserializer();
  }

  /**
   * Waits until {@code done}, printing {@code progress} of {@code total} every few seconds.
   *
   * @throws IllegalStateException when a part failed (as {@code failure} says) or the run's
   *     timeout passed
   */
  void await(String stage, long total, LongSupplier progress, BooleanSupplier done,
      Supplier<Optional<String>> failure) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    long nextReport = start + PROGRESS_EVERY.toNanos();
    while (!done.getAsBoolean()) {
      Optional<String> failed = failure.get().or(stack::failure);
      if (failed.isPresent()) {
        throw new IllegalStateException(stage + " failed: " + failed.get());
      }
      long now = System.nanoTime();
      if (now > deadline) {
        throw new IllegalStateException(String.format("%s did not finish within %d s (%,d of"
            + " %,d records); the machine may be overloaded: try a larger --timeout or fewer"
            + " --records", stage, timeout.toSeconds(), progress.getAsLong(), total));
      }
      if (now >= nextReport) {
        long sofar = progress.getAsLong();
        out.printf("  %-16s %,12d of %,d records (%3.0f%%), %.0f s%n", stage, sofar, total,
            100.0 * sofar / Math.max(1, total), (now - start) / 1e9);
        out.flush();
        nextReport = now + PROGRESS_EVERY.toNanos();
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /** The result of a stage that moved {@code records} and {@code bytes} since {@code start}. */
  StageResult result(String name, String what, long records, long bytes, Stopwatch start,
      LatencyHistogram latencies) {
    double seconds = start.seconds();
    double brokerCpu = start.brokerCpuSeconds();
    StageResult result = new StageResult(name, what, records, bytes, seconds,
        start.benchCpuSeconds() + brokerCpu, brokerCpu,
        latencies == null ? -1 : latencies.percentile(0.50),
        latencies == null ? -1 : latencies.percentile(0.99),
        heap.peakUsedBytes(), heap.peakAfterGcBytes());
    out.printf("  %-16s %,12d records in %6.1f s: %,9.0f records/s, %6.1f MB/s, %.1f CPU s"
            + " (bench %.1f, broker %.1f)%n", name, records, seconds, result.recordsPerSecond(),
        result.megabytesPerSecond(), result.cpuSeconds(), result.benchCpuSeconds(), brokerCpu);
    out.flush();
    return result;
  }
}
