package org.medlinestream.enrich.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medlinestream.avro.ArticleId;
import org.medlinestream.avro.Author;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.CommentCorrection;
import org.medlinestream.avro.DataBank;
import org.medlinestream.avro.ExtraField;
import org.medlinestream.avro.Grant;
import org.medlinestream.avro.Identifier;
import org.medlinestream.avro.Keyword;
import org.medlinestream.avro.MeshHeading;
import org.medlinestream.avro.MeshQualifier;
import org.medlinestream.avro.OtherAbstract;

class MedlineTextParserTest {
  private final MedlineTextParser parser = new MedlineTextParser();

  @Test
  void continuationLinesJoinWithOneSpaceDroppingTrailingSpaces() throws Exception {
    Citation c = parse("TI  - A title that \n      goes on\r\n      and  on.  ");

    assertThat(c.getTitle()).isEqualTo("A title that goes on and  on.");
  }

  @Test
  void aWrapInsideAHyphenatedWordJoinsWithoutSpace() throws Exception {
    assertThat(parse("AB  - A nature-\n      themed artwork.").getAbstractText())
        .isEqualTo("A nature-themed artwork.");
    assertThat(parse("AB  - the IIM-\n      ILD cohort").getAbstractText())
        .isEqualTo("the IIM-ILD cohort");
    assertThat(parse("AB  - a cut-\n      and-paste job").getAbstractText())
        .isEqualTo("a cut-and-paste job");
  }

  @Test
  void aHyphenBeforeAConjunctionTrailingSpaceOrDigitKeepsTheSpace() throws Exception {
    assertThat(parse("AB  - photo-\n      and videographic").getAbstractText())
        .isEqualTo("photo- and videographic");
    assertThat(parse("AB  - Prä-\n      und postoperativ").getAbstractText())
        .isEqualTo("Prä- und postoperativ");
    assertThat(parse("AB  - nature- \n      themed").getAbstractText()).isEqualTo("nature- themed");
    assertThat(parse("AB  - values -\n      5 and 12-\n      month").getAbstractText())
        .isEqualTo("values - 5 and 12- month");
  }

  @Test
  void aDoiWrappedAfterItsPrefixSlashJoinsWithoutSpaceButDoiColonKeepsIt() throws Exception {
    assertThat(
            parse("SO  - J Hand Surg. 2008. doi: 10.1016/\n      j.jhsa.2008.03.010.").getSource())
        .isEqualTo("J Hand Surg. 2008. doi: 10.1016/j.jhsa.2008.03.010.");
    assertThat(parse("SO  - Sensors. 2024. doi:\n      10.3390/s24237838.").getSource())
        .isEqualTo("Sensors. 2024. doi: 10.3390/s24237838.");
    assertThat(
            parse("CI  - see http://www.bmj.com/company/\n      for details")
                .getAbstractCopyright())
        .isEqualTo("see http://www.bmj.com/company/ for details");
  }

  @Test
  void authorsGroupTheirShortNameIdentifiersAndAffiliations() throws Exception {
    Citation c =
        parse(
            "FAU - Chen, Yuxue",
            "AU  - Chen Y",
            "AUID- ORCID: 0000-0002-2815-7558",
            "AD  - Dept A.",
            "AD  - Dept B.",
            "FAU - van der Berg, Jan H",
            "AU  - van der Berg JH",
            "CN  - STRATIS Investigators",
            "AD  - Group address.",
            "FAU - An , H S",
            "AU  - An HS",
            "FAU - Selvamani",
            "AU  - Selvamani");

    assertThat(c.getAuthors())
        .extracting(
            Author::getLastName,
            Author::getForeName,
            Author::getInitials,
            Author::getCollectiveName)
        .containsExactly(
            tuple("Chen", "Yuxue", "Y", null),
            tuple("van der Berg", "Jan H", "JH", null),
            tuple(null, null, null, "STRATIS Investigators"),
            tuple("An", "H S", "HS", null),
            tuple("Selvamani", null, null, null));
    assertThat(c.getAuthors().get(0).getIdentifiers())
        .containsExactly(new Identifier("ORCID", "0000-0002-2815-7558"));
    assertThat(c.getAuthors().get(0).getAffiliations()).containsExactly("Dept A.", "Dept B.");
    assertThat(c.getAuthors().get(1).getAffiliations()).isEmpty();
    assertThat(c.getAuthors().get(2).getAffiliations()).containsExactly("Group address.");
    assertThat(c.getAuthors()).allSatisfy(a -> assertThat(a.getOrcid()).isNull());
  }

