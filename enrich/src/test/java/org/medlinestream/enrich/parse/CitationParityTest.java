package org.medlinestream.enrich.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medlinestream.avro.Citation;
import org.medlinestream.ingest.source.PubmedXmlCorpus;

/**
 * One citation model for both formats: a record read from PubMed XML and the same record read from
 * MEDLINE text have equal values in every field that both formats carry.
 */
class CitationParityTest {
  /**
   * What PubMed XML has and MEDLINE text has no tag for (PubMed's MEDLINE display drops it too), so
   * that no text can give it back.
   */
  static final Set<String> XML_ONLY =
      Set.of(
          "pmidVersion", // PMID@Version: the PMID line is the bare number
          "versionId", // MedlineCitation@VersionID
          "versionDate", // MedlineCitation@VersionDate
          "journal.isoAbbreviation", // Journal/ISOAbbreviation: TA is the NLM abbreviation
          "journal.citedMedium", // JournalIssue@CitedMedium
          "locationIds[].valid", // ELocationID@ValidYN: LID has no mark for a known-bad id
          "authors[].equalContribution", // Author@EqualContrib
          "authors[].valid", // Author@ValidYN
          "authors[].affiliationIdentifiers", // AffiliationInfo/Identifier: AD has the text only
          "investigators[].affiliationIdentifiers",
          "investigators[].equalContribution",
          "investigators[].valid",
          "investigators[].identifiers", // AUID follows authors only
          "editors[].equalContribution",
          "editors[].valid",
          "editors[].identifiers", // FED/ED have no identifier tag
          "editors[].affiliations", // nor an affiliation tag
          "editors[].affiliationIdentifiers",
          "chemicals[].ui", // RN has the registry number and name, not the MeSH UI
          "meshHeadings[].ui", // MH has names and * only
          "meshHeadings[].type",
          "meshHeadings[].qualifiers[].ui",
          "commentsCorrections[].note", // CIN/EIN/... carry source and PMID only
          "book.reportNumber", // no tag
          "book.volume", // no tag
          "book.medium", // no tag
          "extras"); // XML keeps leftovers as element paths and XML, text as tags: not comparable

  private final PubmedXmlParser xmlParser = new PubmedXmlParser();
  private final MedlineTextParser textParser = new MedlineTextParser();
  private final MedlineTextWriter writer = new MedlineTextWriter();

  /**
   * Every XML record of the shared data, written as MEDLINE text and read back, equals what was
   * read from the XML on every field MEDLINE text carries.
   */
  @ParameterizedTest
  @MethodSource("org.medlinestream.ingest.source.PubmedXmlCorpus#files")
  void xmlWrittenAsMedlineTextReadsBackToTheSameValues(Path file) throws Exception {
    List<String> differences = new ArrayList<>();
    for (Citation fromXml : CorpusCitations.all(relative(file))) {
      Citation fromText = textParser.parse(writer.toText(fromXml));
      for (String difference : FieldDifferences.between(fromXml, fromText, XML_ONLY)) {
        differences.add("PMID " + fromXml.getPmid() + " " + difference);
      }
    }
    assertThat(differences).as("fields that differ after XML -> MEDLINE text -> model").isEmpty();
  }

  private static String relative(Path file) throws IOException {
    return PubmedXmlCorpus.folder().relativize(file).toString();
  }
}
