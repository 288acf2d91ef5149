package org.medlinestream.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medlinestream.ingest.DropFolder;
import org.medlinestream.ingest.IngestConfig;
import org.medlinestream.ingest.IngestService;
import org.medlinestream.ingest.IngestSummary;
import org.medlinestream.monitoring.MonitoringServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code medline-stream ingest}: raw records onto the raw topic, exactly once. */
@Command(name = "ingest",
    description = {
        "Publishes raw MEDLINE text and PubMed XML records (also .gz) to the raw topic, keyed by "
            + "PMID, exactly once (transactions with checkpoints: a restart resumes where it "
            + "stopped). A DeleteCitation becomes a tombstone; input that is not a record goes "
            + "to the dead-letter topic with the reason.",
        "Either FILE|DIR|GLOB|- arguments (done when all are read), or --watch DIR (until "
            + "Ctrl-C); with --watch it serves /metrics (Prometheus), /health/live and "
            + "/health/ready on --http-port.",
        "On a terminal a progress bar shows the files, records and MB/s (only warnings are "
            + "logged beside it; -v logs every file); otherwise a log line every 10 s. A "
            + "summary ends the run."})
final class IngestCommand extends ConnectedCommand {
  @Mixin
  private TopicOptions topicOptions;

  @Mixin
  private HttpOptions http;

  @Parameters(arity = "0..*", paramLabel = "FILE|DIR|GLOB|-",
      description = "Files, folders (recursive, by name), globs, or - for standard input.")
  private List<String> inputs = new ArrayList<>();

  @Option(names = "--watch", paramLabel = "DIR",
      description = "Watch a drop folder: complete new files are published in name order, then "
          + "moved to finished/ or error/.")
  private Path watch;

  @Option(names = "--finished-dir", paramLabel = "DIR",
      description = "Where --watch moves published files (default: DIR/finished).")
  private Path finishedDir;

  @Option(names = "--error-dir", paramLabel = "DIR",
      description = "Where --watch moves refused files, each with a .error.txt (default: "
          + "DIR/error).")
  private Path errorDir;

  @Option(names = "--transactional-id", paramLabel = "ID",
      description = "Kafka transactional id of this ingest (default: derived from the drop "
          + "folder or the inputs); keep it stable so that a restart fences the old process.")
  private String transactionalId;

  @Override
  public Integer call() throws InterruptedException {
    if ((watch == null) == inputs.isEmpty()) {
      throw new ParameterException(spec.commandLine(),
          "Give either inputs (FILE|DIR|GLOB|-) or --watch DIR, not both or neither");
    }
    AppConfig settings = config.resolve();
    IngestConfig.Builder builder = IngestConfig.builder(settings.bootstrapServers())
        .rawTopic(settings.rawTopic())
        .dlqTopic(settings.dlqTopic())
        .checkpointTopic(settings.checkpointTopic())
        .partitions(settings.partitions())
        .replication(settings.replicationFactor());
    settings.kafkaProperties().forEach(builder::clientProperty);
    if (transactionalId != null) {
      builder.transactionalId(transactionalId);
    }
    IngestConfig ingestConfig = builder.build();
    IngestService ingest = watch == null
        ? IngestService.forInputs(ingestConfig, inputs)
        : IngestService.watching(ingestConfig, new DropFolder(watch, finishedDir, errorDir,
            ingestConfig.stableFor(), ingestConfig.requireDoneMarker()));
    if (IngestService.showsProgressBar()) {
      Logging.quietUnderProgressBar("org.medlinestream.ingest");
    }
    ServiceRunner.stopOnSignal("ingest", ingest::stop);
    IngestSummary summary;
    try (MonitoringServer endpoints =
        watch == null ? null : ServiceEndpoints.ingest(settings, ingest)) {
      ingest.start();
      if (watch != null) {
        out().println("Ingest is watching " + watch + ServiceEndpoints.where(endpoints)
            + ". Ctrl-C to stop.");
        out().flush();
      }
      summary = ingest.awaitTermination();
    }
    out().println(summary.describe());
    return summary.filesFailed() > 0 ? 1 : 0;
  }
}
