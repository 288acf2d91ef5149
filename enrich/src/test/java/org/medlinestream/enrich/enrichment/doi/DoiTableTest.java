package org.medlinestream.enrich.enrichment.doi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.medlinestream.avro.ArticleId;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.Doi;
import org.medlinestream.avro.Evidence;
import org.medlinestream.enrich.enrichment.TsvTable;

/**
 * Runs {@code enrichment/dois.tsv}: real DOIs from ../shared/data as read, and the dirty forms
 * MEDLINE-FACTS (d) lists, each through the resolver from its slot (LID, AID or SO).
 */
class DoiTableTest {

    private static final String TABLE = "enrichment/dois.tsv";
    private final ArticleDoiResolver resolver = new ArticleDoiResolver();

    @TestFactory
    Stream<DynamicTest> everyRowResolvesAsExpected() {
        return TsvTable.read(TABLE).stream().map(row -> DynamicTest.dynamicTest(
                "line " + row.line() + ": " + row.get("field") + " " + row.get("raw"), () -> check(row)));
    }

    private void check(TsvTable.Row row) {
        String field = row.get("field");
        String raw = row.cells()[row.header().indexOf("raw")];
        ArticleDoiResolver.Resolution resolution = resolver.resolve(citation(field, raw));
        String what = TABLE + " line " + row.line() + " (" + row.get("source") + ")";
        if (row.get("display") == null) {
            assertThat(resolution.doi()).as(what).isNull();
            if (!"SO".equals(field)) {
                assertThat(resolution.issues()).as(what).singleElement().asString()
                        .contains(field).contains("\"" + raw + "\"").contains("is not a DOI");
            }
            return;
        }
        Doi doi = resolution.doi();
        assertThat(doi).as(what).isNotNull();
        assertThat(doi.getDisplay()).as(what).isEqualTo(row.get("display"));
        assertThat(doi.getValue()).as(what).isEqualTo(row.get("value"));
        assertThat(doi.getUrl()).as(what).isEqualTo(row.get("url"));
        assertThat(doi.getEvidence()).as(what).extracting(Evidence::getField).containsExactly(field);
        assertThat(resolution.issues()).as(what).isEmpty();
    }

    private static Citation citation(String field, String raw) {
        Citation.Builder citation = Citation.newBuilder().setPmid("1").setPmidVersion(1);
        ArticleId id = new ArticleId("doi", raw, true);
        switch (field) {
            case "LID" -> citation.setLocationIds(List.of(id));
            case "AID" -> citation.setArticleIds(List.of(id));
            case "SO" -> citation.setSource(raw);
            default -> throw new IllegalArgumentException("unknown DOI slot " + field + " in " + TABLE);
        }
        return citation.build();
    }
}
