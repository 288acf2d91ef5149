package org.medlinestream.reliability;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.medlinestream.app.AppConfig;
import org.medlinestream.app.Main;
import org.medlinestream.app.TopicCreator;
import org.medlinestream.embedded.ChildJvm;
import org.medlinestream.embedded.TestKafka;

/**
 * The three services of the pipeline as the real command line runs them ({@code medline-stream
 * ingest --watch}, {@code enrich}, {@code sink}), each in a child JVM of its own, on topics,
 * groups and folders of this pipeline only. Client settings ({@code kafka.*}, {@code
 * schema.registry.*}) given here reach every service as {@code -D} flags.
 */
final class Pipeline {
  private final String bootstrap;
  private final String registryUrl;
  private final Path dir;
  private final String id = "rel-" + UUID.randomUUID().toString().substring(0, 8);
  private final Map<String, String> settings = new HashMap<>();
  private final Map<String, Object> adminClient = new HashMap<>();

  /**
   * @param dir where the drop folder and Kafka Streams' state go
   * @param clientSettings extra settings of every service ({@code kafka.security.protocol}, ...)
   */
  Pipeline(String bootstrap, String registryUrl, Path dir, Map<String, String> clientSettings) {
    this.bootstrap = bootstrap;
    this.registryUrl = registryUrl;
    this.dir = dir;
    settings.put("topics.raw", "medline.raw." + id);
    settings.put("topics.citations", "medline.citations." + id);
    settings.put("topics.dlq", "medline.dlq." + id);
    settings.put("topics.partitions", "3");
    // A killed member is noticed in seconds, not the default 45.
    settings.put("kafka.session.timeout.ms", "6000");
    settings.put("kafka.heartbeat.interval.ms", "1500");
    settings.putAll(clientSettings);
    adminClient.put("bootstrap.servers", bootstrap);
    clientSettings.forEach((key, value) -> {
      if (key.startsWith(AppConfig.KAFKA_PREFIX)) {
        adminClient.put(key.substring(AppConfig.KAFKA_PREFIX.length()), value);
      }
    });
  }

  Pipeline(String bootstrap, String registryUrl, Path dir) {
    this(bootstrap, registryUrl, dir, Map.of());
  }

  String rawTopic() {
    return settings.get("topics.raw");
  }

  String citationsTopic() {
    return settings.get("topics.citations");
  }

  String dlqTopic() {
    return settings.get("topics.dlq");
  }

  Path dropDir() {
    return dir.resolve("drop");
  }

  /** Logs stay in {@code target/reliability-logs} for a look after the run. */
  Path logFile(String service) {
    return Path.of("target", "reliability-logs", id, service + ".log");
  }

  /** Settings of a Kafka client of the test that reaches the cluster the way the services do. */
  Map<String, Object> clientConfig() {
    return Map.copyOf(adminClient);
  }

  /** Creates the pipeline's topics, as {@code medline-stream topics} does. */
  void createTopics() throws InterruptedException {
    AppConfig config = AppConfig.defaults();
    for (Map.Entry<String, String> setting : settings.entrySet()) {
      config = config.with(setting.getKey(), setting.getValue(), "test");
    }
    try (Admin admin = Admin.create(adminClient)) {
      new TopicCreator(admin).ensure(TopicCreator.pipelineTopics(config));
    }
  }

  /** {@code ingest --watch} on the drop folder, with a stable transactional id. */
  ChildJvm startIngest(String... options) {
    List<String> args = new ArrayList<>(List.of(
        "--watch", dropDir().toString(), "--transactional-id", id + "-ingest"));
    args.addAll(List.of(options));
    return start("ingest", args.toArray(String[]::new));
  }

  /** Enrich, with {@code options} (e.g. {@code -D key=value}) last. */
  ChildJvm startEnrich(String... options) {
    List<String> args = new ArrayList<>(List.of("--application-id", id + "-enrich",
        "--state-dir", dir.resolve("enrich-state").toString()));
    args.addAll(List.of(options));
    return start("enrich", args.toArray(String[]::new));
  }

  String sinkGroup() {
    return id + "-sink";
  }

  /**
   * The sink into {@code target}, committing every {@code batchSize} citations; {@code options}
   * (e.g. {@code -D key=value}, which overrides a setting of the pipeline) come last.
   */
  ChildJvm startSink(String target, int batchSize, String... options) {
    List<String> args = new ArrayList<>(List.of("--target", target, "--group", sinkGroup(),
        "--batch-size", Integer.toString(batchSize)));
    args.addAll(List.of(options));
    return start("sink", args.toArray(String[]::new));
  }

  /** The sum of the sink group's committed offsets. */
  long sinkCommitted() throws Exception {
    return sinkCommittedOffsets().values().stream().mapToLong(Long::longValue).sum();
  }

  /** The sink group's committed offset of each partition of the citations topic. */
  Map<Integer, Long> sinkCommittedOffsets() throws Exception {
    try (Admin admin = Admin.create(adminClient)) {
      Map<Integer, Long> offsets = new HashMap<>();
      admin.listConsumerGroupOffsets(sinkGroup()).partitionsToOffsetAndMetadata()
          .get(60, TimeUnit.SECONDS)
          .forEach((partition, offset) -> offsets.put(partition.partition(), offset.offset()));
      return offsets;
    }
  }

  /**
   * The PMIDs a store holds once it has applied the citations topic up to the sink's committed
   * offsets: those whose last record there is no tombstone.
   */
  Set<String> pmidsUpToSinkCommit() throws Exception {
    Map<Integer, Long> committed = sinkCommittedOffsets();
    Map<String, Boolean> present = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : readCommitted(citationsTopic())) {
      if (record.offset() < committed.getOrDefault(record.partition(), 0L)) {
        present.put(text(record.key()), record.value() != null);
      }
    }
    Set<String> pmids = new TreeSet<>();
    present.forEach((pmid, stored) -> {
      if (stored) {
        pmids.add(pmid);
      }
    });
    return pmids;
  }

  /**
   * What the sink commits once it has consumed every committed citation: the sum over the
   * partitions of the last record's offset + 1 (a transaction's marker after it not counted).
   */
  long citationsConsumedEnd() {
    Map<Integer, Long> ends = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : readCommitted(citationsTopic())) {
      ends.merge(record.partition(), record.offset() + 1, Math::max);
    }
    return ends.values().stream().mapToLong(Long::longValue).sum();
  }

  /** {@code command} in a JVM of its own, its HTTP endpoints on a free port. */
  private ChildJvm start(String command, String... options) {
    List<String> args = new ArrayList<>(List.of(command,
        "--bootstrap-servers", bootstrap, "--schema-registry-url", registryUrl,
        "--http-port", "0"));
    settings.forEach((key, value) -> args.addAll(List.of("-D", key + "=" + value)));
    args.addAll(List.of(options));
    return ChildJvm.guarded(command, logFile(command), List.of("-Xmx256m"), Main.class.getName(),
        args);
  }

  /** Every committed record of {@code topic}, once a commit's markers are written. */
  List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic) {
    return TestKafka.readCommitted(adminClient, topic);
  }

  static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }
}
