package org.medlinestream.app;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the Kafka cluster and the schema registry are: the flags of every command that connects. */
public final class KafkaOptions implements ConfigFlags {
  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
      description = "Kafka brokers (kafka.bootstrap.servers; default localhost:9092).")
  private String bootstrapServers;

  @Option(names = "--schema-registry-url", paramLabel = "URL",
      description = "Schema registry (schema.registry.url; default http://localhost:8081).")
  private String schemaRegistryUrl;

  @Override
  public Map<String, String> configFlags() {
    Map<String, String> flags = new HashMap<>();
    ConfigFlags.putIfGiven(flags, ConfigKey.BOOTSTRAP_SERVERS, bootstrapServers);
    ConfigFlags.putIfGiven(flags, ConfigKey.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
    return flags;
  }
}
