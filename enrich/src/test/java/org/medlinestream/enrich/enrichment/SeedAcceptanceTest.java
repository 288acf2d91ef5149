package org.medlinestream.enrich.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.Enrichment;
import org.medlinestream.avro.Evidence;

/** Issue 4 acceptance on the seed record (PMID 36119045), built by hand from the seed's fields. */
class SeedAcceptanceTest {

    private final Enrichment enrichment = new Enricher().enrich(SeedCitation.build()).getEnrichment();

    @Test
    void handBuiltFieldsAreTheSeedsOwn() throws IOException {
        Path seed = SharedDataProse.dataDir().resolve("seed/000_c9b3f97c68c49ce2.txt");
        String text = Files.readString(seed, StandardCharsets.UTF_8);
        assertThat(text).contains("PMID- " + SeedCitation.PMID, "TI - " + SeedCitation.TITLE,
                "AB - " + SeedCitation.ABSTRACT + " CI - ", "SI - ChiCTR/ChiCTR2100043595",
                "LID - " + SeedCitation.DOI + " [doi]", "AID - " + SeedCitation.DOI + " [doi]",
                "SO - " + SeedCitation.SOURCE, "PMC - PMC9479328", "MH - *Lung Diseases, Interstitial/etiology",
                "MH - *Tacrolimus/adverse effects", "DP - 2022 ", "LA - eng");
    }

    @Test
    void trialFoundInSiAndAbstractIsOneRegistrationWithTwoEvidenceEntries() {
        assertThat(enrichment.getTrialRegistrations()).singleElement().satisfies(trial -> {
            assertThat(trial.getRegistry()).isEqualTo("ChiCTR");
            assertThat(trial.getId()).isEqualTo("ChiCTR2100043595");
            assertThat(trial.getSuffix()).isNull();
            assertThat(trial.getUrl()).isEqualTo("https://trialsearch.who.int/Trial2.aspx?TrialID=ChiCTR2100043595");
            assertThat(trial.getEvidence()).containsExactly(
                    new Evidence("SI", "ChiCTR/ChiCTR2100043595"), new Evidence("AB", "ChiCTR2100043595"));
        });
    }

    @Test
    void doiIsNormalizedWithItsUrlAndEveryPlaceItWasFound() {
        assertThat(enrichment.getDoi().getValue()).isEqualTo("10.3389/fimmu.2022.978429");
        assertThat(enrichment.getDoi().getDisplay()).isEqualTo("10.3389/fimmu.2022.978429");
        assertThat(enrichment.getDoi().getUrl()).isEqualTo("https://doi.org/10.3389/fimmu.2022.978429");
        assertThat(enrichment.getDoi().getEvidence()).extracting(Evidence::getField).containsExactly("LID", "AID", "SO");
        assertThat(enrichment.getDoiIssues()).isEmpty();
    }

    @Test
    void pubmedAndPmcUrls() {
        assertThat(enrichment.getPmcUrl()).isEqualTo("https://pmc.ncbi.nlm.nih.gov/articles/PMC9479328/");
        assertThat(enrichment.getPubmedUrl()).isEqualTo("https://pubmed.ncbi.nlm.nih.gov/36119045/");
    }

    @Test
    void dateTopicsLanguagesAndFlags() {
        assertThat(enrichment.getPublicationDate().getIso()).isEqualTo("2022");
        assertThat(enrichment.getMajorTopics()).containsExactly("Lung Diseases, Interstitial", "Tacrolimus");
        assertThat(enrichment.getLanguageCodes()).containsExactly("en");
        assertThat(enrichment.getDataLinks()).isEmpty();
        assertThat(enrichment.getFlags().getRetracted()).isFalse();
        assertThat(enrichment.getFlags().getHasErratum()).isFalse();
    }

    @Test
    void inputIsNotModified() {
        Citation seed = SeedCitation.build();
        new Enricher().enrich(seed);
        assertThat(seed).isEqualTo(SeedCitation.build());
        assertThat(seed.getEnrichment()).isNull();
    }
}
