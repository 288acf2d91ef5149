package org.medlinestream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigKeyTest {
  @Test
  void environmentVariableNamesRoundTrip() {
    for (ConfigKey key : ConfigKey.values()) {
      assertThat(ConfigKey.keyOfEnvVar(ConfigKey.envVar(key.key()))).contains(key.key());
    }
    assertThat(ConfigKey.keyOfEnvVar("MEDLINE_STREAM_")).isEmpty();
    assertThat(ConfigKey.keyOfEnvVar("HOME")).isEmpty();
  }

  @Test
  void everyDocumentedFlagExistsOnACommand() {
    Set<String> options = new HashSet<>();
    Main.commandLine().getSubcommands().values()
        .forEach(command -> command.getCommandSpec().options()
            .forEach(option -> options.addAll(List.of(option.names()))));

    for (ConfigKey key : ConfigKey.values()) {
      key.flag().ifPresent(flag -> assertThat(options).as(key.key()).contains(flag));
    }
  }

  @Test
  void readmeHasTheCurrentConfigurationTable() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));

    assertThat(readme)
        .as("README.md's configuration table must be ConfigKey.markdownTable():%n%s",
            ConfigKey.markdownTable())
        .contains(ConfigKey.markdownTable());
  }
}
