package org.medlinestream.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medlinestream.embedded.KafkaCluster;
import org.medlinestream.schemas.ErrorHeaders;
import org.medlinestream.schemas.RawHeaders;
import org.medlinestream.schemas.registry.server.KafkaSchemaLog;
import org.medlinestream.schemas.registry.server.SchemaRegistryServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole hostile corpus dropped into the real pipeline (ingest {@code --watch}, enrich, sink to
 * a fresh PostgreSQL database, each in its own JVM): no service ends, every file is finished or
 * refused with a reason, every bad input is refused (a dead letter with a reason, or the file in
 * {@code error/} with its {@code .error.txt}), every good record beside them arrives exactly as
 * written, and the canary that the hostile files point to is never contacted.
 */
class HostileInputPipelineTest {
  private static final Logger log = LoggerFactory.getLogger(HostileInputPipelineTest.class);
  private static final Duration BOUND = Duration.ofMinutes(5);

  @TempDir Path dir;

  @Test
  void everyHostileInputIsRefusedWithAReasonAndEveryGoodRecordArrives() throws Exception {
    List<HostileInput> inputs = HostileCorpusTest.all();
    String bootstrap = KafkaCluster.shared().bootstrapServers();
    long started = System.nanoTime();
    try (Canary canary = new Canary();
        SchemaRegistryServer registry =
            new SchemaRegistryServer(new KafkaSchemaLog(bootstrap), "127.0.0.1", 0).start();
        FreshDatabase db = FreshDatabase.create("hostile");
        Services services = new Services()) {
      Pipeline pipeline = new Pipeline(bootstrap, registry.url(), dir);
      Path drop = PipelineStack.start(pipeline, services, db.jdbcUrl(), 100);
      for (HostileInput input : inputs) {
        Files.write(drop.resolve(input.name()), canary.pointedAt(input.bytes()));
        Files.createFile(drop.resolve(input.name() + ".done"));
      }

      Path finished = drop.resolve("finished");
      Path error = drop.resolve("error");
      Await.until(() -> "every file finished or refused; still waiting: " + inputs.stream()
              .map(HostileInput::name).filter(name -> !Files.exists(finished.resolve(name))
                  && !Files.exists(error.resolve(name))).toList()
              + "; the services' logs are in " + pipeline.logFile("ingest").getParent(),
          BOUND, services::assertAlive,
          () -> inputs.stream().allMatch(input -> Files.exists(finished.resolve(input.name()))
              || Files.exists(error.resolve(input.name()))));
      Map<String, String> arriving = new TreeMap<>();
      inputs.stream().filter(input -> Files.exists(finished.resolve(input.name())))
          .forEach(input -> arriving.putAll(input.arrives()));
      Await.until("every good record in the store", BOUND, services::assertAlive,
          () -> StoredCitations.read(db).lost(arriving) == 0);
      services.assertAlive();

      StoredCitations stored = StoredCitations.read(db);
      Map<String, List<String>> reasons = deadLetterReasonsBySource(pipeline);
      SoftAssertions softly = new SoftAssertions();
      int refusedFiles = 0;
      for (HostileInput input : inputs) {
        String name = input.name();
        boolean refused = Files.exists(error.resolve(name));
        refusedFiles += refused ? 1 : 0;
        List<String> letters = reasons.getOrDefault(name, List.of());
        if (refused) {
          softly.assertThat(Files.readString(error.resolve(name + ".error.txt")))
              .as("why %s was refused", name).isNotBlank();
        }
        letters.forEach(reason -> softly.assertThat(reason).as("a reason for %s", name)
            .isNotBlank());
        switch (input.expect()) {
          case REFUSED -> softly.assertThat(refused || !letters.isEmpty())
              .as("%s refused: moved to error/ or a dead letter", name).isTrue();
          case ARRIVES -> softly.assertThat(letters).as("dead letters of %s", name).isEmpty();
          case ANY -> { }
        }
        if (!refused) {
          input.arrives().forEach((pmid, title) -> softly.assertThat(stored.titles().get(pmid))
              .as("PMID %s of %s", pmid, name).isEqualTo(title));
        }
      }
      softly.assertThat(stored.titles().keySet()).as("stored PMIDs")
          .allMatch(pmid -> pmid.matches("[1-9][0-9]{0,17}"));
      softly.assertThat(stored.rows()).isEqualTo(stored.titles().size());
      softly.assertThat(canary.connections()).as("connections to the canary").isZero();
      softly.assertAll();
      log.info("hostile input: {} files, {} refused as a whole, {} dead letters, {} citations "
              + "stored ({} good records expected, all there), canary contacted {} times; {} s",
          inputs.size(), refusedFiles, reasons.values().stream().mapToInt(List::size).sum(),
          stored.rows(), arriving.size(), canary.connections(),
          (System.nanoTime() - started) / 1_000_000_000);
    }
  }

  /** The reason of every dead letter, by the name of the file its input came from. */
  private static Map<String, List<String>> deadLetterReasonsBySource(Pipeline pipeline) {
    Map<String, List<String>> reasons = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> letter : pipeline.readCommitted(pipeline.dlqTopic())) {
      String source = RawHeaders.get(letter.headers(), ErrorHeaders.SOURCE);
      if (source == null) {
        source = RawHeaders.get(letter.headers(), RawHeaders.SOURCE);
      }
      String name = source == null ? "(no source)" : Path.of(source).getFileName().toString();
      reasons.computeIfAbsent(name, n -> new ArrayList<>())
          .add(String.valueOf(RawHeaders.get(letter.headers(), ErrorHeaders.REASON)));
    }
    return reasons;
  }
}
