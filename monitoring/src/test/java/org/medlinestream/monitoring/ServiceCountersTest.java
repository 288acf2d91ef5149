package org.medlinestream.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ServiceCountersTest {
  @Test
  void aCounterIsReadWhenScraped() {
    AtomicLong applied = new AtomicLong(3);
    ServiceCounters counters = new ServiceCounters("medline-sink")
        .counter("citations-applied", "citations written to the store", applied::get);
    applied.addAndGet(2);

    assertThat(PrometheusText.render(counters.metrics()))
        .contains("# HELP medline_sink_citations_applied_total citations written to the store\n"
            + "# TYPE medline_sink_citations_applied_total counter\n"
            + "medline_sink_citations_applied_total 5\n");
  }
}
