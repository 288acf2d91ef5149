package org.medlinestream.enrich.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.medlinestream.avro.ArticleId;
import org.medlinestream.avro.Author;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.CommentCorrection;
import org.medlinestream.avro.DataBank;
import org.medlinestream.avro.DataLink;
import org.medlinestream.avro.Enrichment;
import org.medlinestream.avro.Evidence;
import org.medlinestream.avro.Flags;
import org.medlinestream.avro.Identifier;
import org.medlinestream.avro.Keyword;
import org.medlinestream.avro.OtherAbstract;

class EnricherTest {

    private final Enricher enricher = new Enricher();

    private static Citation.Builder citation() {
        return Citation.newBuilder().setPmid("12345").setPmidVersion(1);
    }

    private Enrichment enrichment(Citation.Builder citation) {
        return enricher.enrich(citation.build()).getEnrichment();
    }

    @Test
    void oneRegistrationPerTrialAcrossFieldsAndSpellings() {
        Enrichment e = enrichment(citation()
                .setDataBanks(List.of(new DataBank("ClinicalTrials.gov", List.of("NCT01234567"))))
                .setTitle("Results of trial NCT-01234567")
                .setAbstractText("TRIAL REGISTRATION: NCT 01234567. Registered as NCT 01234567 at ClinicalTrials.gov.")
                .setOtherAbstracts(List.of(new OtherAbstract("Publisher", "spa", "Registro: NCT01234567.", null)))
                .setKeywords(List.of(Keyword.newBuilder().setKeyword("NCT01234567").build())));
        assertThat(e.getTrialRegistrations()).singleElement().satisfies(trial -> {
            assertThat(trial.getId()).isEqualTo("NCT01234567");
            assertThat(trial.getEvidence()).containsExactly(
                    new Evidence("SI", "ClinicalTrials.gov/NCT01234567"), new Evidence("TI", "NCT-01234567"),
                    new Evidence("AB", "NCT 01234567"), new Evidence("OAB", "NCT01234567"),
                    new Evidence("OT", "NCT01234567"));
        });
    }

    @Test
    void eudraCtSuffixFromProseJoinsTheSiRegistration() {
        Enrichment e = enrichment(citation()
                .setDataBanks(List.of(new DataBank("EudraCT", List.of("2010-019469-26"))))
                .setAbstractText("EudraCT 2010-019469-26-ES; ISRCTN69423238 and ClinicalTrials.gov NCT02239640."));
        assertThat(e.getTrialRegistrations()).extracting(t -> t.getRegistry() + " " + t.getId() + " " + t.getSuffix())
                .containsExactly("EudraCT 2010-019469-26 ES", "ISRCTN ISRCTN69423238 null",
                        "ClinicalTrials.gov NCT02239640 null");
        assertThat(e.getTrialRegistrations().get(0).getEvidence()).hasSize(2);
    }

    @Test
    void nonTrialDatabanksBecomeDataLinksNeverTrialsNorTheArticleDoi() {
        Enrichment e = enrichment(citation().setDataBanks(List.of(
                new DataBank("GEO", List.of("GSE60056", "GPL3991")),
                new DataBank("PDB", List.of("4WCJ", "P33943")),
                new DataBank("Dryad", List.of("10.5061/dryad.7dj7t")),
                new DataBank("SRA", List.of("PRJNA257239")),
                new DataBank("RefSeq", List.of("NM_032043", "NP_000509")),
                new DataBank("dbGaP", List.of("PHS000178.V8.P7")),
                new DataBank("OMIM", List.of("114500")),
                new DataBank("GENBANK", List.of("AF078607")),
                new DataBank("UniProtKB", List.of("P33943")),
                new DataBank("PIR", List.of("A12345")),
                new DataBank("ClinicalTrials.gov", List.of("NCT00585195")))));
        assertThat(e.getDataLinks()).extracting(DataLink::getDatabank, DataLink::getAccession, DataLink::getUrl)
                .containsExactly(
                        link("GEO", "GSE60056", "https://www.ncbi.nlm.nih.gov/geo/query/acc.cgi?acc=GSE60056"),
                        link("GEO", "GPL3991", "https://www.ncbi.nlm.nih.gov/geo/query/acc.cgi?acc=GPL3991"),
                        link("PDB", "4WCJ", "https://www.rcsb.org/structure/4WCJ"),
                        link("PDB", "P33943", null),
                        link("Dryad", "10.5061/dryad.7dj7t", "https://doi.org/10.5061/dryad.7dj7t"),
                        link("SRA", "PRJNA257239", "https://www.ncbi.nlm.nih.gov/sra/?term=PRJNA257239"),
                        link("RefSeq", "NM_032043", "https://www.ncbi.nlm.nih.gov/nuccore/NM_032043"),
                        link("RefSeq", "NP_000509", "https://www.ncbi.nlm.nih.gov/protein/NP_000509"),
                        link("dbGaP", "PHS000178.V8.P7",
                                "https://www.ncbi.nlm.nih.gov/projects/gap/cgi-bin/study.cgi?study_id=phs000178.v8.p7"),
                        link("OMIM", "114500", "https://omim.org/entry/114500"),
                        link("GENBANK", "AF078607", "https://www.ncbi.nlm.nih.gov/nuccore/AF078607"),
                        link("UniProtKB", "P33943", "https://www.uniprot.org/uniprotkb/P33943/entry"),
                        link("PIR", "A12345", null));
        assertThat(e.getTrialRegistrations()).extracting(t -> t.getId()).containsExactly("NCT00585195");
        assertThat(e.getDoi()).isNull();
        assertThat(e.getDoiIssues()).isEmpty();
    }

