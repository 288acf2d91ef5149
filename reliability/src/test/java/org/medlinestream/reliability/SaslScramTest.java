package org.medlinestream.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medlinestream.embedded.KafkaCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline against a broker whose only listener for it is SASL/SCRAM-SHA-512: ingest, enrich
 * and sink get the security settings as {@code kafka.*} keys ({@code -D} flags) and every one of
 * their Kafka clients (producers, consumers, admin clients, Kafka Streams' internal ones) must
 * authenticate, or the pipeline cannot converge. The password never appears in their logs.
 */
class SaslScramTest {
  private static final Logger log = LoggerFactory.getLogger(SaslScramTest.class);
  private static final String USER = "medline";

  @TempDir Path dir;

  @Test
  void securitySettingsReachEveryClientAndThePasswordIsNeverLogged() throws Exception {
    String password = "scram-" + UUID.randomUUID();
    int plain = freePort();
    int sasl = freePort();
    int controller = freePort();
    ChaosCorpus corpus = ChaosCorpus.generate(60, 2, new Random(Settings.seed()));
    try (KafkaCluster kafka = KafkaCluster.builder().brokerPort(plain).controllerPort(controller)
            .brokerConfig("listeners", "PLAINTEXT://127.0.0.1:" + plain
                + ",SASL_PLAINTEXT://127.0.0.1:" + sasl + ",CONTROLLER://127.0.0.1:" + controller)
            .brokerConfig("advertised.listeners", "PLAINTEXT://127.0.0.1:" + plain
                + ",SASL_PLAINTEXT://127.0.0.1:" + sasl)
            .brokerConfig("listener.security.protocol.map",
                "PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT")
            .brokerConfig("sasl.enabled.mechanisms", "SCRAM-SHA-512")
            .brokerConfig("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;")
            .start();
        RestartableRegistry registry = new RestartableRegistry(kafka.bootstrapServers());
        FreshDatabase db = FreshDatabase.create("sasl");
        Services services = new Services()) {
      createUser(kafka, password);
      Pipeline pipeline = new Pipeline("127.0.0.1:" + sasl, registry.url(), dir, Map.of(
          "kafka.security.protocol", "SASL_PLAINTEXT",
          "kafka.sasl.mechanism", "SCRAM-SHA-512",
          "kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule "
              + "required username=\"" + USER + "\" password=\"" + password + "\";"));
      Path drop = PipelineStack.start(pipeline, services, db.jdbcUrl(), 50);
      for (String file : corpus.fileNames()) {
        corpus.drop(file, drop);
      }
      Convergence.Figures figures = Convergence.await(corpus, pipeline, db, services);
      services.close();
      for (String service : List.of("ingest", "enrich", "sink")) {
        String logged = Files.readString(pipeline.logFile(service));
        assertThat(logged).as("%s's log", service).isNotBlank().doesNotContain(password);
      }
      log.info("SASL/SCRAM: {} over the SASL listener only; the password is in no log", figures);
    }
  }

  /** Creates the SCRAM user through the broker's plaintext listener, then waits until it works. */
  private static void createUser(KafkaCluster kafka, String password) throws Exception {
    try (Admin admin = Admin.create(kafka.clientConfig())) {
      admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(USER,
              new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password)))
          .all().get(30, TimeUnit.SECONDS);
      Await.until("the SCRAM user " + USER + " is known", java.time.Duration.ofSeconds(30),
          () -> { }, () -> !admin.describeUserScramCredentials(List.of(USER)).all()
              .get(10, TimeUnit.SECONDS).isEmpty());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
