package org.medlinestream.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  @Test
  void writesCountersAndGaugesWithEscapedLabelsAndLeavesOutWhatIsNoNumber() {
    try (Metrics metrics = new Metrics()) {
      Sensor sensor = metrics.sensor("s");
      sensor.add(metrics.metricName("records-total", "stream-thread-metrics", "records\nread",
          Map.of("thread-id", "t\"1\\")), new CumulativeSum());
      sensor.record(3);
      metrics.addMetric(metrics.metricName("lag-avg", "g", "", Map.of()), (Gauge<Double>) (config, now) -> 0.25);
      metrics.addMetric(metrics.metricName("version", "app-info", "", Map.of()), (Gauge<String>) (config, now) -> "4.4.0");

      String text = PrometheusText.render(metrics.metrics());

      assertThat(text).contains("# HELP stream_thread_metrics_records_total records\\nread\n"
          + "# TYPE stream_thread_metrics_records_total counter\n"
          + "stream_thread_metrics_records_total{thread_id=\"t\\\"1\\\\\"} 3\n");
      assertThat(text).contains("# TYPE g_lag_avg gauge\ng_lag_avg 0.25\n");
      assertThat(text).doesNotContain("version");
    }
  }

  @Test
  void replacesWhatPrometheusDoesNotAllowInNames() {
    assertThat(PrometheusText.sanitize("medline-enrich_parse.time-ms")).isEqualTo("medline_enrich_parse_time_ms");
    assertThat(PrometheusText.sanitize("9lives")).isEqualTo("_lives");
  }
}
