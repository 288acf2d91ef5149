package org.medlinestream.enrich.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.medlinestream.embedded.TestKafka;
import org.medlinestream.enrich.stream.Corpus;
import org.medlinestream.enrich.stream.EnrichConfig;
import org.medlinestream.enrich.stream.EnrichMetrics;
import org.medlinestream.enrich.stream.EnrichTopology;
import org.medlinestream.enrich.stream.PipelineVersion;
import org.medlinestream.enrich.stream.StreamTopics;
import org.medlinestream.enrich.stream.TestEnrich;
import org.medlinestream.schemas.registry.server.SchemaRegistryServer;

/**
 * Citations per second of the enrich topology against an identity topology (raw bytes in, the same
 * bytes out) on the same broker, the same records and the same Kafka Streams settings, in one run.
 * The records are the shared data's citations, each copy given a PMID of its own. Not a test: run
 * {@code ./mvnw -o -q -pl enrich -am test -DskipTests -Pbench [-Dbench.records=10000 -Dbench.threads=1]}.
 */
public final class TopologyBenchmark {
  private static final int PARTITIONS = 6;

  private TopologyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int records = Integer.getInteger("bench.records", 10_000);
    int threads = Integer.getInteger("bench.threads", 1);
    List<Corpus.Item> items = Corpus.rekeyed(records, 50_000_000);
    long bytes = items.stream().mapToLong(item -> item.value().length).sum();
    String run = TestKafka.unique("bench");
    try (SchemaRegistryServer registry = TestEnrich.registry()) {
      EnrichConfig config = EnrichConfig.builder(TestKafka.bootstrap(), registry.url())
          .rawTopic("raw-" + run).citationsTopic("citations-" + run).dlqTopic("dlq-" + run)
          .stateDir(Files.createTempDirectory("bench-state-")).threads(threads).httpPort(-1).build();
      StreamTopics topics = config.topics();
      try (Admin admin = TestKafka.admin()) {
        topics.createMissing(admin, PARTITIONS, (short) 1);
      }
      TestKafka.produce(items.stream().map(item -> new ProducerRecord<>(topics.raw(), null,
          item.key().getBytes(UTF_8), item.value(), item.headers())).toList());
      System.out.printf("%d records (%.1f MiB) on %d partitions, %d stream thread(s), %s%n", records,
          bytes / 1048576.0, PARTITIONS, threads, config.streamsProperties().get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));

      double identity = measure("identity", identity(topics.raw(), "copy-" + run), config, "identity-" + run,
          topics.raw(), records);
      try (EnrichMetrics metrics = new EnrichMetrics()) {
        double enrich = measure("enrich", EnrichTopology.build(topics, metrics, PipelineVersion.current()), config,
            "enrich-" + run, topics.raw(), records);
        System.out.printf("enrich / identity = %.2f (target >= 0.5); parse time %.3f ms on average%n",
            enrich / identity, metrics.metrics().entrySet().stream()
                .filter(metric -> metric.getKey().name().equals("parse-time-avg-ms"))
                .mapToDouble(metric -> ((Number) metric.getValue().metricValue()).doubleValue()).sum());
      }
      topics.close();
    }
    System.exit(0);
  }

  private static Topology identity(String from, String to) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(from, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
        .to(to, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
    return builder.build();
  }

  /** Records per second from RUNNING until the application has committed every raw record. */
  private static double measure(String name, Topology topology, EnrichConfig config, String applicationId,
      String rawTopic, int records) throws Exception {
    Properties props = config.streamsProperties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    CountDownLatch running = new CountDownLatch(1);
    try (KafkaStreams streams = new KafkaStreams(topology, props)) {
      streams.setStateListener((now, before) -> {
        if (now == KafkaStreams.State.RUNNING) {
          running.countDown();
        }
      });
      streams.start();
      if (!running.await(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException(name + " did not start");
      }
      long start = System.nanoTime();
      TestKafka.awaitConsumed(applicationId, rawTopic, Duration.ofMinutes(30));
      double seconds = (System.nanoTime() - start) / 1e9;
      double perSecond = records / seconds;
      System.out.printf("%-8s %6.1f s %8.0f records/s%n", name, seconds, perSecond);
      return perSecond;
    }
  }
}
