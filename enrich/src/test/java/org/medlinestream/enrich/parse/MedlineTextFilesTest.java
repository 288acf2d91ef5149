package org.medlinestream.enrich.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medlinestream.avro.ArticleId;
import org.medlinestream.avro.Author;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.DataBank;
import org.medlinestream.avro.ExtraField;

/** Every real MEDLINE text file, split and parsed, checked record by record against the file. */
class MedlineTextFilesTest {

  static Stream<Path> allFiles() throws IOException {
    return Stream.concat(
        TestData.files("medline-text").stream(),
        TestData.files("robustness/medline-text").stream());
  }

  static Stream<Path> realFiles() throws IOException {
    return TestData.files("medline-text").stream();
  }

  @ParameterizedTest
  @MethodSource("allFiles")
  void everyRecordOfEveryFileHasWhatTheFileSays(Path file) throws IOException {
    FileRecords records = FileRecords.read(file);
    List<RecordOracle> expected = RecordOracle.of(file);

    assertThat(records.errors()).isEmpty();
    assertThat(records.citations())
        .extracting(Citation::getPmid)
        .containsExactlyElementsOf(expected.stream().map(RecordOracle::pmid).toList());
    for (int i = 0; i < expected.size(); i++) {
      RecordOracle says = expected.get(i);
      Citation parsed = records.citations().get(i);
      String where = file.getFileName() + " PMID " + says.pmid();
      assertThat(letters(parsed.getTitle())).as(where + " title").isEqualTo(says.titleLetters());
      assertThat(parsed.getAuthors()).as(where + " authors").hasSize(says.authors());
      assertThat(parsed.getMeshHeadings()).as(where + " MeSH").hasSize(says.meshHeadings());
      assertThat(dois(parsed)).as(where + " DOIs").containsExactlyElementsOf(says.dois());
      assertThat(parsed.getDataBanks().stream().flatMap(b -> b.getAccessionNumbers().stream()))
          .as(where + " accessions")
          .containsExactlyInAnyOrderElementsOf(says.accessions());
    }
  }

