package org.medlinestream.ingest;

import java.time.Duration;
import org.medlinestream.embedded.TestKafka;

/** Ingest settings on the test broker with topics and a transactional id of their own. */
final class TestIngestConfig {
  private TestIngestConfig() {}

  /** Settings with topics and a transactional id no other test uses. */
  static IngestConfig.Builder builder(String name) {
    return builder(TestKafka.bootstrap(), TestKafka.unique(name));
  }

  static IngestConfig.Builder builder(String bootstrap, String suffix) {
    return IngestConfig.builder(bootstrap)
        .rawTopic("raw-" + suffix)
        .dlqTopic("dlq-" + suffix)
        .checkpointTopic("checkpoints-" + suffix)
        .transactionalId("ingest-" + suffix)
        .partitions(3)
        .progressInterval(Duration.ofSeconds(30));
  }
}
