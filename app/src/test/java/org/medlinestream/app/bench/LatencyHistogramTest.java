package org.medlinestream.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
  @Test
  void emptyHasNoPercentile() {
    assertThat(new LatencyHistogram().percentile(0.5)).isEqualTo(-1);
  }

  @Test
  void shortLatenciesAreExact() {
    LatencyHistogram histogram = new LatencyHistogram();
    for (long millis = 1; millis <= 100; millis++) {
      histogram.record(millis);
    }
    assertThat(histogram.count()).isEqualTo(100);
    assertThat(histogram.percentile(0.5)).isEqualTo(50);
    assertThat(histogram.percentile(0.99)).isEqualTo(99);
    assertThat(histogram.percentile(1.0)).isEqualTo(100);
  }

  @Test
  void longLatenciesAreWithinTwoTenthsOfAPercentWithoutACap() {
    long[] latencies = {1_024, 5_000, 600_001, 3_600_000, 86_400_000L * 365};
    for (long latency : latencies) {
      LatencyHistogram histogram = new LatencyHistogram();
      histogram.record(latency);
      assertThat(histogram.percentile(0.5)).as("latency %d", latency)
          .isGreaterThanOrEqualTo(latency)
          .isCloseTo(latency, within((long) Math.ceil(latency * 0.002)));
    }
  }

  @Test
  void percentilesSplitAMixOfShortAndLongLatencies() {
    LatencyHistogram histogram = new LatencyHistogram();
    for (int i = 0; i < 98; i++) {
      histogram.record(20);
    }
    histogram.record(700_000);
    histogram.record(-5); // a clock step back counts as 0
    assertThat(histogram.count()).isEqualTo(100);
    assertThat(histogram.percentile(0.5)).isEqualTo(20);
    assertThat(histogram.percentile(0.01)).isZero();
    assertThat(histogram.percentile(1.0)).isCloseTo(700_000, within(1_400L));
  }
}