  @ParameterizedTest
  @MethodSource("realFiles")
  void realRecordsKeepNoUnreadableLinesAndEncodeAsAvro(Path file) throws IOException {
    for (Citation citation : FileRecords.read(file).citations()) {
      assertThat(citation.getExtras())
          .as(file.getFileName() + " PMID " + citation.getPmid())
          .extracting(ExtraField::getName)
          .doesNotContain(MedlineTextParser.UNREADABLE_LINE);
      assertThat(avroBytes(citation)).isNotEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("realFiles")
  void writingAndReadingBackGivesTheSameCitation(Path file) throws Exception {
    MedlineTextParser parser = new MedlineTextParser();
    MedlineTextWriter writer = new MedlineTextWriter();
    List<Citation> citations = FileRecords.read(file).citations();

    assertThat(citations).isNotEmpty();
    for (Citation citation : citations) {
      String text = writer.toText(citation);
      assertThat(parser.parse(text)).as(text).isEqualTo(citation);
      assertThat(text.lines()).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
    }
  }

  @Test
  void crlfFileParsesLikeTheSameFileWithLineFeeds(@TempDir Path tmp) throws IOException {
    Path crlf = TestData.DIR.resolve("medline-text/holub008_nbib__pubmed-balloongui-set.nbib");
    assertThat(Files.readString(crlf)).contains("\r\n");
    Path lf = tmp.resolve("lf.nbib");
    Files.writeString(lf, Files.readString(crlf).replace("\r\n", "\n"));

    List<Citation> fromCrlf = FileRecords.read(crlf).citations();
    assertThat(fromCrlf).hasSize(75).isEqualTo(FileRecords.read(lf).citations());
  }

  @Test
  void nonAsciiTextIsKept() throws IOException {
    Citation velasco =
        citation("medline-text/holub008_nbib__pubmed-balloongui-set.nbib", "26789499");

    assertThat(velasco.getAuthors().get(0).getForeName()).isEqualTo("Aglaé");
    assertThat(velasco.getAuthors().get(0).getAffiliations().get(0))
        .contains("Albert-Schweitzer-Campus 1, Gebäude A1, 48149 Muenster");
    assertThat(velasco.getAbstractText()).endsWith("balloon guide catheter. (©) RSNA, 2016.");
  }

  @Test
  void pmcMedlarsRecordsKeepThePmcLineBeforeThePmid() throws IOException {
    FileRecords records =
        FileRecords.read(TestData.DIR.resolve("medline-text/holub008_nbib__pmc_medlars.txt"));

    assertThat(records.citations())
        .extracting(Citation::getPmid, Citation::getPmc)
        .startsWith(tuple("30042925", "PMC6055010"), tuple("30123504", "PMC6088416"));
    assertThat(records.citations().get(0).getOtherAbstracts())
        .singleElement()
        .satisfies(
            other -> {
              assertThat(other.getType()).isEqualTo("Publisher");
              assertThat(other.getText()).isEqualTo("Abstract available from the publisher.");
            });
  }

  @Test
  void wrapsAfterDoiPrefixesAndSuspendedHyphensKeepTheirSpace() throws IOException {
    String medline45 = "medline-text/p1m_ortho/pubmed_result_45_medline.txt";
    String balloon = "medline-text/holub008_nbib__pubmed-balloongui-set.nbib";
    Citation wrappedAfterDoi = citation(medline45, pmidOfSourceEndingIn(medline45, "doi:"));
    Citation wrappedAfterDoiSpace = citation(balloon, pmidOfSourceEndingIn(balloon, "doi: "));
    Citation suspendedHyphen = citation(medline45, "18762104");

    assertThat(wrappedAfterDoi.getSource()).containsPattern("\\. doi: 10\\.[0-9]{4,}/\\S+\\.$");
    assertThat(wrappedAfterDoiSpace.getSource())
        .isEqualTo(
            "J Stroke Cerebrovasc Dis. 2019 Sep;28(9):2574-2579. doi:"
                + " 10.1016/j.jstrokecerebrovasdis.2019.05.015. Epub 2019 Jun 22.");
    assertThat(suspendedHyphen.getAbstractText())
        .contains("and photo- and videographic documentation");
  }

  @Test
  void oldRecordsGiveTheirLeadingAffiliationToTheFirstAuthor() throws IOException {
    Citation old = citation("medline-text/biopython__pubmed_result1.txt", "12230038");

    assertThat(old.getAuthors())
        .singleElement()
        .extracting(Author::getLastName, Author::getAffiliations)
        .containsExactly(
            "Mangalam", List.of("tacg Informatics, Irvine, CA 92612, USA. hjm@tacgi.com"));
    assertThat(old.getPublicationModel()).isEqualTo("Print");
    assertThat(old.getDateCreated()).hasToString("2002-09-16");
  }

  @Test
  void robustnessFixturesAreReadLeniently() throws IOException {
    List<Citation> outOfBounds =
        FileRecords.read(robustness("jabref/MedlinePlainImporterStringOutOfBounds.txt"))
            .citations();
    assertThat(outOfBounds.get(0).getTitle()).isEqualTo("This is a test title");
    assertThat(outOfBounds.get(0).getExtras())
        .containsExactly(new ExtraField("?", "SO  invalid line"));
    assertThat(outOfBounds.get(1).getTitle()).isEqualTo("This is also a test title");
    assertThat(outOfBounds.get(1).getSource()).isEqualTo("another invalid line");

    Citation doi =
        FileRecords.read(robustness("jabref/MedlinePlainImporterTestDOI.txt")).citations().get(0);
    assertThat(doi.getPmid()).isEqualTo("22664220");
    assertThat(doi.getArticleIds())
        .containsExactly(new ArticleId("unknown", "doi:10.1016/j.cpr.2005.02.002", true));

    Citation twoAbstracts = FileRecords.read(robustness("rayyan/example3.nbib")).citations().get(0);
    assertThat(twoAbstracts.getAbstractText()).isEqualTo("This is abstract 1 This is abstract 2");
    assertThat(twoAbstracts.getAuthors())
        .extracting(Author::getLastName, Author::getInitials, Author::getAffiliations)
        .containsExactly(
            tuple("a1_last_name", "a1_first_name", List.of()),
            tuple("a2_last_name", "a2_first_name", List.of("University1", "University2")));
    assertThat(twoAbstracts.getBook().getCollectionTitles()).containsExactly("collection1");
    assertThat(twoAbstracts.getJournal().getIssns())
        .extracting(i -> i.getValue())
        .containsExactly("A journal issn");
  }

  @Test
  void everyKindOfTagOfTheNbibFixtureLandsInTheModel() throws IOException {
    Citation c = FileRecords.read(robustness("jabref/NbibImporterTest.nbib")).citations().get(0);

    assertThat(c.getInvestigators())
        .extracting(Author::getLastName, Author::getInitials, Author::getAffiliations)
        .containsExactly(
            tuple("one more", "investigator", List.of("Some investigator")),
            tuple("last investigator", null, List.of()));
    assertThat(c.getAuthors())
        .extracting(Author::getLastName, Author::getCollectiveName)
        .containsExactly(
            tuple("Shruthi", null),
            tuple("Vinodhkumar", null),
            tuple("Selvamani", null),
            tuple(null, "corporater"));
    assertThat(c.getAuthors().get(2).getInitials()).isNull();
    assertThat(c.getGeneralNotes()).containsExactly("some notes about the article");
    assertThat(c.getGeneSymbols()).containsExactly("a gene symbol");
    assertThat(c.getSupplementaryConcepts()).containsExactly("substance name");
    assertThat(c.getChemicals())
        .singleElement()
        .satisfies(ch -> assertThat(ch.getRegistryNumber()).isEqualTo("123456789"));
    assertThat(c.getPublicationModel()).isEqualTo("a model");
    assertThat(c.getBook().getIsbns()).containsExactly("ISBN 978-3-86680-192-9");
    assertThat(c.getBook().getEdition()).isEqualTo("2");
    assertThat(c.getBook().getVolumeTitle()).isEqualTo("title of the volume");
    assertThat(c.getDataBanks()).containsExactly(new DataBank("12563", List.of()));
    assertThat(c.getVernacularTitle()).isEqualTo("title that is transliterated");
    assertThat(c.getOtherAbstracts())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.getText()).isEqualTo("abstract informations");
              assertThat(o.getLanguage()).isEqualTo("other abstract infos");
            });
    assertThat(c.getSpaceFlightMissions()).containsExactly("a space flight mission");
    assertThat(c.getExtras())
        .containsExactly(
            new ExtraField("OCI", "Copyright belongs to someone"), new ExtraField("NR", "25"));
    assertThat(c.getDateCreated()).hasToString("2016-05-12");
  }

  @Test
  void aBlockWithoutPmidIsRefusedByTheReaderAndByTheParser() throws IOException {
    Path noPmid = robustness("jabref/MedlinePlainImporterTestMultiTitle.txt");
    FileRecords records = FileRecords.read(noPmid);
    assertThat(records.citations()).isEmpty();
    assertThat(records.refused())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.line()).isEqualTo(1);
              assertThat(r.reason())
                  .startsWith("MedlinePlainImporterTestMultiTitle.txt lines 1-7: text outside");
            });

    MalformedRecordException e =
        catchThrowableOfType(
            () -> new MedlineTextParser().parse(Files.readAllBytes(noPmid)),
            MalformedRecordException.class);
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.getMessage())
        .isEqualTo(
            "the record has no PMID- line; every MEDLINE record needs one");
  }

  @Test
  void goodRecordsBesideGarbageStillComeOut() throws IOException {
    FileRecords records =
        FileRecords.read(robustness("jabref/MedlinePlainImporterTestMultipleEntries.txt"));

    assertThat(records.citations())
        .extracting(Citation::getPmid)
        .containsExactly("20481061", "22664220", "22664238", "96578310", "45984220");
    assertThat(records.refused()).extracting(r -> r.line()).containsExactly(53L, 55L, 77L);
  }

  private static Citation citation(String file, String pmid) throws IOException {
    return FileRecords.read(TestData.DIR.resolve(file)).citations().stream()
        .filter(c -> c.getPmid().equals(pmid))
        .findFirst()
        .orElseThrow();
  }

  /** The PMID of the first record of {@code file} whose first SO line ends with {@code suffix}. */
  private static String pmidOfSourceEndingIn(String file, String suffix) throws IOException {
    String pmid = null;
    for (String line : Files.readString(TestData.DIR.resolve(file)).split("\r?\n")) {
      if (line.startsWith("PMID-")) {
        pmid = line.substring(5).trim();
      } else if (line.startsWith("SO  - ") && line.endsWith(suffix)) {
        return pmid;
      }
    }
    throw new AssertionError("no SO line ends with '" + suffix + "' in " + file);
  }

  private static Path robustness(String file) {
    return TestData.DIR.resolve("robustness/medline-text").resolve(file);
  }

  private static List<String> dois(Citation citation) {
    List<String> dois = new ArrayList<>();
    for (ArticleId id : citation.getLocationIds()) {
      if (id.getType().equals("doi")) {
        dois.add(id.getValue());
      }
    }
    for (ArticleId id : citation.getArticleIds()) {
      if (id.getType().equals("doi")) {
        dois.add(id.getValue());
      }
    }
    return dois;
  }

  private static String letters(String text) {
    return text == null ? "" : text.replaceAll("\\s", "");
  }

  private static byte[] avroBytes(Citation citation) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<>(Citation.class).write(citation, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
