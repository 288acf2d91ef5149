package org.medlinestream.sink.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies SQLite's write-ahead log into the database file on a thread and connection of its own,
 * after commits, so that the writer never waits for it: left to the writer (SQLite's
 * auto-checkpoint), the copy and its two fsyncs took longer than the inserts of a batch. A {@code
 * PASSIVE} checkpoint neither waits for nor blocks the writer; the log restarts from its beginning
 * once it has all been copied. Should this thread fall behind, the writer's own auto-checkpoint,
 * set at {@value #BACKSTOP_PAGES} pages, keeps the log from growing without bound.
 */
final class SqliteCheckpointer implements Dialect.AfterCommits {
  private static final Logger log = LoggerFactory.getLogger(SqliteCheckpointer.class);
  /** The writer's auto-checkpoint: 64 MB of 4 KB pages, far above a batch's. */
  static final int BACKSTOP_PAGES = 16_384;

  private final String url;
  private final Object lock = new Object();
  private boolean pending;
  private boolean closed;
  private Thread thread;

  SqliteCheckpointer(String url) {
    this.url = url;
  }

  /** Asks for a checkpoint; several asked for while one runs make one more. */
  @Override
  public void committed() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      pending = true;
      if (thread == null) {
        thread = new Thread(this::run, "medline-sink-sqlite-checkpoint");
        thread.setDaemon(true);
        thread.start();
      }
      lock.notifyAll();
    }
  }

  private void run() {
    try (Connection db = DriverManager.getConnection(url);
        Statement statement = db.createStatement()) {
      while (awaitRequest()) {
        try {
          statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
          log.debug("Checkpoint of {} failed; the next commit asks again", url, e);
        }
      }
    } catch (SQLException e) {
      log.warn("Cannot open {} to checkpoint it: the writer checkpoints its WAL itself", url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits for a request; false once closed. */
  private boolean awaitRequest() throws InterruptedException {
    synchronized (lock) {
      while (!pending && !closed) {
        lock.wait();
      }
      pending = false;
      return !closed;
    }
  }

  /** Stops the thread (SQLite checkpoints what is left when the last connection closes). */
  @Override
  public void close() {
    Thread running;
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
      running = thread;
    }
    if (running != null) {
      try {
        running.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
