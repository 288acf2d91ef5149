package org.medlinestream.sink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
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
  void theWritersConnectionKeepsSixtyFourMebibytesOfPagesInMemory(@TempDir Path folder)
      throws Exception {
    try (Connection writer = Dialect.SQLITE.connect("jdbc:sqlite:" + folder.resolve("m.db"));
        Statement statement = writer.createStatement();
        ResultSet cache = statement.executeQuery("PRAGMA cache_size")) {
      assertThat(cache.next()).isTrue();
      assertThat(cache.getInt(1)).as("negative: KiB").isEqualTo(-65_536);
    }
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
    int written = 0;
    try (JdbcCitationStore store = JdbcCitationStore.open("jdbc:sqlite:" + file)) {
      int pmid = 90_000_000;
      for (int batch = 0; batch < 20; batch++) {
        List<CitationChange> changes = new ArrayList<>();
        for (Citation citation : TestCitations.all()) {
          changes.add(CitationChange.upsert(
              Citation.newBuilder(citation).setPmid(Integer.toString(pmid++)).build()));
        }
        store.apply(changes);
        written += changes.size();
      }

      // The writer checkpoints only past SqliteCheckpointer.BACKSTOP_PAGES (64 MB), far more than
      // these batches wrote: once the database file alone, without its WAL, holds every citation,
      // the checkpointer has copied them there.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      int inFileAlone;
      do {
        Thread.sleep(50);
        inFileAlone = citationsInCopyOf(file, folder.resolve("copy"));
      } while (inFileAlone < written && System.nanoTime() < deadline);
      assertThat(inFileAlone).as("citations in the database file without its WAL")
          .isEqualTo(written);
    }
  }

  /** Counts the citations in a copy of the database file alone; -1 if the copy was torn. */
  private static int citationsInCopyOf(Path file, Path folder) throws Exception {
    Files.createDirectories(folder);
    Path copy = Files.copy(file, folder.resolve("alone.db"), StandardCopyOption.REPLACE_EXISTING);
    Files.deleteIfExists(folder.resolve("alone.db-wal"));
    Files.deleteIfExists(folder.resolve("alone.db-shm"));
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + copy);
        Statement statement = db.createStatement();
        ResultSet count = statement.executeQuery("SELECT count(*) FROM citations")) {
      return count.getInt(1);
    } catch (SQLException tornCopy) {
      return -1;
    }
  }
}
