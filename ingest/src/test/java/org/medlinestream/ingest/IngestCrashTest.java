package org.medlinestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medlinestream.embedded.ChildJvm;
import org.medlinestream.embedded.TestKafka;

/**
 * {@code kill -9} of an ingest JVM in the middle of a watched file, then a restart on the same
 * folder: every record is in the raw topic once (read_committed) and the file is finished.
 */
class IngestCrashTest {
  private static final int RECORDS = 12_000;
  private static final long FIRST_PMID = 70_000_000;

  @TempDir Path drop;

  @Test
  void aKilledWatcherRestartedOnTheSameFolderLeavesEachRecordOnceAndFinishesTheFile()
      throws Exception {
    Path partial = drop.resolve("big.txt.tmp");
    SyntheticMedline.fromSharedData().write(partial, RECORDS, 0, FIRST_PMID);
    Path file = Files.move(partial, drop.resolve("big.txt"), StandardCopyOption.ATOMIC_MOVE);
    String bootstrap = TestKafka.bootstrap();
    String suffix = TestKafka.unique("crash");
    IngestConfig config = IngestProcess.watchConfig(TestIngestConfig.builder(bootstrap, suffix));

    try (ChildJvm child = ChildJvm.guarded("ingest-watch", Path.of("target", "ingest-crash.log"),
        List.of("-Xmx256m"), IngestProcess.class.getName(),
        List.of("watch", bootstrap, suffix, drop.toString()))) {
      child.await(IngestProcess.COMMITTED::equals, Duration.ofMinutes(3));
      child.kill();
    }
    long beforeRestart = committedOnceSettled(config.rawTopic());
    assertThat(beforeRestart).as("killed in the middle of the file")
        .isBetween(1L, RECORDS - 1L);
    assertThat(file).exists();

    IngestService restarted = IngestService.watching(config, new DropFolder(drop, config));
    restarted.start();
    try {
      DropFolderWatcherTest.await(() -> Files.exists(drop.resolve("finished/big.txt")));
    } finally {
      restarted.stop();
    }

    assertThat(restarted.awaitTermination().records()).as("resumed after the last checkpoint")
        .isEqualTo(RECORDS - beforeRestart);
    assertThat(TestKafka.readCommitted(config.rawTopic()))
        .extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
        .containsExactlyInAnyOrderElementsOf(LongStream.range(FIRST_PMID, FIRST_PMID + RECORDS)
            .mapToObj(Long::toString).toList());
  }

  /**
   * The records the killed child committed. A commit returns before the broker has written the
   * transaction's markers, which make its records visible: count once the count is above zero and
   * has stayed the same for a second.
   */
  private static long committedOnceSettled(String topic) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    long previous = -1;
    while (System.nanoTime() < deadline) {
      long count = TestKafka.readCommitted(topic).size();
      if (count > 0 && count == previous) {
        return count;
      }
      previous = count;
      Thread.sleep(1000);
    }
    return previous;
  }
}
