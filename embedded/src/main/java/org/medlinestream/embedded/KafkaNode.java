package org.medlinestream.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One combined broker+controller node of a {@link KafkaCluster}, running in its own JVM started
 * from Kafka's jars. Its output goes to {@code broker.log} in its folder.
 */
public final class KafkaNode {
  private static final long STOP_TIMEOUT_SECONDS = 60;

  private final int id;
  private final int brokerPort;
  private final int controllerPort;
  private final Path dir;
  private final List<String> jvmOptions;
  private Process process;

  KafkaNode(int id, int brokerPort, int controllerPort, Path dir, List<String> jvmOptions) {
    this.id = id;
    this.brokerPort = brokerPort;
    this.controllerPort = controllerPort;
    this.dir = dir;
    this.jvmOptions = List.copyOf(jvmOptions);
  }

  public int id() {
    return id;
  }

  public int brokerPort() {
    return brokerPort;
  }

  public int controllerPort() {
    return controllerPort;
  }

  public Path dir() {
    return dir;
  }

  Path configFile() {
    return dir.resolve("server.properties");
  }

  public Path logFile() {
    return dir.resolve("broker.log");
  }

  /** Formats the node's log folder for {@code clusterId}; a folder formatted before is kept. */
  void format(String clusterId) throws IOException, InterruptedException {
    Process format =
        java(List.of(), "kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
                configFile().toString(), "--ignore-formatted")
            .redirectOutput(dir.resolve("format.log").toFile())
            .redirectErrorStream(true)
            .start();
    if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
      format.destroyForcibly();
      throw new IOException(
          "formatting Kafka storage of node " + id + " failed; see " + dir.resolve("format.log")
              + ":\n" + Logs.tail(dir.resolve("format.log")));
    }
  }

  /** Starts the broker JVM; returns at once (the cluster waits for readiness). */
  public synchronized void start() throws IOException {
    if (isAlive()) {
      return;
    }
    List<String> options = new ArrayList<>(jvmOptions);
    options.add("-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties").toUri());
    process =
        java(options, BrokerMain.class.getName(), configFile().toString())
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
            .redirectErrorStream(true)
            .start();
  }

  public synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** Controlled shutdown (SIGTERM), forced after a minute. */
  public synchronized void stop() throws InterruptedException {
    if (process == null) {
      return;
    }
    process.destroy();
    if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  /** Kills the broker without warning, like {@code kill -9}. */
  public synchronized void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly().waitFor();
    }
  }

  synchronized void signalStop() {
    if (process != null) {
      process.destroy();
    }
  }

  synchronized void awaitExit() throws InterruptedException {
    if (process != null && !process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static ProcessBuilder java(List<String> options, String mainClass, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE);
  }

  void writeLog4jConfig() throws IOException {
    Files.writeString(
        dir.resolve("log4j2.properties"),
        String.join(
            "\n",
            "status = warn",
            "appender.out.type = Console",
            "appender.out.name = out",
            "appender.out.layout.type = PatternLayout",
            "appender.out.layout.pattern = [%d] %p %m (%c)%n",
            "rootLogger.level = info",
            "rootLogger.appenderRef.out.ref = out",
            "logger.kafka.name = kafka",
            "logger.kafka.level = warn",
            "logger.apache.name = org.apache.kafka",
            "logger.apache.level = warn",
            "logger.started.name = kafka.server.KafkaRaftServer",
            "logger.started.level = info",
            ""));
  }
}
