package org.medlinestream.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client of the Confluent Schema Registry REST API over {@link HttpClient}. Retries with
 * exponential backoff on connection failures and 5xx answers; an error answer becomes a {@link
 * RegistryException} carrying the registry's {@code error_code} and message; a registry that
 * cannot be reached becomes a {@link RegistryUnreachableException}. Thread-safe; no caching (the
 * serde caches what it needs).
 */
public final class SchemaRegistryClient {
  /** The media type the registry answers with and this client sends. */
  public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  /** The version name of a subject's newest version. */
  public static final String LATEST = "latest";

  private static final Logger log = LoggerFactory.getLogger(SchemaRegistryClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Endpoint> endpoints;
  private final HttpClient http;
  private final Duration readTimeout;
  private final int maxRetries;
  private final long retryWaitMs;
  private final long retryMaxWaitMs;
  private final AtomicInteger current = new AtomicInteger();

  private record Endpoint(URI base, String authorization) {}

  public SchemaRegistryClient(RegistryClientConfig config) {
    List<Endpoint> endpoints = new ArrayList<>();
    for (String url : config.urls()) {
      URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
      String userInfo = config.userInfo(uri);
      String authorization = userInfo == null ? null
          : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
      endpoints.add(new Endpoint(withoutUserInfo(uri), authorization));
    }
    this.endpoints = List.copyOf(endpoints);
    HttpClient.Builder builder = HttpClient.newBuilder()
        .connectTimeout(Duration.ofMillis(config.getInt(RegistryClientConfig.CONNECT_TIMEOUT_MS)));
    SSLContext tls = RegistryTls.sslContext(config);
    if (tls != null) {
      builder.sslContext(tls);
    }
    this.http = builder.build();
    this.readTimeout = Duration.ofMillis(config.getInt(RegistryClientConfig.READ_TIMEOUT_MS));
    this.maxRetries = config.getInt(RegistryClientConfig.MAX_RETRIES);
    this.retryWaitMs = config.getLong(RegistryClientConfig.RETRIES_WAIT_MS);
    this.retryMaxWaitMs = config.getLong(RegistryClientConfig.RETRIES_MAX_WAIT_MS);
  }

  /** A client of the registry at {@code url} with default settings. */
  public static SchemaRegistryClient forUrl(String url) {
    return new SchemaRegistryClient(new RegistryClientConfig(Map.of(RegistryClientConfig.URL, url)));
  }

  /** The registry URL in use (the first one when several are configured). */
  public URI url() {
    return endpoints.get(Math.floorMod(current.get(), endpoints.size())).base();
  }

  /** Registers {@code schema} under {@code subject} (or finds it registered) and returns its id. */
  public int register(String subject, Schema schema) {
    return call("POST", subjectPath(subject) + "/versions", schemaBody(schema)).path("id").asInt();
  }

  /** The version of {@code subject} holding {@code schema}; 40401 / 40403 when there is none. */
  public SchemaVersion lookup(String subject, Schema schema) {
    return schemaVersion(call("POST", subjectPath(subject), schemaBody(schema)));
  }

  /** The schema with the given id; 40403 when there is none. */
  public Schema schemaById(int id) {
    return parse(call("GET", "/schemas/ids/" + id, null).path("schema").asText());
  }

  /** A version of {@code subject}; 40401 / 40402 when absent. */
  public SchemaVersion version(String subject, int version) {
    return schemaVersion(call("GET", subjectPath(subject) + "/versions/" + version, null));
  }

  /** The newest version of {@code subject}; 40401 when the subject has none. */
  public SchemaVersion latest(String subject) {
    return schemaVersion(call("GET", subjectPath(subject) + "/versions/" + LATEST, null));
  }

  /** Whether {@code schema} may follow {@code version} (a number or {@link #LATEST}) of {@code subject}. */
  public boolean isCompatible(String subject, String version, Schema schema) {
    String path = "/compatibility" + subjectPath(subject) + "/versions/" + encode(version);
    return call("POST", path, schemaBody(schema)).path("is_compatible").asBoolean();
  }

  /** Every subject with at least one version. */
  public List<String> subjects() {
    List<String> subjects = new ArrayList<>();
    call("GET", "/subjects", null).forEach(node -> subjects.add(node.asText()));
    return subjects;
  }

  /** The version numbers of {@code subject}, oldest first; 40401 when it has none. */
  public List<Integer> versions(String subject) {
    List<Integer> versions = new ArrayList<>();
    call("GET", subjectPath(subject) + "/versions", null).forEach(node -> versions.add(node.asInt()));
    return versions;
  }

  /** The registry-wide compatibility level. */
  public CompatibilityLevel compatibility() {
    return level(call("GET", "/config", null).path("compatibilityLevel").asText());
  }

  /** The compatibility level set on {@code subject} itself, or empty when it follows the global one. */
  public Optional<CompatibilityLevel> compatibility(String subject) {
    try {
      return Optional.of(level(call("GET", "/config/" + encode(subject), null).path("compatibilityLevel").asText()));
    } catch (RegistryException e) {
      if (e.errorCode() == RegistryException.SUBJECT_COMPATIBILITY_NOT_CONFIGURED) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Sets the compatibility level of {@code subject}, or the global one when {@code subject} is null. */
  public void setCompatibility(String subject, CompatibilityLevel level) {
    ObjectNode body = JSON.createObjectNode().put("compatibility", level.name());
    call("PUT", subject == null ? "/config" : "/config/" + encode(subject), body);
  }

  private JsonNode call(String method, String path, JsonNode body) {
    String payload = body == null ? null : body.toString();
    for (int attempt = 0; ; attempt++) {
      Endpoint endpoint = endpoints.get(Math.floorMod(current.get(), endpoints.size()));
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.base() + path))
          .timeout(readTimeout)
          .header("Accept", CONTENT_TYPE)
          .method(method, payload == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
      if (payload != null) {
        request.header("Content-Type", CONTENT_TYPE);
      }
      if (endpoint.authorization() != null) {
        request.header("Authorization", endpoint.authorization());
      }
      boolean lastAttempt = attempt >= maxRetries;
      try {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 == 2) {
          return JSON.readTree(response.body());
        }
        if (response.statusCode() < 500 || lastAttempt) {
          throw error(response);
        }
        log.warn("schema registry at {} answered {} to {} {}; retrying", endpoint.base(),
            response.statusCode(), method, path);
      } catch (IOException e) {
        if (lastAttempt) {
          throw new RegistryUnreachableException(endpoint.base().toString(), e);
        }
        log.warn("schema registry at {} is not reachable ({}); retrying", endpoint.base(), e.toString());
        current.incrementAndGet();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptException(e);
      }
      backOff(attempt);
    }
  }

  private void backOff(int attempt) {
    long wait = Math.min(retryMaxWaitMs, retryWaitMs << Math.min(attempt, 20));
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptException(e);
    }
  }

