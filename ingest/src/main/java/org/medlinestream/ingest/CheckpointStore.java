package org.medlinestream.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The committed checkpoints of every source, read from the checkpoint topic with {@code
 * isolation.level=read_committed} (so a checkpoint of an aborted or unfinished transaction is never
 * seen), then kept up to date as this ingest commits.
 */
final class CheckpointStore {
  private static final Logger log = LoggerFactory.getLogger(CheckpointStore.class);
  private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration TOPIC_WAIT = Duration.ofSeconds(30);

  private final Map<String, Checkpoint> checkpoints = new ConcurrentHashMap<>();

  /**
   * Reads the topic to its end. Call it after the producer's {@code initTransactions()}: that
   * aborts a transaction a killed predecessor left open, so the end is reachable.
   */
  static CheckpointStore load(IngestConfig config) {
    CheckpointStore store = new CheckpointStore();
    Map<String, Object> props = new HashMap<>(config.clientProperties());
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    String topic = config.checkpointTopic();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      long deadline = System.nanoTime() + LOAD_TIMEOUT.toNanos();
      List<TopicPartition> partitions = partitions(consumer, topic, deadline);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, LOAD_TIMEOUT);
      while (!reached(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new IngestException("could not read checkpoint topic " + topic + " to its end"
              + " within " + LOAD_TIMEOUT.toSeconds() + " s; is Kafka reachable?");
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          store.apply(record);
        }
      }
    } catch (KafkaException e) {
      throw new IngestException("cannot read checkpoint topic " + topic + ": " + e.getMessage(),
          e);
    }
    log.info("Read {} source checkpoint(s) from {}", store.checkpoints.size(), topic);
    return store;
  }

  /** The topic's partitions, waiting a little for a topic just created to become known. */
  private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic,
      long deadline) {
    long missingUntil = Math.min(deadline, System.nanoTime() + TOPIC_WAIT.toNanos());
    while (true) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, LOAD_TIMEOUT);
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      }
      if (System.nanoTime() > missingUntil) {
        throw new IngestException("checkpoint topic " + topic + " does not exist: create it"
            + " (compacted, one partition) or let ingest create its topics");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IngestException("interrupted while looking for checkpoint topic " + topic, e);
      }
    }
  }

  private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private void apply(ConsumerRecord<byte[], byte[]> record) {
    if (record.key() == null) {
      return;
    }
    String identity = new String(record.key(), StandardCharsets.UTF_8);
    if (record.value() == null) {
      checkpoints.remove(identity);
    } else {
      checkpoints.put(identity, Checkpoint.fromJson(record.value()));
    }
  }

  Optional<Checkpoint> get(String identity) {
    return Optional.ofNullable(checkpoints.get(identity));
  }

  /** Records a checkpoint whose transaction this ingest has committed. */
  void committed(String identity, Checkpoint checkpoint) {
    checkpoints.put(identity, checkpoint);
  }
}
