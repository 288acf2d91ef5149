package org.medlinestream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance: {@code demo} over all of ../shared/data reports numbers that match the
 * input, as {@link SharedDataScan} finds it independently, and the SQLite file holds them.
 *
 * <p>robustness/ is ingested like the rest (it is part of the folder): a record with a {@code
 * PMID-} line, even a malformed one ({@code PMID-123}, {@code SO  invalid line}), is parsed
 * leniently into a citation; a block of text with no {@code PMID-} line at all is refused by
 * ingest onto the DLQ with its reason, and counted there.
 */
class DemoSharedDataTest {
  @TempDir
  Path dir;

  @Test
  void demoOfAllSharedDataReportsAndStoresWhatTheFilesHold() throws Exception {
    Path data = Path.of(System.getProperty("shared.data.dir"));
    assertThat(data).as("the real data folder (system property shared.data.dir)").isDirectory();
    SharedDataScan expected = SharedDataScan.of(data);
    Set<String> stored = new TreeSet<>(expected.pmids());
    expected.deletes().forEach(stored::remove);
    Path db = dir.resolve("medline.db");

    Cli demo = Cli.run("demo", "--db", db.toString(), data.toString());

    assertThat(demo.exitCode()).as(demo.err()).isZero();
    Summary summary = new Summary(demo.out());
    int records = expected.records().size();
    int deletes = expected.deletes().size();
    int refused = expected.refusedBlocks().size();
    assertThat(refused).as("robustness/ has blocks without a PMID").isPositive();
    assertThat(summary.value("records read")).isEqualTo(records + deletes + refused);
    assertThat(summary.value("published to the raw topic")).isEqualTo(records + deletes);
    assertThat(summary.value("deletes")).isEqualTo(deletes);
    assertThat(summary.value("refused by ingest (dead letters)"))
        .as("%s", expected.refusedBlocks()).isEqualTo(refused);
    assertThat(summary.values("dead letters")).as("enrich's and sink's").containsExactly(0L, 0L);
    long dropped = summary.value("duplicates dropped") + summary.value("older revisions dropped");
    assertThat(dropped + summary.value("newer revisions written over earlier ones"))
        .as("records whose PMID came before").isEqualTo(expected.repeatedPmids());
    assertThat(summary.value("citations and tombstones written by enrich"))
        .isEqualTo(records + deletes - dropped)
        .isEqualTo(summary.value("records applied by sink"));
    assertThat(summary.value("citations in the store")).isEqualTo(stored.size());
    assertThat(summary.value("with a DOI")).isEqualTo(expected.pmidsWithDoi().size());

    try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = sql.createStatement()) {
      assertThat(column(statement, "SELECT pmid FROM citations")).isEqualTo(stored);
      assertThat(column(statement, "SELECT pmid FROM citations WHERE doi IS NOT NULL"))
          .isEqualTo(expected.pmidsWithDoi());
      Set<String> trials = column(statement,
          "SELECT pmid || ' ' || trial_id FROM trial_registrations");
      assertThat(summary.value("trial registrations")).isEqualTo(trials.size());
      assertThat(trials).as("every trial declared in DataBank or SI is found")
          .containsAll(expected.declaredTrials())
          .contains("36119045 ChiCTR2100043595");
      Map<String, String> kept = expected.kept();
      assertThat(trials).as("every trial found is written in its record").allSatisfy(trial -> {
        String[] pmidAndId = trial.split(" ");
        assertThat(kept.get(pmidAndId[0])).contains(pmidAndId[1]);
      });
    }
  }

  private static Set<String> column(Statement statement, String query) throws SQLException {
    Set<String> values = new TreeSet<>();
    try (ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  /** The rows of demo's summary: {@code   label      1,234}. */
  private record Summary(String text) {
    List<Long> values(String label) {
      Matcher row = Pattern.compile("(?m)^\\s*" + Pattern.quote(label) + "\\s+([\\d,]+)$")
          .matcher(text);
      List<Long> values = new ArrayList<>();
      while (row.find()) {
        values.add(Long.parseLong(row.group(1).replace(",", "")));
      }
      return values;
    }

    long value(String label) {
      List<Long> values = values(label);
      assertThat(values).as("one row '%s' in%n%s", label, text).hasSize(1);
      return values.get(0);
    }
  }
}
