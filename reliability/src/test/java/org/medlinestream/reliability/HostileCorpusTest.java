package org.medlinestream.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The committed hostile corpus is what {@link HostileCorpus} generates, and big enough.
 * {@code -Dhostile.regenerate=true} rewrites {@code src/test/resources/hostile/generated} first.
 */
class HostileCorpusTest {
  static final Path GENERATED = Path.of("src/test/resources/hostile/generated");
  static final Path HAND_WRITTEN = Path.of("src/test/resources/hostile/hand");

  @Test
  void theCommittedCorpusIsTheGeneratedOne() throws Exception {
    List<HostileInput> generated = HostileCorpus.generate();
    if (Boolean.getBoolean("hostile.regenerate")) {
      HostileInput.writeAll(generated, GENERATED);
    }
    List<HostileInput> committed = HostileInput.readAll(GENERATED);
    assertThat(committed).hasSameSizeAs(generated);
    for (int i = 0; i < generated.size(); i++) {
      HostileInput expected = generated.get(i);
      HostileInput actual = committed.get(i);
      assertThat(actual.name()).isEqualTo(expected.name());
      assertThat(actual.bytes()).as(actual.name()).isEqualTo(expected.bytes());
      assertThat(actual.manifestLine()).isEqualTo(expected.manifestLine());
    }
  }

  @Test
  void theCorpusHasAtLeast200InputsWithDistinctNames() throws Exception {
    List<HostileInput> all = all();
    Set<String> names = new HashSet<>();
    all.forEach(input -> names.add(input.name()));
    assertThat(names).hasSize(all.size()).hasSizeGreaterThanOrEqualTo(200);
  }

  /** The generated and the hand-written inputs. */
  static List<HostileInput> all() throws Exception {
    List<HostileInput> all = new java.util.ArrayList<>(HostileInput.readAll(GENERATED));
    all.addAll(HostileInput.readAll(HAND_WRITTEN));
    return all;
  }
}
