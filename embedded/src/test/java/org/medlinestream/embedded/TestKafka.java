package org.medlinestream.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
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
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Kafka of the tests of every module, and the topic reads and waits they need. The broker is
 * the shared embedded one ({@link KafkaCluster#shared()}); with
 * {@code -Dmedline.test.kafka=testcontainers} and Docker available, Apache Kafka's own image in a
 * container instead. Published in this module's test-jar.
 */
public final class TestKafka {
  public static final String PROPERTY = "medline.test.kafka";
  /** Apache Kafka's image of the version in the root pom. */
  private static final String IMAGE = "apache/kafka:4.4.0";
  /** How long a commit's markers may take to appear, at most. */
  private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration READ_TIMEOUT = Duration.ofMinutes(5);

  private static String bootstrap;

  private TestKafka() {}

  public static synchronized String bootstrap() {
    if (bootstrap == null) {
      bootstrap = "testcontainers".equals(System.getProperty(PROPERTY))
          && DockerClientFactory.instance().isDockerAvailable()
          ? startContainer()
          : KafkaCluster.shared().bootstrapServers();
    }
    return bootstrap;
  }

  @SuppressWarnings("resource") // Stopped by Testcontainers' reaper when the test JVM exits.
  private static String startContainer() {
    KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(IMAGE));
    kafka.start();
    return kafka.getBootstrapServers();
  }

  /** Settings of a client of the test broker. */
  public static Map<String, Object> clientConfig() {
    return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
  }

  /** A name no other test uses. */
  public static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static Admin admin() {
    return Admin.create(clientConfig());
  }

  public static void createTopics(List<NewTopic> topics) {
    try (Admin admin = admin()) {
      admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create " + topics, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static KafkaProducer<byte[], byte[]> producer() {
    Map<String, Object> props = new HashMap<>(clientConfig());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 << 10);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Sends the records and waits until the broker has them. */
  public static void produce(List<ProducerRecord<byte[], byte[]>> records) {
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      records.forEach(producer::send);
      producer.flush();
    }
  }

  /** {@link #readCommitted(Map, String)} on the test broker. */
  public static List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic) {
    return readCommitted(clientConfig(), topic);
  }

  /**
   * Every committed record of {@code topic}, read to its end with isolation read_committed by a
   * client with {@code client} settings. A commit returns before the broker has written the
   * markers that make its records visible, so the topic is read again until two reads half a
   * second apart agree.
   */
  public static List<ConsumerRecord<byte[], byte[]>> readCommitted(Map<String, Object> client,
      String topic) {
    List<ConsumerRecord<byte[], byte[]>> previous = readOnce(client, topic);
    long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      sleep(500);
      List<ConsumerRecord<byte[], byte[]>> records = readOnce(client, topic);
      if (records.size() == previous.size()) {
        return records;
      }
      previous = records;
    }
    return previous;
  }

  private static List<ConsumerRecord<byte[], byte[]>> readOnce(Map<String, Object> client,
      String topic) {
    Map<String, Object> props = new HashMap<>(client);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 << 20);
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, SETTLE_TIMEOUT).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, SETTLE_TIMEOUT);
      long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + topic + " to its end " + end);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  /** How many records of each partition of {@code topic} the group has not committed yet. */
  public static Map<TopicPartition, Long> lags(Admin admin, String group, String topic)
      throws ExecutionException, InterruptedException, TimeoutException {
    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
    int partitions = admin.describeTopics(List.of(topic)).allTopicNames()
        .get(30, TimeUnit.SECONDS).get(topic).partitions().size();
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

  /** Offsets the group has committed on {@code topic}, summed over its partitions. */
  public static long committed(String group, String topic) {
    try (Admin admin = admin()) {
      return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
          .get(30, TimeUnit.SECONDS).entrySet().stream()
          .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset()).sum();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read the offsets of group " + group, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits until the group has committed every record of {@code topic}. */
  public static void awaitConsumed(String group, String topic, Duration timeout)
      throws InterruptedException {
    awaitConsumed(group, topic, timeout, () -> { });
  }

  /**
   * Waits until the group has committed every record of {@code topic}, running {@code check}
   * (which throws to give up early) while it waits.
   */
  public static void awaitConsumed(String group, String topic, Duration timeout, Runnable check)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = admin()) {
      long lag;
      while ((lag = lags(admin, group, topic).values().stream().mapToLong(Long::longValue).sum())
          > 0) {
        check.run();
        if (System.nanoTime() > deadline) {
          throw new AssertionError(group + " still has " + lag + " records of " + topic
              + " to process after " + timeout);
        }
        Thread.sleep(200);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("cannot read the offsets of " + group, e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading a topic", e);
    }
  }
}
