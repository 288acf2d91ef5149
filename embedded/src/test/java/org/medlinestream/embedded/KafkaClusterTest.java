package org.medlinestream.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaClusterTest {

  @Test
  void singleNodeRoundTripsRecordsOverARealSocket() throws Exception {
    try (KafkaCluster kafka = KafkaCluster.builder().start()) {
      assertThat(kafka.nodes()).hasSize(1);
      assertThat(kafka.node(0).isAlive()).isTrue();
      String topic = "round-trip";
      createTopic(kafka, topic, 1, (short) 1, Map.of());
      produce(kafka, topic, List.of("36119045"));
      assertThat(consume(kafka, topic, 1)).containsExactly("36119045");
    }
  }

  @Test
  void threeNodesKeepAReplicatedTopicWorkingWhenOneBrokerStops() throws Exception {
    try (KafkaCluster kafka = KafkaCluster.builder().nodes(3).start()) {
      String topic = "replicated";
      createTopic(kafka, topic, 3, (short) 3, Map.of("min.insync.replicas", "2"));
      produce(kafka, topic, List.of("before-1", "before-2"));

      kafka.node(2).kill();
      assertThat(kafka.node(2).isAlive()).isFalse();

      produce(kafka, topic, List.of("after-1", "after-2"));
      assertThat(consume(kafka, topic, 4))
          .containsExactlyInAnyOrder("before-1", "before-2", "after-1", "after-2");
    }
  }

  private static void createTopic(
      KafkaCluster kafka, String topic, int partitions, short replication, Map<String, String> cfg)
      throws Exception {
    try (Admin admin = Admin.create(kafka.clientConfig())) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, replication).configs(cfg)))
          .all().get();
    }
  }

  private static void produce(KafkaCluster kafka, String topic, List<String> values)
      throws Exception {
    Properties props = new Properties();
    props.putAll(kafka.clientConfig());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      for (String value : values) {
        producer.send(new ProducerRecord<>(topic, value, value)).get();
      }
    }
  }

  private static List<String> consume(KafkaCluster kafka, String topic, int expected) {
    Properties props = new Properties();
    props.putAll(kafka.clientConfig());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          values.add(record.value());
        }
      }
    }
    return values;
  }
}
