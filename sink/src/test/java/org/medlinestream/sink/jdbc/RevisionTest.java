package org.medlinestream.sink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medlinestream.avro.Citation;
import org.medlinestream.sink.TestCitations;

class RevisionTest {

  private static Citation citation(LocalDate revised, int pmidVersion) {
    Citation citation = TestCitations.revised(TestCitations.seed(), revised, "a title");
    citation.setPmidVersion(pmidVersion);
    return citation;
  }

  @Test
  void isTheRevisionDateThenTheVersionInFiveDigits() {
    assertThat(Revision.of(citation(LocalDate.of(2022, 9, 26), 1))).isEqualTo("2022-09-26/00001");
    assertThat(Revision.of(citation(null, 12))).isEqualTo("0000-00-00/00012");
  }

  /** The text stored in citations.revision of existing databases must not change. */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 9, 10, 99_999, 100_000, 1_234_567, Integer.MAX_VALUE, -1, -42,
      -12_345, Integer.MIN_VALUE})
  void writesEveryVersionAsTheFormatOfTheFirstSchemaDid(int version) {
    LocalDate revised = LocalDate.of(2001, 2, 3);
    assertThat(Revision.of(citation(revised, version)))
        .isEqualTo(String.format("%s/%05d", revised, version));
  }

  @Test
  void sortsByDateThenByVersion() {
    Citation older = citation(LocalDate.of(2020, 1, 1), 9);
    Citation newerDate = citation(LocalDate.of(2021, 1, 1), 1);
    Citation newerVersion = citation(LocalDate.of(2020, 1, 1), 10);
    assertThat(Revision.isOlder(older, newerDate)).isTrue();
    assertThat(Revision.isOlder(older, newerVersion)).isTrue();
    assertThat(Revision.isOlder(newerDate, older)).isFalse();
  }
}
