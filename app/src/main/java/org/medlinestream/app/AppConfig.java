package org.medlinestream.app;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The settings of a command, resolved the way Kafka users expect: defaults, then a properties file
 * ({@code --config}), then environment variables ({@code MEDLINE_STREAM_<KEY>}, {@code _} read as
 * {@code .}, lower-cased), then flags; the later wins. Any {@code kafka.*} key goes, without its
 * prefix, to every Kafka client ({@code kafka.security.protocol=SASL_SSL}); any
 * {@code schema.registry.*} key to the registry client (see {@link #schemaRegistryProperties()}). Secrets are masked in {@link #describe()}
 * and {@link #toString()} (see {@link Secrets}).
 */
public final class AppConfig {
  public static final String KAFKA_PREFIX = "kafka.";
  public static final String REGISTRY_PREFIX = "schema.registry.";
  /** Read by the launcher script, not a setting. */
  static final String LAUNCHER_ENV = "MEDLINE_STREAM_JAVA_OPTS";

  /** A resolved value and where it came from ({@code default}, {@code file x}, ...). */
  public record Setting(String value, String origin) {}

  private final Map<String, Setting> settings;
  private final List<String> unknownKeys;

  private AppConfig(Map<String, Setting> settings, List<String> unknownKeys) {
    this.settings = settings;
    this.unknownKeys = unknownKeys;
  }

  /** The defaults alone. */
  public static AppConfig defaults() {
    return resolve(null, Map.of(), Map.of());
  }

  /**
   * Resolves defaults &lt; {@code file} (may be null) &lt; {@code environment} &lt; {@code flags}.
   *
   * @param environment all environment variables; only {@code MEDLINE_STREAM_*} are read
   * @param flags keys set on the command line
   */
  public static AppConfig resolve(
      Path file, Map<String, String> environment, Map<String, String> flags) {
    Map<String, Setting> settings = new TreeMap<>();
    List<String> unknown = new ArrayList<>();
    for (ConfigKey key : ConfigKey.values()) {
      settings.put(key.key(), new Setting(key.defaultValue(), "default"));
    }
    if (file != null) {
      load(file).forEach((key, value) -> {
        settings.put(key, new Setting(value, "file " + file));
        noteUnknown(key, unknown);
      });
    }
    new TreeMap<>(environment).forEach((name, value) -> {
      if (!name.equals(LAUNCHER_ENV)) {
        ConfigKey.keyOfEnvVar(name)
            .ifPresent(key -> settings.put(key, new Setting(value, "environment " + name)));
      }
    });
    flags.forEach((key, value) -> {
      settings.put(key, new Setting(value, "flag"));
      noteUnknown(key, unknown);
    });
    return new AppConfig(settings, List.copyOf(unknown));
  }

  /** A copy with {@code key} set to {@code value}. */
  public AppConfig with(String key, String value, String origin) {
    Map<String, Setting> copy = new TreeMap<>(settings);
    copy.put(key, new Setting(value, origin));
    return new AppConfig(copy, unknownKeys);
  }

  /** The value of {@code key}, or null when nothing sets it. */
  public String get(String key) {
    Setting setting = settings.get(key);
    return setting == null ? null : setting.value();
  }

  public String get(ConfigKey key) {
    return get(key.key());
  }

  public String bootstrapServers() {
    return get(ConfigKey.BOOTSTRAP_SERVERS);
  }

  public String schemaRegistryUrl() {
    return get(ConfigKey.SCHEMA_REGISTRY_URL);
  }

  public String rawTopic() {
    return get(ConfigKey.TOPIC_RAW);
  }

  public String citationsTopic() {
    return get(ConfigKey.TOPIC_CITATIONS);
  }

  public String dlqTopic() {
    return get(ConfigKey.TOPIC_DLQ);
  }

  public String checkpointTopic() {
    return get(ConfigKey.TOPIC_INGEST_CHECKPOINTS);
  }

  /** Port of the HTTP endpoints: 0 for any free one, -1 for none. */
  public int httpPort() {
    return wholeNumber(ConfigKey.HTTP_PORT, -1, 65_535);
  }

  public int partitions() {
    return wholeNumber(ConfigKey.TOPIC_PARTITIONS, 1, Integer.MAX_VALUE);
  }

  public short replicationFactor() {
    return (short) wholeNumber(ConfigKey.TOPIC_REPLICATION_FACTOR, 1, Short.MAX_VALUE);
  }

  /** Every {@code kafka.*} setting without its prefix: the base of every Kafka client's config. */
  public Map<String, Object> kafkaProperties() {
    return new HashMap<>(withoutPrefix(KAFKA_PREFIX));
  }

  /**
   * Every {@code schema.registry.*} setting for the registry client, both as written and without
   * the prefix: Confluent's client settings read {@code schema.registry.url} and
   * {@code schema.registry.ssl.*} with it, {@code basic.auth.*} without.
   */
  public Map<String, String> schemaRegistryProperties() {
    Map<String, String> properties = new TreeMap<>(withoutPrefix(REGISTRY_PREFIX));
    settings.forEach((key, s) -> {
      if (key.startsWith(REGISTRY_PREFIX)) {
        properties.put(key, s.value());
      }
    });
    return properties;
  }

  /** Keys from the file or flags that no command reads: probably typing errors. */
  public List<String> unknownKeys() {
    return unknownKeys;
  }

  /** One line per setting, {@code key = value  (origin)}, secrets masked; sorted by key. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    settings.forEach((key, s) ->
        lines.add(key + " = " + Secrets.mask(key, s.value()) + "  (" + s.origin() + ")"));
    return lines;
  }

  /** Secrets masked. */
  @Override
  public String toString() {
    Map<String, String> masked = new TreeMap<>();
    settings.forEach((key, s) -> masked.put(key, Secrets.mask(key, s.value())));
    return masked.toString();
  }

  private Map<String, String> withoutPrefix(String prefix) {
    Map<String, String> result = new TreeMap<>();
    settings.forEach((key, s) -> {
      if (key.startsWith(prefix) && key.length() > prefix.length()) {
        result.put(key.substring(prefix.length()), s.value());
      }
    });
    return result;
  }

  private int wholeNumber(ConfigKey key, int min, int max) {
    Setting setting = settings.get(key.key());
    try {
      int value = Integer.parseInt(setting.value().trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new IllegalArgumentException(
        key.key() + " must be a whole number from " + min + " to " + max + ", not '" + setting.value()
            + "' (from " + setting.origin() + ")");
  }

  private static void noteUnknown(String key, List<String> unknown) {
    boolean known = ConfigKey.of(key).isPresent()
        || key.startsWith(KAFKA_PREFIX)
        || key.startsWith(REGISTRY_PREFIX);
    if (!known) {
      unknown.add(key);
    }
  }

  private static Map<String, String> load(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          "config file " + file.toAbsolutePath() + " not found: give --config an existing "
              + "properties file");
    } catch (IOException e) {
      throw new UncheckedIOException("could not read config file " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "config file " + file + " is not a valid properties file (" + e.getMessage() + ")", e);
    }
    Map<String, String> values = new TreeMap<>();
    properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k)));
    return values;
  }
}
