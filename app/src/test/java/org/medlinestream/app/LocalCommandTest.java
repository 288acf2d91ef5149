package org.medlinestream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medlinestream.embedded.TestKafka;
import org.medlinestream.schemas.Topics;

/** {@code medline-stream local} as a real separate process, driven like a user would. */
class LocalCommandTest {
  private static final int SIGINT_EXIT = 128 + 2;
  private static final String PMID = "36119045";
  private static final String RECORD = "PMID- 36119045\nTI  - A record that survives a restart.";

  @TempDir
  Path tmp;

  @Test
  void roundTripsARecordStopsOnSigintKeepsItsDataAndExitsWhenTheBrokerDies() throws Exception {
    Path data = tmp.resolve("data");
    List<String> args = freePortArgs(data);

    try (LocalProcess local = LocalProcess.start(args)) {
      String bootstrap = local.awaitReady();
      assertThat(local.output()).contains("topic medline.raw: created with 2 partitions");
      produce(bootstrap);
      assertThat(consumeAll(bootstrap)).containsExactly(PMID + "=" + RECORD);

      List<ProcessHandle> broker = local.process.descendants().toList();
      assertThat(broker).isNotEmpty();
      assertThat(local.stop("INT")).isEqualTo(SIGINT_EXIT);
      assertThat(local.output()).contains("Local stack stopped", "Stopped.");
      assertThat(broker).noneMatch(ProcessHandle::isAlive);
    }

    try (LocalProcess again = LocalProcess.start(args)) {
      String bootstrap = again.awaitReady();
      assertThat(again.output()).contains("topic medline.raw: exists with 2 partitions");
      assertThat(consumeAll(bootstrap)).containsExactly(PMID + "=" + RECORD);

      again.process.descendants().forEach(ProcessHandle::destroyForcibly);
      assertThat(again.awaitExit()).isEqualTo(1);
      assertThat(again.output()).contains(
          "medline-stream local: error: the Kafka broker exited unexpectedly; its log is "
              + data.resolve("kafka/node-1/broker.log"));
    }
  }

  private static List<String> freePortArgs(Path data) throws IOException {
    try (ServerSocket kafka = freePort();
        ServerSocket controller = freePort()) {
      return List.of("local", "--verbose", "--data-dir", data.toString(),
          "--kafka-port", Integer.toString(kafka.getLocalPort()),
          "--controller-port", Integer.toString(controller.getLocalPort()),
          "--partitions", "2");
    }
  }

  private static ServerSocket freePort() throws IOException {
    return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
  }

  private static void produce(String bootstrap) throws Exception {
    Map<String, Object> config = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(Topics.RAW, PMID, RECORD)).get(60, TimeUnit.SECONDS);
    }
  }

  /** Every record of the raw topic as {@code key=value}. */
  private static List<String> consumeAll(String bootstrap) {
    return TestKafka.readCommitted(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
        Topics.RAW).stream()
        .map(r -> new String(r.key(), StandardCharsets.UTF_8) + "="
            + new String(r.value(), StandardCharsets.UTF_8))
        .toList();
  }

  /** {@code java -cp <test classpath> org.medlinestream.app.Main local ...}, output collected. */
  private static final class LocalProcess implements AutoCloseable {
    private static final Pattern BOOTSTRAP =
        Pattern.compile("Kafka bootstrap servers: (\\S+)");

    final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private LocalProcess(Process process) {
      this.process = process;
      this.reader = new Thread(this::collectOutput, "local-output");
      reader.start();
    }

    static LocalProcess start(List<String> args) throws IOException {
      List<String> command = new ArrayList<>(restoreSigint());
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of("-Xmx256m", "-cp", System.getProperty("java.class.path"),
          Main.class.getName()));
      command.addAll(args);
      return new LocalProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /**
     * A process started in the background by a shell without job control has SIGINT ignored, and
     * so do its children; a JVM cannot undo that. GNU env can: reset it for the stack's JVM.
     */
    private static List<String> restoreSigint() throws IOException {
      Path status = Path.of("/proc/self/status");
      if (!Files.exists(status)) {
        return List.of();
      }
      long ignored = Files.readAllLines(status).stream()
          .filter(line -> line.startsWith("SigIgn:"))
          .mapToLong(line -> Long.parseLong(line.substring(7).trim(), 16))
          .findFirst()
          .orElse(0);
      boolean sigintIgnored = (ignored & (1L << (2 - 1))) != 0;
      return sigintIgnored ? List.of("env", "--default-signal=INT") : List.of();
    }

    /** Waits for the ready line; returns the bootstrap servers it printed. */
    String awaitReady() throws InterruptedException {
      long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
      while (!output().contains(LocalCommand.READY)) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          reader.join(5_000);
          throw new AssertionError("`local` did not get ready; its output:\n" + output());
        }
        Thread.sleep(100);
      }
      Matcher bootstrap = BOOTSTRAP.matcher(output());
      assertThat(bootstrap.find()).as(output()).isTrue();
      return bootstrap.group(1);
    }

    /** Sends {@code kill -<signal>}; returns the exit code. */
    int stop(String signal) throws Exception {
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
          .inheritIO().start();
      assertThat(kill.waitFor()).isZero();
      return awaitExit();
    }

    /** Waits for the process to end; returns its exit code. */
    int awaitExit() throws InterruptedException {
      assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("exited within 90 s").isTrue();
      reader.join(5_000);
      return process.exitValue();
    }

    String output() {
      return output.toString();
    }

    private void collectOutput() {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          output.append(line).append('\n');
        }
      } catch (IOException e) {
        output.append("(output unreadable: ").append(e).append(")\n");
      }
    }

    /** After a failed assertion: no process may outlive the test. */
    @Override
    public void close() throws InterruptedException {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
  }
}
