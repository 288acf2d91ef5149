package org.medlinestream.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
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

      Convergence.Figures figures = Convergence.await(corpus, pipeline, db, services);
      log.info("kill -9 rounds: {} rounds, kills {}, {}; {} s", rounds, kills, figures,
          (System.nanoTime() - started) / 1_000_000_000);
    }
  }
}
