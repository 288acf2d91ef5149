package org.medlinestream.enrich.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medlinestream.avro.ArticleId;
import org.medlinestream.avro.Author;
import org.medlinestream.avro.Chemical;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.DataBank;
import org.medlinestream.avro.HistoryDate;
import org.medlinestream.avro.Issn;
import org.medlinestream.avro.Journal;
import org.medlinestream.avro.Keyword;
import org.medlinestream.avro.MeshHeading;
import org.medlinestream.avro.MeshQualifier;

/** The record the project starts from, flattened onto one line, parses to exactly its values. */
class SeedRecordTest {
  static final Path SEED = TestData.DIR.resolve("seed/000_c9b3f97c68c49ce2.txt");
  private static final String TONGJI =
      "Tongji Hospital, Tongji Medical College, Huazhong University of Science and Technology,"
          + " Wuhan, China.";
  private static final String RHEUMATOLOGY = "Department of Rheumatology and Immunology, " + TONGJI;

  private static String seed;
  private static Citation citation;

  @BeforeAll
  static void parseSeed() throws IOException, MalformedRecordException {
    seed = Files.readString(SEED);
    citation = new MedlineTextParser().parse(Files.readAllBytes(SEED));
  }

  @Test
  void seedIsOneLine() {
    assertThat(seed.strip()).doesNotContain("\n").startsWith("PMID- 36119045 OWN - NLM");
  }

  @Test
  void identityStatusAndDates() {
    assertThat(citation.getPmid()).isEqualTo("36119045");
    assertThat(citation.getPmidVersion()).isEqualTo(1);
    assertThat(citation.getOwner()).isEqualTo("NLM");
    assertThat(citation.getStatus()).isEqualTo("MEDLINE");
    assertThat(citation.getDateCompleted()).isEqualTo(LocalDate.of(2022, 9, 20));
    assertThat(citation.getDateRevised()).isEqualTo(LocalDate.of(2022, 9, 26));
    assertThat(citation.getElectronicPublicationDate()).isEqualTo(LocalDate.of(2022, 9, 2));
    assertThat(citation.getDateCreated()).isNull();
    assertThat(citation.getPublicationDate()).isEqualTo("2022");
    assertThat(citation.getEntrezDate()).isEqualTo("2022/09/20 06:00");
    assertThat(citation.getMeshDate()).isEqualTo("2022/09/21 06:00");
    assertThat(citation.getPmcReleaseDate()).isEqualTo("2022/01/01");
    assertThat(citation.getCreateDate()).isEqualTo("2022/09/19 04:21");
    assertThat(citation.getPublicationStatus()).isEqualTo("epublish");
    assertThat(citation.getHistory())
        .containsExactly(
            new HistoryDate("received", "2022/06/26 00:00"),
            new HistoryDate("accepted", "2022/08/16 00:00"),
            new HistoryDate("entrez", "2022/09/19 04:21"),
            new HistoryDate("pubmed", "2022/09/20 06:00"),
            new HistoryDate("medline", "2022/09/21 06:00"),
            new HistoryDate("pmc-release", "2022/01/01 00:00"));
  }

  @Test
  void journal() {
    assertThat(citation.getJournal())
        .isEqualTo(
            Journal.newBuilder()
                .setTitle("Frontiers in immunology")
                .setMedlineAbbreviation("Front Immunol")
                .setNlmUniqueId("101560960")
                .setIssns(
                    List.of(new Issn("1664-3224", "Electronic"), new Issn("1664-3224", "Linking")))
                .setVolume("13")
                .setCountry("Switzerland")
                .build());
    assertThat(citation.getBook()).isNull();
    assertThat(citation.getSource())
        .isEqualTo(
            "Front Immunol. 2022 Sep 2;13:978429. doi: 10.3389/fimmu.2022.978429. eCollection"
                + " 2022.");
  }

  @Test
  void titleIdsAndAbstract() {
    assertThat(citation.getTitle())
        .isEqualTo(
            "The efficacy and safety of tacrolimus on top of glucocorticoids in the management of"
                + " IIM-ILD: A retrospective and prospective study.");
    assertThat(citation.getVernacularTitle()).isNull();
    assertThat(citation.getPagination()).isEqualTo("978429");
    assertThat(citation.getLocationIds())
        .containsExactly(
            new ArticleId("doi", "10.3389/fimmu.2022.978429", true),
            new ArticleId("unknown", "978429", true));
    assertThat(citation.getArticleIds())
        .containsExactly(new ArticleId("doi", "10.3389/fimmu.2022.978429", true));
    assertThat(citation.getPmc()).isEqualTo("PMC9479328");
    assertThat(citation.getAbstractText())
        .startsWith(
            "OBJECTIVE: To examine the efficacy of tacrolimus on top of glucocorticoids (GCs)")
        .contains(" METHODS: The retrospective study comprised 250 patients")
        .contains(
            "(weighted HR=0.330, p=0.002) and a lower relapse rate (weighted HR=0.548, p=0.003)")
        .contains(" CONCLUSION: Tacrolimus is well-tolerated")
        .endsWith(
            "CLINICAL TRIAL REGISTRATION: http://www.chictr.org.cn, identifier ChiCTR2100043595.")
        .hasSize(abstractInSeed().length())
        .isEqualTo(abstractInSeed());
    assertThat(citation.getAbstractCopyright())
        .isEqualTo("Copyright (c) 2022 Chen, Bai, Zhang, Hu, Zhong and Dong.");
    assertThat(citation.getOtherAbstracts()).isEmpty();
  }

