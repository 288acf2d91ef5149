package org.medlinestream.app.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.medlinestream.app.LocalStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code medline-stream bench}: measures the raw broker, each stage alone and the whole pipeline
 * on one embedded stack, on a corpus re-keyed from real records; prints a table and writes JSON and
 * a PNG chart.
 */
@Command(name = "bench",
    description = {
        "Measures, on one embedded stack (a real broker in its own JVM and the schema registry): "
            + "the raw broker (Kafka's own producer then consumer moving the same raw records "
            + "with ingest's producer settings), ingest alone, enrich alone, sink alone (SQLite, "
            + "and PostgreSQL when reachable) and the whole pipeline from files to committed "
            + "rows, with end-to-end latency and peak heap.",
        "The corpus is N citations made from the real records of --source, each copy given a "
            + "PMID of its own, written as MEDLINE text and PubMed XML files to a temporary "
            + "folder. Prints a table with each stage's ratio to the raw broker and writes JSON "
            + "and a PNG chart to --out. Exit code 0 when every stage moved every record."})
public final class BenchCommand implements Callable<Integer> {
  private static final String DEFAULT_POSTGRES =
      "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

  @Spec
  private CommandSpec spec;

  @Option(names = "--records", paramLabel = "N", defaultValue = "150000",
      description = "Citations in the corpus (default: ${DEFAULT-VALUE}: about 60 s for the whole "
          + "pipeline, and 5 minutes for every stage, on 2 idle cores; 1.15 GB of files).")
  private long records;

