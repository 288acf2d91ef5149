package org.medlinestream.sink.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Properties;
import org.sqlite.SQLiteConfig;

/** What differs between the databases the sink writes to: connecting, value binding, locking. */
enum Dialect {
  /** PostgreSQL: DATE, TIMESTAMPTZ and JSONB columns; batched inserts rewritten to multi-row. */
  POSTGRESQL("jdbc:postgresql:") {
    @Override
    Connection connect(String url) throws SQLException {
      Properties properties = new Properties();
      properties.setProperty("reWriteBatchedInserts", "true");
      return DriverManager.getConnection(url, properties);
    }

    @Override
    void bindDate(PreparedStatement statement, int index, LocalDate date) throws SQLException {
      statement.setObject(index, date);
    }

    @Override
    void bindTimestamp(PreparedStatement statement, int index, Instant instant)
        throws SQLException {
      statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    @Override
    void bindJson(PreparedStatement statement, int index, byte[] json) throws SQLException {
      statement.setObject(index, new String(json, StandardCharsets.UTF_8), Types.OTHER);
    }

    @Override
    String lockRows() {
      return " FOR UPDATE";
    }

    @Override
    void lockMigrations(Connection connection) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_advisory_xact_lock(hashtext(current_schema()))");
      }
    }
  },

  /**
   * SQLite (the embedded default): WAL journal, foreign keys on (for the cascading deletes), one
   * writer taking the lock when its transaction begins; dates and timestamps as ISO text, JSON as
   * text; the WAL checkpointed by a thread of its own, so that the writer does not wait for it.
   */
  SQLITE("jdbc:sqlite:") {
    /**
     * The page cache of the writer's connection, in KiB (SQLite's default: 2,000). The indexes
     * take entries at random places; with the default, most of their pages were read again from
     * the file for every batch and the cache spilled dirty pages into the WAL before the commit.
     */
    private static final int CACHE_KIB = 65_536;

    @Override
    Connection connect(String url) throws SQLException {
      createParentFolder(url.substring(prefix().length()));
      SQLiteConfig config = new SQLiteConfig();
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      config.enforceForeignKeys(true);
      config.setBusyTimeout(10_000);
      config.setCacheSize(-CACHE_KIB); // negative: KiB, not pages
      config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
      Connection connection = DriverManager.getConnection(url, config.toProperties());
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA wal_autocheckpoint=" + SqliteCheckpointer.BACKSTOP_PAGES);
      }
      return connection;
    }

    @Override
    AfterCommits afterCommits(String url) {
      return new SqliteCheckpointer(url);
    }

    @Override
    void bindDate(PreparedStatement statement, int index, LocalDate date) throws SQLException {
      statement.setString(index, date.toString());
    }

    @Override
    void bindTimestamp(PreparedStatement statement, int index, Instant instant)
        throws SQLException {
      statement.setString(index, IsoMillis.format(instant));
    }

    /** The bytes as they are, made TEXT by {@link #placeholder}: no decoding and re-encoding. */
    @Override
    void bindJson(PreparedStatement statement, int index, byte[] json) throws SQLException {
      statement.setBytes(index, json);
    }

    @Override
    String placeholder(ColumnType type) {
      return type == ColumnType.JSON ? "CAST(? AS TEXT)" : "?";
    }

    @Override
    String lockRows() {
      return "";
    }

    @Override
    void lockMigrations(Connection connection) {
      // The IMMEDIATE transaction already holds SQLite's write lock.
    }
  };

  private final String prefix;

  Dialect(String prefix) {
    this.prefix = prefix;
  }

  /** The dialect of a JDBC URL, or an error naming the URLs the sink understands. */
  static Dialect of(String url) {
    for (Dialect dialect : values()) {
      if (url.startsWith(dialect.prefix)) {
        return dialect;
      }
    }
    throw new IllegalArgumentException("Unsupported database URL '" + url
        + "': use jdbc:postgresql://HOST:PORT/DATABASE or jdbc:sqlite:FILE");
  }

  String prefix() {
    return prefix;
  }

  /** The folder of this dialect's migrations under {@code db/migration/}. */
  String folder() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  abstract Connection connect(String url) throws SQLException;

  abstract void bindDate(PreparedStatement statement, int index, LocalDate date)
      throws SQLException;

  abstract void bindTimestamp(PreparedStatement statement, int index, Instant instant)
      throws SQLException;

  /** Binds JSON given as UTF-8 bytes. */
  abstract void bindJson(PreparedStatement statement, int index, byte[] json) throws SQLException;

  /** The parameter of a column of this type in an {@code INSERT}'s {@code VALUES}. */
  String placeholder(ColumnType type) {
    return "?";
  }

  /** What a store runs after each commit, in the background; closed with the store. */
  interface AfterCommits extends AutoCloseable {
    AfterCommits NOTHING = new AfterCommits() {
      @Override
      public void committed() {}

      @Override
      public void close() {}
    };

    void committed();

    @Override
    void close();
  }

  /** Nothing after commits, by default. */
  AfterCommits afterCommits(String url) {
    return AfterCommits.NOTHING;
  }

  /** The clause that locks the selected rows until the transaction ends, or empty. */
  abstract String lockRows();

  /** Makes concurrent migrations of the same schema wait for each other. */
  abstract void lockMigrations(Connection connection) throws SQLException;

  /** Binds a value (null or of the Java type the column type implies) to a parameter. */
  void bind(PreparedStatement statement, int index, ColumnType type, Object value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, sqlType(type));
      return;
    }
    switch (type) {
      case TEXT -> statement.setString(index, (String) value);
      case INTEGER -> statement.setInt(index, (Integer) value);
      case BIGINT -> statement.setLong(index, (Long) value);
      case BOOLEAN -> statement.setBoolean(index, (Boolean) value);
      case DATE -> bindDate(statement, index, (LocalDate) value);
      case TIMESTAMP -> bindTimestamp(statement, index, (Instant) value);
      case JSON -> bindJson(statement, index, (byte[]) value);
    }
  }

  private static int sqlType(ColumnType type) {
    return switch (type) {
      case TEXT -> Types.VARCHAR;
      case INTEGER -> Types.INTEGER;
      case BIGINT -> Types.BIGINT;
      case BOOLEAN -> Types.BOOLEAN;
      case DATE -> Types.DATE;
      case TIMESTAMP -> Types.TIMESTAMP_WITH_TIMEZONE;
      case JSON -> Types.OTHER;
    };
  }

  /** SQLite creates the database file but not its folder. */
  private static void createParentFolder(String file) {
    if (file.isEmpty() || file.startsWith(":") || file.startsWith("file:")) {
      return; // in-memory or URI form: nothing to create
    }
    Path parent = Path.of(file.split("\\?", 2)[0]).toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the folder of SQLite database " + file, e);
    }
  }
}
