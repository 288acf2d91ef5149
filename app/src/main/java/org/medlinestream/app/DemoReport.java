package org.medlinestream.app;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.medlinestream.enrich.stream.EnrichMetrics;
import org.medlinestream.enrich.stream.EnrichMetrics.Counter;
import org.medlinestream.enrich.stream.EnrichService;
import org.medlinestream.ingest.IngestSummary;
import org.medlinestream.sink.SinkService;

/** The summary {@code demo} prints at the end, with counts read back from the store. */
final class DemoReport {
  /** What the summary counts in a JDBC store, and the SQL that counts it. */
  static final Map<String, String> STORE_COUNTS = new LinkedHashMap<>();

  static {
    STORE_COUNTS.put("citations in the store", "SELECT count(*) FROM citations");
    STORE_COUNTS.put("  with a DOI", "SELECT count(*) FROM citations WHERE doi IS NOT NULL");
    STORE_COUNTS.put("  trial registrations", "SELECT count(*) FROM trial_registrations");
    STORE_COUNTS.put("  authors", "SELECT count(*) FROM authors");
    STORE_COUNTS.put("  MeSH headings", "SELECT count(*) FROM mesh_headings");
  }

  private static final String[] EXAMPLE_QUERIES = {
      "SELECT pmid, title, doi FROM citations WHERE pmid = '36119045';",
      "SELECT registry, trial_id, url FROM trial_registrations ORDER BY registry, trial_id;",
      "SELECT descriptor, count(*) AS n FROM mesh_headings GROUP BY descriptor ORDER BY n DESC "
          + "LIMIT 10;",
  };

  private final PrintWriter out;
  private final String target;

  DemoReport(PrintWriter out, String target) {
    this.out = out;
    this.target = target;
  }

  void print(IngestSummary ingested, EnrichService enrich, SinkService sink, double seconds) {
    EnrichMetrics metrics = enrich.metrics();
    out.println();
    out.println("medline-stream demo: summary");
    row("records read", ingested.records() + ingested.rejected());
    row("  published to the raw topic", ingested.records());
    row("  deletes", ingested.deletes());
    row("  refused by ingest (dead letters)", ingested.rejected());
    row("citations and tombstones written by enrich", metrics.total(Counter.RECORDS_OUT));
    row("  duplicates dropped", metrics.total(Counter.DUPLICATES));
    row("  older revisions dropped", metrics.total(Counter.STALE));
    row("  newer revisions written over earlier ones", metrics.total(Counter.REVISED));
    row("  dead letters", metrics.total(Counter.DEAD_LETTERS));
    row("  trial registrations found", metrics.total(Counter.TRIAL_LINKS));
    row("  citations with a DOI", metrics.total(Counter.DOIS));
    row("records applied by sink", sink.consumed());
    row("  dead letters", sink.deadLettered());
    if (target.startsWith("jdbc:")) {
      storeCounts();
    }
    out.printf("elapsed %.1f s, %.0f records/s end to end%n", seconds,
        ingested.records() / Math.max(seconds, 1e-3));
    out.println();
    out.println("Written to " + target + ". Try:");
    if (target.startsWith("jdbc:sqlite:")) {
      String file = target.substring("jdbc:sqlite:".length());
      for (String query : EXAMPLE_QUERIES) {
        out.println("  sqlite3 " + file + " \"" + query + "\"");
      }
    } else {
      for (String query : EXAMPLE_QUERIES) {
        out.println("  " + query);
      }
    }
    out.flush();
  }

  private void storeCounts() {
    try (Connection connection = DriverManager.getConnection(target);
        Statement statement = connection.createStatement()) {
      for (Map.Entry<String, String> count : STORE_COUNTS.entrySet()) {
        try (ResultSet rows = statement.executeQuery(count.getValue())) {
          rows.next();
          row(count.getKey(), rows.getLong(1));
        }
      }
    } catch (SQLException e) {
      out.println("(could not read the counts back from " + target + ": " + e.getMessage() + ")");
    }
  }

  private void row(String label, long value) {
    out.printf("  %-44s %,10d%n", label, value);
  }
}
