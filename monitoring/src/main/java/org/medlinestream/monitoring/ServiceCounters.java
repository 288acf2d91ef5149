package org.medlinestream.monitoring;

import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.Metrics;

/**
 * Counters a service keeps anyway (in atomics or a stats object), exposed as Kafka metrics for
 * {@link PrometheusText}: counter {@code x} of group {@code medline-sink} is scraped as {@code
 * medline_sink_x_total}, read when scraped.
 *
 * <pre>{@code
 * ServiceCounters counters = new ServiceCounters("medline-sink")
 *     .counter("citations-applied", "citations written to the store", sink::applied);
 * }</pre>
 */
public final class ServiceCounters {
  private final Metrics registry = new Metrics();
  private final String group;

  public ServiceCounters(String group) {
    this.group = group;
  }

  /** Adds counter {@code name} ({@code <name>-total}), whose value {@code value} reads. */
  public ServiceCounters counter(String name, String description, LongSupplier value) {
    registry.addMetric(registry.metricName(name + "-total", group, description),
        (Measurable) (config, now) -> value.getAsLong());
    return this;
  }

  /** Every counter, for {@link PrometheusText#render}. */
  public Map<MetricName, ? extends Metric> metrics() {
    return registry.metrics();
  }
}
