package org.medlinestream.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A new PostgreSQL database on the machine's server (127.0.0.1:5432, user postgres, trust), for
 * one test run; dropped on {@link #close()}.
 */
final class FreshDatabase implements AutoCloseable {
  static final String HOST_PORT = "127.0.0.1:5432";
  private final String name;

  private FreshDatabase(String name) {
    this.name = name;
  }

  static FreshDatabase create(String purpose) throws SQLException {
    String name = "reliability_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection admin = connect(HOST_PORT, "postgres"); Statement sql = admin.createStatement()) {
      sql.execute("CREATE DATABASE " + name);
    }
    return new FreshDatabase(name);
  }

  String name() {
    return name;
  }

  /** The sink's target URL, through {@code hostPort} (the server, or a proxy in front of it). */
  String jdbcUrl(String hostPort) {
    return "jdbc:postgresql://" + hostPort + "/" + name + "?user=postgres";
  }

  String jdbcUrl() {
    return jdbcUrl(HOST_PORT);
  }

  Connection connect() throws SQLException {
    return connect(HOST_PORT, name);
  }

  private static Connection connect(String hostPort, String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://" + hostPort + "/" + database + "?user=postgres");
  }

  @Override
  public void close() throws SQLException {
    try (Connection admin = connect(HOST_PORT, "postgres"); Statement sql = admin.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