  @Option(names = "--source", paramLabel = "DIR",
      description = "Folder of real MEDLINE/PubMed records to build the corpus from (default: "
          + "../shared/data beside the project).")
  private Path source;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-results",
      description = "Where the JSON and the PNG chart go (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Option(names = "--postgres", paramLabel = "URL", defaultValue = DEFAULT_POSTGRES,
      description = "PostgreSQL to create a scratch database in (dropped afterwards) for the "
          + "sink stage, skipped when unreachable (default: ${DEFAULT-VALUE}).")
  private String postgres;

  @Option(names = "--no-postgres", description = "Skip the PostgreSQL sink stage.")
  private boolean noPostgres;

  @Option(names = "--pipeline-only",
      description = "Only the whole pipeline: for a large corpus (the flat-memory check), "
          + "e.g. MEDLINE_STREAM_JAVA_OPTS=-Xmx1g.")
  private boolean pipelineOnly;

  @Option(names = "--work", paramLabel = "DIR",
      description = "Where the temporary folder (corpus, broker data, SQLite files) is made "
          + "(default: the system's temporary folder).")
  private Path workParent;

  @Option(names = "--enrich-threads", paramLabel = "N", defaultValue = "1",
      description = "Stream threads of enrich, as enrich --threads (default: ${DEFAULT-VALUE}).")
  private int enrichThreads;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "20000",
      description = "Citations of a separate corpus sent through the whole pipeline first, not "
          + "measured, so that the JIT has compiled the hot code before the measured stages; 0 "
          + "for none; at most --records (default: ${DEFAULT-VALUE}).")
  private long warmup;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "1800",
      description = "Give up when a stage has not finished by then (default: ${DEFAULT-VALUE}).")
  private int timeoutSeconds;

  @Override
  public Integer call() throws Exception {
    if (records < 1) {
      throw new ParameterException(spec.commandLine(),
          "--records must be at least 1, not " + records);
    }
    if (warmup < 0) {
      throw new ParameterException(spec.commandLine(), "--warmup must not be negative");
    }
    PrintWriter console = spec.commandLine().getOut();
    MachineInfo machine = MachineInfo.current();
    double loadBefore = MachineInfo.loadAverage();
    Path from = source != null ? source : defaultSource();
    Path work = workParent == null ? Files.createTempDirectory("medline-stream-bench-")
        : Files.createTempDirectory(Files.createDirectories(workParent), "medline-stream-bench-");
    try (HeapMonitor heap = new HeapMonitor()) {
      console.printf("medline-stream bench on %s%n", machine.describe());
      BenchCorpus base = BenchCorpus.from(from);
      BenchCorpus.Written corpus = base.write(work.resolve("corpus"), records);
      console.printf("Corpus: %,d citations re-keyed from %,d distinct real records of %s (each"
              + " copy has a PMID of its own, from %d up): %,d MEDLINE text, %,d PubMed XML, "
              + "%d files, %.1f MB in %s%n", corpus.records(), corpus.baseRecords(),
          from.toAbsolutePath().normalize(), BenchCorpus.FIRST_PMID, corpus.textRecords(),
          corpus.xmlRecords(), corpus.files().size(), corpus.bytes() / 1e6, work);
      if (!pipelineOnly) {
        RawBrokerStage.requireHeapFor(corpus.bytes(), HeapMonitor.maxHeapBytes());
      }
      console.println("Starting the embedded broker and schema registry...");
      console.flush();
      List<String> notes = new ArrayList<>();
      notes.add("enrich ran with " + enrichThreads + " stream thread(s), exactly once");
      List<StageResult> results;
      try (LocalStack stack = LocalStack.builder().dataDir(work.resolve("data")).kafkaPort(0)
          .controllerPort(0).registryPort(0).topics(List.of()).start()) {
        String id = runId();
        long warmupRecords = Math.min(warmup, records);
        if (warmupRecords > 0) {
          warmUp(new BenchRun(stack, base.write(work.resolve("warmup-corpus"), warmupRecords), work, id + "w", heap, console, Duration.ofSeconds(timeoutSeconds),
              enrichThreads));
          notes.add(String.format("JIT warm-up: %,d other citations through the whole pipeline"
              + " before the measured stages", warmupRecords));
        }
        BenchRun run = new BenchRun(stack, corpus, work, id, heap, console,
            Duration.ofSeconds(timeoutSeconds), enrichThreads);
        results = pipelineOnly ? List.of(pipeline(run)) : allStages(run, notes);
      }
      BenchReport report = new BenchReport(machine, corpus, from, results, notes, loadBefore,
          MachineInfo.loadAverage());
      report.print(console);
      writeFiles(report, console);
      return 0;
    } finally {
      deleteRecursively(work);
    }
  }

  private List<StageResult> allStages(BenchRun run, List<String> notes)
      throws InterruptedException, SQLException {
    List<StageResult> results = new ArrayList<>();
    run.out.println("Raw broker: producer, then consumer");
    results.addAll(new RawBrokerStage(run).measure());
    run.out.println("Ingest alone");
    StageTopics ingested = StageTopics.of(run.id, "ingest");
    StageResult ingest = new IngestStage(run).measure(ingested);
    results.add(ingest);
    run.out.println("Enrich alone");
    StageTopics enriched = StageTopics.of(run.id, "enrich").readingFrom(ingested.raw());
    results.add(new EnrichStage(run).measure(enriched, ingest.bytes()));
    run.out.println("Sink alone");
    SinkStage sink = new SinkStage(run);
    results.add(sink.measure("sink-sqlite", "SQLite", sqlite(run, "sink"),
        StageTopics.of(run.id, "sink-sqlite").sinkingFrom(enriched.citations())));
    if (noPostgres) {
      notes.add("PostgreSQL sink skipped (--no-postgres)");
    } else {
      try (PostgresDatabase database = PostgresDatabase.create(postgres, "medline_bench_" + run.id)) {
        results.add(sink.measure("sink-postgresql", "PostgreSQL", database.url(),
            StageTopics.of(run.id, "sink-postgresql").sinkingFrom(enriched.citations())));
      } catch (SQLException e) {
        String note = "PostgreSQL sink skipped: " + postgres + " not usable (" + e.getMessage()
            + ")";
        run.out.println(note);
        notes.add(note);
      }
    }
    results.add(pipeline(run));
    return results;
  }

  /** The whole pipeline on the warm-up corpus, on topics and a database of its own; not reported. */
  private static void warmUp(BenchRun run) throws InterruptedException {
    run.out.printf("JIT warm-up (not measured): %,d citations through the whole pipeline%n",
        run.corpus.records());
    new PipelineStage(run).measure("SQLite", sqlite(run, "warmup"));
  }

  private static StageResult pipeline(BenchRun run) throws InterruptedException {
    run.out.println("Whole pipeline: files -> ingest -> enrich -> sink -> SQLite");
    return new PipelineStage(run).measure("SQLite", sqlite(run, "pipeline"));
  }

  private static String sqlite(BenchRun run, String stage) {
    return "jdbc:sqlite:" + run.work.resolve(stage + ".db");
  }

  private void writeFiles(BenchReport report, PrintWriter console) throws IOException {
    Files.createDirectories(out);
    String name = "bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern(
        "yyyyMMdd-HHmmss"));
    Path json = out.resolve(name + ".json");
    Path png = out.resolve(name + ".png");
    report.writeJson(json);
    BenchChart.write(report, png);
    console.println("Written " + json + " and " + png);
    console.flush();
  }

  /** {@code ../shared/data} beside the project the jar (or classes folder) was built in. */
  private static Path defaultSource() throws URISyntaxException {
    String property = System.getProperty("shared.data.dir");
    if (property != null) {
      return Path.of(property);
    }
    Path built = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    // app/target/medline-stream.jar or app/target/classes: the project is three levels up
    return built.getParent().getParent().getParent().resolve("../shared/data").normalize();
  }

  private static String runId() {
    return Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
