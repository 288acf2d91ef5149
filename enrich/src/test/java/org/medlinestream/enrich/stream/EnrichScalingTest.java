package org.medlinestream.enrich.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medlinestream.avro.Citation;
import org.medlinestream.embedded.TestKafka;
import org.medlinestream.schemas.registry.server.SchemaRegistryServer;

/**
 * Two enrich instances with one application id on a 6-partition raw topic share the partitions;
 * when one (in a JVM of its own) is killed with {@code kill -9} in the middle of the work, the other
 * takes its partitions over, and the committed output has every record exactly once.
 */
class EnrichScalingTest {
  private static final int RECORDS = 1_200;
  private static final int PARTITIONS = 6;

  @TempDir Path dir;
  /** The other instance's log, kept for a look after the run. */
  private final Path otherLog = Path.of("target", TestKafka.unique("enrich-process") + ".log");

  /** The settings both instances run with: quick to notice a dead member and to abort its transaction. */
  static EnrichConfig instance(String bootstrap, String registryUrl, String suffix, Path stateDir) {
    return TestEnrich.config(bootstrap, registryUrl, suffix)
        .stateDir(stateDir)
        .streamsProperty(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6_000)
        .streamsProperty(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1_000)
        .streamsProperty(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), 5_000)
        .build();
  }

  @Test
  void twoInstancesSplitThePartitionsAndKillingOneLosesAndDuplicatesNothing() throws Exception {
    String suffix = TestKafka.unique("scaling");
    try (SchemaRegistryServer registry = TestEnrich.registry()) {
      EnrichConfig config = instance(TestKafka.bootstrap(), registry.url(), suffix, dir.resolve("local"));
      StreamTopics topics = config.topics();
      try (Admin admin = TestKafka.admin()) {
        topics.createMissing(admin, PARTITIONS, (short) 1);
      }
      Process other = startOtherInstance(registry.url(), suffix);
      List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
      for (Corpus.Item item : Corpus.rekeyed(RECORDS, 40_000_000)) {
        records.add(new ProducerRecord<>(topics.raw(), null, item.key().getBytes(UTF_8), item.value(), item.headers()));
      }
      try (EnrichService local = new EnrichService(config); Admin admin = TestKafka.admin()) {
        awaitLine(otherLog, EnrichProcess.RUNNING, other);
        local.start();
        Set<TopicPartition> mine = awaitTasks(local, PARTITIONS / 2);

        TestKafka.produce(records);

        long othersLag = awaitProgressOfTheOther(admin, config, topics, mine);
        other.destroyForcibly().waitFor();
        assertThat(othersLag).as("the other instance was killed in the middle of its work").isPositive();

        TestKafka.awaitConsumed(config.applicationId(), topics.raw(), Duration.ofMinutes(2));
        assertThat(awaitTasks(local, PARTITIONS)).hasSize(PARTITIONS);
      } finally {
        other.destroyForcibly();
      }

      List<ConsumerRecord<byte[], byte[]>> out = TestKafka.readCommitted(topics.citations());
      Set<String> keys = new HashSet<>();
      for (ConsumerRecord<byte[], byte[]> record : out) {
        String key = new String(record.key(), UTF_8);
        keys.add(key);
        Citation citation = topics.citationDeserializer().deserialize(topics.citations(), record.value());
        assertThat(citation.getPmid()).isEqualTo(key);
      }
      assertThat(keys).as("every record is there").hasSize(RECORDS);
      assertThat(out).as("no record is there twice").hasSize(RECORDS);
      assertThat(TestKafka.readCommitted(topics.dlq())).isEmpty();
      topics.close();
    }
  }

  private Process startOtherInstance(String registryUrl, String suffix) throws IOException {
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dlog4j2.configurationFile=" + System.getProperty("log4j2.configurationFile", ""),
        "-cp", System.getProperty("java.class.path"), EnrichProcess.class.getName(),
        TestKafka.bootstrap(), registryUrl, suffix, dir.resolve("other").toString());
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(otherLog.toFile()).start();
  }

  /** The raw partitions of the local instance once it has {@code count} active tasks. */
  private static Set<TopicPartition> awaitTasks(EnrichService local, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (true) {
      Set<TopicPartition> partitions = new HashSet<>();
      for (ThreadMetadata thread : local.streams().metadataForLocalThreads()) {
        for (TaskMetadata task : thread.activeTasks()) {
          partitions.addAll(task.topicPartitions());
        }
      }
      if (partitions.size() == count && local.isReady()) {
        return partitions;
      }
      assertThat(System.nanoTime()).as("local instance has %d tasks, not %d", partitions.size(), count)
          .isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  /**
   * Waits until the other instance has committed some of its partitions' records; returns what it
   * still has to do then (at least what it read since its last commit).
   */
  private static long awaitProgressOfTheOther(Admin admin, EnrichConfig config, StreamTopics topics,
      Set<TopicPartition> mine) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    long share = lagOfTheOther(admin, config, topics, mine);
    long theirs = share;
    while (theirs == share) {
      assertThat(System.nanoTime()).as("the other instance makes progress").isLessThan(deadline);
      Thread.sleep(200);
      theirs = lagOfTheOther(admin, config, topics, mine);
    }
    return theirs;
  }

  private static long lagOfTheOther(Admin admin, EnrichConfig config, StreamTopics topics, Set<TopicPartition> mine)
      throws Exception {
    long theirs = 0;
    for (Map.Entry<TopicPartition, Long> lag : TestKafka.lags(admin, config.applicationId(), topics.raw()).entrySet()) {
      theirs += mine.contains(lag.getKey()) ? 0 : lag.getValue();
    }
    return theirs;
  }

  private static void awaitLine(Path log, String line, Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!Files.exists(log) || !Files.readString(log).contains(line)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("the other enrich instance did not start; its log:\n"
            + (Files.exists(log) ? Files.readString(log) : "(none)"));
      }
      Thread.sleep(200);
    }
  }
}
