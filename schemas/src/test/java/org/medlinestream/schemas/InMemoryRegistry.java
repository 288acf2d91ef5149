package org.medlinestream.schemas;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.medlinestream.schemas.registry.SchemaRegistryClient;
import org.medlinestream.schemas.registry.server.InMemorySchemaLog;
import org.medlinestream.schemas.registry.server.SchemaRegistryServer;

/** A registry over HTTP on a free port, its log in memory, for one test: {@code @RegisterExtension}. */
public final class InMemoryRegistry implements AfterEachCallback {
  private final SchemaRegistryServer server = new SchemaRegistryServer(new InMemorySchemaLog(), "127.0.0.1", 0).start();
  private final SchemaRegistryClient client = SchemaRegistryClient.forUrl(server.url());

  public String url() {
    return server.url();
  }

  public SchemaRegistryClient client() {
    return client;
  }

  /** Stops the registry before the test ends. */
  public void stop() {
    server.close();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    server.close();
  }
}
