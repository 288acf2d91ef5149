package org.medlinestream.app;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.medlinestream.avro.Citation;
import org.medlinestream.monitoring.MonitoringServer;
import org.medlinestream.schemas.serde.SpecificAvroSerde;
import org.medlinestream.sink.CitationStore;
import org.medlinestream.sink.CitationStores;
import org.medlinestream.sink.RetryPolicy;
import org.medlinestream.sink.SinkConfig;
import org.medlinestream.sink.SinkFailedException;
import org.medlinestream.sink.SinkService;
import org.medlinestream.sink.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code medline-stream sink}: citations into a store, until Ctrl-C. */
@Command(name = "sink",
    description = {
        "Writes the enriched citations to a store until Ctrl-C, idempotently: a citation "
            + "replaces its PMID's rows unless it is older than what is stored; a tombstone "
            + "deletes them. Offsets are committed after the store commits. An unreachable "
            + "store is retried (at start too), by default for about a minute, before the sink "
            + "gives up with exit code 1.",
        "More instances with the same --group share the partitions. Serves /metrics "
            + "(Prometheus), /health/live and /health/ready on --http-port."})
final class SinkCommand extends ConnectedCommand {
  private static final Logger log = LoggerFactory.getLogger(SinkCommand.class);

  @Mixin
  private HttpOptions http;

  @Option(names = "--target", paramLabel = "URL", defaultValue = CitationStores.DEFAULT_TARGET,
      description = "jdbc:postgresql://HOST/DB?user=..., jdbc:sqlite:FILE, jsonl:DIR or "
          + "avro:DIR (default: ${DEFAULT-VALUE}).")
  private String target;

  @Option(names = "--group", paramLabel = "ID", defaultValue = SinkConfig.DEFAULT_GROUP_ID,
      description = "Kafka consumer group (default: ${DEFAULT-VALUE}).")
  private String group;

  @Option(names = "--batch-size", paramLabel = "N",
      defaultValue = "" + SinkConfig.DEFAULT_BATCH_SIZE,
      description = "Citations per store transaction (default: ${DEFAULT-VALUE}).")
  private int batchSize;

  @Option(names = "--store-attempts", paramLabel = "N",
      defaultValue = "" + RetryPolicy.DEFAULT_ATTEMPTS,
      description = "Attempts at opening the store or writing a batch before the sink gives up, "
          + "waiting 0.5 s, 1 s, 2 s, ... up to 30 s between them (default: ${DEFAULT-VALUE}, "
          + "about a minute).")
  private int storeAttempts;

  @Override
  public Integer call() throws InterruptedException {
    if (storeAttempts < 1) {
      throw new ParameterException(spec.commandLine(),
          "--store-attempts must be at least 1, not " + storeAttempts);
    }
    RetryPolicy retry = RetryPolicy.attempts(storeAttempts);
    AppConfig settings = config.resolve();
    SinkConfig defaults = SinkConfig.defaults(settings.bootstrapServers());
    Map<String, String> clientOverrides = new HashMap<>();
    settings.kafkaProperties().forEach((key, value) -> clientOverrides.put(key, value.toString()));
    SinkConfig sinkConfig = new SinkConfig(settings.bootstrapServers(), group,
        settings.citationsTopic(), settings.dlqTopic(), batchSize, defaults.pollTimeout(),
        retry, clientOverrides);
    Map<String, Object> serdeConfig = new HashMap<>(settings.schemaRegistryProperties());
    serdeConfig.put("schema.registry.url", settings.schemaRegistryUrl());
    SpecificAvroSerde<Citation> serde = new SpecificAvroSerde<>(Citation.class);
    serde.configure(serdeConfig, false);
    Deserializer<Citation> citations = serde.deserializer();
    try (CitationStore store = openStore(retry)) {
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

  /**
   * Opens the store, retrying while it is unavailable (a database still starting, or down for a
   * while) as the sink retries a write, then failing with the last reason.
   */
  private CitationStore openStore(RetryPolicy retry) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return CitationStores.open(target);
      } catch (StoreUnavailableException e) {
        if (attempt >= retry.maxAttempts()) {
          throw e;
        }
        Duration delay = retry.delayAfter(attempt);
        log.warn("{}; trying again in {} s (attempt {} of {})", e.getMessage(),
            delay.toMillis() / 1000.0, attempt + 1, retry.maxAttempts());
        Thread.sleep(delay.toMillis());
      }
    }
  }
}
