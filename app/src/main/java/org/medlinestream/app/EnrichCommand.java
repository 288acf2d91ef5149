package org.medlinestream.app;

import java.nio.file.Path;
import org.medlinestream.enrich.stream.EnrichConfig;
import org.medlinestream.enrich.stream.EnrichService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code medline-stream enrich}: the Kafka Streams topology, until Ctrl-C. */
@Command(name = "enrich",
    description = {
        "Runs the enrich topology (Kafka Streams, exactly once) until Ctrl-C: parses raw "
            + "records, enriches them and writes Avro citations (Confluent wire format) keyed "
            + "by PMID; bad records go to the dead-letter topic, deletes become tombstones. A "
            + "failed stream thread is replaced and resumes from its last commit; a schema "
            + "registry refusing the credentials stops enrich (exit code 1).",
        "More instances with the same --application-id share the partitions. Serves /metrics "
            + "(Prometheus), /health/live and /health/ready on --http-port."})
final class EnrichCommand extends ConnectedCommand {
  @Mixin
  private TopicOptions topicOptions;

  @Mixin
  private HttpOptions http;

  @Option(names = "--application-id", paramLabel = "ID",
      defaultValue = EnrichConfig.DEFAULT_APPLICATION_ID,
      description = "Kafka Streams application id (default: ${DEFAULT-VALUE}).")
  private String applicationId;

  @Option(names = "--state-dir", paramLabel = "DIR",
      description = "Kafka Streams state folder (default: Kafka Streams' own).")
  private Path stateDir;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
      description = "Stream threads (default: ${DEFAULT-VALUE}).")
  private int threads;

  @Option(names = "--standby-replicas", paramLabel = "N", defaultValue = "0",
      description = "Standby replicas of the state store (default: ${DEFAULT-VALUE}).")
  private int standbyReplicas;

  @Override
  public Integer call() throws InterruptedException {
    AppConfig settings = config.resolve();
    EnrichConfig.Builder builder =
        EnrichConfig.builder(settings.bootstrapServers(), settings.schemaRegistryUrl())
            .applicationId(applicationId)
            .threads(threads)
            .standbyReplicas(standbyReplicas)
            .httpPort(settings.httpPort())
            .rawTopic(settings.rawTopic())
            .citationsTopic(settings.citationsTopic())
            .dlqTopic(settings.dlqTopic())
            .partitions(settings.partitions())
            .replication(settings.replicationFactor());
    if (stateDir != null) {
      builder.stateDir(stateDir);
    }
    settings.kafkaProperties().forEach(builder::clientProperty);
    settings.schemaRegistryProperties().forEach(builder::registryProperty);
    EnrichService enrich = new EnrichService(builder.build());
    ServiceRunner.stopOnSignal("enrich", enrich::close);
    enrich.start();
    out().println("Enrich is running; metrics on http://localhost:" + enrich.httpPort()
        + "/metrics. Ctrl-C to stop.");
    out().flush();
    enrich.awaitEnd();
    RuntimeException failure = enrich.failure().orElse(null);
    if (failure != null) {
      enrich.close();
      throw failure;
    }
    return 0;
  }
}
