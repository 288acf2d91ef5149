package org.medlinestream.app;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that connects to Kafka and the schema registry: it has {@code --config}, {@code -D},
 * {@code --bootstrap-servers} and {@code --schema-registry-url}; {@code config.resolve()} gives
 * its settings. Subclasses add their own options and mixins ({@link TopicOptions}, {@link
 * HttpOptions}).
 */
abstract class ConnectedCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ConfigOptions config;

  @Mixin
  KafkaOptions kafka;

  /** The command's standard output. */
  PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
