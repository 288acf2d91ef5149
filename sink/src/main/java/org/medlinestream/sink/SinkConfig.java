package org.medlinestream.sink;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.medlinestream.schemas.Topics;

/**
 * How {@link SinkService} consumes: where from, in which group, how large a batch, how long to
 * retry an unavailable store.
 *
 * @param clientOverrides extra Kafka client settings (security, timeouts, ...), given to both the
 *     consumer and the dead-letter producer; they win over the sink's own
 */
public record SinkConfig(String bootstrapServers, String groupId, String topic,
    String deadLetterTopic, int batchSize, Duration pollTimeout, RetryPolicy retry,
    Map<String, String> clientOverrides) {

  public static final String DEFAULT_GROUP_ID = "medline-sink";
  /**
   * Citations per poll and store transaction. Large, because a database pays per transaction for
   * every index page the batch touched (SQLite writes each into its WAL, then into the file).
   */
  public static final int DEFAULT_BATCH_SIZE = 2_000;

  /**
   * Group {@value #DEFAULT_GROUP_ID}, {@link Topics#CITATIONS} to {@link Topics#DLQ},
   * {@value #DEFAULT_BATCH_SIZE} per batch.
   */
  public static SinkConfig defaults(String bootstrapServers) {
    return new SinkConfig(bootstrapServers, DEFAULT_GROUP_ID, Topics.CITATIONS, Topics.DLQ,
        DEFAULT_BATCH_SIZE, Duration.ofSeconds(1), RetryPolicy.defaults(), Map.of());
  }

  public SinkConfig {
    if (batchSize < 1) {
      throw new IllegalArgumentException("Batch size must be positive, got " + batchSize);
    }
    clientOverrides = Map.copyOf(clientOverrides);
  }

  public SinkConfig withBatchSize(int size) {
    return new SinkConfig(bootstrapServers, groupId, topic, deadLetterTopic, size, pollTimeout,
        retry, clientOverrides);
  }

  public SinkConfig withRetry(RetryPolicy policy) {
    return new SinkConfig(bootstrapServers, groupId, topic, deadLetterTopic, batchSize,
        pollTimeout, policy, clientOverrides);
  }

  /** Manual commits, earliest offset for a new group, committed records only, batch-sized polls. */
  public Properties consumerProperties() {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(batchSize));
    properties.putAll(clientOverrides);
    return properties;
  }

  /** Idempotent producer, every replica acknowledges. */
  public Properties producerProperties() {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    properties.putAll(clientOverrides);
    return properties;
  }
}
