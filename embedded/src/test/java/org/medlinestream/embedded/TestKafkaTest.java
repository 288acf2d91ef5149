package org.medlinestream.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** The shared test helper against the real broker. */
class TestKafkaTest {
  @Test
  void readsEveryTransactionRightAfterItsCommit() {
    String topic = TestKafka.unique("committed");
    TestKafka.createTopics(List.of(new NewTopic(topic, 3, (short) 1)));
    Map<String, Object> props = new HashMap<>(TestKafka.clientConfig());
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TestKafka.unique("tx"));
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.initTransactions();
      for (int transaction = 1; transaction <= 5; transaction++) {
        producer.beginTransaction();
        for (int i = 0; i < 10; i++) {
          producer.send(new ProducerRecord<>(topic, bytes(transaction + "-" + i), bytes("v")));
        }
        producer.commitTransaction();
        assertThat(TestKafka.readCommitted(topic)).hasSize(10 * transaction);
      }
    }
  }

  @Test
  void awaitsAGroupThatHasConsumedEverything() throws Exception {
    String topic = TestKafka.unique("consumed");
    TestKafka.createTopics(List.of(new NewTopic(topic, 2, (short) 1)));
    TestKafka.produce(List.of(new ProducerRecord<>(topic, bytes("a"), bytes("1")),
        new ProducerRecord<>(topic, bytes("b"), bytes("2"))));
    String group = TestKafka.unique("group");
    try (Admin admin = TestKafka.admin()) {
      Map<TopicPartition, Long> lags = TestKafka.lags(admin, group, topic);
      assertThat(lags.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2);
      assertThat(TestKafka.committed(group, topic)).isZero();
      Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
      lags.forEach((partition, lag) -> done.put(partition, new OffsetAndMetadata(lag)));
      admin.alterConsumerGroupOffsets(group, done).all().get(30, TimeUnit.SECONDS);
    }
    TestKafka.awaitConsumed(group, topic, Duration.ofMinutes(1));
    assertThat(TestKafka.committed(group, topic)).isEqualTo(2);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
