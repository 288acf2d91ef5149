package org.medlinestream.enrich.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medlinestream.avro.ArticleId;
import org.medlinestream.avro.Citation;
import org.medlinestream.ingest.source.PubmedXmlCorpus;
import org.medlinestream.ingest.source.PubmedXmlReader;
import org.medlinestream.ingest.source.RawRecord;
import org.medlinestream.ingest.source.SourceItem;

/**
 * Every real PubMed XML file is split and parsed, and each citation agrees with what its raw record
 * says (counted with plain string scans, not with the parser).
 */
class PubmedXmlParserCorpusTest {
  private final PubmedXmlParser parser = new PubmedXmlParser();

  @ParameterizedTest
  @MethodSource("org.medlinestream.ingest.source.PubmedXmlCorpus#files")
  void parsesEveryRecordOfEveryRealFile(Path file) throws Exception {
    byte[] xml = PubmedXmlCorpus.bytes(file);
    String text = new String(xml, StandardCharsets.UTF_8);
    int expectedRecords =
        countMatches(text, "<PubmedArticle[\\s>]")
            + countMatches(text, "<PubmedBookArticle[\\s>]")
            + (text.contains("<PubmedArticle") ? 0 : countMatches(text, "<MedlineCitation[\\s>]"));
    List<String> deleted = new ArrayList<>();
    List<RawRecord> records = new ArrayList<>();
    try (PubmedXmlReader reader =
        new PubmedXmlReader(new ByteArrayInputStream(xml), file.toString())) {
      for (SourceItem item = reader.next(); item != null; item = reader.next()) {
        RawRecord record = (RawRecord) item;
        if (record.isDelete()) {
          deleted.add(record.pmid());
        } else {
          records.add(record);
        }
      }
    }

    assertThat(records).hasSize(expectedRecords);
    assertThat(deleted).hasSize(countMatches(deletions(text), "<PMID[\\s>]"));
    for (RawRecord record : records) {
      Citation citation = parser.parse(record.value());
      agreesWithItsRecord(
          citation, new RecordFacts(new String(record.value(), StandardCharsets.UTF_8)));
      assertThat(AvroRoundTrip.of(citation)).isEqualTo(citation);
    }
  }

  private static void agreesWithItsRecord(Citation citation, RecordFacts facts) {
    String pmid = facts.pmid();
    assertThat(citation.getPmid()).isEqualTo(pmid);
    assertThat(citation.getTitle()).as("title of %s", pmid).isEqualTo(facts.title());
    assertThat(citation.getAuthors().size() + citation.getEditors().size())
        .as("authors of %s", pmid)
        .isEqualTo(facts.authors());
    assertThat(citation.getMeshHeadings()).as("MeSH of %s", pmid).hasSize(facts.meshHeadings());
    assertThat(values(citation.getLocationIds(), "doi"))
        .as("ELocationID DOIs of %s", pmid)
        .isEqualTo(facts.locationDois());
    assertThat(values(citation.getArticleIds(), "doi"))
        .as("ArticleId DOIs of %s", pmid)
        .isEqualTo(facts.articleIdDois());
    assertThat(
            citation.getDataBanks().stream()
                .flatMap(bank -> bank.getAccessionNumbers().stream())
                .collect(Collectors.toList()))
        .as("DataBank accessions of %s", pmid)
        .containsExactlyInAnyOrderElementsOf(facts.accessions());
  }

  private static List<String> values(List<ArticleId> ids, String type) {
    return ids.stream()
        .filter(id -> id.getType().equals(type))
        .map(ArticleId::getValue)
        .collect(Collectors.toList());
  }

  private static String deletions(String text) {
    int start = text.indexOf("<DeleteCitation>");
    return start < 0 ? "" : text.substring(start, text.indexOf("</DeleteCitation>", start));
  }

  private static int countMatches(String text, String regex) {
    return (int) java.util.regex.Pattern.compile(regex).matcher(text).results().count();
  }
}
