package org.medlinestream.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medlinestream.embedded.ChildJvm;
import org.medlinestream.embedded.KafkaCluster;
import org.medlinestream.schemas.ErrorHeaders;
import org.medlinestream.schemas.RawHeaders;
import org.medlinestream.schemas.registry.server.KafkaSchemaLog;
import org.medlinestream.schemas.registry.server.SchemaRegistryServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline against a registry that wants HTTP basic authentication over HTTPS with a
 * self-signed certificate: the services get the registry settings as {@code -D
 * schema.registry.*} flags (credentials, trust store) and the records flow. An enrich and a sink
 * with a wrong password each stop (exit 1) with a clear error, dead-letter nothing and commit
 * nothing; the right ones then catch up. Neither password appears in any service's log.
 */
class RegistryAuthTlsTest {
  private static final Logger log = LoggerFactory.getLogger(RegistryAuthTlsTest.class);
  private static final Duration BOUND = Duration.ofMinutes(3);
  private static final String USER = "medline";

  @TempDir Path dir;

  @Test
  void recordsFlowThroughAnAuthenticatedTlsRegistryAndAWrongPasswordIsAClearError()
      throws Exception {
    long started = System.nanoTime();
    String password = "registry-" + UUID.randomUUID();
    String wrong = "wrong-" + UUID.randomUUID();
    String storePassword = "store-" + UUID.randomUUID();
    Path keyStore = dir.resolve("registry.p12");
    Path trustStore = dir.resolve("truststore.p12");
    selfSignedCertificate(keyStore, trustStore, storePassword);
    ChaosCorpus corpus = ChaosCorpus.generate(60, 3, new Random(Settings.seed()));
    List<String> files = corpus.fileNames();
    String bootstrap = KafkaCluster.shared().bootstrapServers();
    try (SchemaRegistryServer registry =
            new SchemaRegistryServer(new KafkaSchemaLog(bootstrap), "127.0.0.1", 0)
                .requireBasicAuth(USER, password)
                .useTls(keyStore, "PKCS12", storePassword.toCharArray()).start();
        FreshDatabase db = FreshDatabase.create("registry_tls");
        Services services = new Services()) {
      assertThat(registry.url()).startsWith("https://");
      Pipeline pipeline = new Pipeline(bootstrap, registry.url(), dir, Map.of(
          "schema.registry.basic.auth.credentials.source", "USER_INFO",
          "schema.registry.basic.auth.user.info", USER + ":" + password,
          "schema.registry.ssl.truststore.location", trustStore.toString(),
          "schema.registry.ssl.truststore.password", storePassword,
          "schema.registry.ssl.truststore.type", "PKCS12"));
      Path drop = PipelineStack.start(pipeline, services, db.jdbcUrl(), 50);
      corpus.drop(files.get(0), drop);
      corpus.drop(files.get(1), drop);
      Await.until("the sink committed every citation of the first two files", BOUND,
          services::assertAlive, () -> pipeline.sinkCommitted() > 0
              && pipeline.sinkCommitted() == pipeline.citationsConsumedEnd());
      services.get("sink").stop(Duration.ofSeconds(30));

      long committed = pipeline.sinkCommitted();
      services.get("enrich").stop(Duration.ofSeconds(30));
      int enrichDeadLetters = deadLetters(pipeline, ErrorHeaders.STAGE_ENRICH).size();
      ChildJvm badEnrich = services.start("enrich", () -> pipeline.startEnrich(
          "-D", "schema.registry.basic.auth.user.info=" + USER + ":" + wrong));
      for (String file : files.subList(2, files.size())) {
        corpus.drop(file, drop);
      }
      String enrichError = badEnrich.await(line -> line.contains("refused enrich's credentials"),
          BOUND);
      assertThat(badEnrich.awaitExit(Duration.ofMinutes(1))).as("enrich's exit code").isEqualTo(1);
      assertThat(enrichError).contains(registry.url(), "Unauthorized", "basic.auth.user.info");
      assertThat(pipeline.citationsConsumedEnd()).as("citations of the refused enrich")
          .isEqualTo(committed);
      assertThat(deadLetters(pipeline, ErrorHeaders.STAGE_ENRICH)).as("enrich's dead letters")
          .hasSize(enrichDeadLetters);
      services.start("enrich", pipeline::startEnrich);
      Await.until("enrich wrote citations of the later files", BOUND, () -> { },
          () -> pipeline.citationsConsumedEnd() > committed);
      ChildJvm badSink = services.start("sink", () -> pipeline.startSink(db.jdbcUrl(), 50,
          "-D", "schema.registry.basic.auth.user.info=" + USER + ":" + wrong));
      String error = badSink.await(line -> line.contains("Unauthorized"), BOUND);
      assertThat(badSink.awaitExit(Duration.ofMinutes(1))).as("the sink's exit code").isEqualTo(1);
      assertThat(error).contains(registry.url(), "basic.auth.user.info",
          "Offsets of the batch were not committed");
      assertThat(pipeline.sinkCommitted()).as("offsets committed by the refused sink")
          .isEqualTo(committed);
      assertThat(deadLetters(pipeline, ErrorHeaders.STAGE_SINK)).as("dead letters of the sink")
          .isEmpty();

      services.start("sink", () -> pipeline.startSink(db.jdbcUrl(), 50));
      Convergence.Figures figures = Convergence.await(corpus, pipeline, db, services);
      services.close();
      for (String service : List.of("ingest", "enrich", "sink")) {
        String logged = Files.readString(pipeline.logFile(service));
        assertThat(logged).as("%s's log", service).isNotBlank()
            .doesNotContain(password).doesNotContain(wrong).doesNotContain(storePassword);
      }
      log.info("registry with basic auth over TLS: {}; the wrong password refused to enrich in {}"
              + " and to the sink in {}; no password in any log; {} s", figures, enrichError, error,
          (System.nanoTime() - started) / 1_000_000_000);
    }
  }

  private static List<ConsumerRecord<byte[], byte[]>> deadLetters(Pipeline pipeline,
      String stage) {
    return pipeline.readCommitted(pipeline.dlqTopic()).stream()
        .filter(letter -> stage.equals(RawHeaders.get(letter.headers(), ErrorHeaders.STAGE)))
        .toList();
  }

  /**
   * A key pair for CN=localhost, IP 127.0.0.1 in {@code keyStore}, and its certificate alone in
   * {@code trustStore}, with the JDK's keytool.
   */
  private static void selfSignedCertificate(Path keyStore, Path trustStore, String password)
      throws IOException, InterruptedException {
    Path certificate = keyStore.resolveSibling("registry.crt");
    keytool("-genkeypair", "-alias", "registry", "-keyalg", "RSA", "-keysize", "2048",
        "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
        "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", password);
    keytool("-exportcert", "-alias", "registry", "-keystore", keyStore.toString(),
        "-storepass", password, "-file", certificate.toString());
    keytool("-importcert", "-noprompt", "-alias", "registry", "-file", certificate.toString(),
        "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", password);
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    command.addAll(List.of(args));
    Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(keytool.waitFor()).as("keytool %s: %s", args[0], output).isZero();
  }
}
