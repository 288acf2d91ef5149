package org.medlinestream.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medline-stream local}: the one-machine stack, running until Ctrl-C. */
@Command(name = "local",
    description = {
        "Starts a real Kafka broker (KRaft, no ZooKeeper, no Docker) on this machine with the "
            + "pipeline topics, and the embedded schema registry, and keeps them running until "
            + "Ctrl-C.",
        "Data is kept in the data folder and survives a restart."})
final class LocalCommand implements Callable<Integer> {
  /** Printed when the stack is ready for clients. */
  static final String READY = "Ready. Press Ctrl-C to stop.";

  @Spec
  private CommandSpec spec;

  @Mixin
  private ConfigOptions config;

  @Mixin
  private TopicOptions topicOptions;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
      description = "Where the broker keeps its data (default: ${DEFAULT-VALUE}).")
  private Path dataDir;

  @Option(names = "--fresh", description = "Delete the data of earlier runs first.")
  private boolean fresh;

  @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
      description = "Kafka's port for clients (default: ${DEFAULT-VALUE}).")
  private int kafkaPort;

  @Option(names = "--controller-port", paramLabel = "PORT", defaultValue = "9093",
      description = "Port of Kafka's KRaft controller (default: ${DEFAULT-VALUE}).")
  private int controllerPort;

  @Option(names = "--registry-port", paramLabel = "PORT", defaultValue = "8081",
      description = "Port of the embedded schema registry (default: ${DEFAULT-VALUE}).")
  private int registryPort;

  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean stopping;

  @Override
  public Integer call() throws Exception {
    AppConfig settings = config.resolve();
    LocalStack stack = LocalStack.builder()
        .dataDir(dataDir)
        .fresh(fresh)
        .kafkaPort(kafkaPort)
        .controllerPort(controllerPort)
        .registryPort(registryPort)
        .topics(TopicCreator.pipelineTopics(settings))
        .start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(stack), "local-stack-stop"));
    printHowToConnect(stack, settings);
    // Until Ctrl-C (SIGINT) or SIGTERM: the JVM runs the hook above, which stops the stack, and
    // exits with the signal's status (130 or 143) once it is done.
    while (!stopped.await(1, TimeUnit.SECONDS)) {
      Optional<String> failure = stack.failure();
      if (failure.isPresent() && !stopping) {
        throw new IllegalStateException(failure.get());
      }
    }
    return 0;
  }

  private void stop(LocalStack stack) {
    stopping = true;
    stack.close();
    spec.commandLine().getOut().println("Stopped.");
    spec.commandLine().getOut().flush();
    stopped.countDown();
  }

  private void printHowToConnect(LocalStack stack, AppConfig settings) {
    PrintWriter out = spec.commandLine().getOut();
    String bootstrap = stack.bootstrapServers();
    out.println();
    out.println("medline-stream local is running; data in " + stack.dataDir());
    out.println("  Kafka bootstrap servers: " + bootstrap);
    out.println("  Schema registry:         " + stack.registryUrl());
    stack.topics().forEach(status -> out.println("  topic " + status.describe()));
    out.println("Read a topic:");
    out.println("  kafka-console-consumer.sh --bootstrap-server " + bootstrap + " --topic "
        + settings.rawTopic() + " --from-beginning --property print.key=true");
    if (!bootstrap.equals(ConfigKey.BOOTSTRAP_SERVERS.defaultValue())
        || !stack.registryUrl().equals(ConfigKey.SCHEMA_REGISTRY_URL.defaultValue())) {
      out.println("Other medline-stream commands reach it with:");
      out.println("  export " + ConfigKey.envVar(ConfigKey.BOOTSTRAP_SERVERS.key()) + "="
          + bootstrap + " " + ConfigKey.envVar(ConfigKey.SCHEMA_REGISTRY_URL.key()) + "="
          + stack.registryUrl());
    }
    out.println(READY);
    out.flush();
  }
}
