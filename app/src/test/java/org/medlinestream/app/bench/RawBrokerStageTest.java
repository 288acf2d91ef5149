package org.medlinestream.app.bench;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RawBrokerStageTest {

  @Test
  void refusesAHeapTooSmallForTheCorpusItHoldsAndSaysWhatToDo() {
    long corpus = 1_150_000_000L;

    assertThatThrownBy(() -> RawBrokerStage.requireHeapFor(corpus, 1_073_741_824L))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("(1,150 MB)")
        .hasMessageContaining("at most 1,073 MB")
        .hasMessageContaining("MEDLINE_STREAM_JAVA_OPTS=-Xmx2g")
        .hasMessageContaining("--pipeline-only");
    assertThatCode(() -> RawBrokerStage.requireHeapFor(corpus, 6_000_000_000L))
        .doesNotThrowAnyException();
  }
}
