package org.medlinestream.sink.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades the sink's tables with versioned SQL scripts, Flyway-style:
 * {@code db/migration/<dialect>/V<n>__<description>.sql}, listed in order in that folder's
 * {@code migrations.txt}. Applied versions are recorded in {@code schema_version} with the script's
 * SHA-256; pending ones run in order in one transaction, under a lock, so a restart or a second
 * sink instance finds the work done. A script changed after it was applied, or a database newer
 * than the sink, stops the sink with an explanation.
 *
 * <p>Scripts hold plain statements, each ending with {@code ;} at the end of a line; lines starting
 * with {@code --} are comments.
 */
final class Migrations {
  private static final Logger log = LoggerFactory.getLogger(Migrations.class);
  private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");
  private static final Pattern STATEMENT_END = Pattern.compile(";\\s*$", Pattern.MULTILINE);

  /** One script: its version, description, text and checksum. */
  record Migration(int version, String description, String script, String checksum) {}

  private final Dialect dialect;
  private final List<Migration> migrations;

  Migrations(Dialect dialect) {
    this.dialect = dialect;
    this.migrations = load(dialect.folder());
  }

  List<Migration> migrations() {
    return migrations;
  }

  /** Applies every pending migration; returns how many ran. */
  int migrate(Connection connection) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      dialect.lockMigrations(connection);
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
            + " description TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)");
      }
      Map<Integer, String> applied = applied(connection);
      int ran = 0;
      for (Migration migration : migrations) {
        String checksum = applied.remove(migration.version());
        if (checksum == null) {
          apply(connection, migration);
          ran++;
        } else if (!checksum.equals(migration.checksum())) {
          throw new IllegalStateException("Migration V" + migration.version() + "__"
              + migration.description() + ".sql was changed after it was applied to this"
              + " database (checksum " + checksum + ", now " + migration.checksum()
              + "): restore the original script and put the change in a new migration");
        }
      }
      if (!applied.isEmpty()) {
        throw new IllegalStateException("The database has schema versions " + applied.keySet()
            + " that this sink does not know (it knows up to V" + migrations.size()
            + "): run a sink at least as new as the one that created them");
      }
      connection.commit();
      return ran;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static Map<Integer, String> applied(Connection connection) throws SQLException {
    Map<Integer, String> applied = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT version, checksum FROM schema_version ORDER BY version")) {
      while (rows.next()) {
        applied.put(rows.getInt(1), rows.getString(2));
      }
    }
    return applied;
  }

  private void apply(Connection connection, Migration migration) throws SQLException {
    log.info("Applying {} migration V{}__{}", dialect.folder(), migration.version(),
        migration.description());
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements(migration.script())) {
        statement.execute(sql);
      }
    }
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO schema_version"
        + " (version, description, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
      insert.setInt(1, migration.version());
      insert.setString(2, migration.description());
      insert.setString(3, migration.checksum());
      insert.setString(4, Instant.now().toString());
      insert.executeUpdate();
    }
  }

  /** The statements of a script, comment lines removed. */
  static List<String> statements(String script) {
    StringBuilder code = new StringBuilder();
    script.lines().filter(line -> !line.strip().startsWith("--"))
        .forEach(line -> code.append(line).append('\n'));
    List<String> statements = new ArrayList<>();
    for (String statement : STATEMENT_END.split(code)) {
      if (!statement.isBlank()) {
        statements.add(statement.strip());
      }
    }
    return statements;
  }

  private static List<Migration> load(String folder) {
    String base = "db/migration/" + folder + "/";
    List<Migration> migrations = new ArrayList<>();
    for (String name : resource(base + "migrations.txt").lines().map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList()) {
      Matcher matcher = NAME.matcher(name);
      if (!matcher.matches() || Integer.parseInt(matcher.group(1)) != migrations.size() + 1) {
        throw new IllegalStateException(base + "migrations.txt lists '" + name + "' where V"
            + (migrations.size() + 1) + "__<description>.sql is expected");
      }
      String script = resource(base + name);
      migrations.add(new Migration(migrations.size() + 1, matcher.group(2), script,
          CitationRows.sha256(script.replace("\r\n", "\n"))));
    }
    return List.copyOf(migrations);
  }

  private static String resource(String path) {
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read resource " + path, e);
    }
  }
}
