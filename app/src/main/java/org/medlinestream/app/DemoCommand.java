package org.medlinestream.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Deserializer;
import org.medlinestream.avro.Citation;
import org.medlinestream.enrich.stream.EnrichConfig;
import org.medlinestream.enrich.stream.EnrichMetrics;
import org.medlinestream.enrich.stream.EnrichMetrics.Counter;
import org.medlinestream.enrich.stream.EnrichService;
import org.medlinestream.ingest.DropFolder;
import org.medlinestream.ingest.IngestConfig;
import org.medlinestream.ingest.IngestService;
import org.medlinestream.ingest.IngestSummary;
import org.medlinestream.schemas.serde.SpecificAvroSerde;
import org.medlinestream.sink.CitationStore;
import org.medlinestream.sink.CitationStores;
import org.medlinestream.sink.SinkConfig;
import org.medlinestream.sink.SinkService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code medline-stream demo}: the whole pipeline in one process on the embedded stack: ingest
 * → enrich → sink into SQLite (or any sink target), with progress and a summary.
 */
@Command(name = "demo",
    description = {
        "Runs the whole pipeline in one process on the embedded stack: a real Kafka broker and the "
            + "schema registry, ingest, enrich and sink into an SQLite file, then prints a summary "
            + "and example queries.",
        "Without inputs it uses the real records bundled in the jar (the seed included).",
        "Exit code 0 when every record arrived, 1 with the reason when not."})
