package org.medlinestream.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Java main class in a child JVM on this JVM's class path, for tests that kill processes: its
 * output lines (standard output and error together) can be awaited and are appended to a log
 * file; it can be killed ({@code kill -9}), stopped ({@code SIGTERM}), or told to stop by closing
 * its standard input. Started through {@link #guarded}, the child exits when this JVM is gone.
 */
public final class ChildJvm implements AutoCloseable {
  private static final String END = "\u0000end of output";

  private final String name;
  private final Process process;
  private final Path logFile;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private ChildJvm(String name, Process process, Path logFile) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
    Thread reader = new Thread(this::readOutput, name + "-output-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code mainClass} with {@code args}; its standard input stays open until {@link
   * #closeInput()}.
   *
   * @param logFile where its output is appended (created if missing)
   */
  public static ChildJvm start(String name, Path logFile, List<String> jvmOptions,
      String mainClass, List<String> args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Dlog4j2.configurationFile=" + System.getProperty("log4j2.configurationFile", "")));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(args);
    try {
      Files.createDirectories(logFile.toAbsolutePath().getParent());
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      return new ChildJvm(name, process, logFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a child JVM: " + command, e);
    }
  }

  /**
   * Like {@link #start}, but the child runs {@code mainClass} under {@link ExitWithParent}: it
   * exits (running its shutdown hooks) when this JVM dies or calls {@link #closeInput()}.
   */
  public static ChildJvm guarded(String name, Path logFile, List<String> jvmOptions,
      String mainClass, List<String> args) {
    List<String> wrapped = new ArrayList<>(List.of(mainClass));
    wrapped.addAll(args);
    return start(name, logFile, jvmOptions, ExitWithParent.class.getName(), wrapped);
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path logFile() {
    return logFile;
  }

  /** Waits for an output line that matches; fails when the process ends or the time is up. */
  public String await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (END.equals(line)) {
        lines.add(END); // for the next caller too
      }
      if (line == null || line.equals(END)) {
        throw new AssertionError("the child " + name + " (pid " + process.pid() + ") "
            + (line == null ? "printed no such line within " + timeout : "ended without it")
            + "; its output is in " + logFile.toAbsolutePath() + ", ending with:\n"
            + Logs.tail(logFile));
      }
      if (wanted.test(line)) {
        return line;
      }
    }
  }

  /** {@code kill -9}: the JVM ends at once, running nothing more. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM (the JVM runs its shutdown hooks); returns the exit code. */
  public int stop(Duration timeout) throws InterruptedException {
    process.destroy();
    return awaitExit(timeout);
  }

  /** Ends its standard input (a stop request for children that watch it). */
  public void closeInput() throws IOException {
    process.getOutputStream().close();
  }

  /** Waits for the child to end; returns the exit code. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the child " + name + " (pid " + process.pid()
          + ") did not end within " + timeout + "; its output is in " + logFile.toAbsolutePath());
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
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      log.write("---- " + name + " pid " + process.pid() + "\n");
      for (String line; (line = output.readLine()) != null; ) {
        log.write(line);
        log.write('\n');
        log.flush();
        lines.add(line);
      }
    } catch (IOException e) {
      // The output ended with the process.
    } finally {
      lines.add(END);
    }
  }
}
