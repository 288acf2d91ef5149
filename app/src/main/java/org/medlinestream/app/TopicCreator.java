package org.medlinestream.app;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.medlinestream.schemas.TopicCatalogue;
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

  /** The pipeline's topics under their configured names, as {@link TopicCatalogue} defines them. */
  public static List<NewTopic> pipelineTopics(AppConfig config) {
    int partitions = config.partitions();
    short replication = config.replicationFactor();
    return List.of(
        TopicCatalogue.RAW.newTopic(config.rawTopic(), partitions, replication),
        TopicCatalogue.CITATIONS.newTopic(config.citationsTopic(), partitions, replication),
        TopicCatalogue.DLQ.newTopic(config.dlqTopic(), partitions, replication),
        TopicCatalogue.INGEST_CHECKPOINTS.newTopic(config.checkpointTopic(), partitions,
            replication));
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
