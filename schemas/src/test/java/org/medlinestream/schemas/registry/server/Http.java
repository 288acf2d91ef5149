package org.medlinestream.schemas.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Raw HTTP calls to a registry, for asserting on exact statuses, headers and bodies. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  record Response(int status, String contentType, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Asserts an error answer with this status and error code, and returns its message. */
    String error(int status, int errorCode) {
      assertThat(this.status).as(body).isEqualTo(status);
      assertThat(json().path("error_code").asInt()).as(body).isEqualTo(errorCode);
      return json().path("message").asText();
    }
  }

  private Http() {}

  static Response get(String url) {
    return send("GET", url, null, null);
  }

  static Response post(String url, String body) {
    return send("POST", url, body, "application/vnd.schemaregistry.v1+json");
  }

  static Response put(String url, String body) {
    return send("PUT", url, body, "application/vnd.schemaregistry.v1+json");
  }

  /** {@code {"schema": schema}}. */
  static String schemaBody(String schema) {
    return JSON.createObjectNode().put("schema", schema).toString();
  }

  static Response send(String method, String url, String body, String contentType, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
