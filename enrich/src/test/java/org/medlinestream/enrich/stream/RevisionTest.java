package org.medlinestream.enrich.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class RevisionTest {
  private static final LocalDate MAY = LocalDate.of(2022, 5, 1);
  private static final LocalDate JUNE = LocalDate.of(2022, 6, 1);

  @Test
  void ordersByPmidVersionThenDateRevisedWithNoDateFirst() {
    Revision mayV1 = new Revision("a", 1, MAY);
    assertThat(new Revision("b", 1, JUNE).isOlderThan(mayV1)).isFalse();
    assertThat(mayV1.isOlderThan(new Revision("b", 1, JUNE))).isTrue();
    assertThat(new Revision("b", 2, MAY).isOlderThan(new Revision("c", 1, JUNE))).isFalse();
    assertThat(new Revision("c", 1, JUNE).isOlderThan(new Revision("b", 2, MAY))).isTrue();
    assertThat(new Revision("b", 1, null).isOlderThan(mayV1)).isTrue();
    assertThat(new Revision("b", 1, MAY).isOlderThan(mayV1)).as("same revision, other bytes").isFalse();
  }

  @Test
  void aDeletionIsNeverOlderAndNothingIsOlderThanADeletion() {
    assertThat(Revision.deletion().isOlderThan(new Revision("a", 3, JUNE))).isFalse();
    assertThat(new Revision("a", 1, null).isOlderThan(Revision.deletion())).isFalse();
  }

  @Test
  void repeatsOnlyTheSameContentOrASecondDeletion() {
    assertThat(new Revision("a", 1, MAY).repeats(new Revision("a", 1, MAY))).isTrue();
    assertThat(new Revision("b", 1, MAY).repeats(new Revision("a", 1, MAY))).isFalse();
    assertThat(Revision.deletion().repeats(Revision.deletion())).isTrue();
    assertThat(Revision.deletion().repeats(new Revision("a", 1, MAY))).isFalse();
  }

  @Test
  void survivesTheStoreSerde() {
    Serde<Revision> serde = Revision.serde();
    for (Revision revision : new Revision[] {new Revision("9f86d081884c7d65", 2, JUNE), new Revision("x", 1, null),
        Revision.deletion()}) {
      assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", revision))).isEqualTo(revision);
    }
    assertThat(serde.serializer().serialize("t", null)).isNull();
  }
}
