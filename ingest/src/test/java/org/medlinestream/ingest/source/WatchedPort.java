package org.medlinestream.ingest.source;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;

/** A local port that a test hands to hostile input, then checks nobody connected to. */
public final class WatchedPort {
  /** What the test does with the port. */
  public interface Use {
    void with(int port) throws Exception;
  }

  private WatchedPort() {}

  /** Runs {@code use} with a listening local port, then asserts that no connection came in. */
  public static void assertNotContacted(Use use) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      use.with(server.getLocalPort());
      server.setSoTimeout(300);
      assertThatThrownBy(server::accept).isInstanceOf(SocketTimeoutException.class);
    }
  }
}
