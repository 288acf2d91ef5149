package org.medlinestream.enrich.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link PubmedXmlParserBenchmark} through JUnit, for builds without a JMH profile. Not part
 * of the normal test run (its name is not a test name); run it on purpose: {@code ./mvnw -o -pl
 * enrich -am test -Dtest=PubmedXmlParserBenchmarkRun -Dsurefire.failIfNoSpecifiedTests=false}; the
 * MB/s are printed to enrich/target/surefire-reports/*-output.txt.
 */
class PubmedXmlParserBenchmarkRun {

  @Test
  void measuresReaderAndParserThroughput() throws Exception {
    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder()
                    .include(PubmedXmlParserBenchmark.class.getName())
                    .jvmArgsAppend("-Dshared.data.dir=" + System.getProperty("shared.data.dir"))
                    .build())
            .run();

    assertThat(results).hasSize(3);
    for (RunResult result : results) {
      String line = PubmedXmlParserBenchmark.summary(result);
      System.out.println(line);
      assertThat(result.getSecondaryResults().get("cpuBytes").getScore()).isPositive();
    }
  }
}
