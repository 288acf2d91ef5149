package org.medlinestream.enrich.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.medlinestream.avro.Identifier;

/** Runs {@code enrichment/orcids.tsv}: the three ORCID forms seen in the data, and bad ones. */
class OrcidsTableTest {

    private static final String TABLE = "enrichment/orcids.tsv";

    @TestFactory
    Stream<DynamicTest> everyRawOrcidNormalizesAsExpected() {
        return TsvTable.read(TABLE).stream().map(row -> DynamicTest.dynamicTest(
                "line " + row.line() + ": " + row.get("raw"), () ->
                        assertThat(Orcids.normalize(row.get("raw")))
                                .as("%s line %d (%s)", TABLE, row.line(), row.get("source"))
                                .isEqualTo(row.get("orcid"))));
    }

    @Test
    void firstValidOrcidIdentifierWinsAndOtherSourcesAreIgnored() {
        List<Identifier> identifiers = List.of(
                new Identifier("ISNI", "0000000121032683"),
                new Identifier("ORCID", "0000-0002-1825-0098"),
                new Identifier("orcid", "https://orcid.org/0000-0002-1825-0097"));
        assertThat(Orcids.of(identifiers)).isEqualTo("0000-0002-1825-0097");
        assertThat(Orcids.of(identifiers.subList(0, 2))).isNull();
    }
}
