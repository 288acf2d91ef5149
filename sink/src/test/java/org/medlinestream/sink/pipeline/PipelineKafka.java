package org.medlinestream.sink.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.medlinestream.avro.Citation;
import org.medlinestream.embedded.TestKafka;
import org.medlinestream.schemas.registry.SchemaRegistryClient;
import org.medlinestream.schemas.registry.server.KafkaSchemaLog;
import org.medlinestream.schemas.registry.server.SchemaRegistryServer;
import org.medlinestream.schemas.serde.AvroDeserializer;
import org.medlinestream.schemas.serde.AvroSerializer;
import org.medlinestream.sink.CitationChange;
import org.medlinestream.sink.RetryPolicy;
import org.medlinestream.sink.SinkConfig;

/**
 * The real parts the sink meets in the pipeline, shared by the tests of one JVM: the test Kafka
 * broker ({@link TestKafka#bootstrap()}), an embedded schema registry over HTTP keeping its schemas
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

  /** URL of the registry, started on first use and stopped at exit. */
  public static synchronized String registryUrl() {
    if (registry == null) {
      registry = new SchemaRegistryServer(new KafkaSchemaLog(TestKafka.bootstrap()), "127.0.0.1", 0).start();
      SchemaRegistryServer started = registry;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-registry-close"));
    }
    return registry.url();
  }

  /** New topics named like the pipeline's ({@code medline.citations.<name>-<random>}). */
  public static Topics createTopics(String name) {
    String suffix = TestKafka.unique(name);
    Topics topics = new Topics("medline.citations." + suffix, "medline.dlq." + suffix);
    TestKafka.createTopics(List.of(new NewTopic(topics.citations(), PARTITIONS, (short) 1),
        new NewTopic(topics.deadLetters(), 1, (short) 1)));
    return topics;
  }

  /**
   * The topic holding every {@link RealRecords} change, published once per JVM, with a new
   * dead-letter topic: each reader consumes the same records in its own group.
   */
  public static Topics realRecords(String name) {
    String deadLetters = "medline.dlq." + TestKafka.unique(name);
    TestKafka.createTopics(List.of(new NewTopic(deadLetters, 1, (short) 1)));
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

  /** The sink's settings for these topics and group: small batches, a fast retry. */
  public static SinkConfig sinkConfig(Topics topics, String group, int batchSize) {
    return new SinkConfig(TestKafka.bootstrap(), group, topics.citations(), topics.deadLetters(), batchSize,
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
        KafkaProducer<byte[], byte[]> producer = TestKafka.producer()) {
      for (CitationChange change : changes) {
        byte[] value = change.isDelete() ? null : serializer.serialize(topic, change.citation());
        producer.send(new ProducerRecord<>(topic, utf8(change.pmid()), value));
      }
      producer.flush();
    }
  }

  /** Publishes one record of any bytes. */
  public static void publishRaw(String topic, String key, byte[] value) {
    try (KafkaProducer<byte[], byte[]> producer = TestKafka.producer()) {
      producer.send(new ProducerRecord<>(topic, utf8(key), value));
      producer.flush();
    }
  }

  private static byte[] utf8(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }
}
