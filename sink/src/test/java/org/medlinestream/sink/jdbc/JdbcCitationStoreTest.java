package org.medlinestream.sink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medlinestream.sink.TestCitations.GROUP_PMID;
import static org.medlinestream.sink.TestCitations.ROWS_PER_TABLE;
import static org.medlinestream.sink.TestCitations.SEED_PMID;
import static org.medlinestream.sink.TestCitations.SYGMA_PMID;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.Issn;
import org.medlinestream.schemas.json.AvroJson;
import org.medlinestream.sink.ApplyResult;
import org.medlinestream.sink.CitationChange;
import org.medlinestream.sink.TestCitations;
import org.medlinestream.sink.TestDatabase;
import org.medlinestream.sink.TestDatabase.Backend;

/** The JDBC store on a real PostgreSQL server and on an SQLite file. */
class JdbcCitationStoreTest {
  private static final String HOSTILE =
      "'); DROP TABLE citations;-- \"dq\" 'sq' '' \\ \\' \\\\ %_ Ünïcødé – 漢字 😀 ";
  private static final Map<Backend, TestDatabase> databases = new EnumMap<>(Backend.class);

  @BeforeAll
  static void createDatabases() {
    for (Backend backend : Backend.values()) {
      databases.put(backend, backend.create());
    }
  }

  @AfterAll
  static void dropDatabases() throws Exception {
    for (TestDatabase database : databases.values()) {
      database.close();
    }
  }

