package org.medlinestream.monitoring;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Kafka metrics in the Prometheus text exposition format (version 0.0.4). A metric is named {@code
 * <group>_<name>}, its tags become labels, dashes and other characters Prometheus does not allow
 * become {@code _}; names ending in {@code _total} are counters, the others gauges. Metrics whose
 * value is not a number (versions, ids) are left out.
 */
public final class PrometheusText {
  private PrometheusText() {}

  @SafeVarargs
  public static String render(Map<MetricName, ? extends Metric>... registries) {
    Map<String, Family> families = new TreeMap<>();
    for (Map<MetricName, ? extends Metric> registry : registries) {
      for (Metric metric : registry.values()) {
        if (metric.metricValue() instanceof Number value) {
          MetricName name = metric.metricName();
          String family = sanitize(name.group() + "_" + name.name());
          families.computeIfAbsent(family, f -> new Family(name.description()))
              .samples.put(labels(name.tags()), value.doubleValue());
        }
      }
    }
    StringBuilder text = new StringBuilder(64 * 1024);
    families.forEach((name, family) -> {
      if (!family.help.isEmpty()) {
        text.append("# HELP ").append(name).append(' ').append(escapeHelp(family.help)).append('\n');
      }
      text.append("# TYPE ").append(name).append(name.endsWith("_total") ? " counter\n" : " gauge\n");
      family.samples.forEach((labels, value) ->
          text.append(name).append(labels).append(' ').append(number(value)).append('\n'));
    });
    return text.toString();
  }

  /** The samples of one metric name, by label set. */
  private static final class Family {
    final String help;
    final Map<String, Double> samples = new TreeMap<>();

    Family(String help) {
      this.help = help == null ? "" : help;
    }
  }

  private static String labels(Map<String, String> tags) {
    if (tags.isEmpty()) {
      return "";
    }
    StringBuilder labels = new StringBuilder("{");
    new TreeMap<>(tags).forEach((key, value) -> {
      if (labels.length() > 1) {
        labels.append(',');
      }
      labels.append(sanitize(key)).append("=\"").append(escapeLabel(value)).append('"');
    });
    return labels.append('}').toString();
  }

  static String sanitize(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= '0' && c <= '9' && i > 0;
      out.append(allowed ? c : '_');
    }
    return out.toString();
  }

  private static String escapeLabel(String value) {
    return value == null ? "" : value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static String escapeHelp(String help) {
    return help.replace("\\", "\\\\").replace("\n", "\\n");
  }

  private static String number(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }
}