    private static Tuple link(String bank, String accession, String url) {
        return Tuple.tuple(bank, accession, url);
    }

    @Test
    void garbageInADoiSlotIsReportedNotEmitted() {
        Enrichment e = enrichment(citation().setArticleIds(List.of(new ArticleId("doi", "30049", true))));
        assertThat(e.getDoi()).isNull();
        assertThat(e.getDoiIssues()).containsExactly("AID [doi] \"30049\" is not a DOI; ignored");
    }

    @Test
    void doiMarkedInvalidIsReportedAndNotUsedWhenAValidOneExists() {
        Enrichment e = enrichment(citation()
                .setLocationIds(List.of(new ArticleId("doi", "10.1000/wrong", false)))
                .setArticleIds(List.of(new ArticleId("doi", "10.1038/s43587-023-00373-6", true))));
        assertThat(e.getDoi().getValue()).isEqualTo("10.1038/s43587-023-00373-6");
        assertThat(e.getDoi().getEvidence()).containsExactly(new Evidence("AID", "10.1038/s43587-023-00373-6"));
        assertThat(e.getDoiIssues()).containsExactly("LID [doi] \"10.1000/wrong\" is marked invalid (ValidYN=N)");
    }

    @Test
    void onlyAnInvalidMarkedDoiIsUsedAndReported() {
        Enrichment e = enrichment(citation().setLocationIds(List.of(new ArticleId("doi", "10.1000/xyz", false))));
        assertThat(e.getDoi().getValue()).isEqualTo("10.1000/xyz");
        assertThat(e.getDoiIssues()).hasSize(1);
    }

    @Test
    void disagreeingSourcesAreNamedAndTheLocationIdIsKept() {
        Enrichment e = enrichment(citation()
                .setLocationIds(List.of(new ArticleId("doi", "10.1000/ABC", true)))
                .setArticleIds(List.of(new ArticleId("doi", "10.1000/abc", true), new ArticleId("doi", "10.1000/other", true)))
                .setSource("J Test. 2020;1:1. doi: 10.1000/third."));
        assertThat(e.getDoi().getDisplay()).isEqualTo("10.1000/ABC");
        assertThat(e.getDoi().getValue()).isEqualTo("10.1000/abc");
        assertThat(e.getDoi().getEvidence()).extracting(Evidence::getField).containsExactly("LID", "AID");
        assertThat(e.getDoiIssues()).containsExactly(
                "DOI sources disagree: LID 10.1000/ABC vs AID 10.1000/other, SO 10.1000/third; kept 10.1000/ABC");
    }

    @Test
    void sourceDoiCutShortByALineWrapStillAgrees() {
        Enrichment e = enrichment(citation()
                .setLocationIds(List.of(new ArticleId("doi", "10.1136/neurintsurg-2019-015347", true)))
                .setSource("J Neurointerv Surg. 2020 Feb 3. doi: 10.1136/neurintsurg- 2019-015347."));
        assertThat(e.getDoiIssues()).isEmpty();
        assertThat(e.getDoi().getEvidence()).extracting(Evidence::getField).containsExactly("LID", "SO");
    }

