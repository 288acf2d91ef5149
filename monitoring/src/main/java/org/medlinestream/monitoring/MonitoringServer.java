package org.medlinestream.monitoring;

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
 * The HTTP endpoints of a service (ingest, enrich, sink), on the JDK's HTTP server: {@code GET
 * /metrics} (Prometheus text, see {@link PrometheusText}), {@code /health/live} and {@code
 * /health/ready} (200 when true, 503 when not).
 *
 * <pre>{@code
 * try (MonitoringServer http = MonitoringServer.start("0.0.0.0", 8080,
 *     () -> PrometheusText.render(metrics.metrics()), service::isLive, service::isReady)) { ... }
 * }</pre>
 */
public final class MonitoringServer implements AutoCloseable {
  /** The port every service uses unless told otherwise; the container image exposes it. */
  public static final int DEFAULT_PORT = 8080;
  public static final String METRICS_PATH = "/metrics";
  public static final String LIVE_PATH = "/health/live";
  public static final String READY_PATH = "/health/ready";
  public static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  private static final Logger log = LoggerFactory.getLogger(MonitoringServer.class);

  private final HttpServer server;
  private final ExecutorService executor;

  private MonitoringServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Serves the endpoints on {@code host:port} (0: any free port) until {@link #close()}.
   *
   * @throws UncheckedIOException when the port cannot be bound (taken, or not allowed)
   */
  public static MonitoringServer start(String host, int port, Supplier<String> metrics,
      BooleanSupplier live, BooleanSupplier ready) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve metrics on " + host + ":" + port + ": " + e
          + "; choose another port with --http-port (setting http.port), 0 for any free one", e);
    }
    ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "monitoring-http");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext(METRICS_PATH, exchange -> answer(exchange, 200, PROMETHEUS_CONTENT_TYPE, metrics.get()));
    server.createContext(LIVE_PATH, exchange -> health(exchange, live.getAsBoolean()));
    server.createContext(READY_PATH, exchange -> health(exchange, ready.getAsBoolean()));
    server.createContext("/", exchange -> answer(exchange, 404, "text/plain; charset=utf-8",
        "not found: try /metrics, /health/live or /health/ready\n"));
    server.start();
    log.info("Metrics and health endpoints on http://{}:{}/", host, server.getAddress().getPort());
    return new MonitoringServer(server, executor);
  }

  /** The port bound (the free one chosen for port 0). */
  public int port() {
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
