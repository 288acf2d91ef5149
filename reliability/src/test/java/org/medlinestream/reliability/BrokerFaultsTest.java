package org.medlinestream.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medlinestream.embedded.KafkaCluster;
import org.medlinestream.embedded.KafkaNode;
import org.medlinestream.schemas.registry.server.KafkaSchemaLog;
import org.medlinestream.schemas.registry.server.SchemaRegistryServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Broker faults, each while a file of the {@link ChaosCorpus} is in flight: the one broker of the
 * one-machine stack restarted; on a 3-broker cluster (topics replicated 3 times, {@code
 * min.insync.replicas=2} as deployed) a broker restarted (a controlled stop, then a start), then a
 * broker killed ({@code kill -9}) and lost for good. The pipeline must wait, retry and converge to
 * exactly the expected store and dead letters.
 */
class BrokerFaultsTest {
  private static final Logger log = LoggerFactory.getLogger(BrokerFaultsTest.class);
  private static final Duration BROKER_DOWN = Duration.ofSeconds(5);
  private static final Duration READY = Duration.ofMinutes(2);

  @TempDir Path dir;

  @Test
  void aRestartOfTheOnlyBrokerLosesNothing() throws Exception {
    ChaosCorpus corpus = corpus(3);
    long started = System.nanoTime();
    try (KafkaCluster kafka = KafkaCluster.builder().start();
        SchemaRegistryServer registry = new SchemaRegistryServer(
            new KafkaSchemaLog(kafka.bootstrapServers()), "127.0.0.1", 0).start();
        FreshDatabase db = FreshDatabase.create("brokerfaults");
        Services services = new Services()) {
      Pipeline pipeline = new Pipeline(kafka.bootstrapServers(), registry.url(), dir);
      Path drop = startPipeline(pipeline, services, db);
      List<String> files = corpus.fileNames();
      int next = 0;

      dropAndAwaitPublished(corpus, files.get(next++), drop, services);
      restart(kafka, kafka.node(0), corpus, files.get(next++), drop);

      while (next < files.size()) {
        corpus.drop(files.get(next++), drop);
      }
      Convergence.Figures figures = Convergence.await(corpus, pipeline, db, services);
      log.info("broker faults, 1 broker: {}; {} s", figures, seconds(started));
    }
  }

  @Test
  void aBrokerRestartAndALostBrokerLoseNothing() throws Exception {
    ChaosCorpus corpus = corpus(4);
    long started = System.nanoTime();
    // As deployed (deploy/k8s/base/kafka.yaml): a write needs 2 of the 3 replicas.
    try (KafkaCluster kafka = KafkaCluster.builder().nodes(3)
            .brokerConfig("min.insync.replicas", "2").start();
        SchemaRegistryServer registry = new SchemaRegistryServer(
            new KafkaSchemaLog(kafka.bootstrapServers()), "127.0.0.1", 0).start();
        FreshDatabase db = FreshDatabase.create("brokerfaults");
        Services services = new Services()) {
      Pipeline pipeline = new Pipeline(kafka.bootstrapServers(), registry.url(), dir,
          Map.of("topics.replication.factor", "3"));
      Path drop = startPipeline(pipeline, services, db);
      List<String> files = corpus.fileNames();
      int next = 0;

      dropAndAwaitPublished(corpus, files.get(next++), drop, services);
      restart(kafka, kafka.node(1), corpus, files.get(next++), drop);

      dropAndAwaitPublished(corpus, files.get(next++), drop, services);
      kafka.node(2).kill();
      log.info("broker faults: lost broker {} for good", kafka.node(2).id());
      while (next < files.size()) {
        corpus.drop(files.get(next++), drop);
      }
      Convergence.Figures figures = Convergence.await(corpus, pipeline, db, services);
      log.info("broker faults, 3 brokers: {}; {} s", figures, seconds(started));
    }
  }

  /** A quarter of the suite's records (the faults, not the volume, are the point). */
  private static ChaosCorpus corpus(int files) {
    long seed = Settings.seed();
    ChaosCorpus corpus = ChaosCorpus.generate(Settings.records() / 4, files, new Random(seed));
    log.info("broker faults: seed {} (-Dreliability.seed={} replays it), {}", seed, seed,
        corpus.describe());
    return corpus;
  }

  /**
   * Creates the topics and starts the three services, waiting until each is at work (enrich
   * running its tasks); returns the drop folder.
   */
  private static Path startPipeline(Pipeline pipeline, Services services, FreshDatabase db)
      throws Exception {
    Path drop = PipelineStack.start(pipeline, services, db.jdbcUrl(), 50);
    services.get("ingest").await(line -> line.startsWith("Ingest is watching"), READY);
    services.get("enrich").await(line -> line.endsWith("Enrich REBALANCING -> RUNNING"), READY);
    services.get("sink").await(line -> line.startsWith("Sink is writing"), READY);
    return drop;
  }

  /** Drops {@code file} and waits until ingest has published it: enrich and sink are at it. */
  private static void dropAndAwaitPublished(ChaosCorpus corpus, String file, Path drop,
      Services services) throws Exception {
    corpus.drop(file, drop);
    services.get("ingest").await(line -> line.contains("Published " + file + ":"), READY);
  }

  /**
   * A controlled stop of {@code node}; {@code file} dropped while it is down (ingest publishes it
   * without it, or waits for it); {@link #BROKER_DOWN} later, a start.
   */
  private static void restart(KafkaCluster kafka, KafkaNode node, ChaosCorpus corpus, String file,
      Path drop) throws Exception {
    node.stop();
    log.info("broker faults: stopped broker {}", node.id());
    corpus.drop(file, drop);
    Thread.sleep(BROKER_DOWN.toMillis());
    node.start();
    kafka.awaitBrokers(kafka.nodes().size(), Duration.ofMinutes(2));
    log.info("broker faults: broker {} is back", node.id());
  }

  private static long seconds(long since) {
    return (System.nanoTime() - since) / 1_000_000_000;
  }
}
