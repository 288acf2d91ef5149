package org.medlinestream.enrich.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.medlinestream.avro.Citation;
import org.medlinestream.schemas.TopicCatalogue;
import org.medlinestream.schemas.Topics;
import org.medlinestream.schemas.serde.SpecificAvroSerde;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topics the enrich stage reads and writes, with their serdes: the one place they are wired.
 * The raw and dead-letter topics carry bytes as they are (key PMID, value the raw record); the
 * citations topic carries the PMID as a UTF-8 key and {@link Citation} Avro in the Confluent wire
 * format, written through the project's serde and schema registry.
 */
public final class StreamTopics implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StreamTopics.class);
  private static final long TIMEOUT_SECONDS = 60;

  private final String raw;
  private final String citations;
  private final String dlq;
  private final Serde<Citation> citationSerde = new SpecificAvroSerde<>(Citation.class);

  /**
   * @param serdeConfig the schema registry's settings ({@code schema.registry.url}, credentials, ...)
   */
  public StreamTopics(String raw, String citations, String dlq, Map<String, ?> serdeConfig) {
    this.raw = raw;
    this.citations = citations;
    this.dlq = dlq;
    citationSerde.configure(serdeConfig, false);
  }

  /** The default topic names ({@link Topics}). */
  public static StreamTopics defaults(Map<String, ?> serdeConfig) {
    return new StreamTopics(Topics.RAW, Topics.CITATIONS, Topics.DLQ, serdeConfig);
  }

  public String raw() {
    return raw;
  }

  public String citations() {
    return citations;
  }

  public String dlq() {
    return dlq;
  }

  Consumed<byte[], byte[]> rawConsumed() {
    return Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("raw");
  }

  /** Citations are serialized by their own step (see {@link SerializeStep}), so the sink writes bytes. */
  Produced<String, byte[]> citationsProduced() {
    return Produced.with(Serdes.String(), Serdes.ByteArray()).withName("citations");
  }

  Produced<byte[], byte[]> dlqProduced() {
    return Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("dead-letters");
  }

  public Serializer<Citation> citationSerializer() {
    return citationSerde.serializer();
  }

  public Deserializer<Citation> citationDeserializer() {
    return citationSerde.deserializer();
  }

  /**
   * Creates the topics that are missing, as {@link TopicCatalogue} defines them: the raw topic
   * ({@code partitions}), the citations and dead-letter topics (as many partitions as the raw
   * topic). Existing topics are left as they are.
   *
   * @param replication replication factor; 0 for min(3, number of brokers)
   */
  public void createMissing(Admin admin, int partitions, short replication) {
    try {
      Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      short factor = TopicCatalogue.replication(admin, replication);
      List<NewTopic> missing = new ArrayList<>();
      int rawPartitions = partitions;
      if (existing.contains(raw)) {
        rawPartitions = admin.describeTopics(List.of(raw)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
            .get(raw).partitions().size();
      } else {
        missing.add(TopicCatalogue.RAW.newTopic(raw, partitions, factor));
      }
      if (!existing.contains(citations)) {
        missing.add(TopicCatalogue.CITATIONS.newTopic(citations, rawPartitions, factor));
      }
      if (!existing.contains(dlq)) {
        missing.add(TopicCatalogue.DLQ.newTopic(dlq, rawPartitions, factor));
      }
      for (NewTopic topic : missing) {
        create(admin, topic);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new KafkaException("cannot list or create the topics " + raw + ", " + citations + ", " + dlq
          + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while creating the enrich topics", e);
    }
  }

  @Override
  public void close() {
    citationSerde.close();
  }

  private static void create(Admin admin, NewTopic topic)
      throws ExecutionException, TimeoutException, InterruptedException {
    try {
      admin.createTopics(List.of(topic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      log.info("Created topic {} ({} partitions, replication {}, {})", topic.name(), topic.numPartitions(),
          topic.replicationFactor(), topic.configs());
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }
}
