package org.medlinestream.enrich.enrichment.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.DataBank;

class TrialRegistryTest {

    @Test
    void databankNamesAreMatchedCaseInsensitivelyAndJprnCoversTheJapaneseRegistries() {
        assertThat(TrialRegistry.forDatabank(" clinicaltrials.gov ")).containsExactly(TrialRegistry.CLINICALTRIALS_GOV);
        assertThat(TrialRegistry.forDatabank("JPRN")).containsExactly(
                TrialRegistry.UMIN_CTR, TrialRegistry.JRCT, TrialRegistry.JAPIC_CTI, TrialRegistry.JMACCT);
        assertThat(TrialRegistry.forDatabank("GEO")).isEmpty();
        assertThat(TrialRegistry.forDatabank(null)).isEmpty();
    }

    @Test
    void registryNamesAreDistinct() {
        assertThat(Arrays.stream(TrialRegistry.values()).map(TrialRegistry::registryName))
                .doesNotHaveDuplicates();
    }

    @Test
    void siAccessionNotInItsRegistrysFormIsKeptAsReadAndLinkedThroughIctrp() {
        Citation citation = Citation.newBuilder().setPmid("1").setPmidVersion(1)
                .setDataBanks(List.of(new DataBank("ClinicalTrials.gov", List.of("NCT 0123 456")))).build();
        assertThat(new TrialRegistrationFinder().find(citation)).singleElement().satisfies(trial -> {
            assertThat(trial.getRegistry()).isEqualTo("ClinicalTrials.gov");
            assertThat(trial.getId()).isEqualTo("NCT0123456");
            assertThat(trial.getUrl()).isEqualTo("https://trialsearch.who.int/Trial2.aspx?TrialID=NCT0123456");
        });
    }

    @Test
    void sameIdTwiceInOneFieldGivesOneEvidenceEntry() {
        assertThat(new TrialRegistrationFinder().findInText("AB", "NCT01234567 ... NCT01234567"))
                .singleElement().satisfies(trial -> assertThat(trial.getEvidence()).hasSize(1));
    }
}
