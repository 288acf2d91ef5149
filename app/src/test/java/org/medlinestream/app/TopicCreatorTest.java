package org.medlinestream.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medlinestream.embedded.TestKafka;
import org.medlinestream.schemas.TopicCatalogue;

class TopicCreatorTest {
  private static Admin admin;

  @BeforeAll
  static void connect() {
    admin = TestKafka.admin();
  }

  @AfterAll
  static void disconnect() {
    admin.close();
  }

  @Test
  void createsThePipelineTopicsOnceWithTheirCleanupPolicies() throws Exception {
    AppConfig config = uniqueTopics().with("topics.partitions", "2", "test");
    TopicCreator creator = new TopicCreator(admin);

    List<TopicCreator.Status> first = creator.ensure(TopicCreator.pipelineTopics(config));
    List<TopicCreator.Status> second = creator.ensure(TopicCreator.pipelineTopics(config));

    assertThat(first).extracting(TopicCreator.Status::outcome)
        .containsOnly(TopicCreator.Outcome.CREATED);
    assertThat(second).extracting(TopicCreator.Status::outcome)
        .containsOnly(TopicCreator.Outcome.EXISTS);
    assertThat(second).extracting(TopicCreator.Status::partitions)
        .as("raw, citations, dead letters; checkpoints have one").containsExactly(2, 2, 2, 1);
    assertThat(policy(config.rawTopic())).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
    assertThat(policy(config.citationsTopic())).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
    assertThat(policy(config.dlqTopic())).isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
    assertThat(topicConfig(config.dlqTopic()).get(TopicConfig.RETENTION_MS_CONFIG).value())
        .isEqualTo(TopicCatalogue.DLQ_RETENTION_MS);
    for (String topic : List.of(config.rawTopic(), config.citationsTopic(), config.dlqTopic())) {
      assertThat(topicConfig(topic).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value())
          .as("%s takes the largest record ingest and enrich send", topic)
          .isEqualTo(Integer.toString(TopicCatalogue.MAX_MESSAGE_BYTES));
    }
    assertThat(policy(config.checkpointTopic())).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
  }

  @Test
  void reportsATopicWithFewerPartitionsThanAsked() throws Exception {
    String topic = "fewer-" + UUID.randomUUID();
    TopicCreator creator = new TopicCreator(admin);
    creator.ensure(List.of(new NewTopic(topic, 1, (short) 1)));

    List<TopicCreator.Status> statuses = creator.ensure(List.of(new NewTopic(topic, 4, (short) 1)));

    assertThat(statuses).containsExactly(
        new TopicCreator.Status(topic, TopicCreator.Outcome.FEWER_PARTITIONS, 1, 4));
    assertThat(statuses.get(0).describe())
        .isEqualTo(topic + ": exists with only 1 partitions, 4 asked "
            + "(kafka-topics --alter --partitions adds them, but moves keys)");
  }

  @Test
  void aReplicationFactorAboveTheBrokerCountSaysWhatToLower() {
    AppConfig config = uniqueTopics().with("topics.replication.factor", "3", "test");

    assertThatThrownBy(() -> new TopicCreator(admin).ensure(TopicCreator.pipelineTopics(config)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("could not create topic " + config.rawTopic())
        .hasMessageEndingWith(
            "; lower topics.replication.factor (--replication-factor) to the number of brokers");
  }

  private static AppConfig uniqueTopics() {
    String prefix = "t" + UUID.randomUUID().toString().substring(0, 8);
    return AppConfig.resolve(null, Map.of(), Map.of(
        "topics.raw", prefix + ".raw",
        "topics.citations", prefix + ".citations",
        "topics.dlq", prefix + ".dlq",
        "topics.ingest.checkpoints", prefix + ".checkpoints"));
  }

  private static String policy(String topic) throws Exception {
    return topicConfig(topic).get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
  }

  private static Config topicConfig(String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return admin.describeConfigs(List.of(resource)).all().get().get(resource);
  }
}
