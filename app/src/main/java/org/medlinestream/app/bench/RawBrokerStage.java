package org.medlinestream.app.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.medlinestream.ingest.IngestConfig;
import org.medlinestream.ingest.IngestTopics;
import org.medlinestream.ingest.source.RawRecord;

/**
 * The machine's limit: Kafka's own producer, then its own consumer, moving the corpus's raw
 * records (same keys and values, read into memory first) through a topic made like the raw topic,
 * with ingest's producer settings (acks=all, idempotence, compression, linger, batch size, buffer)
 * but without transactions, parsing or files.
 */
final class RawBrokerStage {
  private static final Duration POLL = Duration.ofMillis(200);

  private final BenchRun run;

  RawBrokerStage(BenchRun run) {
    this.run = run;
  }

  /**
   * Rounds of produce-then-consume, each on a topic of its own. One round's stages last a few
   * seconds, and between idle runs a single round's figure moved by half; the median of three
   * holds better.
   */
  private static final int ROUNDS = 3;

  /** Heap the stage needs per byte of records it holds: 1.25 measured, plus room for the rest. */
  private static final double HEAP_PER_CORPUS_BYTE = 1.5;

  /**
   * Fails, saying what to do, when a heap of {@code maxHeapBytes} cannot hold the stage's copy of
   * a corpus of {@code corpusBytes}; called before anything runs, not after the warm-up.
   */
  static void requireHeapFor(long corpusBytes, long maxHeapBytes) {
    long needed = (long) (corpusBytes * HEAP_PER_CORPUS_BYTE);
    if (needed > maxHeapBytes) {
      throw new IllegalStateException(String.format("the raw-broker stage holds the corpus's"
          + " records in memory (%,d MB), which needs about %,d MB of heap, and this JVM has at"
          + " most %,d MB: give it more (MEDLINE_STREAM_JAVA_OPTS=-Xmx%dg), or fewer --records,"
          + " or measure only the pipeline (--pipeline-only)", corpusBytes / 1_000_000,
          needed / 1_000_000, maxHeapBytes / 1_000_000, needed / 1_000_000_000 + 1));
    }
  }

  /**
   * Results of the producer, the consumer, and both one after the other ("broker"), from the
   * round whose produce and consume took the median time. Every round produces before any
   * consumes, so that the consumers' heap is measured without the corpus held in memory.
   */
  List<StageResult> measure() {
    List<RawRecord> records = BenchCorpus.readAll(run.corpus.files());
    long bytes = records.stream().mapToLong(record -> record.value().length).sum();
    List<String> topics = new ArrayList<>();
    List<StageResult> produced = new ArrayList<>();
    for (int round = 1; round <= ROUNDS; round++) {
      IngestConfig settings = run.ingestConfig(StageTopics.of(run.id, "broker" + round));
      IngestTopics.ensure(settings);
      topics.add(settings.rawTopic());
      produced.add(produce(settings, records, bytes));
    }
    records = null;
    System.gc();
    List<List<StageResult>> rounds = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      StageResult produce = produced.get(round);
      StageResult consume = consume(topics.get(round), round + 1, produce.records(), bytes);
      rounds.add(List.of(both(produce, consume), produce, consume));
    }
    run.out.printf("  broker rounds: %s records/s; the median one is reported%n",
        rounds.stream().map(round -> String.format("%,.0f", round.get(0).recordsPerSecond()))
            .collect(Collectors.joining(", ")));
    rounds.sort(Comparator.comparingDouble(round -> round.get(0).seconds()));
    return rounds.get(ROUNDS / 2);
  }

  private static StageResult both(StageResult produced, StageResult consumed) {
    return new StageResult("broker", "raw broker: produce then consume",
        produced.records(), produced.bytes(), produced.seconds() + consumed.seconds(),
        produced.cpuSeconds() + consumed.cpuSeconds(),
        produced.brokerCpuSeconds() + consumed.brokerCpuSeconds(), -1, -1,
        Math.max(produced.peakHeapBytes(), consumed.peakHeapBytes()),
        Math.max(produced.peakHeapAfterGcBytes(), consumed.peakHeapAfterGcBytes()));
  }

  private StageResult produce(IngestConfig settings, List<RawRecord> records, long bytes) {
    AtomicReference<Exception> failure = new AtomicReference<>();
    run.heap.reset();
    Stopwatch start = Stopwatch.start();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings.producerProperties(),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      for (RawRecord record : records) {
        producer.send(new ProducerRecord<>(settings.rawTopic(), record.pmid().getBytes(UTF_8),
            record.value()), (metadata, error) -> {
              if (error != null) {
                failure.compareAndSet(null, error);
              }
            });
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("the broker refused a record: " + failure.get(),
          failure.get());
    }
    return run.result("broker-produce", "Kafka producer, ingest's settings", records.size(),
        bytes, start, null);
  }

  private StageResult consume(String topic, int round, long expected, long bytes) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, run.stack.bootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + run.id + "-broker" + round);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    run.heap.reset();
    Stopwatch start = Stopwatch.start();
    long received = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config,
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      while (received < expected) {
        if (start.exceeded(run.timeout)) {
          throw new IllegalStateException("the broker's consumer read " + received + " of "
              + expected + " records within " + run.timeout.toSeconds() + " s");
        }
        received += consumer.poll(POLL).count();
      }
    }
    return run.result("broker-consume", "Kafka consumer", received, bytes, start, null);
  }
}
