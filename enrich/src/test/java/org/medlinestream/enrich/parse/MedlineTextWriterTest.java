package org.medlinestream.enrich.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medlinestream.avro.ArticleId;
import org.medlinestream.avro.Author;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.CommentCorrection;
import org.medlinestream.avro.ExtraField;
import org.medlinestream.avro.Grant;
import org.medlinestream.avro.Identifier;
import org.medlinestream.avro.Journal;
import org.medlinestream.avro.Keyword;

class MedlineTextWriterTest {
  private final MedlineTextWriter writer = new MedlineTextWriter();
  private final MedlineTextParser parser = new MedlineTextParser();

  @Test
  void writesPaddedTagsInPubMedOrder() {
    Citation c = minimal();
    c.setTitle("A title.");
    c.setOwner("NLM");
    c.getLanguages().add("eng");
    c.setSource("J. 2020.");

    assertThat(writer.toText(c))
        .isEqualTo("PMID- 42\nOWN - NLM\nTI  - A title.\nLA  - eng\nSO  - J. 2020.\n");
  }

  @Test
  void wrapsLongValuesAtSpacesOntoContinuationLines() throws Exception {
    Citation c = minimal();
    String text =
        ("The quick brown fox jumps over the lazy dog near the riverbank. ").repeat(12).trim();
    c.setAbstractText(text);

    String written = writer.toText(c);

    List<String> lines = written.lines().toList();
    assertThat(lines.get(1)).startsWith("AB  - The quick");
    assertThat(lines.subList(2, lines.size()))
        .allSatisfy(line -> assertThat(line).startsWith("      ").doesNotStartWith("       "));
    assertThat(lines)
        .allSatisfy(
            line ->
                assertThat(line).hasSizeLessThanOrEqualTo(MedlineLines.WIDTH).doesNotEndWith(" "));
    assertThat(parser.parse(written).getAbstractText()).isEqualTo(text);
  }

  @Test
  void neverWrapsWhereReadingBackWouldLoseTheSpace() throws Exception {
    Citation c = minimal();
    String hyphens =
        "pre- post- ".repeat(40) + "see doi: 10.1234/ x " + "anti- and pro- ".repeat(20);
    c.setAbstractText(hyphens.trim());
    String unbreakable = "x".repeat(200);
    c.setTitle(unbreakable + " end");

    String written = writer.toText(c);

    Citation back = parser.parse(written);
    assertThat(back.getAbstractText()).isEqualTo(hyphens.trim());
    assertThat(back.getTitle()).isEqualTo(unbreakable + " end");
    assertThat(written).contains("TI  - " + unbreakable + "\n      end\n");
  }

  @Test
  void extrasKeepTheirOrderNearTheirTags() throws Exception {
    Citation c = minimal();
    c.setOwner("NLM");
    c.setStatus("MEDLINE");
    c.getExtras().add(new ExtraField("?", "A line of its own"));
    c.getExtras().add(new ExtraField("OWN", "NASA"));
    c.getExtras().add(new ExtraField("NR", "25"));
    c.getExtras()
        .add(
            new ExtraField(
                "MedlineCitation/Article/Pagination/StartPage", "<StartPage>1</StartPage>"));

    String written = writer.toText(c);

    assertThat(written)
        .isEqualTo("PMID- 42\nA line of its own\nOWN - NLM\nOWN - NASA\nNR  - 25\nSTAT- MEDLINE\n");
    c.getExtras().remove(3);
    assertThat(parser.parse(written)).isEqualTo(c);
  }

  @Test
  void whatMedlineTextHasNoTagForIsLeftOut() throws Exception {
    Citation c = minimal();
    Journal journal = NewRecords.journal();
    journal.setTitle("Frontiers in immunology");
    journal.setIsoAbbreviation("Front Immunol");
    journal.setCitedMedium("Internet");
    c.setJournal(journal);
    c.setVersionId("2");
    Author author = person("Chen", "Yuxue", null, null);
    author.setIdentifiers(new ArrayList<>(List.of(new Identifier("ORCID", "0000-0002-2815-7558"))));
    c.getAuthors().add(author);
    c.getLocationIds().add(new ArticleId("doi", "10.1/x", false));
    c.getKeywords().add(new Keyword(null, "tacrolimus", false));
    c.getCommentsCorrections().add(new CommentCorrection("Cites", "Some ref.", "1", null));

    String written = writer.toText(c);

    assertThat(written)
        .isEqualTo(
            "PMID- 42\n"
                + "LID - 10.1/x [doi]\n"
                + "FAU - Chen, Yuxue\n"
                + "AU  - Chen\n"
                + "AUID- ORCID: 0000-0002-2815-7558\n"
                + "JT  - Frontiers in immunology\n"
                + "OT  - tacrolimus\n");
  }

