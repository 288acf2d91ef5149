package org.medlinestream.sink.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medlinestream.sink.ApplyResult;
import org.medlinestream.sink.CitationChange;
import org.medlinestream.sink.CitationStore;
import org.medlinestream.sink.CitationStoreException;
import org.medlinestream.sink.RecordRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Citations in PostgreSQL ({@code jdbc:postgresql://HOST:PORT/DB}) or SQLite ({@code
 * jdbc:sqlite:FILE}), in the relational layout of {@link Tables}. Opening the store migrates the
 * schema ({@link Migrations}).
 *
 * <p>A batch is one transaction: the changes are folded per PMID ({@link BatchPlan}), the stored
 * revisions of the PMIDs read (and locked, on PostgreSQL), then every PMID to write or delete loses
 * all its rows (one {@code DELETE} on {@code citations}, cascading to the child tables) and the
 * citations to write are inserted with JDBC batches, which the PostgreSQL driver rewrites into
 * multi-row inserts. See {@link Revision} for which version wins.
 *
 * <p>One connection, one writer: {@link #apply} calls are serialized; on SQLite the batch takes the
 * database's write lock when it begins (WAL mode: readers go on reading) and releases it when it
 * ends, and a thread of the store's checkpoints the WAL into the database file ({@link
 * SqliteCheckpointer}). A lost connection is reopened on the next call. {@link #prepare} (the
 * plan and the rows, most of a batch's CPU) shares nothing and may run beside {@link #apply}.
 */
public final class JdbcCitationStore implements CitationStore {
  private static final Logger log = LoggerFactory.getLogger(JdbcCitationStore.class);
  /** PMIDs per {@code IN (...)} look-up: far below every driver's parameter limit. */
  private static final int LOOKUP_CHUNK = 500;

  /** What the store holds for a PMID: enough to tell whether a citation is newer. */
  private record Stored(String revision, String contentHash) {}

  /** A batch folded per PMID, with the rows of every citation it may write. */
  private record Planned(List<CitationChange> changes, List<BatchPlan.Step> steps,
      Map<String, CitationRows> candidates) implements Prepared {}

  private final String url;
  private final Dialect dialect;
  private final Dialect.AfterCommits afterCommits;
  /** Each table's INSERT in this dialect. */
  private final Map<Table, String> inserts = new HashMap<>();
  private Connection connection;

  private JdbcCitationStore(String url) {
    this.url = url;
    this.dialect = Dialect.of(url);
    this.afterCommits = dialect.afterCommits(url);
    for (Table table : Tables.ALL) {
      inserts.put(table, table.insertSql(dialect));
    }
  }

  /** Connects to the database of a JDBC URL and brings its schema up to date. */
  public static JdbcCitationStore open(String url) {
    JdbcCitationStore store = new JdbcCitationStore(url);
    try {
      int ran = new Migrations(store.dialect).migrate(store.connection());
      log.info("Opened {} ({} migration(s) applied)", redacted(url), ran);
      return store;
    } catch (SQLException e) {
      store.close();
      throw SqlErrors.classify("Cannot open " + redacted(url), e, store.dialect);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  @Override
  public ApplyResult apply(List<CitationChange> changes) {
    return apply(prepare(changes));
  }

  /** Folds the batch per PMID and maps every citation it may write to rows. */
  @Override
  public Prepared prepare(List<CitationChange> changes) {
    List<BatchPlan.Step> steps = BatchPlan.of(changes);
    return new Planned(List.copyOf(changes), steps, toRows(steps));
  }

  @Override
  public synchronized ApplyResult apply(Prepared batch) {
    if (!(batch instanceof Planned plan)) {
      return apply(batch.changes());
    }
    List<CitationChange> changes = plan.changes();
    try {
      Connection db = connection();
      db.setAutoCommit(false); // SQLite: BEGIN IMMEDIATE, the write lock for this batch only
      try {
        ApplyResult result = write(db, plan.steps(), plan.candidates(), changes);
        db.commit();
        afterCommits.committed();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(db);
        throw e;
      } finally {
        endTransaction(db);
      }
    } catch (SQLException e) {
      CitationStoreException error = SqlErrors.classify("Cannot apply a batch of "
          + changes.size() + " change(s) to " + redacted(url), e, dialect);
      if (!(error instanceof RecordRejectedException)) {
        discardConnection();
      }
      throw error;
    }
  }

  /** Rows of every citation the plan may write; a citation that cannot be mapped is rejected. */
  private static Map<String, CitationRows> toRows(List<BatchPlan.Step> steps) {
    Instant now = Instant.now();
    CitationRows.Mapper mapper = new CitationRows.Mapper();
    Map<String, CitationRows> rows = new HashMap<>();
    for (BatchPlan.Step step : steps) {
      if (step.citation() != null) {
        try {
          rows.put(step.pmid(), mapper.map(step.citation(), now));
        } catch (RuntimeException e) {
          throw new RecordRejectedException("Cannot map citation " + step.pmid()
              + " to rows: " + e, e);
        }
      }
    }
    return rows;
  }

  private ApplyResult write(Connection db, List<BatchPlan.Step> steps,
      Map<String, CitationRows> candidates, List<CitationChange> changes) throws SQLException {
    Map<String, Stored> stored = storedRevisions(db, steps);
    List<String> toDelete = new ArrayList<>();
    RowBatch toInsert = new RowBatch();
    int written = 0;
    for (BatchPlan.Step step : steps) {
      CitationRows rows = candidates.get(step.pmid());
      Stored current = stored.get(step.pmid());
      boolean write = switch (step.action()) {
        case DELETE -> false;
        case REPLACE -> true;
        case UPSERT_IF_NOT_OLDER -> current == null || isNewer(rows, current);
      };
      if (step.action() != BatchPlan.Action.UPSERT_IF_NOT_OLDER || (write && current != null)) {
        toDelete.add(step.pmid());
      }
      if (write) {
        toInsert.addAll(rows.rows());
        written++;
      }
    }
    delete(db, toDelete);
    insert(db, toInsert);
    int deletes = (int) changes.stream().filter(CitationChange::isDelete).count();
    return new ApplyResult(written, deletes, changes.size() - deletes - written);
  }

  /** Not older than the stored revision, and not the very same content. */
  private static boolean isNewer(CitationRows candidate, Stored stored) {
    int order = candidate.revision().compareTo(stored.revision());
    return order > 0 || (order == 0 && !candidate.contentHash().equals(stored.contentHash()));
  }

  /** Revision and content hash of the stored citations among the upserted PMIDs. */
  private Map<String, Stored> storedRevisions(Connection db, List<BatchPlan.Step> steps)
      throws SQLException {
    List<String> pmids = steps.stream()
        .filter(step -> step.action() == BatchPlan.Action.UPSERT_IF_NOT_OLDER)
        .map(BatchPlan.Step::pmid).toList();
    Map<String, Stored> stored = new HashMap<>();
    for (int from = 0; from < pmids.size(); from += LOOKUP_CHUNK) {
      List<String> chunk = pmids.subList(from, Math.min(pmids.size(), from + LOOKUP_CHUNK));
      String sql = "SELECT pmid, revision, content_hash FROM citations WHERE pmid IN ("
          + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")" + dialect.lockRows();
      try (PreparedStatement select = db.prepareStatement(sql)) {
        for (int i = 0; i < chunk.size(); i++) {
          select.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            stored.put(rows.getString(1), new Stored(rows.getString(2), rows.getString(3)));
          }
        }
      }
    }
    return stored;
  }

  private static void delete(Connection db, List<String> pmids) throws SQLException {
    if (pmids.isEmpty()) {
      return;
    }
    try (PreparedStatement delete = db.prepareStatement("DELETE FROM citations WHERE pmid = ?")) {
      for (String pmid : pmids) {
        delete.setString(1, pmid);
        delete.addBatch();
      }
      delete.executeBatch();
    }
  }

  private void insert(Connection db, RowBatch batch) throws SQLException {
    for (Table table : Tables.ALL) {
      List<Object[]> rows = batch.rows(table);
      if (rows.isEmpty()) {
        continue;
      }
      try (PreparedStatement insert = db.prepareStatement(inserts.get(table))) {
        for (Object[] row : rows) {
          for (int i = 0; i < row.length; i++) {
            dialect.bind(insert, i + 1, table.type(i), row[i]);
          }
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null) {
      connection = dialect.connect(url);
    }
    return connection;
  }

  private void discardConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        log.debug("Closing a failed connection to {}", redacted(url), e);
      }
      connection = null;
    }
  }

  /** Back to auto-commit, which on SQLite releases the write lock; a connection that fails here is dropped. */
  private void endTransaction(Connection db) {
    try {
      db.setAutoCommit(true);
    } catch (SQLException e) {
      log.debug("Ending the transaction on {} failed; reconnecting next time", redacted(url), e);
      discardConnection();
    }
  }

  private void rollbackQuietly(Connection db) {
    try {
      db.rollback();
    } catch (SQLException e) {
      log.debug("Rollback on {} failed", redacted(url), e);
    }
  }

  @Override
  public synchronized void close() {
    afterCommits.close();
    discardConnection();
  }

  /** The URL without its query, where passwords live. */
  static String redacted(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query) + "?…";
  }
}