final class DemoCommand implements Callable<Integer> {
  private static final Duration TICK = Duration.ofSeconds(2);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  @Spec
  private CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "FILE|DIR|GLOB",
      description = "MEDLINE text or PubMed XML (.gz too); default: the bundled samples.")
  private List<String> inputs = new ArrayList<>();

  @Option(names = "--db", paramLabel = "FILE", defaultValue = CitationStores.DEFAULT_SQLITE_FILE,
      description = "SQLite file to write (default: ${DEFAULT-VALUE}).")
  private Path db;

  @Option(names = "--target", paramLabel = "URL",
      description = "Any sink target instead of --db: jdbc:postgresql://..., jdbc:sqlite:FILE, "
          + "jsonl:DIR, avro:DIR.")
  private String target;

  @Option(names = "--keep-running",
      description = "Leave the stack up afterwards and keep ingesting files dropped into "
          + "--watch, until Ctrl-C.")
  private boolean keepRunning;

  @Option(names = "--watch", paramLabel = "DIR", defaultValue = "drop",
      description = "Drop folder watched with --keep-running (default: ${DEFAULT-VALUE}).")
  private Path watchDir;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
      description = "Give up when the records have not all arrived by then "
          + "(default: ${DEFAULT-VALUE}).")
  private int timeoutSeconds;

  /** Counted down once the stack is stopped and the work folder deleted. */
  private final CountDownLatch cleanedUp = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    Path work = Files.createTempDirectory("medline-stream-demo-");
    List<String> sources = inputs.isEmpty()
        ? List.of(BundledSamples.extractTo(work.resolve("samples")).toString())
        : inputs;
    String sinkTarget = target != null ? target : "jdbc:sqlite:" + db.toAbsolutePath();
    try (LocalStack stack = LocalStack.builder()
            .dataDir(work.resolve("data")).kafkaPort(0).controllerPort(0).registryPort(0)
            .start();
        DemoPipeline pipeline = new DemoPipeline(stack, work, sinkTarget)) {
      IngestSummary ingested = pipeline.ingest(sources);
      boolean arrived = pipeline.awaitArrival(ingested, Duration.ofSeconds(timeoutSeconds));
      new DemoReport(spec.commandLine().getOut(), sinkTarget)
          .print(ingested, pipeline.enrich, pipeline.sink, (System.nanoTime() - start) / 1e9);
      if (!arrived) {
        throw new IllegalStateException(pipeline.whyNotArrived(ingested));
      }
      if (keepRunning) {
        pipeline.watch(watchDir, spec.commandLine().getOut(), cleanedUp);
      }
      return 0;
    } finally {
      try (Stream<Path> paths = Files.walk(work)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
      cleanedUp.countDown();
    }
  }

  /** Enrich and sink running on the stack; ingest on demand. */
  private static final class DemoPipeline implements AutoCloseable {
    private final LocalStack stack;
    private final EnrichService enrich;
    private final CitationStore store;
    private final SinkService sink;

    DemoPipeline(LocalStack stack, Path work, String sinkTarget) {
      this.stack = stack;
      this.enrich = new EnrichService(
          EnrichConfig.builder(stack.bootstrapServers(), stack.registryUrl())
              .applicationId("medline-demo-enrich")
              .stateDir(work.resolve("streams"))
              .httpPort(0)
              .build());
      this.store = CitationStores.open(sinkTarget);
      SpecificAvroSerde<Citation> serde = new SpecificAvroSerde<>(Citation.class);
      serde.configure(Map.of("schema.registry.url", stack.registryUrl()), false);
      Deserializer<Citation> citations = serde.deserializer();
      this.sink = new SinkService(SinkConfig.defaults(stack.bootstrapServers()), store, citations);
      enrich.start();
      sink.start();
    }

    IngestSummary ingest(List<String> sources) throws InterruptedException {
      IngestService ingest = IngestService.forInputs(
          IngestConfig.builder(stack.bootstrapServers()).build(), sources);
      ingest.start();
      return ingest.awaitTermination();
    }

    /**
     * Waits until enrich is done with every ingested record (read is not enough: a record read
     * but not yet written would let the sink look finished) and sink has read every one written.
     */
    boolean awaitArrival(IngestSummary ingested, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      BooleanSupplier enriched = () -> decided(enrich.metrics()) >= ingested.records();
      BooleanSupplier sunk = () -> sink.consumed() >= enrich.metrics().total(Counter.RECORDS_OUT);
      while (System.nanoTime() < deadline) {
        if (sink.failure().isPresent() || stack.failure().isPresent()) {
          return false;
        }
        if (enriched.getAsBoolean() && sunk.getAsBoolean()) {
          return true;
        }
        Thread.sleep(TICK.toMillis() / 4);
      }
      return false;
    }

    /** Records enrich is done with: written, dropped as duplicates or older, or dead letters. */
    private static long decided(EnrichMetrics metrics) {
      return metrics.total(Counter.RECORDS_OUT) + metrics.total(Counter.DUPLICATES)
          + metrics.total(Counter.STALE) + metrics.total(Counter.DEAD_LETTERS);
    }

    String whyNotArrived(IngestSummary ingested) {
      return sink.failure().map(Throwable::getMessage)
          .or(stack::failure)
          .orElse(String.format(
              "not everything arrived in time: ingested %d, enrich read %d and wrote %d, sink "
                  + "read %d; try a larger --timeout",
              ingested.records(), enrich.metrics().total(Counter.RECORDS_IN),
              enrich.metrics().total(Counter.RECORDS_OUT), sink.consumed()));
    }

    /**
     * Ingests the files dropped into {@code folder} until Ctrl-C; the signal's hook then waits
     * for {@code cleanedUp}, so that the stack is stopped and the work folder deleted before the
     * JVM exits.
     */
    void watch(Path folder, PrintWriter out, CountDownLatch cleanedUp)
        throws InterruptedException, IOException {
      Files.createDirectories(folder);
      IngestConfig config = IngestConfig.builder(stack.bootstrapServers()).build();
      IngestService watcher = IngestService.watching(config, new DropFolder(folder, config));
      out.println("The stack stays up: Kafka at " + stack.bootstrapServers()
          + ", the schema registry at " + stack.registryUrl() + ".");
      out.println("Watching " + folder.toAbsolutePath() + " for new files; Ctrl-C to stop.");
      out.flush();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        watcher.stop();
        try {
          cleanedUp.await(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "demo-watch-stop"));
      watcher.start();
      watcher.awaitTermination();
    }

    @Override
    public void close() throws Exception {
      sink.stop();
      enrich.close();
      store.close();
    }
  }
}
