package org.medlinestream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, on the real broker, registry and SQLite. */
class DemoCommandTest {
  private static final Pattern TEXT_RECORD = Pattern.compile("(?m)^PMID- ");
  private static final Pattern ARTICLE = Pattern.compile("<PubmedArticle>|<PubmedBookArticle>");
  private static final Pattern OLD_CITATION = Pattern.compile("<MedlineCitation[ >]");
  private static final Pattern DELETE = Pattern.compile("<DeleteCitation>(.*?)</DeleteCitation>",
      Pattern.DOTALL);

  @TempDir
  Path dir;

  @Test
  void demoOfTheBundledSamplesPutsEveryCitationInSqlite() throws Exception {
    Path db = dir.resolve("medline.db");
    Cli demo = Cli.run("demo", "--db", db.toString());

    assertThat(demo.exitCode()).as(demo.err()).isZero();
    long records = 0;
    long deletes = 0;
    for (String name : BundledSamples.names()) {
      String text = sampleText(name);
      Pattern start = !text.startsWith("<") && !text.contains("<?xml") ? TEXT_RECORD
          : text.contains("<PubmedArticleSet") ? ARTICLE : OLD_CITATION;
      records += count(start.matcher(text));
      Matcher deleted = DELETE.matcher(text);
      while (deleted.find()) {
        deletes += count(Pattern.compile("<PMID").matcher(deleted.group(1)));
      }
    }
    assertThat(records).isEqualTo(786);
    assertThat(demo.out())
        .containsPattern("published to the raw topic\\s+" + (records + deletes) + "\\b")
        .containsPattern("deletes\\s+" + deletes + "\\b")
        .contains("sqlite3 " + db);
    try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = sql.createStatement()) {
      assertThat(single(statement, "SELECT count(*) FROM citations")).isEqualTo(records);
      assertThat(single(statement,
          "SELECT doi FROM citations WHERE pmid = '36119045'"))
          .isEqualTo("10.3389/fimmu.2022.978429");
      assertThat(single(statement,
          "SELECT trial_id FROM trial_registrations WHERE pmid = '36119045'"))
          .isEqualTo("ChiCTR2100043595");
    }
  }

  private static String sampleText(String name) throws IOException {
    try (InputStream raw = BundledSamples.class.getResourceAsStream("/samples/" + name);
        InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static long count(Matcher matcher) {
    long n = 0;
    while (matcher.find()) {
      n++;
    }
    return n;
  }

  private static Object single(Statement statement, String query) throws SQLException {
    try (ResultSet rows = statement.executeQuery(query)) {
      assertThat(rows.next()).as(query).isTrue();
      Object value = rows.getObject(1);
      return value instanceof Integer i ? Long.valueOf(i) : value;
    }
  }
}
