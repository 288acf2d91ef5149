package org.medlinestream.sink.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.medlinestream.embedded.ChildJvm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SinkProcess} in a child JVM on the test classpath ({@link ChildJvm}): its output lines
 * can be awaited, and it can be killed ({@code kill -9}) or stopped. Its output is kept in {@code
 * target/child-sink.log}.
 */
final class ChildSink implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChildSink.class);

  private final ChildJvm child;

  private ChildSink(ChildJvm child) {
    this.child = child;
  }

  /** Starts {@link SinkProcess} with these arguments. */
  static ChildSink start(String... args) {
    return new ChildSink(ChildJvm.start("child-sink", Path.of("target", "child-sink.log"),
        List.of("-Xmx256m"), SinkProcess.class.getName(), List.of(args)));
  }

  /** Waits for an output line that matches; fails when the process ends or the time is up. */
  String await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
    return child.await(wanted, timeout);
  }

  /** {@code kill -9}: the JVM ends at once, running nothing more. */
  void kill() throws InterruptedException {
    child.kill();
    log.info("Killed the child sink (pid {})", child.pid());
  }

  /** Ends its input, which stops the sink; returns the exit code. */
  int stop(Duration timeout) throws Exception {
    child.closeInput();
    return child.awaitExit(timeout);
  }

  @Override
  public void close() throws InterruptedException {
    child.close();
  }
}
