package org.medlinestream.enrich.stream;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.metrics.stats.Meter;

/**
 * The enrich stage's own metrics, in a Kafka {@link Metrics} registry beside Kafka Streams' (group
 * {@value #GROUP}): a rate and a total for each {@link Counter}, and the parse time. Thread-safe:
 * every stream thread records into the same sensors.
 */
public final class EnrichMetrics implements AutoCloseable {
  public static final String GROUP = "medline-enrich";

  /** What the stage counts. */
  public enum Counter {
    RECORDS_IN("records-in", "raw records read"),
    RECORDS_OUT("records-out", "citations and tombstones written"),
    DELETES("deletes", "tombstones written for deleted citations"),
    DEAD_LETTERS("dead-letters", "records sent to the dead-letter topic"),
    DUPLICATES("duplicates", "identical re-deliveries dropped"),
    STALE("stale", "older revisions dropped after a newer one"),
    REVISED("revised", "newer records of a PMID written over an earlier one"),
    TRIAL_LINKS("trial-links", "trial registrations found"),
    DOIS("dois", "citations with a DOI"),
    THREADS_REPLACED("threads-replaced", "stream threads replaced after an uncaught exception");

    private final String metricName;
    private final String description;

    Counter(String metricName, String description) {
      this.metricName = metricName;
      this.description = description;
    }
  }

  private final Metrics registry = new Metrics();
  private final Map<Counter, Sensor> counters = new EnumMap<>(Counter.class);
  private final Sensor parseTime;

  public EnrichMetrics() {
    for (Counter counter : Counter.values()) {
      Sensor sensor = registry.sensor(counter.metricName);
      sensor.add(new Meter(TimeUnit.SECONDS,
          name(counter.metricName + "-rate", counter.description + " per second"),
          name(counter.metricName + "-total", counter.description)));
      counters.put(counter, sensor);
    }
    parseTime = registry.sensor("parse-time");
    parseTime.add(name("parse-time-avg-ms", "average time to parse a raw record, ms"), new Avg());
    parseTime.add(name("parse-time-max-ms", "longest time to parse a raw record, ms"), new Max());
    parseTime.add(name("parse-time-ms-total", "time spent parsing raw records, ms"), new CumulativeSum());
  }

  public void count(Counter counter) {
    counters.get(counter).record();
  }

  public void count(Counter counter, long times) {
    if (times > 0) {
      counters.get(counter).record(times);
    }
  }

  public void parseTime(long nanos) {
    parseTime.record(nanos / 1e6);
  }

  /** How many times {@code counter} was counted since this registry was made. */
  public long total(Counter counter) {
    return ((Number) registry.metric(name(counter.metricName + "-total", counter.description)).metricValue())
        .longValue();
  }

  /** Every metric of the registry. */
  public Map<MetricName, ? extends Metric> metrics() {
    return registry.metrics();
  }

  @Override
  public void close() {
    registry.close();
  }

  private MetricName name(String name, String description) {
    return registry.metricName(name, GROUP, description);
  }
}
