package org.medlinestream.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.medlinestream.embedded.KafkaCluster;

/** The shared test broker, topics of their own for each test, and read_committed reads. */
final class TestKafka {
  private TestKafka() {}

  static String bootstrap() {
    return KafkaCluster.shared().bootstrapServers();
  }

  /** Settings with topics and a transactional id no other test uses. */
  static IngestConfig.Builder config(String name) {
    return config(bootstrap(), name + "-" + UUID.randomUUID().toString().substring(0, 8));
  }

  static IngestConfig.Builder config(String bootstrap, String suffix) {
    return IngestConfig.builder(bootstrap)
        .rawTopic("raw-" + suffix)
        .dlqTopic("dlq-" + suffix)
        .checkpointTopic("checkpoints-" + suffix)
        .transactionalId("ingest-" + suffix)
        .partitions(3)
        .progressInterval(Duration.ofSeconds(30));
  }

  /**
   * Every committed record of {@code topic}, read to its end with isolation read_committed. A
   * commit returns before the broker has written the markers that make its records visible, so the
   * topic is read again until two reads half a second apart agree.
   */
  static List<ConsumerRecord<byte[], byte[]>> readCommitted(String bootstrap, String topic) {
    List<ConsumerRecord<byte[], byte[]>> previous = readCommittedOnce(bootstrap, topic);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      sleepHalfASecond();
      List<ConsumerRecord<byte[], byte[]>> records = readCommittedOnce(bootstrap, topic);
      if (records.size() == previous.size()) {
        return records;
      }
      previous = records;
    }
    return previous;
  }

  private static List<ConsumerRecord<byte[], byte[]>> readCommittedOnce(String bootstrap,
      String topic) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    forEachCommitted(bootstrap, topic, records::add);
    return records;
  }

  private static void sleepHalfASecond() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading a topic", e);
    }
  }

  private static void forEachCommitted(String bootstrap, String topic,
      Consumer<ConsumerRecord<byte[], byte[]>> action) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
      List<TopicPartition> partitions = partitions(consumer, topic);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + topic + " to its end " + end);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(action);
      }
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 << 20);
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    return consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
        .map(p -> new TopicPartition(topic, p.partition())).toList();
  }
}