  @Test
  void investigatorsAndEditorsAreGroupedLikeAuthors() throws Exception {
    Citation c =
        parse(
            "FED - Pagon, Roberta A",
            "ED  - Pagon RA",
            "FIR - Smith, John",
            "IR  - Smith J",
            "IRAD- Clinic X.",
            "FIR - Doe, Jane",
            "IR  - Doe J");

    assertThat(c.getEditors())
        .extracting(Author::getLastName, Author::getForeName, Author::getInitials)
        .containsExactly(tuple("Pagon", "Roberta A", "RA"));
    assertThat(c.getInvestigators())
        .extracting(Author::getLastName, Author::getInitials, Author::getAffiliations)
        .containsExactly(tuple("Smith", "J", List.of("Clinic X.")), tuple("Doe", "J", List.of()));
    assertThat(c.getAuthors()).isEmpty();
  }

  @Test
  void aBookHasBookDetailsAndNoJournal() throws Exception {
    Citation c =
        parse(
            "BTI - GeneReviews((R))",
            "CTI - GeneReviews",
            "VTI - Volume one",
            "PB - University of Washington, Seattle",
            "EN - 2nd",
            "ISBN- 978-3-86680-192-9",
            "CP  - Chapter 1",
            "CTDT- 20020301",
            "DRDT- 20230105",
            "AID - NBK1116 [bookaccession]");

    assertThat(c.getJournal()).isNull();
    assertThat(c.getBook().getBookTitle()).isEqualTo("GeneReviews((R))");
    assertThat(c.getBook().getCollectionTitles()).containsExactly("GeneReviews");
    assertThat(c.getBook().getVolumeTitle()).isEqualTo("Volume one");
    assertThat(c.getBook().getPublisher()).isEqualTo("University of Washington, Seattle");
    assertThat(c.getBook().getEdition()).isEqualTo("2nd");
    assertThat(c.getBook().getIsbns()).containsExactly("978-3-86680-192-9");
    assertThat(c.getBook().getChapters()).containsExactly("Chapter 1");
    assertThat(c.getBook().getContributionDate()).isEqualTo("20020301");
    assertThat(c.getBook().getDateRevised()).isEqualTo("20230105");
    assertThat(c.getArticleIds()).containsExactly(new ArticleId("bookaccession", "NBK1116", true));
  }

  @Test
  void unknownTagsLegacyTagsAndUnreadableLinesAreKeptInOrder() throws Exception {
    Citation c =
        parse(
            "NR  - 25",
            "UI  - 96034432",
            "OCI - Copyright someone",
            "This line is no tag line",
            "      and this continues it",
            "DNA-binding is no tag");

    assertThat(c.getExtras())
        .containsExactly(
            new ExtraField("NR", "25"),
            new ExtraField("UI", "96034432"),
            new ExtraField("OCI", "Copyright someone"),
            new ExtraField("?", "This line is no tag line and this continues it"),
            new ExtraField("?", "DNA-binding is no tag"));
  }

  @Test
  void repeatsOfASingleValuedTagJoinTextAndKeepOtherValuesInExtras() throws Exception {
    Citation c =
        parse("TI  - First.", "TI  - Second.", "OWN - NLM", "OWN - NASA", "DCOM- 2009 Jan");

    assertThat(c.getTitle()).isEqualTo("First. Second.");
    assertThat(c.getOwner()).isEqualTo("NLM");
    assertThat(c.getDateCompleted()).isNull();
    assertThat(c.getExtras())
        .containsExactly(new ExtraField("OWN", "NASA"), new ExtraField("DCOM", "2009 Jan"));
  }

