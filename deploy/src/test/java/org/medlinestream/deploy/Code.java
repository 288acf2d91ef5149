package org.medlinestream.deploy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.medlinestream.app.AppConfig;
import org.medlinestream.app.ConfigKey;
import org.medlinestream.app.Main;
import org.medlinestream.schemas.Topics;
import picocli.CommandLine;

/** Names and settings as the code has them, which the deployment files must use. */
final class Code {
  private static final Pattern REGISTRY_KEY = Pattern.compile("schema\\.registry\\.[a-z.]+[a-z]");

  private Code() {}

  /** Every topic named in {@link Topics}. */
  static Set<String> topics() {
    Set<String> topics = new TreeSet<>();
    for (Field field : Topics.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        try {
          topics.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return topics;
  }

  /** The environment variable of every {@link ConfigKey}. */
  static Set<String> configEnvVars() {
    Set<String> names = new TreeSet<>();
    Arrays.stream(ConfigKey.values()).forEach(k -> names.add(ConfigKey.envVar(k.key())));
    return names;
  }

  /** The environment variables whose value names a topic ({@code MEDLINE_STREAM_TOPICS_RAW}). */
  static Set<String> topicEnvVars() {
    Set<String> names = new TreeSet<>();
    Arrays.stream(ConfigKey.values())
        .filter(k -> topics().contains(k.defaultValue()))
        .forEach(k -> names.add(ConfigKey.envVar(k.key())));
    return names;
  }

  /**
   * Why the code reads {@code MEDLINE_STREAM_*} variable {@code name}, or empty when it does not:
   * a {@link ConfigKey}, a Kafka client setting ({@code kafka.*}), or a registry client setting
   * ({@code schema.registry.*}) the READMEs document.
   */
  static Optional<String> readsEnvVar(String name) {
    if (configEnvVars().contains(name)) {
      return Optional.of("ConfigKey");
    }
    String key = ConfigKey.keyOfEnvVar(name).orElse("");
    if (key.startsWith(AppConfig.KAFKA_PREFIX)
        && kafkaClientSettings().contains(key.substring(AppConfig.KAFKA_PREFIX.length()))) {
      return Optional.of("Kafka client setting");
    }
    if (documentedRegistryKeys().contains(key)) {
      return Optional.of("registry client setting");
    }
    return Optional.empty();
  }

  static Set<String> kafkaClientSettings() {
    Set<String> settings = new HashSet<>(ProducerConfig.configNames());
    settings.addAll(ConsumerConfig.configNames());
    settings.addAll(AdminClientConfig.configNames());
    return settings;
  }

  /** The {@code schema.registry.*} keys written in the repository's README or deploy's. */
  static Set<String> documentedRegistryKeys() {
    Set<String> keys = new TreeSet<>();
    for (Path readme : List.of(DeployFiles.repositoryDir().resolve("README.md"),
        DeployFiles.deployDir().resolve("README.md"))) {
      Matcher key = REGISTRY_KEY.matcher(DeployFiles.text(readme));
      while (key.find()) {
        keys.add(key.group());
      }
    }
    return keys;
  }

  /** The subcommands of {@code medline-stream}. */
  static Map<String, CommandLine> commands() {
    return Main.commandLine().getSubcommands();
  }

  /** Whether subcommand {@code command} has option {@code flag}. */
  static boolean hasOption(String command, String flag) {
    CommandLine subcommand = commands().get(command);
    return subcommand != null && subcommand.getCommandSpec().findOption(flag) != null;
  }

  /** The flags ({@code --x}) among a command's arguments. */
  static List<String> flags(List<String> arguments) {
    List<String> flags = new ArrayList<>();
    arguments.stream().filter(a -> a.startsWith("--")).map(a -> a.split("=", 2)[0]).forEach(flags::add);
    return flags;
  }

  static String mainClass() {
    return Main.class.getName();
  }
}
