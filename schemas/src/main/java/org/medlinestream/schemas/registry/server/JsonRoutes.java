package org.medlinestream.schemas.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medlinestream.schemas.registry.RegistryException;
import org.medlinestream.schemas.registry.SchemaRegistryClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON over HTTP as the registry speaks it: routes by method and path ({@code *} matches one
 * decoded segment), reads any body as JSON whatever its content type, answers HTTP 200 with {@code
 * application/vnd.schemaregistry.v1+json}, and turns a {@link RegistryException} into its status
 * and {@code {"error_code","message"}} body.
 */
final class JsonRoutes implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(JsonRoutes.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Error code of a request without the required credentials (Confluent's, for HTTP 401). */
  static final int UNAUTHORIZED = 40101;

  private final List<Route> routes = new ArrayList<>();
  private volatile byte[] authorization;

  interface Handler {
    JsonNode handle(Request request);
  }

  private record Route(String method, String[] segments, Handler handler) {
    /** The wildcard segments of {@code path}, or null when it does not match. */
    List<String> match(String[] path) {
      if (path.length != segments.length) {
        return null;
      }
      List<String> params = new ArrayList<>();
      for (int i = 0; i < path.length; i++) {
        if (segments[i].equals("*")) {
          params.add(path[i]);
        } else if (!segments[i].equals(path[i])) {
          return null;
        }
      }
      return params;
    }
  }

  record Request(List<String> params, Map<String, String> queryParams, HttpExchange exchange) {
    String param(int index) {
      return params.get(index);
    }

    String query(String name) {
      return queryParams.get(name);
    }

    /** The body as JSON whatever its declared content type; an empty body is an empty object. */
    JsonNode body() {
      try {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
      } catch (JsonProcessingException e) {
        throw new RegistryException(400, 400, "Malformed JSON request body: " + e.getOriginalMessage());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Refuses (HTTP 401) every request whose {@code Authorization} header is not this one. */
  JsonRoutes requireAuthorization(String header) {
    authorization = header.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  JsonRoutes route(String method, String pattern, Handler handler) {
    routes.add(new Route(method, segments(pattern), handler));
    return this;
  }

  @Override
  public void handle(HttpExchange exchange) {
    try (exchange) {
      JsonNode answer;
      int status = 200;
      try {
        answer = dispatch(exchange);
      } catch (RegistryException e) {
        status = e.httpStatus();
        answer = error(e.errorCode(), e.getMessage());
        if (status >= 500) {
          log.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        }
      } catch (RuntimeException e) {
        log.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        status = 500;
        answer = error(500, "Internal Server Error: " + e);
      }
      byte[] bytes = JSON.writeValueAsBytes(answer);
      if (status == 401) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"schema-registry\"");
      }
      exchange.getResponseHeaders().set("Content-Type", SchemaRegistryClient.CONTENT_TYPE);
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    } catch (IOException e) {
      log.debug("could not answer {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
    }
  }

  private JsonNode dispatch(HttpExchange exchange) {
    if (authorization != null && !authorized(exchange)) {
      throw new RegistryException(401, UNAUTHORIZED, "Unauthorized: this registry requires HTTP"
          + " basic authentication and the request's credentials are missing or wrong");
    }
    String[] path = segments(exchange.getRequestURI().getRawPath());
    boolean pathKnown = false;
    for (Route route : routes) {
      List<String> params = route.match(path);
      if (params != null) {
        pathKnown = true;
        if (route.method().equals(exchange.getRequestMethod())) {
          return route.handler().handle(new Request(params, query(exchange.getRequestURI().getRawQuery()), exchange));
        }
      }
    }
    throw pathKnown
        ? new RegistryException(405, 405, "HTTP 405 Method Not Allowed")
        : new RegistryException(404, 404, "HTTP 404 Not Found");
  }

  private boolean authorized(HttpExchange exchange) {
    String given = exchange.getRequestHeaders().getFirst("Authorization");
    return given != null
        && MessageDigest.isEqual(authorization, given.getBytes(StandardCharsets.UTF_8));
  }

  private static ObjectNode error(int code, String message) {
    return JSON.createObjectNode().put("error_code", code).put("message", message);
  }

  /** The decoded segments of a path; empty segments (from a trailing or double slash) dropped. */
  private static String[] segments(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String segment : rawPath.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(decode(segment));
      }
    }
    return segments.toArray(String[]::new);
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> params = new HashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int equals = pair.indexOf('=');
        params.put(decode(equals < 0 ? pair : pair.substring(0, equals)), equals < 0 ? "" : decode(pair.substring(equals + 1)));
      }
    }
    return params;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new RegistryException(400, 400, "Malformed URL: " + e.getMessage());
    }
  }
}