  @Test
  void datesIdsAndJournal() throws Exception {
    Citation c =
        parse(
            "DA  - 20020916",
            "DEP - 20220230",
            "IS  - 1467-5463 (Print)",
            "IS  - 0000-0000",
            "IP  - 3",
            "LID - S2215-0161(18)30045-1 [pii]",
            "AID - 10.1016/j.mex.2018.03.007 [doi]",
            "MID - NIHMS1519350",
            "OID - NLM: PMC1539031",
            "RF  - 25",
            "PHST- 2017/10/17 [received]",
            "PHST- 2017/10/18");

    assertThat(c.getDateCreated()).isEqualTo(LocalDate.of(2002, 9, 16));
    assertThat(c.getElectronicPublicationDate()).isNull();
    assertThat(c.getJournal().getIssns())
        .extracting(i -> i.getValue(), i -> i.getType())
        .containsExactly(tuple("1467-5463", "Print"), tuple("0000-0000", null));
    assertThat(c.getJournal().getIssue()).isEqualTo("3");
    assertThat(c.getLocationIds())
        .containsExactly(new ArticleId("pii", "S2215-0161(18)30045-1", true));
    assertThat(c.getArticleIds())
        .containsExactly(new ArticleId("doi", "10.1016/j.mex.2018.03.007", true));
    assertThat(c.getManuscriptIds()).containsExactly("NIHMS1519350");
    assertThat(c.getOtherIds()).containsExactly("NLM: PMC1539031");
    assertThat(c.getNumberOfReferences()).isEqualTo("25");
    assertThat(c.getHistory())
        .extracting(h -> h.getStatus() + " " + h.getDate())
        .containsExactly("received 2017/10/17");
    assertThat(c.getExtras())
        .containsExactly(new ExtraField("DEP", "20220230"), new ExtraField("PHST", "2017/10/18"));
  }

  @Test
  void grantsDatabanksMeshAndKeywords() throws Exception {
    Citation c =
        parse(
            "GR  - R01 GM115388/GM/NIGMS NIH HHS/United States",
            "GR  - 076053/Wellcome Trust/United Kingdom",
            "GR  - WT_/Wellcome Trust/United Kingdom",
            "GR  - /076053/Z/04/Z/Wellcome Trust/United Kingdom",
            "GR  - CIHR/Canada",
            "GR  - R01 AR049373 || AR",
            "SI  - ClinicalTrials.gov/NCT02239640",
            "SI  - Dryad/10.5061/dryad.7dj7t",
            "SI  - ClinicalTrials.gov/NCT00000001",
            "MH  - *Breast Neoplasms/*diagnosis/therapy",
            "MH  - Humans",
            "OTO - NOTNLM",
            "OT  - tacrolimus",
            "OTO - NLM",
            "OT  - *pirfenidone",
            "OTO - PIP");

    assertThat(c.getGrants())
        .containsExactly(
            new Grant("R01 GM115388", "GM", "NIGMS NIH HHS", "United States"),
            new Grant("076053", null, "Wellcome Trust", "United Kingdom"),
            new Grant(null, "WT_", "Wellcome Trust", "United Kingdom"),
            new Grant("/076053/Z/04/Z", null, "Wellcome Trust", "United Kingdom"),
            new Grant(null, null, "CIHR", "Canada"),
            new Grant("R01 AR049373 || AR", null, null, null));
    assertThat(c.getDataBanks())
        .containsExactly(
            new DataBank("ClinicalTrials.gov", List.of("NCT02239640", "NCT00000001")),
            new DataBank("Dryad", List.of("10.5061/dryad.7dj7t")));
    assertThat(c.getMeshHeadings())
        .containsExactly(
            new MeshHeading(
                "Breast Neoplasms",
                null,
                true,
                null,
                List.of(
                    new MeshQualifier("diagnosis", null, true),
                    new MeshQualifier("therapy", null, false))),
            new MeshHeading("Humans", null, false, null, List.of()));
    assertThat(c.getKeywords())
        .containsExactly(
            new Keyword("NOTNLM", "tacrolimus", false), new Keyword("NLM", "pirfenidone", true));
    assertThat(c.getExtras()).containsExactly(new ExtraField("OTO", "PIP"));
  }

  @Test
  void commentsAndCorrectionsCarryTheirTypeSourceAndPmid() throws Exception {
    Citation c =
        parse(
            "CIN - Ned Tijdschr Geneeskd. 2008 Oct 11;152(41):2258; author reply 2258-9. PMID:",
            "      18988391",
            "EIN - Circulation. 2016 Nov 8;134(19):e406. doi: 10.1161/CIR.0000000000000466. PMID:"
                + " 27821426",
            "ROF - Some note without pmid");

    assertThat(c.getCommentsCorrections())
        .containsExactly(
            new CommentCorrection(
                "CommentIn",
                "Ned Tijdschr Geneeskd. 2008 Oct 11;152(41):2258; author reply 2258-9.",
                "18988391",
                null),
            new CommentCorrection(
                "ErratumIn",
                "Circulation. 2016 Nov 8;134(19):e406. doi: 10.1161/CIR.0000000000000466.",
                "27821426",
                null),
            new CommentCorrection("RetractionOf", "Some note without pmid", null, null));
  }

