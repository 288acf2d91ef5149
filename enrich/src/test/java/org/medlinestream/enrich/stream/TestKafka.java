package org.medlinestream.enrich.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.medlinestream.embedded.KafkaCluster;
import org.medlinestream.schemas.registry.server.KafkaSchemaLog;
import org.medlinestream.schemas.registry.server.SchemaRegistryServer;

/** The shared test broker, a registry on it, and the reads and waits the tests and the benchmark need. */
public final class TestKafka {
  private TestKafka() {}

  public static String bootstrap() {
    return KafkaCluster.shared().bootstrapServers();
  }

  /** A name no other test uses. */
  public static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static Admin admin() {
    return Admin.create(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()));
  }

  /** The embedded registry over HTTP, its schemas kept on a topic of the shared broker. */
  public static SchemaRegistryServer registry() {
    KafkaSchemaLog log = new KafkaSchemaLog(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()),
        unique("_schemas"), KafkaSchemaLog.DEFAULT_TIMEOUT);
    return new SchemaRegistryServer(log, "127.0.0.1", 0).start();
  }

  /** A config for an enrich instance on the shared broker, its HTTP endpoints on a free port. */
  static EnrichConfig.Builder enrichConfig(String registryUrl, String suffix) {
    return enrichConfig(bootstrap(), registryUrl, suffix);
  }

  /** A config for an enrich instance with topics and application id named after {@code suffix}. */
  static EnrichConfig.Builder enrichConfig(String bootstrap, String registryUrl, String suffix) {
    return EnrichConfig.builder(bootstrap, registryUrl)
        .applicationId("enrich-" + suffix)
        .rawTopic("raw-" + suffix)
        .citationsTopic("citations-" + suffix)
        .dlqTopic("dlq-" + suffix)
        .httpHost("127.0.0.1")
        .httpPort(0);
  }

  static KafkaProducer<byte[], byte[]> producer() {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 << 10);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  public static void produce(List<ProducerRecord<byte[], byte[]>> records) {
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      records.forEach(producer::send);
      producer.flush();
    }
  }

  /** Every committed record of {@code topic}, read to its end with isolation read_committed. */
  public static List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + topic + " to its end " + end);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  /** How many records of each partition of {@code topic} the consumer group {@code group} has not committed yet. */
  static Map<TopicPartition, Long> lags(Admin admin, String group, String topic) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
    int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
        .get(topic).partitions().size();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    Map<TopicPartition, Long> lags = new HashMap<>();
    for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end
        : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
      OffsetAndMetadata done = committed.get(end.getKey());
      lags.put(end.getKey(), end.getValue().offset() - (done == null ? 0 : done.offset()));
    }
    return lags;
  }

  /** Waits until the group has committed every record of {@code topic}. */
  public static void awaitConsumed(String group, String topic, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = admin()) {
      long lag;
      while ((lag = lags(admin, group, topic).values().stream().mapToLong(Long::longValue).sum()) > 0) {
        if (System.nanoTime() > deadline) {
          throw new TimeoutException(group + " still has " + lag + " records of " + topic + " to process after " + timeout);
        }
        Thread.sleep(200);
      }
    } catch (ExecutionException e) {
      throw new AssertionError("cannot read the offsets of " + group, e);
    }
  }
}
