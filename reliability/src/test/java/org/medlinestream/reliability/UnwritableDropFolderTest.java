package org.medlinestream.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medlinestream.embedded.ChildJvm;
import org.medlinestream.embedded.KafkaCluster;

/**
 * {@code ingest --watch} whose finished folder cannot be written (a path under {@code /proc},
 * unwritable even for root): it stops at once with a clear error naming the folder and what to
 * do, and the dropped file stays where it was, not marked finished and not published.
 */
class UnwritableDropFolderTest {
  @TempDir Path dir;

  @Test
  void anUnwritableFinishedFolderIsAClearErrorAndNothingIsMarkedFinished() throws Exception {
    Path unwritable = Path.of("/proc/medline-stream-finished");
    ChaosCorpus corpus = ChaosCorpus.generate(5, 1, new Random(1));
    String file = corpus.fileNames().get(0);
    Pipeline pipeline = new Pipeline(KafkaCluster.shared().bootstrapServers(),
        "http://127.0.0.1:1", dir);
    pipeline.createTopics();
    Path drop = Files.createDirectories(pipeline.dropDir());
    corpus.drop(file, drop);

    try (ChildJvm ingest = pipeline.startIngest("--finished-dir", unwritable.toString())) {
      String error = ingest.await(line -> line.contains("cannot write to"), Duration.ofMinutes(2));
      assertThat(ingest.awaitExit(Duration.ofMinutes(1))).isEqualTo(1);
      assertThat(error).contains(unwritable.toString(), "make it writable");
    }
    assertThat(drop.resolve(file)).as("the file stays in the drop folder").exists();
    assertThat(Files.exists(unwritable.resolve(file))).isFalse();
    assertThat(pipeline.readCommitted(pipeline.rawTopic())).as("nothing published").isEmpty();
    assertThat(pipeline.readCommitted(pipeline.dlqTopic())).isEmpty();
  }
}
