package org.medlinestream.enrich.stream;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.medlinestream.embedded.TestKafka;
import org.medlinestream.schemas.registry.server.KafkaSchemaLog;
import org.medlinestream.schemas.registry.server.SchemaRegistryServer;

/** A registry on the test broker and enrich settings for the tests and the benchmark. */
public final class TestEnrich {
  private TestEnrich() {}

  /** The embedded registry over HTTP, its schemas kept on a topic of the test broker. */
  public static SchemaRegistryServer registry() {
    KafkaSchemaLog log = new KafkaSchemaLog(
        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrap()),
        TestKafka.unique("_schemas"), KafkaSchemaLog.DEFAULT_TIMEOUT);
    return new SchemaRegistryServer(log, "127.0.0.1", 0).start();
  }

  /** A config for an enrich instance on the test broker, its HTTP endpoints on a free port. */
  static EnrichConfig.Builder config(String registryUrl, String suffix) {
    return config(TestKafka.bootstrap(), registryUrl, suffix);
  }

  /** A config for an enrich instance with topics and application id named after {@code suffix}. */
  static EnrichConfig.Builder config(String bootstrap, String registryUrl, String suffix) {
    return EnrichConfig.builder(bootstrap, registryUrl)
        .applicationId("enrich-" + suffix)
        .rawTopic("raw-" + suffix)
        .citationsTopic("citations-" + suffix)
        .dlqTopic("dlq-" + suffix)
        .httpHost("127.0.0.1")
        .httpPort(0);
  }
}
