package org.medlinestream.app;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.medlinestream.avro.Citation;
import org.medlinestream.monitoring.MonitoringServer;
import org.medlinestream.schemas.serde.SpecificAvroSerde;
import org.medlinestream.sink.CitationStore;
import org.medlinestream.sink.CitationStores;
import org.medlinestream.sink.SinkConfig;
import org.medlinestream.sink.SinkFailedException;
import org.medlinestream.sink.SinkService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code medline-stream sink}: citations into a store, until Ctrl-C. */
@Command(name = "sink",
    description = {
        "Writes the enriched citations to a store until Ctrl-C, idempotently: a citation "
            + "replaces its PMID's rows unless it is older than what is stored; a tombstone "
            + "deletes them. Offsets are committed after the store commits.",
        "More instances with the same --group share the partitions. Serves /metrics "
            + "(Prometheus), /health/live and /health/ready on --http-port."})
final class SinkCommand extends ConnectedCommand {
  @Mixin
  private HttpOptions http;

  @Option(names = "--target", paramLabel = "URL", defaultValue = CitationStores.DEFAULT_TARGET,
      description = "jdbc:postgresql://HOST/DB?user=..., jdbc:sqlite:FILE, jsonl:DIR or "
          + "avro:DIR (default: ${DEFAULT-VALUE}).")
  private String target;

  @Option(names = "--group", paramLabel = "ID", defaultValue = SinkConfig.DEFAULT_GROUP_ID,
      description = "Kafka consumer group (default: ${DEFAULT-VALUE}).")
  private String group;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "500",
      description = "Citations per store transaction (default: ${DEFAULT-VALUE}).")
  private int batchSize;

  @Override
  public Integer call() throws InterruptedException {
    AppConfig settings = config.resolve();
    SinkConfig defaults = SinkConfig.defaults(settings.bootstrapServers());
    Map<String, String> clientOverrides = new HashMap<>();
    settings.kafkaProperties().forEach((key, value) -> clientOverrides.put(key, value.toString()));
    SinkConfig sinkConfig = new SinkConfig(settings.bootstrapServers(), group,
        settings.citationsTopic(), settings.dlqTopic(), batchSize, defaults.pollTimeout(),
        defaults.retry(), clientOverrides);
    Map<String, Object> serdeConfig = new HashMap<>(settings.schemaRegistryProperties());
    serdeConfig.put("schema.registry.url", settings.schemaRegistryUrl());
    SpecificAvroSerde<Citation> serde = new SpecificAvroSerde<>(Citation.class);
    serde.configure(serdeConfig, false);
    Deserializer<Citation> citations = serde.deserializer();
    try (CitationStore store = CitationStores.open(target)) {
      SinkService sink = new SinkService(sinkConfig, store, citations);
      ServiceRunner.stopOnSignal("sink", sink::stop);
      try (MonitoringServer endpoints = ServiceEndpoints.sink(settings, sink)) {
        sink.start();
        out().println("Sink is writing " + settings.citationsTopic() + " to " + target
            + ServiceEndpoints.where(endpoints) + ". Ctrl-C to stop.");
        out().flush();
        sink.awaitTermination();
      }
      SinkFailedException failure = sink.failure().orElse(null);
      if (failure != null) {
        throw failure;
      }
    }
    return 0;
  }
}
