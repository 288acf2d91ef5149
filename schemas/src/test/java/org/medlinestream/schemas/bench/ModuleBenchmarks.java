package org.medlinestream.schemas.bench;

import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * JMH's runner for this module's benchmarks in the root pom's {@code jmh} profile. A module
 * further down the reactor ({@code -pl sink -am}) runs its own benchmarks with the same {@code
 * jmh.args}: a name that matches none of this module's benchmarks means nothing to run here, not
 * an error as with JMH's own {@code Main}.
 */
public final class ModuleBenchmarks {
  private ModuleBenchmarks() {}

  public static void main(String[] args) throws RunnerException, CommandLineOptionException {
    CommandLineOptions options = new CommandLineOptions(args);
    try {
      new Runner(options).run();
    } catch (NoBenchmarksException e) {
      System.out.println("No benchmark of this module matches " + options.getIncludes());
    }
  }
}
