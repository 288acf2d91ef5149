package org.medlinestream.enrich.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.ExtraField;

class MedlineTagTest {

  /** PubMed Help's "PubMed format" table with the legacy tags, per MEDLINE-FACTS.md. */
  private static final List<String> PUBMED_FORMAT_TAGS =
      List.of(
          "PMID", "OWN", "STAT", "DCOM", "LR", "DA", "IS", "VI", "IP", "DP", "TI", "BTI", "CTI",
          "VTI", "PG", "LID", "AB", "CI", "COIS", "FAU", "AU", "AUID", "AD", "CN", "IR", "FIR",
          "IRAD", "ED", "FED", "EN", "CP", "CTDT", "DRDT", "PB", "ISBN", "LA", "SI", "GR", "PT",
          "DEP", "PL", "TA", "JT", "JID", "RN", "NM", "SB", "MH", "OTO", "OT", "GN", "GS", "PS",
          "FPS", "SFM", "OAB", "OABL", "OCI", "OID", "RF", "PMC", "PMCR", "MID", "EDAT", "MHDA",
          "CRDT", "PHST", "AID", "PST", "SO", "PUBM", "TT", "CIN", "CON", "EIN", "EFR", "RIN",
          "ROF", "RRI", "RRF", "CRI", "CRF", "ECI", "ECF", "RPI", "RPF", "UIN", "UOF", "SPIN",
          "ORI", "DDIN", "DRIN", "PRIN", "PROF", "UI", "ID", "NI", "JC", "CY", "CA", "YR", "EA");

  @Test
  void theTableHasEveryTagOfPubMedFormatOnce() {
    List<String> codes = Arrays.stream(MedlineTag.values()).map(MedlineTag::code).toList();

    assertThat(codes).containsAll(PUBMED_FORMAT_TAGS).doesNotHaveDuplicates();
    assertThat(codes).allMatch(code -> code.matches("[A-Z]{2,4}"));
  }

  @Test
  void tagsAreFoundByCodeAndPaddedToFourCharacters() {
    assertThat(MedlineTag.of("AU")).isEqualTo(MedlineTag.AU);
    assertThat(MedlineTag.of("PMID").label()).isEqualTo("PMID- ");
    assertThat(MedlineTag.of("AU").label()).isEqualTo("AU  - ");
    assertThat(MedlineTag.of("OWN").label()).isEqualTo("OWN - ");
    assertThat(MedlineTag.of("HR")).isNull();
    assertThat(MedlineTag.of("au")).isNull();
    assertThat(MedlineTag.of("PMIDS")).isNull();
    assertThat(MedlineTag.lookup("xxMHxx", 2, 4)).isEqualTo(MedlineTag.MH);
    assertThat(MedlineTag.AU.description()).isEqualTo("Author");
    assertThat(MedlineTag.AU.repeatable()).isTrue();
    assertThat(MedlineTag.TI.repeatable()).isFalse();
    assertThat(MedlineTag.UI.legacy()).isTrue();
  }

  @Test
  void everyCurrentTagLandsInAFieldAndIsWrittenBack() throws Exception {
    String record =
        String.join(
            "\n",
            "PMID- 1",
            "OWN - NLM",
            "STAT- MEDLINE",
            "DA  - 20020916",
            "DCOM- 20030606",
            "LR  - 20041117",
            "PUBM- Print",
            "IS  - 1467-5463 (Print)",
            "VI  - 3",
            "IP  - 3",
            "DP  - 2002 Sep",
            "TI  - Title.",
            "BTI - Book.",
            "CTI - Collection.",
            "VTI - Volume.",
            "PG  - 296-302",
            "LID - 10.1/x [doi]",
            "AB  - Abstract.",
            "CI  - Copyright.",
            "FAU - Chen, Yuxue",
            "AU  - Chen Y",
            "AUID- ORCID: 0000-0002-2815-7558",
            "AD  - Dept.",
            "CN  - Group",
            "FED - Pagon, Roberta",
            "ED  - Pagon R",
            "FIR - Smith, John",
            "IR  - Smith J",
            "IRAD- Clinic.",
            "EN  - 2nd",
            "PB  - Publisher",
            "ISBN- 978-0",
            "CP  - Chapter",
            "CTDT- 20020301",
            "DRDT- 20230105",
            "LA  - eng",
            "SI  - GEO/GSE27823",
            "GR  - R01 GM1/GM/NIGMS NIH HHS/United States",
            "PT  - Journal Article",
            "DEP - 20220902",
            "TT  - Titel.",
            "PL  - England",
            "TA  - Brief Bioinform",
            "JT  - Briefings in bioinformatics",
            "JID - 100912837",
            "RN  - 0 (Glucocorticoids)",
            "NM  - substance",
            "SB  - IM",
            "OAB - Publisher: Text.",
            "OABL- ger",
            "OCI - Copyright (c) KIE.",
            "CON - A. PMID: 2",
            "CIN - B. PMID: 3",
            "EIN - C. PMID: 4",
            "EFR - D. PMID: 5",
            "CRI - E.",
            "CRF - F.",
            "ECI - G.",
            "ECF - H.",
            "RIN - I.",
            "ROF - J.",
            "RRI - K.",
            "RRF - L.",
            "RPI - M.",
            "RPF - N.",
            "UIN - O.",
            "UOF - P.",
            "SPIN- Q.",
            "ORI - R.",
            "DDIN- S.",
            "DRIN- T.",
            "PRIN- U.",
            "PROF- V.",
            "GN  - Note",
            "GS  - ABC1",
            "FPS - Freud, Sigmund",
            "SFM - Apollo",
            "MH  - *Humans/*physiology",
            "RF  - 25",
            "PMC - PMC1",
            "MID - NIHMS1",
            "OID - NLM: PMC1",
            "OTO - NOTNLM",
            "OT  - keyword",
            "COIS- None.",
            "EDAT- 2002/09/17 10:00",
            "MHDA- 2003/06/07 05:00",
            "PMCR- 2022/01/01",
            "CRDT- 2002/09/17 10:00",
            "PHST- 2002/09/17 10:00 [pubmed]",
            "AID - 10.1/x [doi]",
            "PST - ppublish",
            "SO  - Brief Bioinform. 2002 Sep;3(3):296-302.",
            "");
    MedlineTextParser parser = new MedlineTextParser();

    Citation citation = parser.parse(record);

    assertThat(citation.getExtras()).isEmpty();
    assertThat(citation.getCommentsCorrections()).hasSize(22);
    String written = new MedlineTextWriter().toText(citation);
    assertThat(written).isEqualTo(record);
    assertThat(parser.parse(written)).isEqualTo(citation);
  }

  @Test
  void legacyTagsAreKeptAndWrittenBack() throws Exception {
    String record = "PMID- 1\nUI  - 96034432\nCOI - None declared.\n";
    Citation citation = new MedlineTextParser().parse(record);

    assertThat(citation.getExtras()).containsExactly(new ExtraField("UI", "96034432"));
    assertThat(citation.getConflictOfInterest()).isEqualTo("None declared.");
    assertThat(new MedlineTextWriter().toText(citation))
        .isEqualTo("PMID- 1\nCOIS- None declared.\nUI  - 96034432\n");
  }
}
