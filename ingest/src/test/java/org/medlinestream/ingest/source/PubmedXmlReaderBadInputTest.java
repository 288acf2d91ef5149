package org.medlinestream.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medlinestream.ingest.source.ReaderRuns.pmids;
import static org.medlinestream.ingest.source.ReaderRuns.readAll;
import static org.medlinestream.ingest.source.ReaderRuns.rejects;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Refused input: each refusal is clear, and the good records beside it still come out. */
class PubmedXmlReaderBadInputTest {

  private static String article(String pmid) {
    return "<PubmedArticle><MedlineCitation Status=\"MEDLINE\"><PMID Version=\"1\">"
        + pmid
        + "</PMID><Article><ArticleTitle>Title "
        + pmid
        + "</ArticleTitle></Article></MedlineCitation></PubmedArticle>\n";
  }

  private static String set(String... records) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PubmedArticleSet>\n"
        + String.join("", records)
        + "</PubmedArticleSet>\n";
  }

  private static RejectedInput onlyReject(List<SourceItem> items) {
    assertThat(rejects(items)).hasSize(1);
    return rejects(items).get(0);
  }

  @Test
  void refusesTheWholeFileWhenItsDoctypeDeclaresEntities() throws IOException {
    String xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet [\n"
            + "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n"
            + set(article("1")).substring(set().indexOf('\n') + 1);

    List<SourceItem> items = readAll(xxe);

    assertThat(items).singleElement().isInstanceOf(RejectedInput.class);
    RejectedInput refused = (RejectedInput) items.get(0);
    assertThat(refused.reason())
        .contains("test.xml, line 2", "whole input is refused", "<!ENTITY", "entity expansion");
    assertThat(new String(refused.bytes(), StandardCharsets.UTF_8)).contains("<!DOCTYPE");
  }

  @Test
  void refusesBillionLaughs() throws IOException {
    StringBuilder doctype = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for (int i = 1; i < 10; i++) {
      doctype
          .append("<!ENTITY lol")
          .append(i)
          .append(" \"")
          .append(("&lol" + (i - 1) + ";").repeat(10).replace("&lol0;", "&lol;"))
          .append("\">");
    }
    doctype.append("]>\n");
    String xml =
        doctype
            + "<PubmedArticleSet>"
            + article("1").replace("Title 1", "&lol9;")
            + "</PubmedArticleSet>";

    RejectedInput refused = onlyReject(readAll(xml));

    assertThat(refused.reason()).contains("DOCTYPE declares entities");
    assertThat(pmids(readAll(xml))).isEmpty();
  }

  @Test
  void neverFetchesTheDtdOfTheDoctype() throws Exception {
    WatchedPort.assertNotContacted(
        port -> {
          String xml =
              "<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD x//EN\" "
                  + "\"http://127.0.0.1:"
                  + port
                  + "/pubmed.dtd\">\n"
                  + set(article("1"), article("2")).substring(set().indexOf('\n') + 1);

          List<SourceItem> items = readAll(xml);

          assertThat(rejects(items)).isEmpty();
          assertThat(pmids(items)).containsExactly("1", "2");
        });
  }

  @Test
  void refusesEntityReferencesOtherThanThePredefinedOnesInARecord() throws IOException {
    List<SourceItem> items =
        readAll(set(article("1"), article("2").replace("Title 2", "&xxe;"), article("3")));

    assertThat(pmids(items)).containsExactly("1", "3");
    RejectedInput refused = onlyReject(items);
    assertThat(refused.reason()).contains("line 4", "&xxe;", "predefined");
    assertThat(new String(refused.bytes(), StandardCharsets.UTF_8)).contains("&xxe;");
  }

  @Test
  void refusesATruncatedFileAfterTheCompleteRecords() throws IOException {
    String whole = set(article("1"), article("2"), article("3"));
    String truncated = whole.substring(0, whole.indexOf("Title 3"));

    List<SourceItem> items = readAll(truncated);

    assertThat(pmids(items)).containsExactly("1", "2");
    RejectedInput refused = onlyReject(items);
    assertThat(refused.reason()).contains("line 5", "ends inside <PubmedArticle>", "truncated");
    assertThat(new String(refused.bytes(), StandardCharsets.UTF_8))
        .startsWith("<PubmedArticle>")
        .contains("3");
  }

  @Test
  void reportsAFileThatEndsBetweenRecordsButInsideTheSet() throws IOException {
    String whole = set(article("1"), article("2"));
    List<SourceItem> items = readAll(whole.substring(0, whole.indexOf("</PubmedArticleSet>")));

    assertThat(pmids(items)).containsExactly("1", "2");
    assertThat(onlyReject(items).reason()).contains("ends inside <PubmedArticleSet>");
  }

  @Test
  void failsOnATruncatedGzipAfterTheRecordsItCouldRead() throws IOException {
    StringBuilder many = new StringBuilder();
    for (int i = 1; i <= 2000; i++) {
      many.append(article(String.valueOf(i)));
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(set(many.toString()).getBytes(StandardCharsets.UTF_8));
    }
    byte[] cut = Arrays.copyOf(gz.toByteArray(), gz.size() / 2);

    int read = 0;
    boolean failed = false;
    try (PubmedXmlReader reader =
        new PubmedXmlReader(new GZIPInputStream(new ByteArrayInputStream(cut)), "cut.xml.gz")) {
      for (SourceItem item = reader.next(); item != null; item = reader.next()) {
        assertThat(item).isInstanceOf(RawRecord.class);
        read++;
      }
    } catch (IOException e) {
      failed = true;
    }

    assertThat(failed).isTrue();
    assertThat(read).isGreaterThan(100).isLessThan(2000);
  }

  @Test
  void refusesARecordWithInvalidUtf8() throws IOException {
    byte[] good = set(article("1"), article("2"), article("3")).getBytes(StandardCharsets.UTF_8);
    byte[] bad = good.clone();
    int at = new String(good, StandardCharsets.UTF_8).indexOf("Title 2") + 2;
    bad[at] = (byte) 0xC3;
    bad[at + 1] = (byte) 0x28;

    List<SourceItem> items = readAll(bad);

    assertThat(pmids(items)).containsExactly("1", "3");
    assertThat(onlyReject(items).reason()).contains("line 4", "invalid UTF-8", "0xC3");
  }

  @Test
  void refusesOverlongUtf8AndSurrogates() throws IOException {
    for (byte[] sequence :
        new byte[][] {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}}) {
      ByteArrayOutputStream xml = new ByteArrayOutputStream();
      xml.writeBytes(set(article("1")).replace("Title 1", "").getBytes(StandardCharsets.UTF_8));
      byte[] bytes = xml.toByteArray();
      int at = new String(bytes, StandardCharsets.UTF_8).indexOf("</ArticleTitle>");
      ByteArrayOutputStream spliced = new ByteArrayOutputStream();
      spliced.write(bytes, 0, at);
      spliced.writeBytes(sequence);
      spliced.write(bytes, at, bytes.length - at);

      assertThat(onlyReject(readAll(spliced.toByteArray())).reason()).contains("invalid UTF-8");
    }
  }

  @Test
  void refusesBinaryGarbageAsAWholeWithASample() throws IOException {
    byte[] garbage = new byte[1 << 20];
    new Random(42).nextBytes(garbage);
    garbage[0] = 0x1f;

    RejectedInput refused = onlyReject(readAll(garbage));

    assertThat(refused.reason()).contains("whole input is refused", "line 1");
    assertThat(refused.bytes().length).isBetween(1, 2048);
  }

  @Test
  void refusesMedlineTextAsNotXml() throws IOException {
    List<SourceItem> items = readAll("PMID- 36119045\nOWN - NLM\nTI  - A <b>title</b>\n\n");

    assertThat(onlyReject(items).reason()).contains("not XML", "MEDLINE");
    assertThat(new String(rejects(items).get(0).bytes(), StandardCharsets.UTF_8))
        .startsWith("PMID- 36119045");
  }

  @Test
  void refusesAFileInAnotherEncoding() throws IOException {
    String latin1 = set(article("1")).replace("UTF-8", "ISO-8859-1");

    assertThat(onlyReject(readAll(latin1)).reason()).contains("ISO-8859-1", "convert", "UTF-8");
  }

  @Test
  void refusesRecordsWithoutAValidPmid() throws IOException {
    String noPmid = article("1").replace("<PMID Version=\"1\">1</PMID>", "");
    List<SourceItem> items =
        readAll(
            set(
                article("1"),
                noPmid,
                article("abc"),
                article("0"),
                article("-5"),
                article("12"),
                "<PubmedArticle/>\n"));

    assertThat(pmids(items)).containsExactly("1", "12");
    assertThat(rejects(items))
        .extracting(RejectedInput::reason)
        .containsExactly(
            "test.xml, line 4: no PMID: the record has no MedlineCitation/PMID",
            "test.xml, line 5: the PMID 'abc' is not a positive integer",
            "test.xml, line 6: the PMID '0' is not a positive integer",
            "test.xml, line 7: the PMID '-5' is not a positive integer",
            "test.xml, line 9: no PMID: the record has no MedlineCitation/PMID");
    assertThat(rejects(items).get(0).bytes())
        .isEqualTo(noPmid.strip().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void refusesBrokenMarkupAndGoesOnWithTheNextRecord() throws IOException {
    String[] broken = {
      article("2").replace("</ArticleTitle>", "</ArticleTitel>"),
      article("2").replace("<ArticleTitle>", "<ArticleTitle x=1>"),
      article("2").replace("Title 2", "a < b"),
      article("2").replace("Title 2", "<!-- a -- b -->"),
      article("2").replace("Title 2", "a & b"),
      article("2").replace("Title 2", "bell \u0007"),
      article("2").replace("</Article>", ""),
    };
    for (String bad : broken) {
      List<SourceItem> items = readAll(set(article("1"), bad, article("3")));

      assertThat(pmids(items)).as(bad).containsExactly("1", "3");
      RejectedInput refused = onlyReject(items);
      assertThat(refused.reason()).as(bad).startsWith("test.xml, line 4: <PubmedArticle>: ");
      assertThat(new String(refused.bytes(), StandardCharsets.UTF_8)).as(bad).isEqualTo(bad);
    }
  }

  @Test
  void refusesDeepNesting() throws IOException {
    String deep = "<a>".repeat(10_000) + "</a>".repeat(10_000);
    List<SourceItem> items =
        readAll(set(article("1"), article("2").replace("Title 2", deep), article("3")));

    assertThat(pmids(items)).containsExactly("1", "3");
    assertThat(onlyReject(items).reason()).contains("nested more than 256 deep");
  }

  @Test
  void refusesARecordLargerThanTheBoundKeepingItsFirstBytes() throws IOException {
    String big = article("2").replace("Title 2", "x".repeat(100_000));
    byte[] xml = set(article("1"), big, article("3")).getBytes(StandardCharsets.UTF_8);

    List<SourceItem> items = ReaderRuns.readAll(new ByteArrayInputStream(xml), 10_000);

    assertThat(pmids(items)).containsExactly("1", "3");
    RejectedInput refused = onlyReject(items);
    assertThat(refused.reason()).contains("larger than 10000 bytes");
    assertThat(refused.bytes()).hasSize(10_000);
    assertThat(new String(refused.bytes(), StandardCharsets.UTF_8)).startsWith("<PubmedArticle>");
  }

  @Test
  void refusesWhatIsNotARecordInsideTheSet() throws IOException {
    List<SourceItem> items =
        readAll(
            set(
                article("1"),
                "<Junk a=\"b\"><PMID>9</PMID></Junk>\n",
                "stray text\n",
                article("3")));

    assertThat(pmids(items)).containsExactly("1", "3");
    assertThat(rejects(items))
        .extracting(RejectedInput::reason)
        .containsExactly(
            "test.xml, line 4: <Junk> is not a PubMed record (PubmedArticle, PubmedBookArticle,"
                + " MedlineCitation or DeleteCitation)",
            "test.xml, line 4: text outside any record");
  }

  @Test
  void refusesAnUnknownRootElement() throws IOException {
    RejectedInput refused = onlyReject(readAll("<html><body>hello</body></html>"));

    assertThat(refused.reason()).contains("root element <html>", "not PubMed XML");
  }

  @Test
  void readsEachDeleteCitationPmidAsADelete() throws IOException {
    List<SourceItem> items =
        readAll(
            set(
                article("1"),
                "<DeleteCitation>\n"
                    + "<PMID Version=\"1\">5</PMID>\n"
                    + "<PMID Version=\"1\">x</PMID>\n"
                    + "<PMID Version=\"1\">6</PMID>\n"
                    + "</DeleteCitation>\n"));

    assertThat(ReaderRuns.records(items))
        .extracting(RawRecord::pmid, RawRecord::isDelete, RawRecord::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1", false, 3L),
            org.assertj.core.groups.Tuple.tuple("5", true, 5L),
            org.assertj.core.groups.Tuple.tuple("6", true, 7L));
    assertThat(onlyReject(items).reason()).contains("line 6", "'x' is not a positive integer");
  }

  @Test
  void readsAnEmptyInputAsNoRecords() throws IOException {
    assertThat(readAll(new byte[0])).isEmpty();
    assertThat(readAll("  \n")).isEmpty();
  }

  @Test
  void keepsReadingAfterAnErrorInsideASetOfManyRecords() throws IOException {
    StringBuilder records = new StringBuilder();
    for (int i = 1; i <= 50; i++) {
      records.append(
          i % 10 == 0
              ? article(String.valueOf(i)).replace("</Article>", "")
              : article(String.valueOf(i)));
    }
    InputStream in =
        ReaderRuns.inChunks(set(records.toString()).getBytes(StandardCharsets.UTF_8), 7);

    List<SourceItem> items = ReaderRuns.readAll(in, PubmedXmlReader.DEFAULT_MAX_RECORD_BYTES);

    assertThat(pmids(items)).hasSize(45).doesNotContain("10", "20", "30", "40", "50");
    assertThat(rejects(items)).hasSize(5);
  }
}
