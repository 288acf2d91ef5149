package org.medlinestream.sink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medlinestream.avro.Citation;
import org.medlinestream.sink.CitationChange;
import org.medlinestream.sink.TestCitations;

/** What is particular to the embedded SQLite default. */
class SqliteStoreTest {

  @Test
  void createsTheFolderAndWritesInWalModeWhileOthersRead(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("nested/deeper/medline.db");
    String url = "jdbc:sqlite:" + file;
    try (JdbcCitationStore store = JdbcCitationStore.open(url)) {
      store.apply(List.of(CitationChange.upsert(TestCitations.seed())));

      try (Connection reader = DriverManager.getConnection(url);
          Statement statement = reader.createStatement()) {
        try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
          assertThat(mode.next()).isTrue();
          assertThat(mode.getString(1)).isEqualTo("wal");
        }
        reader.setAutoCommit(false);
        try (ResultSet count = statement.executeQuery("SELECT count(*) FROM authors")) {
          assertThat(count.getInt(1)).isEqualTo(6);
        }
        store.apply(List.of(CitationChange.upsert(TestCitations.sygma())));
        reader.commit();
        try (ResultSet count = statement.executeQuery("SELECT count(*) FROM authors")) {
          assertThat(count.getInt(1)).isEqualTo(16);
        }
      }
    }
    assertThat(Files.exists(file)).isTrue();
  }

  @Test
  void holdsTheWriteLockOnlyWhileABatchRuns(@TempDir Path folder) throws Exception {
    String url = "jdbc:sqlite:" + folder.resolve("medline.db");
    try (JdbcCitationStore store = JdbcCitationStore.open(url)) {
      store.apply(List.of(CitationChange.upsert(TestCitations.seed())));

      try (Connection other = DriverManager.getConnection(url + "?busy_timeout=0");
          Statement statement = other.createStatement()) {
        assertThat(statement.executeUpdate("UPDATE citations SET title = 'edited by hand'"))
            .isEqualTo(1);
      }
      store.apply(List.of(CitationChange.upsert(TestCitations.sygma())));
    }
  }

  @Test
  void aThreadOfItsOwnCopiesTheWriteAheadLogIntoTheDatabaseFile(@TempDir Path folder)
      throws Exception {
    Path file = folder.resolve("medline.db");
    Path wal = folder.resolve("medline.db-wal");
    try (JdbcCitationStore store = JdbcCitationStore.open("jdbc:sqlite:" + file)) {
      long sizeAfterMigrations = Files.size(file);
      int pmid = 90_000_000;
      for (int batch = 0; batch < 20; batch++) {
        List<CitationChange> changes = new ArrayList<>();
        for (Citation citation : TestCitations.all()) {
          changes.add(CitationChange.upsert(
              Citation.newBuilder(citation).setPmid(Integer.toString(pmid++)).build()));
        }
        store.apply(changes);
      }

      // The writer checkpoints only past SqliteCheckpointer.BACKSTOP_PAGES (64 MB), far more than
      // these batches wrote: pages in the database file came from the checkpointer.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (Files.size(file) <= sizeAfterMigrations + Files.size(wal) / 2
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(Files.size(file)).as("database file, against %d bytes of WAL", Files.size(wal))
          .isGreaterThan(sizeAfterMigrations + Files.size(wal) / 2);
    }
  }
}
