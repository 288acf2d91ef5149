package org.medlinestream.sink.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SinkProcess} in a child JVM on the test classpath: its output lines can be awaited, and
 * it can be killed ({@code kill -9}) or stopped.
 */
final class ChildSink implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChildSink.class);
  private static final String END = "\u0000end of output";

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private ChildSink(Process process) {
    this.process = process;
    Thread reader = new Thread(this::readOutput, "child-sink-output-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@link SinkProcess} with these arguments. */
  static ChildSink start(String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Dlog4j2.configurationFile=" + System.getProperty("log4j2.configurationFile", ""),
        "-cp", System.getProperty("java.class.path"), SinkProcess.class.getName()));
    command.addAll(List.of(args));
    try {
      return new ChildSink(new ProcessBuilder(command).redirectErrorStream(true).start());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start a child JVM: " + command, e);
    }
  }

  /** Waits for an output line that matches; fails when the process ends or the time is up. */
  String await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (END.equals(line)) {
        lines.add(END); // for the next caller too
      }
      if (line == null || line.equals(END)) {
        throw new AssertionError("The child sink (pid " + process.pid() + ") "
            + (line == null ? "printed no such line within " + timeout : "ended without it"));
      }
      if (wanted.test(line)) {
        return line;
      }
    }
  }

  /** {@code kill -9}: the JVM ends at once, running nothing more. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
    log.info("Killed the child sink (pid {})", process.pid());
  }

  /** Ends its input, which stops the sink; returns the exit code. */
  int stop(Duration timeout) throws Exception {
    process.getOutputStream().close();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("The child sink did not stop within " + timeout);
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  private void readOutput() {
    try (BufferedReader output = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = output.readLine()) != null; ) {
        log.info("[child sink {}] {}", process.pid(), line);
        lines.add(line);
      }
    } catch (IOException e) {
      log.debug("The child sink's output ended", e);
    } finally {
      lines.add(END);
    }
  }
}
