package org.medlinestream.schemas.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medlinestream.schemas.TinySchemas.BREAKING;
import static org.medlinestream.schemas.TinySchemas.V1;
import static org.medlinestream.schemas.TinySchemas.V2;
import static org.medlinestream.schemas.TinySchemas.compact;
import static org.medlinestream.schemas.registry.server.Http.get;
import static org.medlinestream.schemas.registry.server.Http.post;
import static org.medlinestream.schemas.registry.server.Http.put;
import static org.medlinestream.schemas.registry.server.Http.schemaBody;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.medlinestream.embedded.TestKafka;
import org.medlinestream.schemas.registry.RegistryException;

/** The registry on a real broker: Confluent's records in {@code _schemas}, restarts, and two instances on one topic. */
class KafkaSchemaLogTest {

  private final String topic = "_schemas-" + UUID.randomUUID();

  @Test
  void storesConfluentsRecordsInACompactedSinglePartitionTopic() throws Exception {
    try (SchemaRegistryServer registry = registry()) {
      post(registry.url() + "/subjects/a-value/versions", schemaBody(V1));
      post(registry.url() + "/subjects/b-value/versions", schemaBody(V1));
      put(registry.url() + "/config/a-value", "{\"compatibility\":\"FULL\"}");
    }
    assertThat(records()).containsExactly(
        List.of("{\"keytype\":\"SCHEMA\",\"subject\":\"a-value\",\"version\":1,\"magic\":1}",
            "{\"subject\":\"a-value\",\"version\":1,\"id\":1,\"schema\":" + quoted(compact(V1)) + ",\"deleted\":false}"),
        List.of("{\"keytype\":\"SCHEMA\",\"subject\":\"b-value\",\"version\":1,\"magic\":1}",
            "{\"subject\":\"b-value\",\"version\":1,\"id\":1,\"schema\":" + quoted(compact(V1)) + ",\"deleted\":false}"),
        List.of("{\"keytype\":\"CONFIG\",\"subject\":\"a-value\",\"magic\":0}", "{\"compatibilityLevel\":\"FULL\"}"));
    try (Admin admin = TestKafka.admin()) {
      TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
      assertThat(description.partitions()).hasSize(1);
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource).get("cleanup.policy").value())
          .isEqualTo("compact");
    }
  }

  @Test
  void aRestartedRegistryKeepsEveryIdAndLevel() {
    try (SchemaRegistryServer registry = registry()) {
      post(registry.url() + "/subjects/a-value/versions", schemaBody(V1));
      post(registry.url() + "/subjects/a-value/versions", schemaBody(V2));
      put(registry.url() + "/config/c-value", "{\"compatibility\":\"NONE\"}");
      post(registry.url() + "/subjects/c-value/versions", schemaBody(BREAKING));
    }
    try (SchemaRegistryServer registry = registry()) {
      String url = registry.url();
      assertThat(get(url + "/schemas/ids/1").json().path("schema").asText()).isEqualTo(compact(V1));
      assertThat(get(url + "/schemas/ids/3").json().path("schema").asText()).isEqualTo(compact(BREAKING));
      assertThat(get(url + "/subjects/a-value/versions/latest").json().path("id").asInt()).isEqualTo(2);
      assertThat(post(url + "/subjects/a-value/versions", schemaBody(V1)).body()).isEqualTo("{\"id\":1}");
      assertThat(post(url + "/subjects/d-value/versions", schemaBody(V2)).body()).isEqualTo("{\"id\":2}");
      assertThat(get(url + "/config/c-value").body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
      String v3 = V2.replace("\"title\"", "\"journal\"");
      assertThat(post(url + "/subjects/a-value/versions", schemaBody(v3)).body()).isEqualTo("{\"id\":4}");
    }
  }

  @Test
  void twoInstancesOnOneTopicAgreeOnEveryId() throws Exception {
    try (SchemaRegistryServer first = registry(); SchemaRegistryServer second = registry()) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String url = (i % 2 == 0 ? first : second).url();
        String schema = V1.replace("Tiny", "Tiny" + (i % 8)); // each schema registered through both instances
        String subject = "s" + i + "-value";
        answers.add(pool.submit(() -> post(url + "/subjects/" + subject + "/versions", schemaBody(schema)).body()));
      }
      Map<String, Set<Integer>> idsBySchema = new HashMap<>();
      for (int i = 0; i < answers.size(); i++) {
        int id = Http.JSON.readTree(answers.get(i).get()).path("id").asInt();
        idsBySchema.computeIfAbsent("Tiny" + (i % 8), name -> new HashSet<>()).add(id);
      }
      pool.shutdown();

      assertThat(idsBySchema.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
      Set<Integer> distinct = new HashSet<>();
      idsBySchema.values().forEach(distinct::addAll);
      assertThat(distinct).hasSize(8);
      for (int id : distinct) {
        String schema = get(first.url() + "/schemas/ids/" + id).body();
        assertThat(get(second.url() + "/schemas/ids/" + id).body()).isEqualTo(schema);
      }
      assertThat(get(first.url() + "/subjects").body()).isEqualTo(get(second.url() + "/subjects").body());
    }
  }

  @Test
  void anInstanceAnswersWhatAnotherHasJustWritten() {
    try (SchemaRegistryServer first = registry(); SchemaRegistryServer second = registry()) {
      for (int i = 0; i < 5; i++) {
        String schema = V1.replace("Tiny", "Fresh" + i);
        String subject = "/subjects/fresh" + i + "-value";
        int id = post(first.url() + subject + "/versions", schemaBody(schema)).json().path("id").asInt();
        assertThat(id).isEqualTo(i + 1);
        assertThat(get(second.url() + "/schemas/ids/" + id).json().path("schema").asText()).isEqualTo(compact(schema));
        assertThat(get(second.url() + subject + "/versions/latest").json().path("id").asInt()).isEqualTo(id);
      }
    }
  }

  @Test
  void readsALogThatConfluentSchemaRegistryWrote() throws Exception {
    try (Admin admin = TestKafka.admin()) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
          .all().get();
    }
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(TestKafka.clientConfig(),
        new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "{\"keytype\":\"SCHEMA\",\"subject\":\"x-value\",\"version\":1,\"magic\":1}",
          "{\"subject\":\"x-value\",\"version\":1,\"id\":41,\"schema\":" + quoted(compact(V1)) + ",\"deleted\":false}"));
      producer.send(new ProducerRecord<>(topic, "{\"keytype\":\"NOOP\",\"magic\":0}", null));
      producer.send(new ProducerRecord<>(topic, "{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}",
          "{\"compatibilityLevel\":\"FORWARD\"}"));
    }
    try (SchemaRegistryServer registry = registry()) {
      assertThat(get(registry.url() + "/schemas/ids/41").json().path("schema").asText()).isEqualTo(compact(V1));
      assertThat(get(registry.url() + "/config").body()).isEqualTo("{\"compatibilityLevel\":\"FORWARD\"}");
      assertThat(post(registry.url() + "/subjects/y-value/versions", schemaBody(V2)).body()).isEqualTo("{\"id\":42}");
    }
  }

  @Test
  void refusesATopicWithSeveralPartitions() throws Exception {
    try (Admin admin = TestKafka.admin()) {
      admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
    }
    assertThatThrownBy(this::registry)
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("topic " + topic + " has 3 partitions; the schema registry needs exactly one");
  }

  private SchemaRegistryServer registry() {
    KafkaSchemaLog schemaLog = new KafkaSchemaLog(TestKafka.clientConfig(), topic, Duration.ofSeconds(30));
    return new SchemaRegistryServer(schemaLog, "127.0.0.1", 0).start();
  }

  /** Every committed record of the topic as [key, value]. */
  private List<List<String>> records() {
    return TestKafka.readCommitted(topic).stream()
        .map(r -> List.of(text(r.key()), String.valueOf(text(r.value()))))
        .toList();
  }

  private static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  private static String quoted(String text) {
    return Http.JSON.getNodeFactory().textNode(text).toString();
  }
}
