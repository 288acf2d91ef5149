package org.medlinestream.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medlinestream.embedded.KafkaCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Faults of the parts around the pipeline, one after the other in one run, each while a file of
 * the {@link ChaosCorpus} is in flight: the registry stopped while the sink is restarted (the new
 * sink must fetch its schema) and started again; PostgreSQL cut off behind a proxy for {@code
 * -Dreliability.outage.seconds} (30). The pipeline must wait, retry and converge to exactly the
 * expected store and dead letters. Broker faults: {@link BrokerFaultsTest}.
 */
class FaultsTest {
  private static final Logger log = LoggerFactory.getLogger(FaultsTest.class);
  private static final Duration REGISTRY_DOWN = Duration.ofSeconds(15);

  @TempDir Path dir;

  @Test
  void aRegistryRestartAndADatabaseOutageLoseNothing() throws Exception {
    long seed = Settings.seed();
    ChaosCorpus corpus = ChaosCorpus.generate(Settings.records(), 3, new Random(seed));
    log.info("faults: seed {}, {}", seed, corpus.describe());
    long started = System.nanoTime();
    String bootstrap = KafkaCluster.shared().bootstrapServers();
    try (RestartableRegistry registry = new RestartableRegistry(bootstrap);
        FreshDatabase db = FreshDatabase.create("faults");
        TcpProxy postgres = new TcpProxy("127.0.0.1", 5432);
        Services services = new Services()) {
      Pipeline pipeline = new Pipeline(bootstrap, registry.url(), dir);
      Path drop = PipelineStack.start(pipeline, services, db.jdbcUrl(postgres.hostPort()), 50);
      List<String> files = corpus.fileNames();
      int next = 0;

      next = registryRestartAndDatabaseOutage(corpus, next, drop, registry, services, postgres);

      while (next < files.size()) {
        corpus.drop(files.get(next++), drop);
      }

      Convergence.Figures figures = Convergence.await(corpus, pipeline, db, services);
      log.info("faults: {}; {} s", figures, (System.nanoTime() - started) / 1_000_000_000);
    }
  }

  /**
   * Drops file {@code next}, stops the registry while the sink is killed and started again (it
   * must fetch its schema), starts the registry again; drops the next file and cuts PostgreSQL off
   * for {@link Settings#outage()}. Returns the index of the next file to drop.
   */
  static int registryRestartAndDatabaseOutage(ChaosCorpus corpus, int next, Path drop,
      RestartableRegistry registry, Services services, TcpProxy postgres) throws Exception {
    List<String> files = corpus.fileNames();
    corpus.drop(files.get(next++), drop);
    registry.stop();
    services.killAndRestart("sink")
        .await(line -> line.startsWith("Sink is writing"), Duration.ofMinutes(2));
    log.info("faults: registry stopped, sink restarted");
    Thread.sleep(REGISTRY_DOWN.toMillis());
    registry.start();
    log.info("faults: registry started again");

    corpus.drop(files.get(next++), drop);
    postgres.cut();
    log.info("faults: PostgreSQL cut off for {}", Settings.outage());
    Thread.sleep(Settings.outage().toMillis());
    postgres.restore();
    services.assertAlive();
    log.info("faults: PostgreSQL reachable again");
    return next;
  }
}
