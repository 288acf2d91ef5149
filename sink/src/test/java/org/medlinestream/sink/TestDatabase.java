package org.medlinestream.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/** A database for one test class: its JDBC URL, a way to look at it, and its disposal. */
public final class TestDatabase implements AutoCloseable {

  /** The databases the JDBC store supports. */
  public enum Backend {
    POSTGRESQL,
    SQLITE;

    public TestDatabase create() {
      return this == POSTGRESQL ? TestPostgres.freshSchema() : sqliteFile();
    }
  }

  /** Cleans up after the tests. */
  public interface Disposal {
    void dispose() throws Exception;
  }

  private final String url;
  private final Disposal disposal;

  TestDatabase(String url, Disposal disposal) {
    this.url = url;
    this.disposal = disposal;
  }

  public String url() {
    return url;
  }

  /** A connection for looking; on SQLite with foreign keys on, so deletes cascade as in the store. */
  public Connection connect() throws SQLException {
    Properties properties = new Properties();
    if (url.startsWith("jdbc:sqlite:")) {
      properties.setProperty("foreign_keys", "true");
    }
    return DriverManager.getConnection(url, properties);
  }

  /** Rows of {@code table} for one PMID. */
  public int count(String table, String pmid) throws SQLException {
    return queryInt("SELECT count(*) FROM " + table + " WHERE pmid = ?", pmid);
  }

  /** The first column of the first row of a query with text parameters. */
  public int queryInt(String sql, String... parameters) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  @Override
  public void close() throws Exception {
    disposal.dispose();
  }

  private static TestDatabase sqliteFile() {
    try {
      Path folder = Files.createTempDirectory("sink-sqlite");
      return new TestDatabase("jdbc:sqlite:" + folder.resolve("citations.db"),
          () -> deleteTree(folder));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void deleteTree(Path folder) throws IOException {
    try (var paths = Files.walk(folder)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
