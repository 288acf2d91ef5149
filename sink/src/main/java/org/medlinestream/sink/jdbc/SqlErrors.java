package org.medlinestream.sink.jdbc;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.medlinestream.sink.CitationStoreException;
import org.medlinestream.sink.RecordRejectedException;
import org.medlinestream.sink.StoreUnavailableException;

/**
 * Sorts a database error into the three kinds {@link org.medlinestream.sink.CitationStore} callers
 * act on: unavailable (retry), record rejected (dead-letter it), or broken (stop).
 *
 * <p>PostgreSQL by SQLSTATE: class 08 (connection), 53 (insufficient resources), 57P0x (shutdown),
 * 58 (system I/O), 40001/40P01 (serialization failure, deadlock), 55P03 (lock not available) are
 * unavailable; class 22 (data exception, e.g. NUL in text) and 23 (integrity constraint) are
 * rejections. SQLite by result code: BUSY, LOCKED, IOERR, FULL, CANTOPEN, PROTOCOL are unavailable;
 * TOOBIG, CONSTRAINT, MISMATCH, RANGE are rejections. Everything else is broken.
 */
final class SqlErrors {
  private static final Set<String> UNAVAILABLE_CLASSES = Set.of("08", "53", "58");
  private static final Set<String> UNAVAILABLE_STATES =
      Set.of("57P01", "57P02", "57P03", "40001", "40P01", "55P03");
  private static final Set<String> REJECTED_CLASSES = Set.of("22", "23");
  private static final Set<Integer> SQLITE_UNAVAILABLE = Set.of(5, 6, 10, 13, 14, 15);
  private static final Set<Integer> SQLITE_REJECTED = Set.of(18, 19, 20, 25);

  private SqlErrors() {}

  static CitationStoreException classify(String what, SQLException error, Dialect dialect) {
    SQLException cause = mostSpecific(error);
    String message = what + ": " + cause.getMessage();
    if (isUnavailable(cause, dialect)) {
      return new StoreUnavailableException(message, error);
    }
    if (isRejected(cause, dialect)) {
      return new RecordRejectedException(message, error);
    }
    return new CitationStoreException(message, error);
  }

  /**
   * The chained exception that carries the database's own error: batch errors wrap it, and
   * PostgreSQL's repeat the whole statement with its values before it.
   */
  private static SQLException mostSpecific(SQLException error) {
    SQLException next = error.getNextException();
    return next != null && (error.getSQLState() == null || error instanceof BatchUpdateException)
        ? next : error;
  }

  private static boolean isUnavailable(SQLException error, Dialect dialect) {
    if (error instanceof SQLTransientException || error instanceof SQLRecoverableException
        || hasNetworkCause(error)) {
      return true;
    }
    return dialect == Dialect.SQLITE
        ? SQLITE_UNAVAILABLE.contains(error.getErrorCode())
        : hasState(error, UNAVAILABLE_CLASSES, UNAVAILABLE_STATES);
  }

  private static boolean isRejected(SQLException error, Dialect dialect) {
    return dialect == Dialect.SQLITE
        ? SQLITE_REJECTED.contains(error.getErrorCode())
        : hasState(error, REJECTED_CLASSES, Set.of());
  }

  private static boolean hasState(SQLException error, Set<String> classes, Set<String> states) {
    for (SQLException e = error; e != null; e = e.getNextException()) {
      String state = e.getSQLState();
      if (state != null && state.length() == 5
          && (classes.contains(state.substring(0, 2)) || states.contains(state))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasNetworkCause(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof SocketException) {
        return true;
      }
    }
    return false;
  }
}
