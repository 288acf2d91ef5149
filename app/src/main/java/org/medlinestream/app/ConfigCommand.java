package org.medlinestream.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code medline-stream config}: the settings the other commands would use, secrets masked. */
@Command(name = "config",
    description = "Prints every setting as resolved from defaults, --config, MEDLINE_STREAM_* "
        + "environment variables and flags, with where it came from. Secrets are masked.")
final class ConfigCommand extends ConnectedCommand {
  @Mixin
  private TopicOptions topicOptions;

  @Override
  public Integer call() {
    config.resolve().describe().forEach(out()::println);
    return 0;
  }
}
