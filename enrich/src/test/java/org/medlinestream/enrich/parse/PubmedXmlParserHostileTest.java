package org.medlinestream.enrich.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medlinestream.avro.Citation;
import org.medlinestream.ingest.source.PubmedXmlReader;
import org.medlinestream.ingest.source.RawRecord;
import org.medlinestream.ingest.source.RejectedInput;
import org.medlinestream.ingest.source.SourceItem;
import org.medlinestream.ingest.source.WatchedPort;

/**
 * Hostile and broken records: each is refused with a clear error naming the line, nothing is
 * fetched, and the good records beside them still parse.
 */
class PubmedXmlParserHostileTest {
  private final PubmedXmlParser parser = new PubmedXmlParser();

  private static String article(String pmid, String title) {
    return "<PubmedArticle>\n<MedlineCitation Status=\"MEDLINE\" Owner=\"NLM\">\n"
        + "<PMID Version=\"1\">"
        + pmid
        + "</PMID>\n"
        + "<Article PubModel=\"Print\"><ArticleTitle>"
        + title
        + "</ArticleTitle></Article>\n"
        + "</MedlineCitation>\n</PubmedArticle>";
  }

  private MalformedRecordException refused(String xml) {
    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> parser.parse(xml.getBytes(StandardCharsets.UTF_8)));
    assertThat(thrown).isInstanceOf(MalformedRecordException.class);
    return (MalformedRecordException) thrown;
  }

  @Test
  void refusesAnExternalFileEntity(@TempDir Path dir) throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
    String xml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticle [\n<!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\">\n]>\n"
            + article("1", "&xxe;");

    MalformedRecordException e = refused(xml);

    assertThat(e.getMessage())
        .contains("DOCTYPE (ending at line 4)", "refused")
        .doesNotContain("TOP-SECRET");
    assertThat(e.line()).isEqualTo(4);
  }

  @Test
  void refusesAnExternalUrlEntityWithoutConnecting() throws Exception {
    WatchedPort.assertNotContacted(
        port ->
            assertThat(
                    refused(
                            "<!DOCTYPE PubmedArticle [<!ENTITY xxe SYSTEM \"http://127.0.0.1:"
                                + port
                                + "/steal\">]>"
                                + article("1", "&xxe;"))
                        .getMessage())
                .contains("DOCTYPE"));
  }

  @Test
  void neverFetchesTheDtdOfADoctype() throws Exception {
    WatchedPort.assertNotContacted(
        port ->
            assertThat(
                    refused(
                            "<!DOCTYPE PubmedArticle PUBLIC \"-//NLM//DTD PubMedArticle//EN\""
                                + " \"http://127.0.0.1:"
                                + port
                                + "/pubmed_250101.dtd\">\n"
                                + article("1", "t"))
                        .getMessage())
                .contains("DOCTYPE (ending at line 1)"));
  }

  @Test
  void refusesBillionLaughsQuickly() {
    StringBuilder xml = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      xml.append("<!ENTITY lol")
          .append(i)
          .append(" \"")
          .append(("&lol" + (i - 1) + ";").repeat(10))
          .append("\">");
    }
    xml.append("]>").append(article("1", "&lol9;"));

    long start = System.nanoTime();
    MalformedRecordException e = refused(xml.toString());

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(e.getMessage()).contains("DOCTYPE", "entity expansion are not allowed");
  }

  @Test
  void refusesUndeclaredEntitiesNamingLineAndColumn() {
    MalformedRecordException e = refused(article("1", "a &xxe; b"));

    assertThat(e.getMessage())
        .contains("line 4, column", "\"xxe\"", "only &amp; &lt; &gt; &quot; &apos;");
    assertThat(e.line()).isEqualTo(4);
  }

  @Test
  void refusesDeepNesting() {
    String deep = "<i>".repeat(100_000) + "x" + "</i>".repeat(100_000);

    assertThat(refused(article("1", deep)).getMessage()).contains("nested more than 256 deep");
  }

  @Test
  void refusesATruncatedRecordNamingLineAndColumn() {
    String whole = article("1", "t");
    MalformedRecordException e = refused(whole.substring(0, whole.indexOf("</MedlineCitation>")));

    assertThat(e.getMessage()).startsWith("not well-formed XML at line 5, column");
    assertThat(e.line()).isEqualTo(5);
  }

  @Test
  void refusesInvalidUtf8() {
    byte[] xml = article("1", "caf\u00e9").getBytes(StandardCharsets.UTF_8);
    int at = new String(xml, StandardCharsets.ISO_8859_1).indexOf("caf") + 4;
    xml[at] = 0x28;

    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> parser.parse(xml));

    assertThat(thrown).isInstanceOf(MalformedRecordException.class).hasMessageContaining("UTF-8");
  }

  @Test
  void refusesWhatIsNotACitation() {
    assertThat(refused("<DeleteCitation><PMID>1</PMID></DeleteCitation>").getMessage())
        .contains("DeleteCitation is a deletion");
    assertThat(refused("<html><body/></html>").getMessage())
        .contains("<html> is not a PubMed record");
    assertThat(refused("<PubmedArticle><PubmedData/></PubmedArticle>").getMessage())
        .contains("<PubmedArticle> has no MedlineCitation");
    assertThat(refused(article("x1", "t")).getMessage())
        .contains("the PMID 'x1' at line 3 is not a positive integer");
    assertThat(refused(article("1", "t").replace("<PMID Version=\"1\">1</PMID>", "")).getMessage())
        .contains("no MedlineCitation/PMID");
    assertThat(refused("not xml at all").getMessage()).startsWith("not well-formed XML at line 1");
    assertThat(refused("").getMessage()).contains("line 1");
  }

  @Test
  void parsesGoodRecordsAfterRefusingBadOnes() throws MalformedRecordException {
    refused(article("1", "&xxe;"));
    refused(article("1", "<b>unclosed"));

    Citation good =
        parser.parse(article("2", "A <i>good</i> title").getBytes(StandardCharsets.UTF_8));

    assertThat(good.getPmid()).isEqualTo("2");
    assertThat(good.getTitle()).isEqualTo("A good title");
    assertThat(good)
        .isEqualTo(
            new PubmedXmlParser()
                .parse(article("2", "A <i>good</i> title").getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aFileWithBadRecordsStillYieldsItsGoodCitations() throws Exception {
    String file =
        "<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n"
            + article("1", "one")
            + "\n"
            + article("2", "two").replace("Status=\"MEDLINE\"", "Status=\"a\" Status=\"b\"")
            + "\n"
            + article("3", "three &bad;")
            + "\n"
            + article("4", "four")
            + "\n"
            + "</PubmedArticleSet>\n";

    List<String> parsed = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    try (PubmedXmlReader reader =
        new PubmedXmlReader(
            new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), "mixed.xml")) {
      for (SourceItem item = reader.next(); item != null; item = reader.next()) {
        if (item instanceof RejectedInput) {
          errors.add(((RejectedInput) item).reason());
        } else {
          RawRecord record = (RawRecord) item;
          try {
            parsed.add(parser.parse(record.value()).getTitle());
          } catch (MalformedRecordException e) {
            errors.add(
                "PMID "
                    + record.pmid()
                    + " at line "
                    + (record.line() + e.line() - 1)
                    + ": "
                    + e.getMessage());
          }
        }
      }
    }

    assertThat(parsed).containsExactly("one", "four");
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0))
        .startsWith("PMID 2 at line 10: not well-formed XML at line 2")
        .contains("Duplicate attributes \"Status\"");
    assertThat(errors.get(1)).startsWith("mixed.xml, line 15: <PubmedArticle>: ").contains("&bad;");
  }
}