  private static RegistryException error(HttpResponse<String> response) {
    String body = response.body();
    try {
      JsonNode error = JSON.readTree(body);
      if (error.has("error_code")) {
        return new RegistryException(response.statusCode(), error.path("error_code").asInt(),
            error.path("message").asText() + credentialsHint(response.statusCode()));
      }
    } catch (IOException notJson) {
      // reported below with the raw body
    }
    String excerpt = body == null ? "" : body.substring(0, Math.min(200, body.length()));
    return new RegistryException(response.statusCode(), response.statusCode(),
        "HTTP " + response.statusCode() + " from " + response.uri() + ": " + excerpt
            + credentialsHint(response.statusCode()));
  }

  /** What to check when the registry refuses the credentials (HTTP 401 or 403). */
  private static String credentialsHint(int status) {
    return status == 401 || status == 403
        ? " (HTTP " + status + ": check " + RegistryClientConfig.CREDENTIALS_SOURCE + " and "
            + RegistryClientConfig.USER_INFO + ")"
        : "";
  }

  private static ObjectNode schemaBody(Schema schema) {
    return JSON.createObjectNode().put("schema", schema.toString());
  }

  private static SchemaVersion schemaVersion(JsonNode node) {
    return new SchemaVersion(node.path("subject").asText(), node.path("version").asInt(),
        node.path("id").asInt(), parse(node.path("schema").asText()));
  }

  private static Schema parse(String schema) {
    return new Schema.Parser().parse(schema);
  }

  private static CompatibilityLevel level(String name) {
    return CompatibilityLevel.parse(name).orElseThrow(() ->
        new IllegalStateException("the schema registry answered an unknown compatibility level: " + name));
  }

  private static String subjectPath(String subject) {
    return "/subjects/" + encode(subject);
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static URI withoutUserInfo(URI uri) {
    if (uri.getUserInfo() == null) {
      return uri;
    }
    return URI.create(uri.getScheme() + "://" + uri.getRawAuthority().substring(uri.getRawAuthority().indexOf('@') + 1)
        + (uri.getRawPath() == null ? "" : uri.getRawPath()));
  }
}
