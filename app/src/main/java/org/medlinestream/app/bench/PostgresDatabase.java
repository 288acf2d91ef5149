package org.medlinestream.app.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh PostgreSQL database for the sink benchmark, created through an administrative URL
 * ({@code jdbc:postgresql://HOST:PORT/DB?user=...}) and dropped by {@link #close()}.
 */
final class PostgresDatabase implements AutoCloseable {
  private static final Pattern DATABASE = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");
  private static final int LOGIN_TIMEOUT_SECONDS = 3;

  private final String adminUrl;
  private final String name;

  private PostgresDatabase(String adminUrl, String name) {
    this.adminUrl = adminUrl;
    this.name = name;
  }

  /**
   * Creates database {@code name}.
   *
   * @throws SQLException when PostgreSQL cannot be reached or refuses
   * @throws IllegalArgumentException when {@code adminUrl} is not a PostgreSQL JDBC URL
   */
  static PostgresDatabase create(String adminUrl, String name) throws SQLException {
    if (!DATABASE.matcher(adminUrl).matches()) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + adminUrl
          + "; give one like jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    }
    DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
    try (Connection admin = DriverManager.getConnection(adminUrl);
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return new PostgresDatabase(adminUrl, name);
  }

  /** The JDBC URL of the new database, with the administrative URL's parameters. */
  String url() {
    Matcher parts = DATABASE.matcher(adminUrl);
    parts.matches();
    return parts.group(1) + name + parts.group(3);
  }

  /** Drops the database (and any connection still open to it). */
  @Override
  public void close() throws SQLException {
    try (Connection admin = DriverManager.getConnection(adminUrl);
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
