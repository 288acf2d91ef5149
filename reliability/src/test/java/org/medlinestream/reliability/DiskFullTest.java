package org.medlinestream.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medlinestream.embedded.ChildJvm;
import org.medlinestream.embedded.KafkaCluster;
import org.medlinestream.schemas.registry.server.KafkaSchemaLog;
import org.medlinestream.schemas.registry.server.SchemaRegistryServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A full disk, for real: a small tmpfs filled to the last byte ({@link SmallDisk}) under the
 * places the product writes. Ingest's finished and error folders: the file stays in the drop
 * folder, nothing half-moved, no note without its file, then moved (not published again) once
 * there is space. The sink's JSON Lines folder and SQLite database: a clear error, no offset
 * committed for what was not written, then, restarted with space, exactly the expected store.
 */
class DiskFullTest {
  private static final Logger log = LoggerFactory.getLogger(DiskFullTest.class);
  private static final Duration BOUND = Duration.ofMinutes(3);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void ingestMovesNothingToAFullDiskAndMovesItOnceThereIsSpace() throws Exception {
    long started = System.nanoTime();
    ChaosCorpus corpus = ChaosCorpus.generate(40, 1, new Random(Settings.seed()));
    String good = corpus.fileNames().get(0);
    HostileInput refused = HostileCorpusTest.all().stream()
        .filter(input -> input.name().equals("binary-gzip-garbage.txt.gz")).findFirst()
        .orElseThrow();
    try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), "1m")) {
      Path finished = disk.root().resolve("finished");
      Path error = disk.root().resolve("error");
      Pipeline pipeline = new Pipeline(KafkaCluster.shared().bootstrapServers(),
          "http://127.0.0.1:1", dir);
      pipeline.createTopics();
      Path drop = Files.createDirectories(pipeline.dropDir());
      try (ChildJvm ingest = pipeline.startIngest("--finished-dir", finished.toString(),
          "--error-dir", error.toString())) {
        ingest.await(line -> line.contains("Watching"), BOUND);

        disk.fill();
        corpus.drop(good, drop);
        long size = Files.size(drop.resolve(good));
        String moveError = ingest.await(line -> line.contains("cannot move"), BOUND);
        assertThat(moveError).contains(drop.resolve(good).toString(), "No space left on device",
            finished.toString(), "free space");
        int published = pipeline.readCommitted(pipeline.rawTopic()).size();
        assertThat(published).as("records of %s published", good).isPositive();
        assertThat(drop.resolve(good)).as("not marked finished").exists();
        assertThat(entries(finished)).as("nothing (half) moved to finished/").isEmpty();

        disk.free();
        Await.until("the file moved to finished/ once there is space", BOUND,
            () -> assertThat(ingest.isAlive()).isTrue(),
            () -> Files.exists(finished.resolve(good)));
        assertThat(Files.size(finished.resolve(good))).as("moved whole").isEqualTo(size);
        assertThat(pipeline.readCommitted(pipeline.rawTopic())).as("not published again")
            .hasSize(published);

        disk.fill();
        Files.write(drop.resolve(refused.name()), refused.bytes());
        Files.createFile(drop.resolve(refused.name() + ".done"));
        String noteError = ingest.await(line -> line.contains("cannot move"), BOUND);
        assertThat(noteError).contains(refused.name(), "No space left on device", error.toString());
        assertThat(drop.resolve(refused.name())).exists();
        assertThat(entries(error)).as("no file, note or temporary note in error/").isEmpty();

        disk.free();
        Await.until("the refused file moved to error/ with its note", BOUND,
            () -> assertThat(ingest.isAlive()).isTrue(),
            () -> Files.exists(error.resolve(refused.name())));
        assertThat(Files.readString(error.resolve(refused.name() + ".error.txt"))).isNotBlank();
        assertThat(ingest.isAlive()).isTrue();
      }
    }
    log.info("disk full, ingest: {} s", (System.nanoTime() - started) / 1_000_000_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jsonl", "sqlite"})
  void aSinkOnAFullDiskCommitsNothingItDidNotWriteAndResumesWithSpace(String kind)
      throws Exception {
    long started = System.nanoTime();
    ChaosCorpus corpus = ChaosCorpus.generate(120, 2, new Random(Settings.seed()));
    List<String> files = corpus.fileNames();
    String bootstrap = KafkaCluster.shared().bootstrapServers();
    try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), "2m");
        SchemaRegistryServer registry =
            new SchemaRegistryServer(new KafkaSchemaLog(bootstrap), "127.0.0.1", 0).start();
        Services services = new Services()) {
      Path out = disk.root().resolve("out");
      Path sqlite = disk.root().resolve("citations.db");
      String target = kind.equals("jsonl") ? "jsonl:" + out : "jdbc:sqlite:" + sqlite;
      Convergence.Store store = kind.equals("jsonl") ? () -> readJsonLines(out).stored()
          : () -> readSqlite(sqlite);
      Pipeline pipeline = new Pipeline(bootstrap, registry.url(), dir);
      // three attempts (0.5 s, 1 s apart) instead of a minute's: the outcome is the same
      Path drop = PipelineStack.start(pipeline, services, target, 20, "--store-attempts", "3");
      services.get("sink").await(line -> line.startsWith("Sink is writing"), BOUND);

      corpus.drop(files.get(0), drop);
      long committedBefore;
      do { // until the sink has written and committed every citation of the first file
        Await.until("the first file's citations written", BOUND, services::assertAlive,
            () -> store.read().rows() > 0
                && pipeline.sinkCommitted() == pipeline.citationsConsumedEnd());
        committedBefore = pipeline.sinkCommitted();
        Thread.sleep(3_000);
      } while (pipeline.sinkCommitted() != committedBefore
          || pipeline.citationsConsumedEnd() != committedBefore);

      disk.fill();
      for (String file : files.subList(1, files.size())) {
        corpus.drop(file, drop);
      }
      ChildJvm sink = services.get("sink");
      String failure = sink.await(line -> line.contains("Offsets of the failed batch were not"
          + " committed"), Duration.ofMinutes(5));
      assertThat(sink.awaitExit(Duration.ofMinutes(1))).as("the sink's exit code").isEqualTo(1);
      assertThat(failure).contains(kind.equals("jsonl") ? out.toString() : "SQLITE_FULL");
      assertThat(failure).contains(kind.equals("jsonl") ? "No space left on device" : "full");
      // A batch may still have fitted into space the store had already taken (SQLite's write-ahead
      // log, reused once checkpointed), and then rightly been committed; the store must hold
      // exactly what the committed offsets say, no more and no less.
      assertThat(store.read().titles().keySet())
          .as("the stored PMIDs, against the committed offsets")
          .isEqualTo(pipeline.pmidsUpToSinkCommit());
      long committedWhenFull = pipeline.sinkCommitted();

      disk.free();
      services.start("sink", () -> pipeline.startSink(target, 20));
      Convergence.Figures figures = Convergence.await(corpus, pipeline, store, services);
      int changes = pipeline.readCommitted(pipeline.citationsTopic()).size();
      if (kind.equals("jsonl")) {
        assertThat(readJsonLines(out).entries()).as("entries written, one per change on the topic")
            .isEqualTo(changes);
      }
      log.info("disk full, sink into {}: {} committed before the disk filled, {} when it stopped;"
              + " {}, {} changes on the topic; {} s", kind, committedBefore, committedWhenFull,
          figures, changes,
          (System.nanoTime() - started) / 1_000_000_000);
    }
  }

  private static List<Path> entries(Path folder) throws Exception {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(folder)) {
      return list.toList();
    }
  }

  /**
   * Every complete entry on disk, in the order written (the finished files by name, then the one in
   * progress): the last of each PMID (deleted ones gone), and how many entries there are.
   */
  private static JsonLines readJsonLines(Path out) throws Exception {
    Map<String, String> titles = new TreeMap<>();
    long entries = 0;
    for (Path file : filesInOrder(out)) {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
        if (line.isEmpty()) {
          continue;
        }
        JsonNode entry = JSON.readTree(line);
        String pmid = entry.path("pmid").asText();
        if (entry.path("deleted").asBoolean()) {
          titles.remove(pmid);
        } else {
          titles.put(pmid, entry.path("title").asText());
        }
        entries++;
      }
    }
    return new JsonLines(new StoredCitations(titles, titles.size()), entries);
  }

  private record JsonLines(StoredCitations stored, long entries) {}

  /** {@code citations-<start>-<n>.jsonl}, then {@code .citations-….jsonl.inprogress}. */
  private static List<Path> filesInOrder(Path out) throws Exception {
    return entries(out).stream()
        .filter(file -> file.getFileName().toString().matches("\\.?citations-.*"))
        .sorted(Comparator.comparing(file -> file.getFileName().toString()
            .replaceFirst("^\\.", "").replace(".inprogress", "")))
        .toList();
  }

  private static StoredCitations readSqlite(Path file) throws SQLException {
    if (!Files.exists(file)) {
      return new StoredCitations(Map.of(), 0);
    }
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement sql = connection.createStatement()) {
      return StoredCitations.read(sql);
    }
  }
}
