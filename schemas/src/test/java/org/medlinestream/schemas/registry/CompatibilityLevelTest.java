package org.medlinestream.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.medlinestream.schemas.TinySchemas;

class CompatibilityLevelTest {
  private static final Schema V1 = new Schema.Parser().parse(TinySchemas.V1);
  private static final Schema V2 = new Schema.Parser().parse(TinySchemas.V2);
  private static final Schema BREAKING = new Schema.Parser().parse(TinySchemas.BREAKING);

  @Test
  void parsesNamesInAnyCase() {
    assertThat(CompatibilityLevel.parse(" full_transitive")).contains(CompatibilityLevel.FULL_TRANSITIVE);
    assertThat(CompatibilityLevel.parse("sideways")).isEmpty();
    assertThat(CompatibilityLevel.parse(null)).isEmpty();
  }

  @Test
  void backwardMeansTheNewSchemaReadsOldDataAndForwardTheReverse() {
    assertThat(CompatibilityLevel.BACKWARD.incompatibilities(BREAKING, List.of(V1)))
        .singleElement().asString().contains("new schema cannot read", "READER_FIELD_MISSING_DEFAULT_VALUE", "year");
    assertThat(CompatibilityLevel.FORWARD.incompatibilities(BREAKING, List.of(V1))).isEmpty();
    assertThat(CompatibilityLevel.FORWARD.incompatibilities(V1, List.of(BREAKING)))
        .singleElement().asString().contains("an earlier schema cannot read");
    assertThat(CompatibilityLevel.FULL.incompatibilities(V2, List.of(V1))).isEmpty();
    assertThat(CompatibilityLevel.FULL.incompatibilities(BREAKING, List.of(V1))).hasSize(1);
    assertThat(CompatibilityLevel.NONE.incompatibilities(BREAKING, List.of(V1))).isEmpty();
  }

  @Test
  void onlyTransitiveLevelsLookPastTheLatestVersion() {
    assertThat(CompatibilityLevel.BACKWARD.incompatibilities(BREAKING, List.of(V1, BREAKING))).isEmpty();
    assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.incompatibilities(BREAKING, List.of(V1, BREAKING))).hasSize(1);
    assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.incompatibilities(V1, List.of())).isEmpty();
  }
}
