package org.medlinestream.enrich.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.medlinestream.avro.PartialDate;

/** Runs {@code enrichment/publication-dates.tsv}: DP, PubDate and MedlineDate forms. */
class PublicationDatesTableTest {

    private static final String TABLE = "enrichment/publication-dates.tsv";

    @TestFactory
    Stream<DynamicTest> everyWrittenDateParsesAsExpected() {
        return TsvTable.read(TABLE).stream().map(row -> DynamicTest.dynamicTest(
                "line " + row.line() + ": " + row.get("written"), () -> {
                    PartialDate date = PublicationDates.parse(row.get("written"));
                    String what = TABLE + " line " + row.line() + " (" + row.get("source") + ")";
                    if (row.get("iso") == null) {
                        assertThat(date).as(what).isNull();
                        return;
                    }
                    assertThat(date).as(what).isNotNull();
                    assertThat(date.getIso()).as(what).isEqualTo(row.get("iso"));
                    assertThat(date.getYear()).as(what).isEqualTo(Integer.valueOf(row.get("year")));
                    assertThat(date.getMonth()).as(what).isEqualTo(integer(row.get("month")));
                    assertThat(date.getDay()).as(what).isEqualTo(integer(row.get("day")));
                    assertThat(date.getSeason()).as(what).isEqualTo(row.get("season"));
                    assertThat(date.getEndYear()).as(what).isEqualTo(integer(row.get("endYear")));
                    assertThat(date.getSortDate()).as(what).isEqualTo(LocalDate.parse(row.get("sortDate")));
                }));
    }

    private static Integer integer(String cell) {
        return cell == null ? null : Integer.valueOf(cell);
    }
}
