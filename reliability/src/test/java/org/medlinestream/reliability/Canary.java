package org.medlinestream.reliability;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A listening local port that hostile input points to ({@code http://127.0.0.1:port/...}): it
 * counts every connection made to it, from any process, while it is open.
 */
final class Canary implements AutoCloseable {
  private final ServerSocket server;
  private final AtomicInteger connections = new AtomicInteger();

  Canary() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "canary-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String hostPort() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  /** Connections accepted so far. */
  int connections() {
    return connections.get();
  }

  /** The input with every {@link HostileCorpus#CANARY} replaced by this canary's address. */
  byte[] pointedAt(byte[] input) {
    return new String(input, java.nio.charset.StandardCharsets.ISO_8859_1)
        .replace(HostileCorpus.CANARY, hostPort())
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private void accept() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        connections.incrementAndGet();
      } catch (IOException e) {
        // Closed.
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
