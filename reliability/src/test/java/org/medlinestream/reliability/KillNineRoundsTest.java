package org.medlinestream.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medlinestream.embedded.KafkaCluster;
import org.medlinestream.schemas.registry.server.KafkaSchemaLog;
import org.medlinestream.schemas.registry.server.SchemaRegistryServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kill -9 rounds: ingest ({@code --watch}), enrich and sink run as the real command line in child
 * JVMs on the real broker and a fresh PostgreSQL database. Each round drops a file of the {@link
 * ChaosCorpus} and, at a random moment after, kills a random service with {@code kill -9} and
 * starts it again. After the last round the pipeline must converge to exactly the expected store
 * (each PMID once, at its newest revision, deleted ones gone) and a dead-letter topic holding each
 * bad input exactly once.
 */
class KillNineRoundsTest {
  private static final Logger log = LoggerFactory.getLogger(KillNineRoundsTest.class);
  private static final Pattern MARKER = Pattern.compile("BADINPUT-\\d+");
  private static final Duration CONVERGENCE = Duration.ofMinutes(5);

  @TempDir Path dir;

  @Test
  void killingRandomServicesAtRandomMomentsLosesAndDuplicatesNothing() throws Exception {
    long seed = Settings.seed();
    int rounds = Settings.rounds();
    Random random = new Random(seed);
    ChaosCorpus corpus = ChaosCorpus.generate(Settings.records(), rounds + 1, random);
    log.info("kill -9 rounds: seed {} (-Dreliability.seed={} replays it), {}", seed, seed,
        corpus.describe());
    long started = System.nanoTime();
    String bootstrap = KafkaCluster.shared().bootstrapServers();
    Map<String, Integer> kills = new TreeMap<>();
    try (SchemaRegistryServer registry =
            new SchemaRegistryServer(new KafkaSchemaLog(bootstrap), "127.0.0.1", 0).start();
        FreshDatabase db = FreshDatabase.create("kill9");
        Services services = new Services()) {
      Pipeline pipeline = new Pipeline(bootstrap, registry.url(), dir);
      pipeline.createTopics();
      Files.createDirectories(pipeline.dropDir());
      services.start("ingest", pipeline::startIngest);
      services.start("enrich", pipeline::startEnrich);
      services.start("sink", () -> pipeline.startSink(db.jdbcUrl(), 50));

      List<String> files = corpus.fileNames();
      for (int round = 0; round < rounds; round++) {
        for (int f = round * files.size() / rounds; f < (round + 1) * files.size() / rounds; f++) {
          corpus.drop(files.get(f), pipeline.dropDir());
        }
        Thread.sleep(1_000 + random.nextInt(5_000));
        String victim = services.names().get(random.nextInt(services.names().size()));
        services.killAndRestart(victim);
        kills.merge(victim, 1, Integer::sum);
        log.info("round {}: killed and restarted {}", round + 1, victim);
      }

      Map<String, String> expected = StoredCitations.titlesOf(corpus.expected());
      Path finished = pipeline.dropDir().resolve("finished");
      Await.until("every file published and moved to finished/", CONVERGENCE,
          services::assertAlive,
          () -> files.stream().allMatch(f -> Files.exists(finished.resolve(f))));
      Await.until("the store holds exactly the expected citations", CONVERGENCE,
          services::assertAlive, () -> {
            StoredCitations stored = StoredCitations.read(db);
            return stored.lost(expected) == 0 && stored.extra(expected) == 0;
          });
      StoredCitations stored = StoredCitations.read(db);
      assertThat(stored.titles()).isEqualTo(expected);
      assertThat(stored.rows()).isEqualTo(expected.size());

      Map<String, Integer> deadLetters = markersOf(pipeline.readCommitted(pipeline.dlqTopic()));
      Map<String, Integer> once = new TreeMap<>();
      corpus.badMarkers().forEach(marker -> once.put(marker, 1));
      assertThat(deadLetters).as("each bad input on the dead-letter topic exactly once")
          .isEqualTo(once);
      assertThat(Files.list(pipeline.dropDir().resolve("error")).toList())
          .as("no file refused").isEmpty();
      log.info("kill -9 rounds: {} rounds, kills {}, {} citations stored, {} dead letters; "
              + "lost {}, duplicated {}; {} s",
          rounds, kills, stored.rows(), deadLetters.size(), stored.lost(expected),
          stored.extra(expected), (System.nanoTime() - started) / 1_000_000_000);
    }
  }

  /** How often each bad-input marker appears among the dead letters; "unmarked" for others. */
  static Map<String, Integer> markersOf(List<ConsumerRecord<byte[], byte[]>> deadLetters) {
    Map<String, Integer> markers = new TreeMap<>();
    for (ConsumerRecord<byte[], byte[]> record : deadLetters) {
      String value = record.value() == null ? "" : new String(record.value(),
          StandardCharsets.ISO_8859_1);
      Matcher marker = MARKER.matcher(value);
      markers.merge(marker.find() ? marker.group() : "unmarked: " + value, 1, Integer::sum);
    }
    return markers;
  }
}