    @Test
    void flagsFromPublicationTypesAndCommentsCorrections() {
        Flags retracted = enrichment(citation().setPublicationTypes(List.of("Journal Article", "Retracted Publication"))
                .setCommentsCorrections(List.of(cc("RetractionIn"), cc("ErratumIn"), cc("ExpressionOfConcernIn"),
                        cc("UpdateIn"), cc("CommentIn")))).getFlags();
        assertThat(retracted).isEqualTo(new Flags(true, false, true, false, true, false, true, false));
        Flags notices = enrichment(citation().setPublicationTypes(List.of("Retraction of Publication", "Published Erratum",
                "Preprint")).setCommentsCorrections(List.of(cc("RepublishedIn")))).getFlags();
        assertThat(notices).isEqualTo(new Flags(false, true, false, true, false, true, false, true));
        Flags replaced = enrichment(citation().setCommentsCorrections(List.of(cc("RetractedandRepublishedIn")))).getFlags();
        assertThat(replaced.getRetracted()).isTrue();
        assertThat(replaced.getRepublished()).isTrue();
    }

    private static CommentCorrection cc(String refType) {
        return CommentCorrection.newBuilder().setRefType(refType).setRefSource("J Test. 2020").setPmid("1").build();
    }

    @Test
    void languagesBecomeIso6391WhereOneExists() {
        Enrichment e = enrichment(citation().setLanguages(List.of("eng", "fre", "ger", "chi", "und", "ENG", "dut", "mul")));
        assertThat(e.getLanguageCodes()).containsExactly("en", "fr", "de", "zh", "und", "nl", "mul");
    }

    @Test
    void orcidsAreNormalizedOnAuthorsInvestigatorsAndEditors() {
        Author plain = Author.newBuilder().setLastName("Chen").build();
        Author withUrl = person("https://orcid.org/0000-0002-4590-7461");
        Author withBadCheckDigit = person("0000-0002-1825-0098");
        Citation enriched = enricher.enrich(citation().setAuthors(List.of(plain, withUrl, withBadCheckDigit))
                .setInvestigators(List.of(person("0000000179841889")))
                .setEditors(List.of(person("ORCID: 0000-0001-5806-251X"))).build());
        assertThat(enriched.getAuthors()).extracting(Author::getOrcid).containsExactly(null, "0000-0002-4590-7461", null);
        assertThat(enriched.getAuthors().get(0)).isSameAs(plain);
        assertThat(enriched.getAuthors().get(1).getIdentifiers()).isEqualTo(withUrl.getIdentifiers());
        assertThat(enriched.getInvestigators().get(0).getOrcid()).isEqualTo("0000-0001-7984-1889");
        assertThat(enriched.getEditors().get(0).getOrcid()).isEqualTo("0000-0001-5806-251X");
        assertThat(withUrl.getOrcid()).isNull();
    }

    private static Author person(String orcid) {
        return Author.newBuilder().setLastName("Doe").setIdentifiers(List.of(new Identifier("ORCID", orcid))).build();
    }

    @Test
    void enrichingTwiceGivesTheSameResult() {
        Citation once = enricher.enrich(SeedCitation.build());
        assertThat(enricher.enrich(once)).isEqualTo(once);
    }

    @Test
    void enrichedCitationSurvivesAnAvroRoundTrip() throws IOException {
        Citation enriched = enricher.enrich(SeedCitation.build());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<>(Citation.class).write(enriched, encoder);
        encoder.flush();
        Citation read = new SpecificDatumReader<>(Citation.class)
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
        assertThat(read).isEqualTo(enriched);
    }

    @Test
    void sharedEnricherGivesTheSameResultsFromManyThreads() {
        List<Citation> citations = IntStream.range(0, 400).mapToObj(i -> {
            Citation c = SeedCitation.build();
            c.setPmid(String.valueOf(36119045 + i));
            return c;
        }).toList();
        List<Citation> sequential = citations.stream().map(enricher::enrich).toList();
        assertThat(citations.parallelStream().map(enricher::enrich).toList()).isEqualTo(sequential);
    }

    @Test
    void citationWithoutPmidIsAClearError() {
        Citation noPmid = citation().build();
        noPmid.setPmid(" ");
        assertThatThrownBy(() -> enricher.enrich(noPmid)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no PMID");
    }
}
