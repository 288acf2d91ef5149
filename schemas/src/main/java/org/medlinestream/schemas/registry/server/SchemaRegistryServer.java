package org.medlinestream.schemas.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.medlinestream.schemas.registry.CompatibilityLevel;
import org.medlinestream.schemas.registry.RegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Confluent-compatible Schema Registry: the REST API subset that Confluent's clients
 * use, over the JDK's HTTP server, storing schemas in a {@link SchemaLog} (normally the {@code
 * _schemas} topic, see {@link KafkaSchemaLog}). Answers are HTTP 200 with {@code
 * application/vnd.schemaregistry.v1+json}; errors carry {@code {"error_code","message"}}.
 *
 * <pre>{@code
 * try (SchemaRegistryServer registry = new SchemaRegistryServer(new KafkaSchemaLog(bootstrap), "127.0.0.1", 0).start()) {
 *   String url = registry.url();
 * }
 * }</pre>
 *
 * <p>Opt-in, before {@link #start()}: {@link #requireBasicAuth} (HTTP 401, error code 40101, for
 * a request without those credentials) and {@link #useTls} (HTTPS with a key store's key).
 */
public final class SchemaRegistryServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SchemaRegistryServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SchemaLog schemaLog;
  private final RegistryService service;
  private final String host;
  private final int requestedPort;
  private final JsonRoutes routes;
  private HttpServer server;
  private ExecutorService executor;
  private SSLContext tls;

  /** A registry on {@code host:port} (port 0: any free port) with the default level BACKWARD. */
  public SchemaRegistryServer(SchemaLog schemaLog, String host, int port) {
    this(schemaLog, host, port, CompatibilityLevel.BACKWARD);
  }

  /** A registry whose global level, until one is set through the API, is {@code defaultLevel}. */
  public SchemaRegistryServer(SchemaLog schemaLog, String host, int port, CompatibilityLevel defaultLevel) {
    this.schemaLog = schemaLog;
    this.service = new RegistryService(schemaLog, defaultLevel);
    this.host = host;
    this.requestedPort = port;
    this.routes = new JsonRoutes()
        .route("GET", "/", request -> JSON.createObjectNode())
        .route("GET", "/subjects", request -> array(service.subjects()))
        .route("POST", "/subjects/*/versions", this::register)
        .route("POST", "/subjects/*", this::lookup)
        .route("GET", "/subjects/*/versions", request -> array(service.versionNumbers(request.param(0))))
        .route("GET", "/subjects/*/versions/*", request -> versionJson(service.version(request.param(0), request.param(1))))
        .route("GET", "/schemas/ids/*", this::schemaById)
        .route("POST", "/compatibility/subjects/*/versions/*", this::compatibility)
        .route("GET", "/config", request -> levelJson(service.globalLevel()))
        .route("PUT", "/config", request -> setLevel(null, request))
        .route("GET", "/config/*", this::subjectLevel)
        .route("PUT", "/config/*", request -> setLevel(request.param(0), request));
  }

  /** Answers only requests with HTTP basic authentication as {@code user:password}. */
  public synchronized SchemaRegistryServer requireBasicAuth(String user, String password) {
    routes.requireAuthorization("Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  /** Serves HTTPS with the (only) key of {@code keyStore} (JKS or PKCS12). */
  public synchronized SchemaRegistryServer useTls(Path keyStore, String type, char[] password) {
    try (InputStream in = Files.newInputStream(keyStore)) {
      KeyStore store = KeyStore.getInstance(type);
      store.load(in, password);
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      tls = SSLContext.getInstance("TLS");
      tls.init(keys.getKeyManagers(), null, null);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot use key store " + keyStore + " for TLS: " + e, e);
    }
    return this;
  }

  /** Replays the log, then starts answering. */
  public synchronized SchemaRegistryServer start() {
    try {
      service.start();
      InetSocketAddress address = new InetSocketAddress(host, requestedPort);
      if (tls == null) {
        server = HttpServer.create(address, 0);
      } else {
        HttpsServer https = HttpsServer.create(address, 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        server = https;
      }
    } catch (IOException e) {
      schemaLog.close();
      throw new UncheckedIOException("cannot listen on " + host + ":" + requestedPort + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      schemaLog.close();
      throw e;
    }
    executor = Executors.newFixedThreadPool(4, runnable -> {
      Thread thread = new Thread(runnable, "schema-registry-http");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", routes);
    server.start();
    log.info("schema registry listening on {}", url());
    return this;
  }

  /** The bound port (the free port chosen when 0 was asked for). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://host:port}, or {@code https://} with TLS. */
  public String url() {
    return (tls == null ? "http://" : "https://") + host + ":" + port();
  }

  /** Stops answering and closes the log. */
  public synchronized void stop() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
    }
    schemaLog.close();
  }

  @Override
  public void close() {
    stop();
  }

  private JsonNode register(JsonRoutes.Request request) {
    int id = service.register(request.param(0), schemaText(request.body()));
    return JSON.createObjectNode().put("id", id);
  }

  private JsonNode lookup(JsonRoutes.Request request) {
    return versionJson(service.lookup(request.param(0), schemaText(request.body())));
  }

  private JsonNode schemaById(JsonRoutes.Request request) {
    StoredSchema schema = service.schemaById(intParam(request.param(0)));
    ObjectNode answer = JSON.createObjectNode().put("schema", schema.schema());
    if (Boolean.parseBoolean(request.query("fetchMaxId"))) {
      answer.put("maxId", service.maxId());
    }
    return answer;
  }

  private JsonNode compatibility(JsonRoutes.Request request) {
    List<String> problems = service.incompatibilities(request.param(0), request.param(1), schemaText(request.body()));
    ObjectNode answer = JSON.createObjectNode().put("is_compatible", problems.isEmpty());
    if (Boolean.parseBoolean(request.query("verbose"))) {
      answer.set("messages", array(problems));
    }
    return answer;
  }

  private JsonNode subjectLevel(JsonRoutes.Request request) {
    String subject = request.param(0);
    return levelJson(Boolean.parseBoolean(request.query("defaultToGlobal"))
        ? service.level(subject)
        : service.subjectLevel(subject));
  }

  private JsonNode setLevel(String subject, JsonRoutes.Request request) {
    CompatibilityLevel level = service.setLevel(subject, request.body().path("compatibility").asText(null));
    return JSON.createObjectNode().put("compatibility", level.name());
  }

  private static JsonNode levelJson(CompatibilityLevel level) {
    return JSON.createObjectNode().put("compatibilityLevel", level.name());
  }

  private static JsonNode versionJson(StoredVersion version) {
    return JSON.createObjectNode().put("subject", version.subject()).put("version", version.version())
        .put("id", version.id()).put("schema", version.schema().schema());
  }

  private static ArrayNode array(List<?> items) {
    return JSON.valueToTree(items);
  }

  /** The Avro schema of a register/lookup/compatibility body; other schema types and references are refused. */
  private static String schemaText(JsonNode body) {
    String type = body.path("schemaType").asText("AVRO");
    if (!"AVRO".equalsIgnoreCase(type)) {
      throw RegistryException.invalidSchema("schema type " + type + " is not supported; this registry serves AVRO only");
    }
    if (body.path("references").size() > 0) {
      throw RegistryException.invalidSchema("schema references are not supported; inline the referenced types");
    }
    return body.path("schema").asText(null);
  }

  private static int intParam(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new RegistryException(404, 404, "HTTP 404 Not Found");
    }
  }
}