  @Test
  void writeSeparatesRecordsWithABlankLine() throws IOException {
    StringBuilder out = new StringBuilder();
    writer.write(minimal(), out);
    writer.write(minimal(), out);

    assertThat(out).hasToString("PMID- 42\n\nPMID- 42\n\n");
  }

  @Test
  void valuesWithLineBreaksAreWrittenOnContinuationLines() throws Exception {
    Citation c = minimal();
    c.setAbstractText("BACKGROUND: one.\nMETHODS: two.");

    assertThat(parser.parse(writer.toText(c)).getAbstractText())
        .isEqualTo("BACKGROUND: one. METHODS: two.");
  }

  @Test
  void nameSuffixesEndBothNamesLikePubMedWritesThem() throws Exception {
    Citation c = minimal();
    c.getAuthors()
        .addAll(
            List.of(
                person("Hellinger", "Frank R", "FR", "Jr"), person("Given", null, null, "3rd")));

    String written = writer.toText(c);

    assertThat(written)
        .isEqualTo(
            "PMID- 42\nFAU - Hellinger, Frank R Jr\nAU  - Hellinger FR Jr\n"
                + "FAU - Given, 3rd\nAU  - Given 3rd\n");
    assertThat(parser.parse(written)).isEqualTo(c);
  }

  @Test
  void grantsLeaveOutMissingPartsUnlessThatWouldReadBackAsAnotherGrant() throws Exception {
    Citation c = minimal();
    c.getGrants()
        .addAll(
            List.of(
                new Grant("R01 GM1", "GM", "NIGMS NIH HHS", "United States"),
                new Grant(null, null, "CIHR", "Canada"),
                new Grant("RR00052", "RR", "NCRR", null),
                new Grant("T32HD007490", null, "Eunice Kennedy Shriver Institute", null),
                new Grant("Studies I/II", null, "Foundation", null)));

    String written = writer.toText(c);

    assertThat(written)
        .isEqualTo(
            "PMID- 42\n"
                + "GR  - R01 GM1/GM/NIGMS NIH HHS/United States\n"
                + "GR  - CIHR/Canada\n"
                + "GR  - RR00052/RR/NCRR/\n"
                + "GR  - T32HD007490//Eunice Kennedy Shriver Institute/\n"
                + "GR  - Studies I/II//Foundation/\n");
    assertThat(parser.parse(written)).isEqualTo(c);
  }

  @Test
  void aBooksPlaceOfPublicationIsThePublishersLocation() throws Exception {
    Citation c = minimal();
    c.setBook(NewRecords.book());
    c.getBook().setPublisher("University of Washington, Seattle");
    c.getBook().setPublisherLocation("Seattle (WA)");

    String written = writer.toText(c);

    assertThat(written)
        .isEqualTo("PMID- 42\nPB  - University of Washington, Seattle\nPL  - Seattle (WA)\n");
    assertThat(parser.parse(written)).isEqualTo(c);
  }

  @Test
  void personalNameSubjectsAreWrittenUnderTheTagOfTheirForm() throws Exception {
    Citation c = minimal();
    c.getPersonalNameSubjects().addAll(List.of("Cushing, Harvey", "Freud S"));

    String written = writer.toText(c);

    assertThat(written).isEqualTo("PMID- 42\nFPS - Cushing, Harvey\nPS  - Freud S\n");
    assertThat(parser.parse(written)).isEqualTo(c);
  }

  private static Author person(String last, String fore, String initials, String suffix) {
    Author person = NewRecords.author();
    person.setLastName(last);
    person.setForeName(fore);
    person.setInitials(initials);
    person.setSuffix(suffix);
    return person;
  }

  private static Citation minimal() {
    Citation c = NewRecords.citation();
    c.setPmid("42");
    return c;
  }
}
