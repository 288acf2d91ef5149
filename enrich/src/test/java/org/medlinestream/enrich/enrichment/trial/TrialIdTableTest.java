package org.medlinestream.enrich.enrichment.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.DataBank;
import org.medlinestream.avro.TrialRegistration;
import org.medlinestream.enrich.enrichment.TsvTable;

/**
 * Runs {@code enrichment/trial-ids.tsv}: real strings from ../shared/data, registry pages and
 * documentation, each asserting the registrations found (registry, id, suffix, URL) or none.
 */
class TrialIdTableTest {

    private static final String TABLE = "enrichment/trial-ids.tsv";
    private final TrialRegistrationFinder finder = new TrialRegistrationFinder();

    @TestFactory
    Stream<DynamicTest> everyCaseYieldsExactlyTheExpectedRegistrations() {
        return cases().values().stream().map(rows -> {
            TsvTable.Row first = rows.get(0);
            String field = first.get("field");
            String text = first.get("text");
            List<String> expected = new ArrayList<>();
            for (TsvTable.Row row : rows) {
                if (row.get("registry") != null) {
                    expected.add(describe(row.get("registry"), row.get("id"), row.get("suffix"), row.get("url")));
                }
            }
            return DynamicTest.dynamicTest("line " + first.line() + ": " + field + " " + text, () -> {
                List<String> found = find(field, text).stream()
                        .map(r -> describe(r.getRegistry(), r.getId(), r.getSuffix(), r.getUrl()))
                        .toList();
                assertThat(found).as("%s line %d (%s)", TABLE, first.line(), first.get("source"))
                        .containsExactlyElementsOf(expected);
            });
        });
    }

    @Test
    void tableHoldsAtLeastOneHundredCasesCoveringEveryRegistry() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(100);
        List<String> registries = TsvTable.read(TABLE).stream().map(r -> r.get("registry")).distinct().toList();
        for (TrialRegistry registry : TrialRegistry.values()) {
            assertThat(registries).as("table covers %s", registry).contains(registry.registryName());
        }
    }

    private List<TrialRegistration> find(String field, String text) {
        if (!"SI".equals(field)) {
            return finder.findInText(field, text);
        }
        int slash = text.indexOf('/');
        Citation citation = Citation.newBuilder().setPmid("1").setPmidVersion(1)
                .setDataBanks(List.of(new DataBank(text.substring(0, slash), List.of(text.substring(slash + 1)))))
                .build();
        return finder.find(citation);
    }

    private static Map<String, List<TsvTable.Row>> cases() {
        Map<String, List<TsvTable.Row>> cases = new LinkedHashMap<>();
        for (TsvTable.Row row : TsvTable.read(TABLE)) {
            cases.computeIfAbsent(row.get("field") + "\t" + row.get("text"), k -> new ArrayList<>()).add(row);
        }
        return cases;
    }

    private static String describe(String registry, String id, String suffix, String url) {
        return registry + " " + id + (suffix == null ? "" : " [" + suffix + "]") + " " + url;
    }
}
