package org.medlinestream.sink.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.medlinestream.sink.TestDatabase;

/** What a sink database holds, read back with plain SQL for comparison with {@link ExpectedRows}. */
public final class StoredRows {
  private StoredRows() {}

  /** The stored PMIDs. */
  public static Set<String> pmids(TestDatabase db) throws SQLException {
    Set<String> pmids = new TreeSet<>();
    try (Connection connection = db.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT pmid FROM citations")) {
      while (rows.next()) {
        pmids.add(rows.getString(1));
      }
    }
    return pmids;
  }

  /** The stored title of a PMID. */
  public static String title(TestDatabase db, String pmid) throws SQLException {
    try (Connection connection = db.connect();
        PreparedStatement select = connection.prepareStatement(
            "SELECT title FROM citations WHERE pmid = ?")) {
      select.setString(1, pmid);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }

  /** Per table, the rows of each PMID that has any. */
  public static Map<String, Map<String, Integer>> perPmid(TestDatabase db) throws SQLException {
    Map<String, Map<String, Integer>> tables = new TreeMap<>();
    try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
      for (String table : ExpectedRows.TABLES) {
        Map<String, Integer> counts = new TreeMap<>();
        try (ResultSet rows = statement.executeQuery(
            "SELECT pmid, count(*) FROM " + table + " GROUP BY pmid")) {
          while (rows.next()) {
            counts.put(rows.getString(1), rows.getInt(2));
          }
        }
        tables.put(table, counts);
      }
    }
    return tables;
  }

  /** Per table, the row count. */
  public static Map<String, Integer> perTable(TestDatabase db) throws SQLException {
    Map<String, Integer> totals = new TreeMap<>();
    perPmid(db).forEach((table, counts) ->
        totals.put(table, counts.values().stream().mapToInt(Integer::intValue).sum()));
    return totals;
  }

  /** When each PMID was last written ({@code citations.updated_at}). */
  public static Map<String, String> updatedAt(TestDatabase db) throws SQLException {
    Map<String, String> updated = new TreeMap<>();
    try (Connection connection = db.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT pmid, updated_at FROM citations")) {
      while (rows.next()) {
        updated.put(rows.getString(1), rows.getString(2));
      }
    }
    return updated;
  }

  /**
   * Every row of every table as text (every column but {@code updated_at}, see {@link
   * #updatedAt}), sorted: equal snapshots hold the same rows.
   */
  public static Map<String, List<String>> snapshot(TestDatabase db) throws SQLException {
    Map<String, List<String>> tables = new TreeMap<>();
    try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
      for (String table : ExpectedRows.TABLES) {
        List<String> lines = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
          ResultSetMetaData columns = rows.getMetaData();
          while (rows.next()) {
            StringBuilder line = new StringBuilder();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
              if (columns.getColumnName(i).equalsIgnoreCase("updated_at")) {
                continue;
              }
              line.append(columns.getColumnName(i)).append('=').append(rows.getString(i))
                  .append('\t');
            }
            lines.add(line.toString());
          }
        }
        Collections.sort(lines);
        tables.put(table, lines);
      }
    }
    return tables;
  }

  /** The rows only one of two snapshots holds, marked {@code -} (before) and {@code +} (after). */
  public static List<String> differences(Map<String, List<String>> before,
      Map<String, List<String>> after) {
    List<String> differences = new ArrayList<>();
    for (String table : ExpectedRows.TABLES) {
      Set<String> old = new TreeSet<>(before.getOrDefault(table, List.of()));
      Set<String> now = new TreeSet<>(after.getOrDefault(table, List.of()));
      old.stream().filter(row -> !now.contains(row)).forEach(row -> differences.add(table + " - " + row));
      now.stream().filter(row -> !old.contains(row)).forEach(row -> differences.add(table + " + " + row));
    }
    return differences;
  }
}
