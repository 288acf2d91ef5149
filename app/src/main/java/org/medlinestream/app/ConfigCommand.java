package org.medlinestream.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code medline-stream config}: the settings the other commands would use, secrets masked. */
@Command(name = "config",
    description = "Prints every setting as resolved from defaults, --config, MEDLINE_STREAM_* "
        + "environment variables and flags, with where it came from. Secrets are masked.")
final class ConfigCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Mixin
  private ConfigOptions config;

  @Mixin
  private KafkaOptions kafka;

  @Mixin
  private TopicOptions topicOptions;

  @Override
  public Integer call() {
    config.resolve().describe().forEach(spec.commandLine().getOut()::println);
    return 0;
  }
}
