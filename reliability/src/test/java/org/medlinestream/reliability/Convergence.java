package org.medlinestream.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The end state a pipeline fed a {@link ChaosCorpus} must reach whatever happened on the way:
 * every file published, the store holding exactly the expected PMIDs at their newest revision,
 * each bad input once on the dead-letter topic.
 */
final class Convergence {
  private static final Pattern MARKER = Pattern.compile("BADINPUT-\\d+");
  private static final Duration BOUND = Duration.ofMinutes(5);

  /** What was measured: citations stored, dead letters, lost and duplicated citations. */
  record Figures(long stored, int deadLetters, long lost, long duplicated) {}

  /** Reads what the sink's store holds. */
  interface Store {
    StoredCitations read() throws Exception;
  }

  private Convergence() {}

  /** {@link #await(ChaosCorpus, Pipeline, Store, Services)} with a PostgreSQL store. */
  static Figures await(ChaosCorpus corpus, Pipeline pipeline, FreshDatabase db,
      Services services) throws Exception {
    return await(corpus, pipeline, () -> StoredCitations.read(db), services);
  }

  /** Waits for the end state and asserts it exactly; returns the figures. */
  static Figures await(ChaosCorpus corpus, Pipeline pipeline, Store store, Services services)
      throws Exception {
    Path finished = pipeline.dropDir().resolve("finished");
    List<String> files = corpus.fileNames();
    Await.until(() -> "every file published and moved to finished/; missing: " + files.stream()
            .filter(f -> !Files.exists(finished.resolve(f))).toList(), BOUND,
        services::assertAlive, () -> files.stream().allMatch(f -> Files.exists(finished.resolve(f))));
    Map<String, String> expected = StoredCitations.titlesOf(corpus.expected());
    Await.until(() -> "the store holds exactly the expected citations; the services' logs are in "
            + pipeline.logFile("sink").getParent(), BOUND, services::assertAlive, () -> {
          StoredCitations stored = store.read();
          return stored.lost(expected) == 0 && stored.extra(expected) == 0;
        });
    StoredCitations stored = store.read();
    assertThat(stored.titles()).isEqualTo(expected);
    assertThat(stored.rows()).isEqualTo(expected.size());

    Map<String, Integer> deadLetters = markersOf(pipeline.readCommitted(pipeline.dlqTopic()));
    Map<String, Integer> once = new TreeMap<>();
    corpus.badMarkers().forEach(marker -> once.put(marker, 1));
    assertThat(deadLetters).as("each bad input on the dead-letter topic exactly once")
        .isEqualTo(once);
    try (var refused = Files.list(pipeline.dropDir().resolve("error"))) {
      assertThat(refused.toList()).as("no file refused").isEmpty();
    }
    return new Figures(stored.rows(), deadLetters.size(), stored.lost(expected),
        stored.extra(expected));
  }

  /** How often each bad-input marker appears among the dead letters; "unmarked" for others. */
  private static Map<String, Integer> markersOf(List<ConsumerRecord<byte[], byte[]>> letters) {
    Map<String, Integer> markers = new TreeMap<>();
    for (ConsumerRecord<byte[], byte[]> record : letters) {
      String value = record.value() == null ? "" : new String(record.value(),
          StandardCharsets.ISO_8859_1);
      Matcher marker = MARKER.matcher(value);
      markers.merge(marker.find() ? marker.group() : "unmarked: " + value, 1, Integer::sum);
    }
    return markers;
  }
}
