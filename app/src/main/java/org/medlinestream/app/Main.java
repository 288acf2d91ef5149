package org.medlinestream.app;

import java.util.concurrent.Callable;
import org.medlinestream.app.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code medline-stream} command line. Exit codes: 0 done, 1 failed (one line on standard
 * error says why and what to do; {@code --verbose} adds the stack trace), 2 usage error. Every
 * subcommand is a small class listed in {@code subcommands}; it inherits {@code --help},
 * {@code --version} and {@code --verbose}, and mixes in {@link ConfigOptions} (plus
 * {@link KafkaOptions}, {@link TopicOptions}) when it reads configuration.
 */
@Command(
    name = "medline-stream",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Streams MEDLINE/PubMed records through Kafka: ingest -> enrich -> sink.",
    subcommands = {
        LocalCommand.class,
        TopicsCommand.class,
        ConfigCommand.class,
        ParseCommand.class,
        DemoCommand.class,
        IngestCommand.class,
        EnrichCommand.class,
        SinkCommand.class,
        BenchCommand.class,
    })
public final class Main implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  private boolean verbose;

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Detailed logging, and the stack trace of an error.")
  void setVerbose(boolean verbose) {
    this.verbose = verbose;
    if (verbose) {
      Logging.verbose();
    }
  }

  boolean verbose() {
    return verbose;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with medline-stream's error handling; {@code execute(args)} runs it. */
  public static CommandLine commandLine() {
    Main main = new Main();
    ErrorReporter errors = new ErrorReporter(main::verbose);
    return new CommandLine(main)
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors);
  }

  /** Without a subcommand: a usage error. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(),
        "Missing command: choose one of " + String.join(", ", spec.subcommands().keySet()));
  }
}
