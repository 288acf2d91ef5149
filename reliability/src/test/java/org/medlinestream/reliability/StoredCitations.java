package org.medlinestream.reliability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/** What the sink's database holds: each PMID's title, and how many rows there are. */
record StoredCitations(Map<String, String> titles, long rows) {

  /** Reads the store; empty while the sink has not created its tables yet. */
  static StoredCitations read(FreshDatabase db) throws SQLException {
    try (Connection connection = db.connect(); Statement sql = connection.createStatement()) {
      try (ResultSet exists = sql.executeQuery("SELECT to_regclass('citations') IS NOT NULL")) {
        exists.next();
        if (!exists.getBoolean(1)) {
          return new StoredCitations(Map.of(), 0);
        }
      }
      return read(sql);
    }
  }

  /** Reads the {@code citations} table of any of the sink's databases. */
  static StoredCitations read(Statement sql) throws SQLException {
    Map<String, String> titles = new TreeMap<>();
    long rows = 0;
    try (ResultSet result = sql.executeQuery("SELECT pmid, title FROM citations")) {
      while (result.next()) {
        titles.put(result.getString(1), result.getString(2));
        rows++;
      }
    }
    return new StoredCitations(titles, rows);
  }

  /** PMID to the title each expected revision has. */
  static Map<String, String> titlesOf(Map<String, Integer> revisions) {
    Map<String, String> titles = new TreeMap<>();
    revisions.forEach((pmid, revision) -> titles.put(pmid, ChaosCorpus.title(pmid, revision)));
    return titles;
  }

  /** Expected PMIDs not (or not rightly) stored. */
  long lost(Map<String, String> expected) {
    return expected.entrySet().stream()
        .filter(e -> !e.getValue().equals(titles.get(e.getKey())))
        .count();
  }

  /** Stored PMIDs that should not be there, and rows beyond one per PMID. */
  long extra(Map<String, String> expected) {
    return titles.keySet().stream().filter(pmid -> !expected.containsKey(pmid)).count()
        + (rows - titles.size());
  }
}
