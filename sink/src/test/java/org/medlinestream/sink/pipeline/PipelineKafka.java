package org.medlinestream.sink.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
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
import org.apache.kafka.common.serialization.Deserializer;
import org.medlinestream.avro.Citation;
import org.medlinestream.embedded.KafkaCluster;
import org.medlinestream.schemas.registry.SchemaRegistryClient;
import org.medlinestream.schemas.registry.server.KafkaSchemaLog;
import org.medlinestream.schemas.registry.server.SchemaRegistryServer;
import org.medlinestream.schemas.serde.AvroDeserializer;
import org.medlinestream.schemas.serde.AvroSerializer;
import org.medlinestream.sink.CitationChange;
import org.medlinestream.sink.RetryPolicy;
import org.medlinestream.sink.SinkConfig;

/**
 * The real parts the sink meets in the pipeline, shared by the tests of one JVM: the shared Kafka
 * broker ({@link KafkaCluster#shared()}), an embedded schema registry over HTTP keeping its schemas
 * on that broker, and topics of their own for each test. Citations go onto the topic as the enrich
 * stage writes them: Avro in the Confluent wire format, keyed by PMID; deletes as tombstones.
 */
public final class PipelineKafka {
  private static final int PARTITIONS = 3;
  private static SchemaRegistryServer registry;
  private static String realRecordsTopic;

  private PipelineKafka() {}

  /** A citations topic and a dead-letter topic no other test uses. */
  public record Topics(String citations, String deadLetters) {}

  public static String bootstrap() {
    return KafkaCluster.shared().bootstrapServers();
  }

  /** URL of the registry, started on first use and stopped at exit. */
  public static synchronized String registryUrl() {
    if (registry == null) {
      registry = new SchemaRegistryServer(new KafkaSchemaLog(bootstrap()), "127.0.0.1", 0).start();
      SchemaRegistryServer started = registry;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-registry-close"));
    }
    return registry.url();
  }

  /** New topics named like the pipeline's ({@code medline.citations.<name>-<random>}). */
  public static Topics createTopics(String name) {
    String suffix = unique(name);
    Topics topics = new Topics("medline.citations." + suffix, "medline.dlq." + suffix);
    createTopics(List.of(new NewTopic(topics.citations(), PARTITIONS, (short) 1),
        new NewTopic(topics.deadLetters(), 1, (short) 1)));
    return topics;
  }

  /**
   * The topic holding every {@link RealRecords} change, published once per JVM, with a new
   * dead-letter topic: each reader consumes the same records in its own group.
   */
  public static Topics realRecords(String name) {
    String deadLetters = "medline.dlq." + unique(name);
    createTopics(List.of(new NewTopic(deadLetters, 1, (short) 1)));
    return new Topics(realRecordsTopic(), deadLetters);
  }

  private static synchronized String realRecordsTopic() {
    if (realRecordsTopic == null) {
      Topics topics = createTopics("real-records");
      publish(topics.citations(), RealRecords.get().changes());
      realRecordsTopic = topics.citations();
    }
    return realRecordsTopic;
  }

  private static void createTopics(List<NewTopic> topics) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap()))) {
      admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot create " + topics, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The sink's settings for these topics and group: small batches, a fast retry. */
  public static SinkConfig sinkConfig(Topics topics, String group, int batchSize) {
    return new SinkConfig(bootstrap(), group, topics.citations(), topics.deadLetters(), batchSize,
        Duration.ofMillis(200), RetryPolicy.defaults(), Map.of());
  }

  /** The project's deserializer, reading schemas from the registry. */
  public static Deserializer<Citation> deserializer(String registryUrl) {
    return new AvroDeserializer<>(SchemaRegistryClient.forUrl(registryUrl), true, null);
  }

  /** Publishes the changes in order: citations serialized by the project's serializer, deletes as tombstones. */
  public static void publish(String topic, List<CitationChange> changes) {
    try (AvroSerializer<Citation> serializer =
            new AvroSerializer<>(SchemaRegistryClient.forUrl(registryUrl()));
        KafkaProducer<byte[], byte[]> producer = producer()) {
      for (CitationChange change : changes) {
        byte[] value = change.isDelete() ? null : serializer.serialize(topic, change.citation());
        producer.send(new ProducerRecord<>(topic, utf8(change.pmid()), value));
      }
      producer.flush();
    }
  }

  /** Publishes one record of any bytes. */
  public static void publishRaw(String topic, String key, byte[] value) {
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      producer.send(new ProducerRecord<>(topic, utf8(key), value));
      producer.flush();
    }
  }

  /** Offsets the group has committed on the topic, summed over its partitions. */
  public static long committed(String group, String topic) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap()))) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      return offsets.entrySet().stream()
          .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset()).sum();
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot read the offsets of group " + group, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Records on the topic, summed over its partitions. */
  public static long end(String topic) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap()))) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (int p = 0; p < PARTITIONS; p++) {
        latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
      }
      return admin.listOffsets(latest).all().get().values().stream()
          .mapToLong(info -> info.offset()).sum();
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot read the end offsets of " + topic, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Waits until the group has committed every record of the topic, running {@code check} (which
   * throws to give up early) while it waits.
   */
  public static void awaitConsumed(String group, String topic, Duration timeout, Runnable check)
      throws InterruptedException {
    long end = end(topic);
    long deadline = System.nanoTime() + timeout.toNanos();
    long committed;
    while ((committed = committed(group, topic)) < end) {
      check.run();
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Group " + group + " committed " + committed + " of " + end
            + " records of " + topic + " within " + timeout);
      }
      Thread.sleep(100);
    }
  }

  /** Every record of a single-partition topic, from its start to its end. */
  public static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties,
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (consumer.position(partition) < end && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  private static KafkaProducer<byte[], byte[]> producer() {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    properties.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static byte[] utf8(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }
}
