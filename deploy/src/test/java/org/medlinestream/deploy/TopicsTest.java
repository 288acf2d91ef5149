package org.medlinestream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.medlinestream.app.AppConfig;
import org.medlinestream.app.ConfigKey;
import org.medlinestream.app.TopicCreator;
import org.medlinestream.schemas.TopicCatalogue;
import org.medlinestream.schemas.Topics;

/**
 * The compose and Kubernetes files name the code's topics and give them the settings of the code's
 * {@link TopicCatalogue}: compose's {@code topics} container creates them from it, Kubernetes
 * declares them as {@code KafkaTopic}s, which must say the same.
 */
class TopicsTest {
  private static final String REGISTRY_TOPIC = "SCHEMA_REGISTRY_KAFKASTORE_TOPIC";
  private static final String MIN_ISR = TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG;

  private final Compose compose = Compose.load();

  @Test
  void composeNamesEveryTopicOfTheCode() {
    Set<String> named = new TreeSet<>();
    for (String service : compose.servicesOfImage(Poms.imageName())) {
      named.addAll(topicsNamedIn(compose.environment(service)));
    }
    named.add(compose.environment("schema-registry").get(REGISTRY_TOPIC));

    assertThat(named).isEqualTo(expectedTopics());
  }

  @Test
  void kubernetesNamesEveryTopicOfTheCode() {
    Set<String> declared = new TreeSet<>();
    Kustomize.resources(Kustomize.BASE, "KafkaTopic")
        .forEach(t -> declared.add(t.path("spec").path("topicName").asText()));
    Set<String> named = new TreeSet<>(topicsNamedIn(configMap()));
    named.add(K8s.env(registryContainer(), REGISTRY_TOPIC));

    assertThat(declared).isEqualTo(expectedTopics());
    assertThat(named).isEqualTo(expectedTopics());
  }

  @Test
  void kafkaTopicsHaveTheCataloguesSettings() {
    AppConfig config = AppConfig.resolve(null, configMap(), Map.of());
    List<NewTopic> pipeline = TopicCreator.pipelineTopics(config);

    assertThat(pipeline).hasSameSizeAs(TopicCatalogue.values());
    for (NewTopic topic : pipeline) {
      JsonNode spec = kafkaTopic(topic.name()).path("spec");
      Map<String, String> declared = new TreeMap<>();
      spec.path("config").fields().forEachRemaining(e -> declared.put(e.getKey(), e.getValue().asText()));
      assertThat(spec.path("partitions").asInt()).as(topic.name()).isEqualTo(topic.numPartitions());
      assertThat(spec.path("replicas").asInt()).as(topic.name()).isEqualTo(topic.replicationFactor());
      assertThat(declared).as(topic.name()).isEqualTo(topic.configs());
    }
  }

  @Test
  void theRegistryStoreHasOneCompactedPartition() {
    JsonNode spec = kafkaTopic(Topics.SCHEMAS).path("spec");

    assertThat(spec.path("partitions").asInt()).isEqualTo(1);
    assertThat(spec.path("config").path(TopicConfig.CLEANUP_POLICY_CONFIG).asText())
        .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
  }

  @Test
  void composeAndKubernetesCreateTopicsAlike() {
    Map<String, String> composeSettings = compose.environment("topics");
    Map<String, String> kafkaNode = compose.environment("kafka-1");
    for (ConfigKey key : new ConfigKey[] {ConfigKey.TOPIC_PARTITIONS, ConfigKey.TOPIC_REPLICATION_FACTOR}) {
      String variable = ConfigKey.envVar(key.key());
      assertThat(composeSettings.get(variable)).as(variable).isNotNull()
          .isEqualTo(configMap().get(variable));
    }
    short replication = AppConfig.resolve(null, composeSettings, Map.of()).replicationFactor();
    // The brokers' default, for the topics the code does not create (Kafka Streams' internal ones).
    assertThat(kafkaNode.get("KAFKA_MIN_INSYNC_REPLICAS"))
        .isEqualTo(Integer.toString(TopicCatalogue.minInsyncReplicas(replication)))
        .isEqualTo(kafka().at("/spec/kafka/config/" + MIN_ISR).asText());
    Kustomize.resources(Kustomize.BASE, "KafkaTopic").forEach(t ->
        assertThat(t.at("/spec/config/" + MIN_ISR).asText()).as(t.at("/spec/topicName").asText())
            .isEqualTo(kafkaNode.get("KAFKA_MIN_INSYNC_REPLICAS")));
  }

  @Test
  void everyTopicSurvivesOneBrokerDown() {
    AppConfig config = AppConfig.resolve(null, configMap(), Map.of());
    int minIsr = Integer.parseInt(kafka().at("/spec/kafka/config/" + MIN_ISR).asText());
    long composeBrokers = compose.serviceNames().stream()
        .filter(s -> compose.image(s).startsWith("apache/kafka:")).count();

    assertThat(minIsr).isLessThan(config.replicationFactor());
    assertThat((long) config.replicationFactor()).isLessThanOrEqualTo(composeBrokers);
    for (Path dir : Kustomize.kustomizations()) {
      for (JsonNode topic : Kustomize.resources(dir, "KafkaTopic")) {
        String name = topic.at("/metadata/name").asText();
        assertThat(Kustomize.effectiveInt(dir, "KafkaTopic", name, "/spec/replicas"))
            .as(dir + " " + name).isGreaterThan(minIsr)
            .isLessThanOrEqualTo(K8s.brokers(dir));
      }
    }
  }

  private static Set<String> expectedTopics() {
    return Code.topics();
  }

  private static Set<String> topicsNamedIn(Map<String, String> environment) {
    Set<String> variables = Code.topicEnvVars();
    Set<String> topics = new TreeSet<>();
    environment.forEach((name, value) -> {
      if (variables.contains(name)) {
        topics.add(value);
      }
    });
    return topics;
  }

  private static Map<String, String> configMap() {
    return Kustomize.configMap(Kustomize.BASE, K8s.CONFIG_MAP);
  }

  private static JsonNode kafka() {
    return Kustomize.resources(Kustomize.BASE, "Kafka").get(0);
  }

  private static JsonNode registryContainer() {
    return K8s.container(Kustomize.resource(Kustomize.BASE, "Deployment", "schema-registry"));
  }

  private static JsonNode kafkaTopic(String topicName) {
    return Kustomize.resources(Kustomize.BASE, "KafkaTopic").stream()
        .filter(t -> topicName.equals(t.at("/spec/topicName").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no KafkaTopic for " + topicName));
  }
}
