package org.medlinestream.enrich.stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrich stage's HTTP endpoints, on the JDK's HTTP server: {@code GET /metrics} (Prometheus
 * text), {@code /health/live} and {@code /health/ready} (200 when true, 503 when not).
 */
final class MonitoringServer implements AutoCloseable {
  static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  private static final Logger log = LoggerFactory.getLogger(MonitoringServer.class);

  private final HttpServer server;
  private final ExecutorService executor;

  private MonitoringServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  static MonitoringServer start(String host, int port, Supplier<String> metrics, BooleanSupplier live,
      BooleanSupplier ready) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve metrics on " + host + ":" + port + ": " + e.getMessage()
          + "; choose another port", e);
    }
    ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "enrich-http");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/metrics", exchange -> answer(exchange, 200, PROMETHEUS_CONTENT_TYPE, metrics.get()));
    server.createContext("/health/live", exchange -> health(exchange, live.getAsBoolean()));
    server.createContext("/health/ready", exchange -> health(exchange, ready.getAsBoolean()));
    server.createContext("/", exchange -> answer(exchange, 404, "text/plain; charset=utf-8",
        "not found: try /metrics, /health/live or /health/ready\n"));
    server.start();
    log.info("Metrics and health endpoints on http://{}:{}/", host, server.getAddress().getPort());
    return new MonitoringServer(server, executor);
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void health(HttpExchange exchange, boolean up) throws IOException {
    answer(exchange, up ? 200 : 503, "text/plain; charset=utf-8", up ? "UP\n" : "DOWN\n");
  }

  private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
    try (exchange) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      if ("HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(status, -1);
      } else {
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
      }
    }
  }
}
