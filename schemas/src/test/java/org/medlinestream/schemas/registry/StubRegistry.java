package org.medlinestream.schemas.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A scripted HTTP(S) stand-in for a registry, to test the client alone: answers the n-th request
 * (0-based) with {@code script.apply(n)} and records each request's Authorization header.
 */
final class StubRegistry implements AutoCloseable {
  /** An answer: HTTP status and JSON body. */
  record Answer(int status, String body) {}

  private final HttpServer server;
  final List<String> authorizations = new CopyOnWriteArrayList<>();

  private StubRegistry(HttpServer server, IntFunction<Answer> script) {
    this.server = server;
    server.createContext("/", exchange -> answer(exchange, script.apply(authorizations.size())));
    server.start();
  }

  static StubRegistry http(IntFunction<Answer> script) {
    try {
      return new StubRegistry(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), script);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An https stub presenting the certificate of {@code tls}; with {@code needClientAuth}, clients must present one it trusts. */
  static StubRegistry https(SSLContext tls, boolean needClientAuth, IntFunction<Answer> script) {
    try {
      HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setHttpsConfigurator(new HttpsConfigurator(tls) {
        @Override
        public void configure(HttpsParameters params) {
          SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
          parameters.setNeedClientAuth(needClientAuth);
          params.setSSLParameters(parameters);
        }
      });
      return new StubRegistry(server, script);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return server.getAddress().getPort();
  }

  int requests() {
    return authorizations.size();
  }

  private void answer(HttpExchange exchange, Answer answer) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
      exchange.sendResponseHeaders(answer.status(), body.length);
      exchange.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
