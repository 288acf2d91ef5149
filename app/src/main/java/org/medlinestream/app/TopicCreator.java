package org.medlinestream.app;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.medlinestream.enrich.stream.StreamTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates topics that do not exist yet; existing topics are left as they are, and one with fewer
 * partitions than asked is reported (adding partitions would move keys to other partitions, so it
 * is left to the operator). Safe to run any number of times, also concurrently.
 */
public final class TopicCreator {
  private static final Logger log = LoggerFactory.getLogger(TopicCreator.class);

  /** What {@link #ensure} found or did for one topic. */
  public record Status(String topic, Outcome outcome, int partitions, int askedPartitions) {
    /** e.g. {@code medline.raw: created with 6 partitions}. */
    public String describe() {
      return topic + ": " + switch (outcome) {
        case CREATED -> "created with " + partitions + " partitions";
        case EXISTS -> "exists with " + partitions + " partitions";
        case FEWER_PARTITIONS -> "exists with only " + partitions + " partitions, "
            + askedPartitions + " asked (kafka-topics --alter --partitions adds them, but moves keys)";
      };
    }
  }

  public enum Outcome { CREATED, EXISTS, FEWER_PARTITIONS }

  private final Admin admin;

  public TopicCreator(Admin admin) {
    this.admin = admin;
  }

  /**
   * The pipeline's topics as configured: raw records and citations compacted (the latest record
   * of each PMID is kept for good, so enrich and sink can rebuild from the start), dead letters
   * kept until removed by hand; each takes records as large as ingest and enrich send.
   */
  public static List<NewTopic> pipelineTopics(AppConfig config) {
    int partitions = config.partitions();
    short replication = config.replicationFactor();
    // As large as the records ingest and enrich send (the broker's default is 1 MB).
    String maxMessage = Integer.toString(StreamTopics.MAX_MESSAGE_BYTES);
    Map<String, String> compacted = Map.of(
        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessage);
    Map<String, String> keptForever = Map.of(
        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
        TopicConfig.RETENTION_MS_CONFIG, "-1",
        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessage);
    return List.of(
        new NewTopic(config.rawTopic(), partitions, replication).configs(compacted),
        new NewTopic(config.citationsTopic(), partitions, replication).configs(compacted),
        new NewTopic(config.dlqTopic(), partitions, replication).configs(keptForever));
  }

  /** Creates each missing topic; logs and returns the status of every topic. */
  public List<Status> ensure(Collection<NewTopic> topics) throws InterruptedException {
    var created = admin.createTopics(topics).values();
    List<Status> statuses = new ArrayList<>();
    for (NewTopic topic : topics) {
      Status status;
      try {
        created.get(topic.name()).get();
        status = new Status(topic.name(), Outcome.CREATED, topic.numPartitions(),
            topic.numPartitions());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("could not create topic " + topic.name() + ": "
              + e.getCause().getMessage() + hint(e.getCause()), e.getCause());
        }
        status = existing(topic);
      }
      if (status.outcome() == Outcome.FEWER_PARTITIONS) {
        log.warn("Topic {}", status.describe());
      } else {
        log.info("Topic {}", status.describe());
      }
      statuses.add(status);
    }
    return statuses;
  }

  private Status existing(NewTopic topic) throws InterruptedException {
    TopicDescription description;
    try {
      description = admin.describeTopics(List.of(topic.name())).allTopicNames().get()
          .get(topic.name());
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "topic " + topic.name() + " exists but cannot be described: " + e.getCause().getMessage(),
          e.getCause());
    }
    int partitions = description.partitions().size();
    Outcome outcome =
        partitions < topic.numPartitions() ? Outcome.FEWER_PARTITIONS : Outcome.EXISTS;
    return new Status(topic.name(), outcome, partitions, topic.numPartitions());
  }

  private static String hint(Throwable cause) {
    if (cause instanceof InvalidReplicationFactorException) {
      return "; lower topics.replication.factor (--replication-factor) to the number of brokers";
    }
    if (cause instanceof TopicAuthorizationException
        || cause instanceof ClusterAuthorizationException) {
      return "; grant this principal CREATE on the topics, or create them by hand";
    }
    return "";
  }
}
