package org.medlinestream.app;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.medlinestream.monitoring.MonitoringServer;
import org.medlinestream.schemas.Topics;

/**
 * Every named setting of medline-stream, with its default, its flag and its meaning. Besides these,
 * any {@code kafka.*} key goes to every Kafka client and any {@code schema.registry.*} key to the
 * registry client. Add a key here when a command reads a new setting: the README's configuration
 * table is generated from this list ({@link #markdownTable()}) and a test keeps them equal.
 */
public enum ConfigKey {
  BOOTSTRAP_SERVERS("kafka.bootstrap.servers", "localhost:9092", "--bootstrap-servers",
      "Kafka brokers to connect to (`host:port,...`)."),
  SCHEMA_REGISTRY_URL("schema.registry.url", "http://localhost:8081", "--schema-registry-url",
      "Confluent-compatible schema registry."),
  TOPIC_RAW("topics.raw", Topics.RAW, null,
      "Raw records as read, keyed by PMID."),
  TOPIC_CITATIONS("topics.citations", Topics.CITATIONS, null,
      "Enriched citations (Avro), keyed by PMID; compacted."),
  TOPIC_DLQ("topics.dlq", Topics.DLQ, null,
      "Records that could not be processed."),
  TOPIC_INGEST_CHECKPOINTS("topics.ingest.checkpoints", Topics.INGEST_CHECKPOINTS, null,
      "Ingest's progress per source file, written with the records; compacted."),
  TOPIC_PARTITIONS("topics.partitions", "6", "--partitions",
      "Partitions of each pipeline topic when it is created."),
  TOPIC_REPLICATION_FACTOR("topics.replication.factor", "1", "--replication-factor",
      "Replication factor of each pipeline topic when it is created."),
  HTTP_PORT("http.port", Integer.toString(MonitoringServer.DEFAULT_PORT), "--http-port",
      "Port of `/metrics`, `/health/live` and `/health/ready` of `ingest --watch`, `enrich` and "
          + "`sink`; 0 any free port, -1 none.");

  /** Prefix of the environment variables that set keys: {@code MEDLINE_STREAM_KAFKA_BOOTSTRAP_SERVERS}. */
  public static final String ENV_PREFIX = "MEDLINE_STREAM_";

  private final String key;
  private final String defaultValue;
  private final String flag;
  private final String meaning;

  ConfigKey(String key, String defaultValue, String flag, String meaning) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.flag = flag;
    this.meaning = meaning;
  }

  public String key() {
    return key;
  }

  public String defaultValue() {
    return defaultValue;
  }

  /** The command-line flag that sets this key besides {@code -D key=value}, if any. */
  public Optional<String> flag() {
    return Optional.ofNullable(flag);
  }

  public String meaning() {
    return meaning;
  }

  /** {@code kafka.bootstrap.servers} → {@code MEDLINE_STREAM_KAFKA_BOOTSTRAP_SERVERS}. */
  public static String envVar(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  /** The reverse of {@link #envVar}: {@code MEDLINE_STREAM_TOPICS_RAW} → {@code topics.raw}. */
  public static Optional<String> keyOfEnvVar(String name) {
    if (!name.startsWith(ENV_PREFIX) || name.length() == ENV_PREFIX.length()) {
      return Optional.empty();
    }
    return Optional.of(
        name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'));
  }

  public static Optional<ConfigKey> of(String key) {
    return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
  }

  /** The configuration table of the README, in Markdown. */
  public static String markdownTable() {
    StringBuilder table = new StringBuilder()
        .append("| key | environment variable | flag | default | meaning |\n")
        .append("|---|---|---|---|---|\n");
    for (ConfigKey k : values()) {
      table.append("| `").append(k.key).append("` | `").append(envVar(k.key)).append("` | ")
          .append(k.flag == null ? "`-D " + k.key + "=...`" : "`" + k.flag + "`").append(" | `")
          .append(k.defaultValue).append("` | ").append(k.meaning).append(" |\n");
    }
    return table.toString();
  }
}
