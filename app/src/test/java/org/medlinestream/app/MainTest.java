package org.medlinestream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {
  @TempDir
  Path dir;

  @AfterEach
  void resetLogLevels() {
    Configurator.reconfigure();
  }

  @Test
  void everyCommandHasHelp() {
    Cli top = Cli.run("--help");
    assertThat(top.exitCode()).isZero();
    assertThat(top.out()).contains("Usage: medline-stream", "Commands:", "--verbose");

    var subcommands = Main.commandLine().getSubcommands().keySet();
    assertThat(subcommands).contains("local", "topics", "config");
    for (String name : subcommands) {
      Cli help = Cli.run(name, "--help");
      assertThat(help.exitCode()).as(name).isZero();
      assertThat(help.out()).as(name)
          .startsWith("Usage: medline-stream " + name)
          .contains("--help", "--version", "--verbose");
    }
  }

  @Test
  void versionIsTheProjectVersion() {
    Cli version = Cli.run("--version");

    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).containsPattern("^medline-stream \\d+\\.\\d+\\.\\d+")
        .contains("Apache Kafka 4.", "Java 17");
  }

  @Test
  void usageErrorsExitWith2AndPointToHelp() {
    Cli unknownOption = Cli.run("config", "--bogus");
    assertThat(unknownOption.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE).isEqualTo(2);
    assertThat(unknownOption.err()).contains(
        "medline-stream config: Unknown option: '--bogus'", "See 'medline-stream config --help'.");

    Cli badNumber = Cli.run("local", "--partitions", "many");
    assertThat(badNumber.exitCode()).isEqualTo(2);
    assertThat(badNumber.err()).contains("'many' is not an int");

    Cli noAttempts = Cli.run("sink", "--store-attempts", "0");
    assertThat(noAttempts.exitCode()).isEqualTo(2);
    assertThat(noAttempts.err()).contains("--store-attempts must be at least 1, not 0");

    Cli noCommand = Cli.run();
    assertThat(noCommand.exitCode()).isEqualTo(2);
    assertThat(noCommand.err()).contains("Missing command: choose one of local, topics, config");

    assertThat(Cli.run("no-such-command").exitCode()).isEqualTo(2);
  }

  @Test
  void aFailureExitsWith1AndOneLineSayingWhatToDo() {
    Path missing = dir.resolve("missing.properties");

    Cli failed = Cli.run("config", "--config", missing.toString());

    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.err().lines()).containsExactly(
        "medline-stream config: error: config file " + missing + " not found: give --config an "
            + "existing properties file (--verbose shows details)");
  }

  @Test
  void verboseAddsTheStackTrace() {
    Cli failed = Cli.run("config", "--verbose", "--config", dir.resolve("x").toString());

    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.err())
        .contains("java.lang.IllegalArgumentException: config file", "at org.medlinestream.app.")
        .doesNotContain("--verbose shows details");
  }

  @Test
  void configPrintsResolvedSettingsWithSecretsMasked() {
    Cli config = Cli.run("config", "--partitions", "3", "--bootstrap-servers", "kafka:9093",
        "-D", "kafka.sasl.jaas.config=PlainLoginModule required password=\"pw\";");

    assertThat(config.exitCode()).isZero();
    assertThat(config.out().lines()).contains(
        "kafka.bootstrap.servers = kafka:9093  (flag)",
        "kafka.sasl.jaas.config = [hidden]  (flag)",
        "topics.partitions = 3  (flag)",
        "topics.raw = medline.raw  (default)");
    assertThat(config.out()).doesNotContain("pw\"");
  }

  @Test
  void errorMessagesLookThroughWrappers() {
    var wrapped = new UncheckedIOException(
        new IOException("port 9092 is already in use: stop it\nmore detail"));

    assertThat(ErrorReporter.describe(wrapped)).isEqualTo("port 9092 is already in use: stop it");
    assertThat(ErrorReporter.describe(new ExecutionException(
        new TimeoutException("Timed out"))))
        .isEqualTo("TimeoutException: Timed out");
    assertThat(ErrorReporter.describe(new NullPointerException())).isEqualTo("NullPointerException");
  }
}
