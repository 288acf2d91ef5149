package org.medlinestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medlinestream.embedded.TestKafka;
import org.medlinestream.ingest.source.PubmedXmlCorpus;
import org.medlinestream.schemas.RawHeaders;

/** A watched drop folder on a real broker, with the tiny test reader. */
class DropFolderWatcherTest {
  @TempDir Path drop;

  @Test
  void publishesCompleteFilesInOrderAndMovesThemWhileGarbageGoesToErrorAndNothingStops()
      throws Exception {
    IngestConfig config = watchConfig("watch");
    dropAtomically("a.txt", "PMID 1 a", "PMID 2 b", "PMID 3 c");
    dropAtomically("b.txt", "%PDF-1.4", "binary");
    Files.writeString(drop.resolve("c.txt.tmp"), "PMID 9 still being written");
    Files.writeString(drop.resolve(".hidden.txt"), "PMID 8 hidden");
    IngestService service =
        new IngestService(config, null, new DropFolder(drop, config), LineRecordReader::new);
    service.start();
    try {
      await(() -> Files.exists(drop.resolve("finished/a.txt"))
          && Files.exists(drop.resolve("error/b.txt")));
      assertThat(Files.readString(drop.resolve("error/b.txt.error.txt")))
          .startsWith("no MEDLINE or PubMed record in b.txt; all 2 input(s) were refused");

      dropAtomically("d.txt", "PMID 4 d", "DELETE 1");
      await(() -> Files.exists(drop.resolve("finished/d.txt")));
    } finally {
      service.stop();
    }
    IngestSummary summary = service.awaitTermination();

    assertThat(drop.resolve("c.txt.tmp")).exists();
    assertThat(drop.resolve(".hidden.txt")).exists();
    assertThat(TestKafka.readCommitted(config.rawTopic()))
        .extracting(r -> r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8))
        .containsExactlyInAnyOrder("1", "2", "3", "4", "1");
    assertThat(summary.filesDone()).isEqualTo(3);
    assertThat(summary.filesFailed()).isEqualTo(1);
    assertThat(summary.records()).isEqualTo(5);
    assertThat(summary.deletes()).isEqualTo(1);
    assertThat(summary.rejected()).isEqualTo(2);
  }

  @Test
  void aFileWhoseLastCheckpointIsCommittedIsMovedAndNotPublishedAgain() throws Exception {
    IngestConfig config = watchConfig("moved");
    Path file = dropAtomically("a.txt", "PMID 1 a", "PMID 2 b");
    IngestTopics.ensure(config);
    try (SourcePublisher publisher = SourcePublisher.open(config, config.transactionalId(),
        new IngestStats(), LineRecordReader::new)) {
      publisher.publish(new Source("a.txt", file), new StopSignal());
    }

    IngestService service =
        new IngestService(config, null, new DropFolder(drop, config), LineRecordReader::new);
    service.start();
    try {
      await(() -> Files.exists(drop.resolve("finished/a.txt")));
    } finally {
      service.stop();
    }

    assertThat(service.awaitTermination().filesSkipped()).isEqualTo(1);
    assertThat(TestKafka.readCommitted(config.rawTopic())).hasSize(2);
  }

  @Test
  void withTheRealReadersGarbageAndACutShortGzipGoToErrorWithTheirReasonAndTheRestIsPublished()
      throws Exception {
    IngestConfig config = watchConfig("real-readers");
    byte[] garbage = new byte[4096];
    new Random(5).nextBytes(garbage);
    garbage[0] = 'x';
    dropAtomically("a-garbage.txt", garbage);
    byte[] gz = Files.readAllBytes(PubmedXmlCorpus.file(
        "julielab_costosys__pubmedsample18n0001.xml.gz"));
    dropAtomically("b-cut.xml.gz", Arrays.copyOf(gz, gz.length / 2));
    Path good = SyntheticMedline.sharedData().resolve("medline-text/biopython__pubmed_result2.txt");
    dropAtomically("c-good.txt", Files.readAllBytes(good));
    IngestService service = IngestService.watching(config, new DropFolder(drop, config));
    service.start();
    try {
      await(() -> Files.exists(drop.resolve("finished/c-good.txt")));
    } finally {
      service.stop();
    }

    assertThat(drop.resolve("error/a-garbage.txt")).exists();
    assertThat(Files.readString(drop.resolve("error/a-garbage.txt.error.txt")))
        .startsWith("no MEDLINE or PubMed record in a-garbage.txt; all ")
        .contains("refused (on " + config.dlqTopic() + ")");
    String cut = Files.readString(drop.resolve("error/b-cut.xml.gz.error.txt"));
    assertThat(cut).startsWith("reading stopped after position ")
        .contains("b-cut.xml.gz: the file is cut short");
    Matcher published = Pattern.compile("records published: (\\d+)").matcher(cut);
    assertThat(published.find()).isTrue();
    Map<String, Long> bySource = TestKafka.readCommitted(config.rawTopic())
        .stream().collect(Collectors.groupingBy(
            r -> SourcePublisherTest.header(r, RawHeaders.SOURCE), Collectors.counting()));
    assertThat(bySource.get("b-cut.xml.gz")).isPositive()
        .isEqualTo(Long.parseLong(published.group(1)));
    assertThat(bySource.get("c-good.txt")).isEqualTo(Pattern.compile("(?m)^PMID- ")
        .matcher(Files.readString(good)).results().count());
    assertThat(bySource).doesNotContainKey("a-garbage.txt");
  }

  private static IngestConfig watchConfig(String name) {
    return TestIngestConfig.builder(name)
        .stableFor(Duration.ZERO)
        .pollInterval(Duration.ofMillis(100))
        .build();
  }

  /** Writes a file under a partial name, then renames it: the way files should be dropped. */
  private Path dropAtomically(String name, String... lines) throws IOException {
    return dropAtomically(name, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private Path dropAtomically(String name, byte[] content) throws IOException {
    Path partial = Files.write(drop.resolve(name + ".tmp"), content);
    return Files.move(partial, drop.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 60 s");
      }
      Thread.sleep(50);
    }
  }
}