  @Test
  void aShortPersonalNameWithoutItsFullNameIsASubjectOfItsOwn() throws Exception {
    Citation c =
        parse("PS  - Cushing H", "FPS - Cushing, Harvey", "PS  - Osler W", "PS  - King ML Jr");

    assertThat(c.getPersonalNameSubjects())
        .containsExactly("Cushing, Harvey", "Osler W", "King ML Jr");
    assertThat(c.getExtras()).containsExactly(new ExtraField("PS", "Cushing H"));
  }

  @Test
  void conventionsSharedWithPubmedXml() throws Exception {
    Citation c =
        parse(
            "FAU - Hellinger, Frank R Jr",
            "AU  - Hellinger FR Jr",
            "AU  - Ward GW 3rd",
            "OAB - plain-language-summary: In short.",
            "OID - NLM: PMC1539031",
            "DDIN- Sci Data. 2020;7:1. PMID: 2",
            "DRIN- Nature. 2021;1:2. PMID: 3");

    assertThat(c.getAuthors())
        .extracting(
            Author::getLastName, Author::getForeName, Author::getInitials, Author::getSuffix)
        .containsExactly(
            tuple("Hellinger", "Frank R", "FR", "Jr"), tuple("Ward", null, "GW", "3rd"));
    assertThat(c.getOtherAbstracts())
        .containsExactly(new OtherAbstract("plain-language-summary", null, "In short.", null));
    assertThat(c.getOtherIds()).containsExactly("NLM: PMC1539031");
    assertThat(c.getCommentsCorrections())
        .extracting(CommentCorrection::getRefType)
        .containsExactly("AssociatedDataset", "AssociatedPublication");
  }

