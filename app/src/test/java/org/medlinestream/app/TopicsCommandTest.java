package org.medlinestream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medlinestream.embedded.TestKafka;

class TopicsCommandTest {
  @Test
  void createsMissingTopicsOnTheConfiguredCluster() {
    String prefix = "cli" + UUID.randomUUID().toString().substring(0, 8);
    String[] args = {"topics", "--bootstrap-servers", TestKafka.bootstrap(),
        "--partitions", "2", "-D", "topics.raw=" + prefix + ".raw",
        "-D", "topics.citations=" + prefix + ".citations", "-D", "topics.dlq=" + prefix + ".dlq",
        "-D", "topics.ingest.checkpoints=" + prefix + ".checkpoints"};

    Cli first = Cli.run(args);
    Cli second = Cli.run(args);

    assertThat(first.exitCode()).isZero();
    assertThat(first.out().lines()).containsExactly(
        prefix + ".raw: created with 2 partitions",
        prefix + ".citations: created with 2 partitions",
        prefix + ".dlq: created with 2 partitions",
        prefix + ".checkpoints: created with 1 partitions");
    assertThat(second.exitCode()).isZero();
    assertThat(second.out()).contains(prefix + ".raw: exists with 2 partitions");
  }
}
