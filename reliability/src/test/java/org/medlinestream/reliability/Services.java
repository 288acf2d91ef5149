package org.medlinestream.reliability;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.medlinestream.embedded.ChildJvm;

/** The running services of a {@link Pipeline}, by name, each restartable the way it was started. */
final class Services implements AutoCloseable {
  private final Map<String, Supplier<ChildJvm>> starters = new LinkedHashMap<>();
  private final Map<String, ChildJvm> running = new LinkedHashMap<>();

  /** Starts a service and remembers how, for {@link #restart}. */
  ChildJvm start(String name, Supplier<ChildJvm> starter) {
    starters.put(name, starter);
    ChildJvm child = starter.get();
    running.put(name, child);
    return child;
  }

  List<String> names() {
    return List.copyOf(starters.keySet());
  }

  ChildJvm get(String name) {
    return running.get(name);
  }

  /** {@code kill -9} of the service, then a new process in its place. */
  ChildJvm killAndRestart(String name) throws InterruptedException {
    running.get(name).kill();
    return start(name, starters.get(name));
  }

  /** Fails, pointing to its log, when a service ended by itself. */
  void assertAlive() {
    running.forEach((name, child) -> {
      if (!child.isAlive()) {
        throw new AssertionError(name + " ended by itself; its log is "
            + child.logFile().toAbsolutePath());
      }
    });
  }

  /** Stops every service (SIGTERM), killing one that does not end in time. */
  @Override
  public void close() throws InterruptedException {
    for (ChildJvm child : running.values()) {
      try {
        child.stop(Duration.ofSeconds(30));
      } catch (AssertionError e) {
        child.kill();
      }
    }
  }
}
