package org.medlinestream.reliability;

import org.medlinestream.schemas.registry.server.KafkaSchemaLog;
import org.medlinestream.schemas.registry.server.SchemaRegistryServer;

/** The embedded schema registry (schemas in the broker's {@code _schemas}), stopped and started again on its port. */
final class RestartableRegistry implements AutoCloseable {
  private final String bootstrap;
  private SchemaRegistryServer server;
  private final int port;

  RestartableRegistry(String bootstrap) {
    this.bootstrap = bootstrap;
    this.server = new SchemaRegistryServer(new KafkaSchemaLog(bootstrap), "127.0.0.1", 0).start();
    this.port = server.port();
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  void stop() {
    server.close();
    server = null;
  }

  /** Starts it again on the same port, reading its schemas back from Kafka. */
  void start() {
    server = new SchemaRegistryServer(new KafkaSchemaLog(bootstrap), "127.0.0.1", port).start();
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
