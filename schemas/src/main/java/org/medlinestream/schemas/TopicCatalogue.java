package org.medlinestream.schemas;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.TopicConfig;

/**
 * How each topic of the pipeline is created: the one definition that {@code medline-stream
 * topics}, ingest and enrich create topics from, and that deploy's tests check the compose and
 * Kubernetes files against. Raw records, citations and checkpoints are compacted (the latest record
 * of each key is kept for good, so the later stages can rebuild from the start); dead letters are
 * deleted only after {@link #DLQ_RETENTION_MS} (never: they wait for someone to deal with them).
 * The names are {@link Topics}' defaults; configuration may rename a topic, not change its
 * settings.
 *
 * <pre>{@code
 * NewTopic raw = TopicCatalogue.RAW.newTopic("medline.raw", 12, (short) 3);
 * }</pre>
 */
public enum TopicCatalogue {
  RAW(Topics.RAW, TopicConfig.CLEANUP_POLICY_COMPACT, true, 0),
  CITATIONS(Topics.CITATIONS, TopicConfig.CLEANUP_POLICY_COMPACT, true, 0),
  DLQ(Topics.DLQ, TopicConfig.CLEANUP_POLICY_DELETE, true, 0),
  /** One partition: ingest reads every checkpoint back at start. */
  INGEST_CHECKPOINTS(Topics.INGEST_CHECKPOINTS, TopicConfig.CLEANUP_POLICY_COMPACT, false, 1);

  /** Largest record value ingest publishes (a larger one is a dead letter, cut): 16 MiB. */
  public static final int MAX_RECORD_BYTES = 16 << 20;
  /** Room for key, headers and batch framing beside the largest value. */
  public static final int RECORD_OVERHEAD_BYTES = 64 << 10;
  /** {@code max.message.bytes} of the topics that carry records, and the producers' request size. */
  public static final int MAX_MESSAGE_BYTES = MAX_RECORD_BYTES + RECORD_OVERHEAD_BYTES;
  /** {@code retention.ms} of the dead-letter topic: kept until removed by hand. */
  public static final String DLQ_RETENTION_MS = "-1";

  private final String defaultName;
  private final String cleanupPolicy;
  private final boolean carriesRecords;
  private final int fixedPartitions;

  TopicCatalogue(String defaultName, String cleanupPolicy, boolean carriesRecords,
      int fixedPartitions) {
    this.defaultName = defaultName;
    this.cleanupPolicy = cleanupPolicy;
    this.carriesRecords = carriesRecords;
    this.fixedPartitions = fixedPartitions;
  }

  /** The name in {@link Topics}. */
  public String defaultName() {
    return defaultName;
  }

  /** {@code asked}, except for a topic whose partition count is part of its design. */
  public int partitions(int asked) {
    return fixedPartitions > 0 ? fixedPartitions : asked;
  }

  /**
   * The topic's settings for {@code replication} copies: cleanup policy (and the dead letters'
   * retention), {@code max.message.bytes} where records travel, and {@code min.insync.replicas}
   * ({@link #minInsyncReplicas}).
   */
  public Map<String, String> configs(short replication) {
    Map<String, String> configs = new TreeMap<>();
    configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy);
    if (this == DLQ) {
      configs.put(TopicConfig.RETENTION_MS_CONFIG, DLQ_RETENTION_MS);
    }
    if (carriesRecords) {
      configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_MESSAGE_BYTES));
    }
    configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
        Integer.toString(minInsyncReplicas(replication)));
    return configs;
  }

  /** The topic to create under {@code name} (the default or a configured one). */
  public NewTopic newTopic(String name, int partitions, short replication) {
    return new NewTopic(name, partitions(partitions), replication).configs(configs(replication));
  }

  /**
   * The replication factor of the pipeline's topics: {@code configured} when positive, else (0)
   * one copy per broker up to 3.
   */
  public static short replication(short configured, int brokers) {
    return configured > 0 ? configured : (short) Math.max(1, Math.min(3, brokers));
  }

  /**
   * {@link #replication(short, int)} with the brokers counted through {@code admin} when needed.
   *
   * @throws KafkaException when the cluster cannot be described
   */
  public static short replication(Admin admin, short configured) {
    if (configured > 0) {
      return configured;
    }
    try {
      int brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
      return replication(configured, brokers);
    } catch (ExecutionException | TimeoutException e) {
      throw new KafkaException("cannot count the Kafka brokers: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while counting the Kafka brokers", e);
    }
  }

  /**
   * 2 from 3 replicas on (a write survives one broker down), else 1: never as many as the
   * replicas, or one broker down would stop every write.
   */
  public static int minInsyncReplicas(short replication) {
    return Math.max(1, Math.min(2, replication - 1));
  }
}