  /** The class's database, emptied. */
  private static TestDatabase emptied(Backend backend) throws SQLException {
    TestDatabase database = databases.get(backend);
    JdbcCitationStore.open(database.url()).close();
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("DELETE FROM citations");
    }
    return database;
  }

  private static List<CitationChange> upserts(Citation... citations) {
    return java.util.Arrays.stream(citations).map(CitationChange::upsert).toList();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void storesEveryPartOfTheSeedRecord(Backend backend) throws Exception {
    TestDatabase db = emptied(backend);
    try (JdbcCitationStore store = JdbcCitationStore.open(db.url())) {
      assertThat(store.apply(upserts(TestCitations.seed()))).isEqualTo(new ApplyResult(1, 0, 0));
    }

    for (var table : ROWS_PER_TABLE.entrySet()) {
      assertThat(db.count(table.getKey(), SEED_PMID)).as(table.getKey())
          .isEqualTo(table.getValue().get(0));
    }
    try (Connection connection = db.connect();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT title, journal_title, journal_abbreviation,"
            + " issn_electronic, issn_linking, issn_print, volume, pages, publication_date,"
            + " publication_date_iso, publication_year, doi, doi_url, pmc, status, owner, languages,"
            + " date_completed, date_revised, electronic_publication_date, revision, retracted,"
            + " source, ingest_format, ingest_source_file, raw_offset, pipeline_version"
            + " FROM citations")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getString("title")).startsWith("The efficacy and safety of tacrolimus");
      assertThat(row.getString("journal_title")).isEqualTo("Frontiers in immunology");
      assertThat(row.getString("journal_abbreviation")).isEqualTo("Front Immunol");
      assertThat(row.getString("issn_electronic")).isEqualTo("1664-3224");
      assertThat(row.getString("issn_linking")).isEqualTo("1664-3224");
      assertThat(row.getString("issn_print")).isNull();
      assertThat(row.getString("volume")).isEqualTo("13");
      assertThat(row.getString("pages")).isEqualTo("978429");
      assertThat(row.getString("publication_date")).isEqualTo("2022");
      assertThat(row.getString("publication_date_iso")).isEqualTo("2022");
      assertThat(row.getInt("publication_year")).isEqualTo(2022);
      assertThat(row.getString("doi")).isEqualTo("10.3389/fimmu.2022.978429");
      assertThat(row.getString("doi_url")).isEqualTo("https://doi.org/10.3389/fimmu.2022.978429");
      assertThat(row.getString("pmc")).isEqualTo("PMC9479328");
      assertThat(row.getString("status")).isEqualTo("MEDLINE");
      assertThat(row.getString("owner")).isEqualTo("NLM");
      assertThat(row.getString("languages")).isEqualTo("eng");
      assertThat(row.getString("date_completed")).isEqualTo("2022-09-20");
      assertThat(row.getString("date_revised")).isEqualTo("2022-09-26");
      assertThat(row.getString("electronic_publication_date")).isEqualTo("2022-09-02");
      assertThat(row.getString("revision")).isEqualTo("2022-09-26/00001");
      assertThat(row.getBoolean("retracted")).isFalse();
      assertThat(row.getString("source")).startsWith("Front Immunol. 2022 Sep 2;13:978429.");
      assertThat(row.getString("ingest_format")).isEqualTo("MEDLINE_TEXT");
      assertThat(row.getString("ingest_source_file")).isEqualTo("seed/000_c9b3f97c68c49ce2.txt");
      assertThat(row.getLong("raw_offset")).isZero();
      assertThat(row.getString("pipeline_version")).isEqualTo("0.1.0-SNAPSHOT");
    }
    assertThat(db.queryInt("SELECT position FROM authors WHERE last_name = ? AND fore_name = ?"
        + " AND initials = ?", "Hu", "Qiongjie", "Q")).isEqualTo(4);
    assertThat(db.queryInt("SELECT count(*) FROM author_affiliations WHERE author_position = 4"
        + " AND affiliation LIKE ?", "Department of Radiology, Tongji Hospital%")).isEqualTo(1);
    assertThat(db.queryInt("SELECT count(*) FROM mesh_headings h JOIN mesh_qualifiers q"
        + " ON q.pmid = h.pmid AND q.heading_position = h.position"
        + " WHERE h.descriptor = ? AND h.major_topic AND q.qualifier = ?",
        "Lung Diseases, Interstitial", "etiology")).isEqualTo(1);
    assertThat(db.queryInt("SELECT count(*) FROM trial_registrations WHERE registry = ?"
        + " AND trial_id = ? AND suffix IS NULL AND url LIKE ? AND CAST(evidence AS TEXT) LIKE ?",
        "ChiCTR", "ChiCTR2100043595", "https://www.chictr.org.cn/%", "%ChiCTR/ChiCTR2100043595%"))
        .isEqualTo(1);
    assertThat(db.queryInt("SELECT count(*) FROM article_ids WHERE source = ? AND id_type = ?"
        + " AND value = ? AND valid", "location", "unknown", "978429")).isEqualTo(1);
    assertThat(db.queryInt("SELECT count(*) FROM keywords WHERE owner = ? AND keyword = ?",
        "NOTNLM", "pirfenidone")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void countsRowsPerTableForEachCitationOfABatch(Backend backend) throws Exception {
    TestDatabase db = emptied(backend);
    try (JdbcCitationStore store = JdbcCitationStore.open(db.url())) {
      store.apply(upserts(TestCitations.all().toArray(Citation[]::new)));
    }

    List<String> pmids = List.of(SEED_PMID, SYGMA_PMID, GROUP_PMID);
    for (var table : ROWS_PER_TABLE.entrySet()) {
      for (int i = 0; i < pmids.size(); i++) {
        assertThat(db.count(table.getKey(), pmids.get(i)))
            .as(table.getKey() + " of " + pmids.get(i)).isEqualTo(table.getValue().get(i));
      }
    }
    assertThat(db.queryInt("SELECT count(*) FROM authors WHERE last_name = ?", "O'Byrne"))
        .isEqualTo(1);
    assertThat(db.queryInt("SELECT position FROM authors WHERE collective_name = ?",
        "The TEST Study Group")).isEqualTo(2);
    assertThat(db.queryInt("SELECT count(*) FROM authors WHERE orcid = ? AND equal_contribution",
        "0000-0002-1825-0097")).isEqualTo(1);
    assertThat(db.queryInt("SELECT count(*) FROM grants WHERE grant_id IS NULL AND agency = ?",
        "Wellcome Trust")).isEqualTo(1);
    assertThat(db.queryInt("SELECT investigator_position FROM investigator_affiliations"
        + " WHERE affiliation = ?", "University of Lagos, Nigeria.")).isEqualTo(1);
    assertThat(db.queryInt("SELECT count(*) FROM citations WHERE has_erratum AND languages = ?",
        "eng,ger")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void findsCitationsByDoiTrialMeshJournalAndYear(Backend backend) throws Exception {
    TestDatabase db = emptied(backend);
    try (JdbcCitationStore store = JdbcCitationStore.open(db.url())) {
      store.apply(upserts(TestCitations.all().toArray(Citation[]::new)));
    }

    assertThat(pmids(db, "SELECT pmid FROM citations WHERE doi = '10.1056/nejmoa1715274'"))
        .containsExactly(SYGMA_PMID);
    assertThat(pmids(db, "SELECT pmid FROM trial_registrations WHERE trial_id = 'ChiCTR2100043595'"))
        .containsExactly(SEED_PMID);
    assertThat(pmids(db, "SELECT pmid FROM mesh_headings WHERE descriptor = 'Humans' ORDER BY pmid"))
        .containsExactly(SYGMA_PMID, SEED_PMID);
    assertThat(pmids(db, "SELECT pmid FROM citations WHERE journal_nlm_id = '0255562'"))
        .containsExactly(SYGMA_PMID);
    assertThat(pmids(db, "SELECT pmid FROM citations WHERE publication_year >= 2020 ORDER BY pmid"))
        .containsExactly(SEED_PMID, GROUP_PMID);
    assertThat(pmids(db, "SELECT pmid FROM data_links WHERE accession = 'GSE123456'"))
        .containsExactly(GROUP_PMID);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void applyingTheSameBatchTwiceChangesNothing(Backend backend) throws Exception {
    TestDatabase db = emptied(backend);
    List<CitationChange> batch = upserts(TestCitations.all().toArray(Citation[]::new));
    try (JdbcCitationStore store = JdbcCitationStore.open(db.url())) {
      store.apply(batch);
      List<String> before = snapshot(db);

      assertThat(store.apply(batch)).isEqualTo(new ApplyResult(0, 0, 3));
      assertThat(snapshot(db)).isEqualTo(before);
    }
    try (JdbcCitationStore reopened = JdbcCitationStore.open(db.url())) {
      List<String> before = snapshot(db);
      reopened.apply(batch);
      assertThat(snapshot(db)).isEqualTo(before);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void anOlderRevisionDoesNotOverwriteANewerOne(Backend backend) throws Exception {
    TestDatabase db = emptied(backend);
    Citation newer = TestCitations.revised(TestCitations.seed(), LocalDate.of(2023, 1, 5), "New");
    Citation older = TestCitations.revised(TestCitations.seed(), LocalDate.of(2022, 9, 26), "Old");
    try (JdbcCitationStore store = JdbcCitationStore.open(db.url())) {
      store.apply(upserts(newer));
      assertThat(store.apply(upserts(older))).isEqualTo(new ApplyResult(0, 0, 1));
      assertThat(title(db, SEED_PMID)).isEqualTo("New");

      store.apply(List.of(CitationChange.delete(SEED_PMID)));
      assertThat(store.apply(upserts(newer, older))).isEqualTo(new ApplyResult(1, 0, 1));
      assertThat(title(db, SEED_PMID)).isEqualTo("New");
      assertThat(db.count("authors", SEED_PMID)).isEqualTo(6);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void atTheSameRevisionNewContentWinsAndPmidVersionBreaksTies(Backend backend) throws Exception {
    TestDatabase db = emptied(backend);
    Citation seed = TestCitations.seed();
    Citation reEnriched = Citation.newBuilder(seed).setAuthors(seed.getAuthors().subList(0, 2))
        .setTitle("Re-enriched").build();
    Citation version2 = Citation.newBuilder(seed).setPmidVersion(2).setTitle("Version 2").build();
    try (JdbcCitationStore store = JdbcCitationStore.open(db.url())) {
      store.apply(upserts(seed));
      assertThat(store.apply(upserts(reEnriched))).isEqualTo(new ApplyResult(1, 0, 0));
      assertThat(title(db, SEED_PMID)).isEqualTo("Re-enriched");
      assertThat(db.count("authors", SEED_PMID)).isEqualTo(2);

      store.apply(upserts(version2));
      assertThat(store.apply(upserts(seed))).isEqualTo(new ApplyResult(0, 0, 1));
      assertThat(title(db, SEED_PMID)).isEqualTo("Version 2");
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aDeleteRemovesEveryRowOfThatPmidOnly(Backend backend) throws Exception {
    TestDatabase db = emptied(backend);
    try (JdbcCitationStore store = JdbcCitationStore.open(db.url())) {
      store.apply(upserts(TestCitations.all().toArray(Citation[]::new)));

      ApplyResult result = store.apply(List.of(CitationChange.delete(SEED_PMID),
          CitationChange.delete(GROUP_PMID), CitationChange.delete("404")));

      assertThat(result).isEqualTo(new ApplyResult(0, 3, 0));
    }
    for (var table : ROWS_PER_TABLE.entrySet()) {
      assertThat(db.count(table.getKey(), SEED_PMID)).as(table.getKey()).isZero();
      assertThat(db.count(table.getKey(), GROUP_PMID)).as(table.getKey()).isZero();
      assertThat(db.count(table.getKey(), SYGMA_PMID)).as(table.getKey())
          .isEqualTo(table.getValue().get(1));
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void anUpsertAfterADeleteInTheSameBatchIsStoredWhateverItsRevision(Backend backend)
      throws Exception {
    TestDatabase db = emptied(backend);
    Citation old = TestCitations.revised(TestCitations.seed(), LocalDate.of(2000, 1, 1), "Old");
    try (JdbcCitationStore store = JdbcCitationStore.open(db.url())) {
      store.apply(upserts(TestCitations.seed()));

      store.apply(List.of(CitationChange.delete(SEED_PMID), CitationChange.upsert(old)));

      assertThat(title(db, SEED_PMID)).isEqualTo("Old");
      store.apply(List.of(CitationChange.upsert(TestCitations.seed()),
          CitationChange.delete(SEED_PMID)));
      assertThat(db.count("citations", SEED_PMID)).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void injectionAttemptsInEveryTextFieldAreStoredVerbatim(Backend backend) throws Exception {
    TestDatabase db = emptied(backend);
    List<Citation> hostile = TestCitations.all().stream().map(JdbcCitationStoreTest::hostile)
        .toList();
    try (JdbcCitationStore store = JdbcCitationStore.open(db.url())) {
      store.apply(upserts(hostile.toArray(Citation[]::new)));
    }

    assertThat(hostile.get(2).getPmid()).isEqualTo(HOSTILE + GROUP_PMID);
    assertThat(db.queryInt("SELECT count(*) FROM citations")).isEqualTo(3);
    List<String> pmids = List.of(SEED_PMID, SYGMA_PMID, GROUP_PMID);
    for (var table : ROWS_PER_TABLE.entrySet()) {
      for (int i = 0; i < pmids.size(); i++) {
        assertThat(db.count(table.getKey(), HOSTILE + pmids.get(i))).as(table.getKey())
            .isEqualTo(table.getValue().get(i));
      }
    }
    Set<String> computed = Set.of("citations.revision", "citations.content_hash",
        "citations.document", "citations.updated_at", "citations.date_revised",
        "citations.date_created", "citations.date_completed",
        "citations.electronic_publication_date", "citations.publication_sort_date",
        "citations.ingest_format", "citations.ingest_time", "citations.enrich_time",
        "article_ids.source", "trial_registrations.evidence");
    Set<String> attacked = new TreeSet<>();
    try (Connection connection = db.connect()) {
      for (String table : ROWS_PER_TABLE.keySet()) {
        try (Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
          ResultSetMetaData meta = rows.getMetaData();
          while (rows.next()) {
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              String column = table + "." + meta.getColumnName(i).toLowerCase();
              Object value = rows.getObject(i);
              boolean manuscriptType = column.equals("article_ids.id_type") && "mid".equals(value);
              if (value instanceof String text && !computed.contains(column) && !manuscriptType) {
                assertThat(text).as(column).startsWith(HOSTILE);
                attacked.add(column);
              }
            }
          }
        }
      }
    }
    assertThat(attacked).as("text columns that held an attack")
        .containsAll(textColumnsExcept(computed));
    ObjectMapper mapper = new ObjectMapper();
    for (Citation citation : hostile) {
      try (Connection connection = db.connect();
          var select = connection.prepareStatement(
              "SELECT title, document FROM citations WHERE pmid = ?")) {
        select.setString(1, citation.getPmid());
        try (ResultSet row = select.executeQuery()) {
          assertThat(row.next()).isTrue();
          assertThat(row.getString("title")).isEqualTo(citation.getTitle());
          assertThat(mapper.readTree(row.getString("document")))
              .isEqualTo(mapper.readTree(AvroJson.omittingNulls().toJson(citation)));
        }
      }
    }
    assertThat(db.queryInt("SELECT count(*) FROM author_affiliations WHERE affiliation = ?",
        HOSTILE + "Dept of Things, Somewhere University, Oslo, Norway.")).isEqualTo(1);
    assertThat(db.queryInt("SELECT count(*) FROM grants WHERE agency = ?",
        HOSTILE + "Wellcome Trust")).isEqualTo(1);
  }

  /**
   * The citation with an injection attempt before every string, except the ISSN types, which
   * choose the column ({@code issn_print}, …) the ISSN goes to.
   */
  private static Citation hostile(Citation citation) {
    Citation hostile = TestCitations.everyString(citation, s -> HOSTILE + s);
    hostile.getJournal().setIssns(hostile.getJournal().getIssns().stream()
        .map(issn -> new Issn(issn.getValue(), issn.getType().substring(HOSTILE.length())))
        .toList());
    return hostile;
  }

  /** Every text column of every table, as {@code table.column}, less some. */
  private static Set<String> textColumnsExcept(Set<String> excluded) {
    Set<String> columns = new TreeSet<>();
    for (Table table : Tables.ALL) {
      for (int i = 0; i < table.columns().size(); i++) {
        String column = table.name() + "." + table.columns().get(i);
        if (table.type(i) == ColumnType.TEXT && !excluded.contains(column)) {
          columns.add(column);
        }
      }
    }
    return columns;
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void everyTableHasTheColumnsTheStoreWrites(Backend backend) throws Exception {
    TestDatabase db = emptied(backend);
    try (Connection connection = db.connect()) {
      for (Table table : Tables.ALL) {
        try (Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
          Set<String> columns = new HashSet<>();
          for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
            columns.add(rows.getMetaData().getColumnName(i).toLowerCase());
          }
          assertThat(columns).as(table.name()).containsExactlyInAnyOrderElementsOf(table.columns());
        }
      }
    }
    assertThat(Tables.ALL).extracting(Table::name)
        .containsExactlyInAnyOrderElementsOf(ROWS_PER_TABLE.keySet());
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void migrationsRunOnceEvenWhenStoresOpenTogether(Backend backend) throws Exception {
    try (TestDatabase db = backend.create()) {
      List<CompletableFuture<Void>> opening = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        opening.add(CompletableFuture.runAsync(() -> JdbcCitationStore.open(db.url()).close()));
      }
      CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).join();
      try (JdbcCitationStore store = JdbcCitationStore.open(db.url())) {
        store.apply(upserts(TestCitations.seed()));
      }
      JdbcCitationStore.open(db.url()).close();

      assertThat(db.queryInt("SELECT count(*) FROM schema_version"))
          .isEqualTo(new Migrations(Dialect.of(db.url())).migrations().size());
      assertThat(db.count("authors", SEED_PMID)).isEqualTo(6);
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aChangedOrUnknownMigrationStopsTheStoreWithAnExplanation(Backend backend) throws Exception {
    try (TestDatabase db = backend.create()) {
      JdbcCitationStore.open(db.url()).close();
      execute(db, "UPDATE schema_version SET checksum = 'edited' WHERE version = 1");
      assertThatThrownBy(() -> JdbcCitationStore.open(db.url()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("V1__citations.sql was changed after it was applied")
          .hasMessageContaining("new migration");

      execute(db, "UPDATE schema_version SET checksum = '"
          + new Migrations(Dialect.of(db.url())).migrations().get(0).checksum() + "'");
      execute(db, "INSERT INTO schema_version VALUES (99, 'future', 'x', 'now')");
      assertThatThrownBy(() -> JdbcCitationStore.open(db.url()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("schema versions [99]");
    }
  }

  private static void execute(TestDatabase db, String sql) throws SQLException {
    try (Connection connection = db.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String title(TestDatabase db, String pmid) throws SQLException {
    try (Connection connection = db.connect();
        var select = connection.prepareStatement("SELECT title FROM citations WHERE pmid = ?")) {
      select.setString(1, pmid);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }

  private static List<String> pmids(TestDatabase db, String sql) throws SQLException {
    List<String> pmids = new ArrayList<>();
    try (Connection connection = db.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        pmids.add(rows.getString(1));
      }
    }
    return pmids;
  }

  /** Every row of every table, as text, in a stable order. */
  private static List<String> snapshot(TestDatabase db) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = db.connect()) {
      for (String table : new java.util.TreeSet<>(ROWS_PER_TABLE.keySet())) {
        try (Statement statement = connection.createStatement();
            ResultSet result = statement.executeQuery("SELECT * FROM " + table
                + " ORDER BY 1, 2, 3")) {
          int columns = result.getMetaData().getColumnCount();
          while (result.next()) {
            StringBuilder row = new StringBuilder(table);
            for (int i = 1; i <= columns; i++) {
              row.append('|').append(result.getString(i));
            }
            rows.add(row.toString());
          }
        }
      }
    }
    return rows;
  }
}