  @Test
  void authorsWithAffiliations() {
    assertThat(citation.getAuthors())
        .containsExactly(
            author("Chen", "Yuxue", "Y", RHEUMATOLOGY),
            author("Bai", "Zhiqian", "Z", RHEUMATOLOGY),
            author("Zhang", "Ziyun", "Z", RHEUMATOLOGY),
            author("Hu", "Qiongjie", "Q", "Department of Radiology, " + TONGJI),
            author("Zhong", "Jixin", "J", RHEUMATOLOGY),
            author("Dong", "Lingli", "L", RHEUMATOLOGY));
    assertThat(citation.getInvestigators()).isEmpty();
    assertThat(citation.getEditors()).isEmpty();
  }

  @Test
  void classification() {
    assertThat(citation.getLanguages()).containsExactly("eng");
    assertThat(citation.getDataBanks())
        .containsExactly(new DataBank("ChiCTR", List.of("ChiCTR2100043595")));
    assertThat(citation.getPublicationTypes())
        .containsExactly("Journal Article", "Research Support, Non-U.S. Gov't");
    assertThat(citation.getChemicals())
        .containsExactly(
            new Chemical("0", "Glucocorticoids", null),
            new Chemical("0", "Immunosuppressive Agents", null),
            new Chemical("WM0HAQ4WNM", "Tacrolimus", null));
    assertThat(citation.getCitationSubsets()).containsExactly("IM");
    assertThat(citation.getMeshHeadings())
        .containsExactly(
            mesh("Glucocorticoids", false, "adverse effects"),
            mesh("Humans", false),
            mesh("Immunosuppressive Agents", false, "adverse effects"),
            mesh("Lung Diseases, Interstitial", true, "etiology"),
            mesh("Prospective Studies", false),
            mesh("Recurrence", false),
            mesh("Retrospective Studies", false),
            mesh("Tacrolimus", true, "adverse effects"));
    assertThat(citation.getKeywords())
        .extracting(Keyword::getOwner, Keyword::getKeyword)
        .containsExactly(
            tuple("NOTNLM", "glucocorticoids"),
            tuple("NOTNLM", "idiopathic inflammatory myopathies (IIM)"),
            tuple("NOTNLM", "interstitial lung diseases (ILD)"),
            tuple("NOTNLM", "pirfenidone"),
            tuple("NOTNLM", "tacrolimus"));
    assertThat(citation.getConflictOfInterest())
        .isEqualTo(
            "The authors declare that the research was conducted in the absence of any commercial"
                + " or financial relationships that could be construed as a potential conflict of"
                + " interest.");
  }

  @Test
  void nothingElse() {
    assertThat(citation.getExtras()).isEmpty();
    assertThat(citation.getGrants()).isEmpty();
    assertThat(citation.getCommentsCorrections()).isEmpty();
    assertThat(citation.getManuscriptIds()).isEmpty();
    assertThat(citation.getOtherIds()).isEmpty();
    assertThat(citation.getGeneralNotes()).isEmpty();
    assertThat(citation.getSupplementaryConcepts()).isEmpty();
    assertThat(citation.getPublicationModel()).isNull();
    assertThat(citation.getNumberOfReferences()).isNull();
    assertThat(citation.getVersionId()).isNull();
    assertThat(citation.getEnrichment()).isNull();
    assertThat(citation.getProvenance()).isNull();
  }

  @Test
  void theSameRecordOnLinesParsesTheSame() throws MalformedRecordException {
    String onLines = new MedlineTextWriter().toText(citation);

    assertThat(onLines).startsWith("PMID- 36119045\nOWN - NLM\nSTAT- MEDLINE\nDCOM- 20220920\n");
    assertThat(new MedlineTextParser().parse(onLines)).isEqualTo(citation);
  }

  /** The AB value, cut out of the seed line with plain string search. */
  private static String abstractInSeed() {
    return seed.substring(seed.indexOf(" AB - ") + 6, seed.indexOf(" CI - "));
  }

  private static Author author(String last, String fore, String initials, String affiliation) {
    return Author.newBuilder()
        .setLastName(last)
        .setForeName(fore)
        .setInitials(initials)
        .setAffiliations(List.of(affiliation))
        .build();
  }

  private static MeshHeading mesh(String descriptor, boolean major, String... qualifiers) {
    return MeshHeading.newBuilder()
        .setDescriptor(descriptor)
        .setMajorTopic(major)
        .setQualifiers(
            Arrays.stream(qualifiers).map(q -> new MeshQualifier(q, null, false)).toList())
        .build();
  }
}
