package org.medlinestream.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every command that reads configuration mixes in: {@code --config FILE} and
 * {@code -D key=value}. {@link #resolve()} adds the environment and the typed flags of the
 * command's other {@link ConfigFlags} mixins:
 *
 * <pre>{@code
 * @Mixin ConfigOptions config;
 * @Mixin KafkaOptions kafka;
 * public Integer call() { AppConfig settings = config.resolve(); ... }
 * }</pre>
 */
public final class ConfigOptions {
  private static final Logger log = LoggerFactory.getLogger(ConfigOptions.class);

  @Spec(Spec.Target.MIXEE)
  private CommandSpec command;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Properties file with settings (kafka.*, schema.registry.*, topics.*, ...); "
          + "environment variables MEDLINE_STREAM_<KEY> and flags override it.")
  private Path file;

  @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE",
      description = "A setting that wins over the file and the environment, e.g. "
          + "-D kafka.security.protocol=SASL_SSL. Repeatable.")
  private Map<String, String> settings = new LinkedHashMap<>();

  /** Defaults &lt; {@code --config} file &lt; environment &lt; flags; warns about unknown keys. */
  public AppConfig resolve() {
    Map<String, String> flags = new LinkedHashMap<>(settings);
    if (command.userObject() instanceof ConfigFlags own) {
      flags.putAll(own.configFlags());
    }
    command.mixins().values().forEach(mixin -> {
      if (mixin.userObject() instanceof ConfigFlags typed) {
        flags.putAll(typed.configFlags());
      }
    });
    AppConfig config = AppConfig.resolve(file, System.getenv(), flags);
    config.unknownKeys().forEach(key -> log.warn(
        "Setting '{}' is not used by medline-stream (typing error?); "
            + "Kafka client settings need the prefix 'kafka.'", key));
    log.debug("Configuration: {}", config);
    return config;
  }
}
