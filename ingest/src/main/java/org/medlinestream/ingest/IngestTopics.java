package org.medlinestream.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics ingest writes when they are missing: the raw topic (compacted: the newest
 * version of every PMID stays, so enrichment can be replayed), the dead-letter topic (kept
 * forever) and the checkpoint topic (one partition, compacted). Existing topics are left as they
 * are.
 */
public final class IngestTopics {
  private static final Logger log = LoggerFactory.getLogger(IngestTopics.class);
  private static final long TIMEOUT_SECONDS = 60;

  private IngestTopics() {}

  public static void ensure(IngestConfig config) {
    Map<String, Object> props = new HashMap<>(config.clientProperties());
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    try (Admin admin = Admin.create(props)) {
      Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      short replication = replication(config, admin);
      String maxMessage = Integer.toString(config.maxRequestBytes());
      Map<String, String> minIsr = replication >= 3
          ? Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2")
          : Map.of();
      List<NewTopic> missing = new ArrayList<>();
      addIfMissing(missing, existing,
          new NewTopic(config.rawTopic(), config.partitions(), replication)
              .configs(with(minIsr, TopicConfig.CLEANUP_POLICY_CONFIG, "compact",
                  TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessage)));
      addIfMissing(missing, existing,
          new NewTopic(config.dlqTopic(), config.partitions(), replication)
              .configs(with(minIsr, TopicConfig.RETENTION_MS_CONFIG, "-1",
                  TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessage)));
      addIfMissing(missing, existing,
          new NewTopic(config.checkpointTopic(), 1, replication)
              .configs(with(minIsr, TopicConfig.CLEANUP_POLICY_CONFIG, "compact")));
      for (NewTopic topic : missing) {
        create(admin, topic);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IngestException("cannot list or create ingest's topics on Kafka at "
          + config.bootstrapServers() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IngestException("interrupted while creating ingest's topics", e);
    }
  }

  private static void create(Admin admin, NewTopic topic)
      throws ExecutionException, TimeoutException, InterruptedException {
    try {
      admin.createTopics(List.of(topic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      log.info("Created topic {} ({} partitions, replication {}, {})", topic.name(),
          topic.numPartitions(), topic.replicationFactor(), topic.configs());
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  private static short replication(IngestConfig config, Admin admin)
      throws ExecutionException, TimeoutException, InterruptedException {
    if (config.replication() > 0) {
      return config.replication();
    }
    int brokers = admin.describeCluster().nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).size();
    return (short) Math.max(1, Math.min(3, brokers));
  }

  private static void addIfMissing(List<NewTopic> missing, Set<String> existing, NewTopic topic) {
    if (!existing.contains(topic.name())) {
      missing.add(topic);
    }
  }

  private static Map<String, String> with(Map<String, String> base, String... keyValues) {
    Map<String, String> configs = new HashMap<>(base);
    for (int i = 0; i < keyValues.length; i += 2) {
      configs.put(keyValues[i], keyValues[i + 1]);
    }
    return configs;
  }
}
