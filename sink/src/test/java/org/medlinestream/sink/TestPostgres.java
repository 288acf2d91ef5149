package org.medlinestream.sink;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The PostgreSQL server the tests use: a Testcontainers container where Docker runs, otherwise the
 * local server at 127.0.0.1:5432 (user postgres, trust authentication, database {@code test}).
 * Each test class works in a fresh schema or database, dropped at the end.
 */
public final class TestPostgres {
  private static final String LOCAL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  private static String serverUrl;

  private TestPostgres() {}

  /** URL of the server's test database, with credentials. */
  public static synchronized String serverUrl() {
    if (serverUrl == null) {
      serverUrl = DockerClientFactory.instance().isDockerAvailable() ? startContainer() : LOCAL;
    }
    return serverUrl;
  }

  /** A new, empty schema; the URL's connections use it. */
  public static TestDatabase freshSchema() {
    String schema = uniqueName();
    String server = serverUrl();
    execute(server, "CREATE SCHEMA " + schema);
    String url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return new TestDatabase(url, () -> execute(server, "DROP SCHEMA " + schema + " CASCADE"));
  }

  /** A new, empty database; dropped at the end, whoever is still connected. */
  public static TestDatabase freshDatabase() {
    String database = uniqueName();
    String server = serverUrl();
    execute(server, "CREATE DATABASE " + database);
    String url = server.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
    return new TestDatabase(url,
        () -> execute(server, "DROP DATABASE " + database + " WITH (FORCE)"));
  }

  private static String uniqueName() {
    return "sink_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private static String startContainer() {
    PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16-alpine");
    container.start(); // stopped by Testcontainers' reaper when the JVM exits
    String url = container.getJdbcUrl();
    return url + (url.contains("?") ? "&" : "?") + "user=" + container.getUsername()
        + "&password=" + container.getPassword();
  }

  private static void execute(String url, String sql) {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot run '" + sql + "' on " + url, e);
    }
  }
}