  @Test
  void personalNameSubjectsPreferFullNamesAndOtherAbstractsTakeTheirLanguage() throws Exception {
    Citation c =
        parse(
            "PS  - Freud S",
            "FPS - Freud, Sigmund",
            "OABL- ger",
            "OAB - KIE: Ein Abstrakt.",
            "OABL- ger");

    assertThat(c.getPersonalNameSubjects()).containsExactly("Freud, Sigmund");
    assertThat(c.getOtherAbstracts())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.getType()).isEqualTo("KIE");
              assertThat(o.getLanguage()).isEqualTo("ger");
              assertThat(o.getText()).isEqualTo("Ein Abstrakt.");
            });
    assertThat(c.getExtras())
        .containsExactly(new ExtraField("OABL", "ger"), new ExtraField("PS", "Freud S"));
  }

  @Test
  void aMissingTitleIsTheVernacularTitle() throws Exception {
    Citation c = parse("TT  - Grundlagen der Therapie.");

    assertThat(c.getTitle()).isEqualTo("Grundlagen der Therapie.");
    assertThat(c.getVernacularTitle()).isEqualTo("Grundlagen der Therapie.");
  }

  @Test
  void emptyValuesAreNothing() throws Exception {
    Citation c = parse("AB  - ", "TI-", "BTI -    ", "FAU -", "PL  - ");

    assertThat(c.getAbstractText()).isNull();
    assertThat(c.getTitle()).isNull();
    assertThat(c.getBook()).isNull();
    assertThat(c.getAuthors()).isEmpty();
    assertThat(c.getExtras()).isEmpty();
  }

  @Test
  void aRecordFlattenedOntoOneLineIsReadTagByTagFromTheTableOnly() throws Exception {
    Citation c =
        parser.parse(
            "PMID- 11 OWN - NLM STAT- MEDLINE LR - 20220926 IS - 1664-3224 (Electronic) TI - A"
                + " title. AB - RESULTS: HR - 0.33 (HR=0.330); UI - 12 and CI - 1.2 to 3.4."
                + " FAU - Chen, Yuxue AU - Chen Y PHST- 2022/06/26 00:00 [received] SO  - Front."
                + " 2022.\n");

    assertThat(c.getPmid()).isEqualTo("11");
    assertThat(c.getOwner()).isEqualTo("NLM");
    assertThat(c.getStatus()).isEqualTo("MEDLINE");
    assertThat(c.getDateRevised()).isEqualTo(LocalDate.of(2022, 9, 26));
    assertThat(c.getTitle()).isEqualTo("A title.");
    assertThat(c.getAbstractText()).isEqualTo("RESULTS: HR - 0.33 (HR=0.330); UI - 12 and");
    assertThat(c.getAbstractCopyright()).isEqualTo("1.2 to 3.4.");
    assertThat(c.getAuthors()).extracting(Author::getInitials).containsExactly("Y");
    assertThat(c.getHistory()).hasSize(1);
    assertThat(c.getSource()).isEqualTo("Front. 2022.");
  }

  @Test
  void aFlattenedFieldWithNothingBeforeTheNextTagIsEmpty() throws Exception {
    Citation c = parser.parse("PMID- 11 TI  - AB  - An abstract. LID - 10.1/x [doi]\n");

    assertThat(c.getPmid()).isEqualTo("11");
    assertThat(c.getTitle()).isNull();
    assertThat(c.getAbstractText()).isEqualTo("An abstract.");
    assertThat(malformed("PMID- PMID- PMID- PMID- ").getMessage()).contains("PMID");
  }

  @Test
  void aRecordWithoutPmidIsMalformed() {
    MalformedRecordException e = malformed("TI  - No PMID here.\n");

    assertThat(e.line()).isEqualTo(1);
    assertThat(e.getMessage()).contains("no PMID- line");
  }

  @Test
  void aPmidThatIsNoPositiveIntegerIsMalformedAtItsLine() {
    MalformedRecordException notInteger = malformed("PMID- 12a\nTI  - x\n");
    assertThat(notInteger.line()).isEqualTo(1);
    assertThat(notInteger.problem()).isEqualTo("'PMID- 12a' is not a positive integer PMID");
    assertThat(malformed("PMID- 0\n").problem()).contains("'PMID- 0'");
  }

  @Test
  void twoRecordsInOneAreMalformedAtTheSecondPmid() {
    MalformedRecordException e = malformed("PMID- 1\nTI  - a\nPMID- 2\nTI  - b\n");

    assertThat(e.line()).isEqualTo(3);
    assertThat(e.getMessage()).contains("a second record starts here (PMID 2 after PMID 1)");
  }

  @Test
  void bytesThatAreNotUtf8AreMalformedAtTheirLine() {
    byte[] bytes = {
      'P', 'M', 'I', 'D', '-', ' ', '1', '\n', 'T', 'I', ' ', ' ', '-', ' ', (byte) 0xc3, '('
    };
    MalformedRecordException e =
        catchThrowableOfType(() -> parser.parse(bytes), MalformedRecordException.class);

    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage())
        .isEqualTo("invalid UTF-8 byte 0xC3 at byte 14: the record is not UTF-8 MEDLINE text");
    MalformedRecordException nul =
        catchThrowableOfType(
            () -> parser.parse("PMID- 1\n\nTI  - a\u0000".getBytes(UTF_8)),
            MalformedRecordException.class);
    assertThat(nul.line()).isEqualTo(3);
    assertThat(nul.problem())
        .isEqualTo("control byte 0x00 at byte 16: the record is not UTF-8 MEDLINE text");
  }

  @Test
  void aReplacementCharacterThatWasInTheBytesIsText() throws Exception {
    Citation c = parser.parse("PMID- 1\nTI  - A \uFFFD B\n".getBytes(UTF_8));

    assertThat(c.getTitle()).isEqualTo("A \uFFFD B");
  }

  @Test
  void controlCharactersAreMalformedAtTheirLineAndColumn() {
    MalformedRecordException e = malformed("PMID- 1\nTI  - bad\u0000byte\n");

    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage())
        .isEqualTo("control character U+0000 at column 10: the record is not MEDLINE text");
  }

  private MalformedRecordException malformed(String record) {
    return catchThrowableOfType(() -> parser.parse(record), MalformedRecordException.class);
  }

  /** A record of PMID 1 with these lines. */
  private Citation parse(String... lines) throws MalformedRecordException {
    return parser.parse("PMID- 1\n" + String.join("\n", lines) + "\n");
  }
}
