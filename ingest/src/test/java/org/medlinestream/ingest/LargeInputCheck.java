package org.medlinestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.medlinestream.embedded.ChildJvm;
import org.medlinestream.embedded.TestKafka;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not a unit test, a check run by hand: {@code -Dingest.large.gib=2} has an ingest JVM limited to
 * {@code -Xmx256m} publish that many GiB of real MEDLINE records, re-keyed ({@link
 * SyntheticMedline}, made up as they are read: no file), and reports the throughput and the heap
 * (also in {@code target/large-input-check.txt}).
 */
@EnabledIfSystemProperty(named = "ingest.large.gib", matches = "\\d+(\\.\\d+)?")
class LargeInputCheck {
  private static final Logger log = LoggerFactory.getLogger(LargeInputCheck.class);
  private static final Pattern COUNTS = Pattern.compile(" generated=(\\d+) records=(\\d+) ");

  @Test
  void aMultiGigabyteInputIngestsWithA256MegabyteHeap() throws Exception {
    double gib = Double.parseDouble(System.getProperty("ingest.large.gib"));
    long bytes = (long) (gib * (1L << 30));
    String suffix = TestKafka.unique("large");

    String result;
    // The JVM a user gets (G1, full JIT), not the lean one of the crash tests.
    try (ChildJvm child = ChildJvm.start("ingest-large", Path.of("target", "large-input.log"),
        List.of("-Xmx256m", "-XX:-UseSerialGC", "-XX:TieredStopAtLevel=4",
            "-Dshared.data.dir=" + SyntheticMedline.sharedData()),
        IngestProcess.class.getName(),
        List.of("synthetic", TestKafka.bootstrap(), suffix, Long.toString(bytes)))) {
      result = child.await(line -> line.startsWith(IngestProcess.RESULT), Duration.ofHours(2));
      assertThat(child.awaitExit(Duration.ofMinutes(1))).isZero();
    }

    String report = String.format("%s: %.2f GiB of synthetic MEDLINE text (real records re-keyed)"
            + " into ingest with -Xmx256m on %d cores:%n%s%n", Instant.now(), gib,
        Runtime.getRuntime().availableProcessors(), result);
    log.info("{}", report);
    Files.writeString(Path.of("target", "large-input-check.txt"), report, StandardCharsets.UTF_8);
    Matcher counts = COUNTS.matcher(result);
    assertThat(counts.find()).as(result).isTrue();
    assertThat(counts.group(2)).as("records committed").isEqualTo(counts.group(1));
  }
}
