package org.medlinestream.enrich.enrichment.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.medlinestream.enrich.enrichment.SharedDataProse;

/**
 * Looks for false positives over every title, abstract and keyword in ../shared/data (about
 * 2,000 real records): the finder must report exactly the trial ids those texts really cite.
 */
class SharedDataScanTest {

    /** The trial ids cited in the prose of ../shared/data, checked by hand against the records. */
    private static final Set<String> CITED = Set.of(
            "ChiCTR ChiCTR2100043595", "ClinicalTrials.gov NCT00380562", "ClinicalTrials.gov NCT00696878",
            "ClinicalTrials.gov NCT00843570", "ClinicalTrials.gov NCT01184170", "ClinicalTrials.gov NCT01384227",
            "ClinicalTrials.gov NCT01778335", "ClinicalTrials.gov NCT01844362", "ClinicalTrials.gov NCT02018367",
            "ClinicalTrials.gov NCT02109003", "ClinicalTrials.gov NCT02149199", "ClinicalTrials.gov NCT02239640",
            "ClinicalTrials.gov NCT02309073", "EudraCT 2010-019469-26", "ISRCTN ISRCTN63718836",
            "ISRCTN ISRCTN69423238");

    private final TrialRegistrationFinder finder = new TrialRegistrationFinder();

    @Test
    void proseOfEveryRecordYieldsExactlyTheCitedTrials() {
        List<String> texts = SharedDataProse.texts(SharedDataProse.dataDir());
        Set<String> found = new TreeSet<>();
        for (String text : texts) {
            finder.findInText("AB", text).forEach(t -> found.add(t.getRegistry() + " " + t.getId()));
        }
        assertThat(texts).as("prose fields read").hasSizeGreaterThan(3000);
        assertThat(found).containsExactlyInAnyOrderElementsOf(CITED);
    }
}
