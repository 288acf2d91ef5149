package org.medlinestream.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medlinestream.schemas.TinySchemas.BREAKING;
import static org.medlinestream.schemas.TinySchemas.V1;
import static org.medlinestream.schemas.TinySchemas.V2;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medlinestream.schemas.registry.StubRegistry.Answer;
import org.medlinestream.schemas.registry.server.InMemorySchemaLog;
import org.medlinestream.schemas.registry.server.SchemaRegistryServer;

class SchemaRegistryClientTest {
  private static final Schema TINY_V1 = new Schema.Parser().parse(V1);
  private static final Schema TINY_V2 = new Schema.Parser().parse(V2);
  private static final Answer STRING_SCHEMA = new Answer(200, "{\"schema\":\"\\\"string\\\"\"}");

  @Test
  void speaksEveryEndpointOfTheRegistry() {
    try (SchemaRegistryServer registry = new SchemaRegistryServer(new InMemorySchemaLog(), "127.0.0.1", 0).start()) {
      SchemaRegistryClient client = SchemaRegistryClient.forUrl(registry.url());
      assertThat(client.register("a-value", TINY_V1)).isEqualTo(1);
      assertThat(client.register("a-value", TINY_V2)).isEqualTo(2);
      assertThat(client.register("b-value", TINY_V2)).isEqualTo(2);
      assertThat(client.lookup("a-value", TINY_V2)).isEqualTo(new SchemaVersion("a-value", 2, 2, TINY_V2));
      assertThat(client.schemaById(1)).isEqualTo(TINY_V1);
      assertThat(client.version("a-value", 1)).isEqualTo(new SchemaVersion("a-value", 1, 1, TINY_V1));
      assertThat(client.latest("a-value").id()).isEqualTo(2);
      assertThat(client.isCompatible("a-value", SchemaRegistryClient.LATEST, new Schema.Parser().parse(BREAKING))).isFalse();
      assertThat(client.isCompatible("a-value", "1", TINY_V2)).isTrue();
      assertThat(client.subjects()).containsExactly("a-value", "b-value");
      assertThat(client.versions("a-value")).containsExactly(1, 2);
      assertThat(client.compatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
      assertThat(client.compatibility("a-value")).isEmpty();
      client.setCompatibility("a-value", CompatibilityLevel.FULL);
      client.setCompatibility(null, CompatibilityLevel.NONE);
      assertThat(client.compatibility("a-value")).isEqualTo(Optional.of(CompatibilityLevel.FULL));
      assertThat(client.compatibility()).isEqualTo(CompatibilityLevel.NONE);
    }
  }

  @Test
  void anErrorAnswerBecomesARegistryExceptionWithItsCodeAndMessage() {
    try (SchemaRegistryServer registry = new SchemaRegistryServer(new InMemorySchemaLog(), "127.0.0.1", 0).start()) {
      SchemaRegistryClient client = SchemaRegistryClient.forUrl(registry.url());
      assertThatThrownBy(() -> client.latest("nobody-value"))
          .isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(404);
            assertThat(e.errorCode()).isEqualTo(RegistryException.SUBJECT_NOT_FOUND);
            assertThat(e.getMessage()).isEqualTo("Subject 'nobody-value' not found.");
          });
    }
  }

  @Test
  void aRegistryThatIsDownGivesAClearErrorAfterRetrying() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    SchemaRegistryClient client = client("http://127.0.0.1:" + port, Map.of());
    long start = System.nanoTime();
    assertThatThrownBy(() -> client.schemaById(1))
        .isInstanceOf(RegistryUnreachableException.class)
        .hasMessageStartingWith("schema registry at http://127.0.0.1:" + port + " is not reachable: ConnectException")
        .hasMessageEndingWith("; start it with `medline-stream local` or set schema.registry.url");
    assertThat(System.nanoTime() - start).as("three waits of 10, 20, 40 ms").isGreaterThan(70_000_000L);
  }

  @Test
  void serverErrorsAreRetriedWithBackoff() {
    try (StubRegistry stub = StubRegistry.http(n -> n < 2
        ? new Answer(503, "{\"error_code\":50003,\"message\":\"forwarding failed\"}")
        : new Answer(200, "{\"id\":7}"))) {
      assertThat(client("http://127.0.0.1:" + stub.port(), Map.of()).register("a-value", TINY_V1)).isEqualTo(7);
      assertThat(stub.requests()).isEqualTo(3);
    }
  }

  @Test
  void aServerErrorThatPersistsIsReportedWithItsCodeAfterTheLastRetry() {
    try (StubRegistry stub = StubRegistry.http(n -> new Answer(500, "{\"error_code\":50001,\"message\":\"store down\"}"))) {
      assertThatThrownBy(() -> client("http://127.0.0.1:" + stub.port(), Map.of()).schemaById(1))
          .isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(RegistryException.STORE_ERROR);
            assertThat(e.getMessage()).isEqualTo("store down");
          });
      assertThat(stub.requests()).isEqualTo(4);
    }
  }

  @Test
  void anAnswerThatIsNotARegistryErrorIsReportedWithItsStatusAndBody() {
    try (StubRegistry stub = StubRegistry.http(n -> new Answer(401, "<html>Unauthorized</html>"))) {
      assertThatThrownBy(() -> client("http://127.0.0.1:" + stub.port(), Map.of()).schemaById(1))
          .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.httpStatus()).isEqualTo(401))
          .hasMessageContaining("HTTP 401").hasMessageContaining("<html>Unauthorized</html>");
      assertThat(stub.requests()).isEqualTo(1);
    }
  }

  @Test
  void sendsBasicAuthFromUserInfoOrFromTheUrl() {
    try (StubRegistry stub = StubRegistry.http(n -> STRING_SCHEMA)) {
      client("http://127.0.0.1:" + stub.port(), Map.of(
          RegistryClientConfig.CREDENTIALS_SOURCE, "USER_INFO",
          RegistryClientConfig.USER_INFO, "reader:s3cret")).schemaById(1);
      client("http://ingest:p%40ss@127.0.0.1:" + stub.port(), Map.of()).schemaById(1);
      client("http://127.0.0.1:" + stub.port(), Map.of()).schemaById(1);
      assertThat(stub.authorizations).containsExactly(
          "Basic cmVhZGVyOnMzY3JldA==", // reader:s3cret
          "Basic aW5nZXN0OnBAc3M=", // ingest:p@ss
          "null");
    }
  }

  @Test
  void talksTlsWithTheConfiguredTrustStoreAndClientCertificate(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("registry.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "registry", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
        "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit")
        .redirectErrorStream(true).start();
    assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();

    try (StubRegistry stub = StubRegistry.https(serverContext(store), true, n -> STRING_SCHEMA)) {
      String url = "https://localhost:" + stub.port();
      Map<String, Object> trust = Map.of(
          RegistryClientConfig.TRUSTSTORE_LOCATION, store.toString(),
          RegistryClientConfig.TRUSTSTORE_PASSWORD, "changeit",
          RegistryClientConfig.TRUSTSTORE_TYPE, "PKCS12");
      Map<String, Object> trustAndKey = new HashMap<>(trust);
      trustAndKey.putAll(Map.of(
          RegistryClientConfig.KEYSTORE_LOCATION, store.toString(),
          RegistryClientConfig.KEYSTORE_PASSWORD, "changeit",
          RegistryClientConfig.KEYSTORE_TYPE, "PKCS12"));

      assertThat(client(url, trustAndKey).schemaById(1)).isEqualTo(Schema.create(Schema.Type.STRING));
      assertThatThrownBy(() -> client(url, Map.of(RegistryClientConfig.MAX_RETRIES, 0)).schemaById(1))
          .as("the JVM does not trust a self-signed certificate")
          .isInstanceOf(RegistryUnreachableException.class).hasMessageContaining("SSLHandshakeException");
      assertThatThrownBy(() -> client(url, trust).schemaById(1))
          .as("the registry wants a client certificate")
          .isInstanceOf(RegistryUnreachableException.class);
      assertThat(stub.requests()).isEqualTo(1);
    }
  }

  @Test
  void aMissingUrlIsAConfigurationError() {
    assertThatThrownBy(() -> new SchemaRegistryClient(new RegistryClientConfig(Map.of())))
        .hasMessageContaining("schema.registry.url is not set");
  }

  private static SchemaRegistryClient client(String url, Map<String, Object> settings) {
    Map<String, Object> config = new HashMap<>(Map.of(
        RegistryClientConfig.URL, url,
        RegistryClientConfig.RETRIES_WAIT_MS, 10L));
    config.putAll(settings);
    return new SchemaRegistryClient(new RegistryClientConfig(config));
  }

  private static SSLContext serverContext(Path store) throws Exception {
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keyStore.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(keyStore, "changeit".toCharArray());
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(keyStore);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
    return context;
  }
}
