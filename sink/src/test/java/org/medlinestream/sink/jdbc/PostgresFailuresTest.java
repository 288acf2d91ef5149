package org.medlinestream.sink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medlinestream.avro.Citation;
import org.medlinestream.sink.CitationChange;
import org.medlinestream.sink.CitationStoreException;
import org.medlinestream.sink.RecordRejectedException;
import org.medlinestream.sink.StoreUnavailableException;
import org.medlinestream.sink.TestCitations;
import org.medlinestream.sink.TestDatabase;
import org.medlinestream.sink.TestPostgres;

/** How the JDBC store reports PostgreSQL failures: each kind asks the caller for another reaction. */
class PostgresFailuresTest {

  @Test
  void textPostgresqlCannotStoreRejectsTheWholeBatch() throws Exception {
    try (TestDatabase db = TestPostgres.freshSchema();
        JdbcCitationStore store = JdbcCitationStore.open(db.url())) {
      Citation nul = Citation.newBuilder(TestCitations.sygma()).setTitle("NUL \u0000 inside").build();

      assertThatThrownBy(() -> store.apply(List.of(CitationChange.upsert(TestCitations.seed()),
          CitationChange.upsert(nul))))
          .isInstanceOf(RecordRejectedException.class)
          .hasMessageContaining("0x00");

      assertThat(db.queryInt("SELECT count(*) FROM citations")).isZero();
      store.apply(List.of(CitationChange.upsert(TestCitations.seed())));
      assertThat(db.queryInt("SELECT count(*) FROM citations")).isEqualTo(1);
    }
  }

  @Test
  void aLostConnectionIsUnavailableAndTheNextBatchReconnects() throws Exception {
    try (TestDatabase db = TestPostgres.freshSchema();
        JdbcCitationStore store = JdbcCitationStore.open(db.url() + "&ApplicationName=lost-link")) {
      store.apply(List.of(CitationChange.upsert(TestCitations.seed())));
      try (Connection admin = db.connect();
          PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(pid)"
              + " FROM pg_stat_activity WHERE application_name = ?")) {
        kill.setString(1, "lost-link");
        kill.executeQuery().close();
      }

      assertThatThrownBy(() -> store.apply(List.of(CitationChange.upsert(TestCitations.sygma()))))
          .isInstanceOf(StoreUnavailableException.class);

      store.apply(List.of(CitationChange.upsert(TestCitations.sygma())));
      assertThat(db.queryInt("SELECT count(*) FROM citations")).isEqualTo(2);
    }
  }

  @Test
  void anUnreachableServerIsUnavailable() {
    assertThatThrownBy(() -> JdbcCitationStore.open("jdbc:postgresql://127.0.0.1:9/none?connectTimeout=2"))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("Cannot open jdbc:postgresql://127.0.0.1:9/none");
  }

  @Test
  void aBrokenSchemaIsNeitherUnavailableNorARejectedRecord() throws Exception {
    try (TestDatabase db = TestPostgres.freshSchema();
        JdbcCitationStore store = JdbcCitationStore.open(db.url())) {
      try (Connection admin = db.connect(); Statement statement = admin.createStatement()) {
        statement.execute("DROP TABLE comments_corrections");
      }

      assertThatThrownBy(() -> store.apply(List.of(CitationChange.upsert(TestCitations.sygma()))))
          .isExactlyInstanceOf(CitationStoreException.class)
          .hasMessageContaining("comments_corrections");
    }
  }
}
