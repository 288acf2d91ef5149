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
import org.apache.kafka.common.errors.TopicExistsException;
import org.medlinestream.schemas.TopicCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics ingest writes when they are missing, as {@link TopicCatalogue} defines them:
 * the raw topic, the dead-letter topic and the checkpoint topic. Existing topics are left as they
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
      short replication = TopicCatalogue.replication(admin, config.replication());
      List<NewTopic> missing = new ArrayList<>();
      addIfMissing(missing, existing,
          TopicCatalogue.RAW.newTopic(config.rawTopic(), config.partitions(), replication));
      addIfMissing(missing, existing,
          TopicCatalogue.DLQ.newTopic(config.dlqTopic(), config.partitions(), replication));
      addIfMissing(missing, existing, TopicCatalogue.INGEST_CHECKPOINTS.newTopic(
          config.checkpointTopic(), config.partitions(), replication));
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

  private static void addIfMissing(List<NewTopic> missing, Set<String> existing, NewTopic topic) {
    if (!existing.contains(topic.name())) {
      missing.add(topic);
    }
  }
}
