package org.medlinestream.enrich.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.medlinestream.schemas.Topics;
import org.medlinestream.schemas.registry.RegistryClientConfig;

class EnrichConfigTest {
  @Test
  void runsExactlyOnceWithTheDeadLetterHandlersByDefault() {
    Properties props = EnrichConfig.builder("k:9092", "http://r:8081").build().streamsProperties();

    assertThat(props)
        .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, EnrichConfig.DEFAULT_APPLICATION_ID)
        .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "k:9092")
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
        .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 0)
        .containsEntry(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterExceptionHandler.class)
        .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterExceptionHandler.class)
        .containsEntry(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DLQ)
        .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000)
        .containsEntry(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 512 * 1024)
        .doesNotContainKey(StreamsConfig.STATE_DIR_CONFIG)
        .doesNotContainKey(StreamsConfig.REPLICATION_FACTOR_CONFIG);
    assertThat(new StreamsConfig(props).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
        .as("exactly once lowers only the default commit interval, not one that is set").isEqualTo(1000L);
  }

  @Test
  void replicatesTheInternalTopicsLikeThePipelineTopics() {
    EnrichConfig config = EnrichConfig.builder("k:9092", "http://r:8081").build();

    assertThat(config.streamsProperties((short) 3))
        .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3)
        .containsEntry(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), "2");
    assertThat(config.streamsProperties((short) 1))
        .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1)
        .containsEntry(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), "1");
    new StreamsConfig(config.streamsProperties((short) 3));
  }

  @Test
  void aConfiguredReplicationReachesStreamsUnlessAStreamsSettingOverridesIt() {
    EnrichConfig configured = EnrichConfig.builder("k:9092", "http://r:8081")
        .replication((short) 2).build();
    EnrichConfig overridden = EnrichConfig.builder("k:9092", "http://r:8081")
        .replication((short) 2).streamsProperty(StreamsConfig.REPLICATION_FACTOR_CONFIG, 5).build();

    assertThat(configured.streamsProperties())
        .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 2)
        .containsEntry(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), "1");
    assertThat(overridden.streamsProperties((short) 2))
        .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 5);
  }

  @Test
  void takesItsSettingsAndLetsExtraStreamsSettingsWin() {
    EnrichConfig config = EnrichConfig.builder("k:9092", "http://r:8081")
        .applicationId("enrich-2").stateDir(Path.of("/var/lib/enrich")).standbyReplicas(1).threads(3)
        .dlqTopic("dead").registryProperty(RegistryClientConfig.MAX_RETRIES, 7)
        .clientProperty(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5)
        .streamsProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE)
        .streamsProperty(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100).build();

    assertThat(config.streamsProperties())
        .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-2")
        .containsEntry(StreamsConfig.STATE_DIR_CONFIG, Path.of("/var/lib/enrich").toString())
        .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1)
        .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 3)
        .containsEntry(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "dead")
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE)
        .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100)
        .containsEntry(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
    assertThat(config.serdeConfig())
        .containsEntry(RegistryClientConfig.URL, "http://r:8081")
        .containsEntry(RegistryClientConfig.MAX_RETRIES, 7);
  }
}
