package org.medlinestream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.medlinestream.schemas.Topics;

/**
 * In the base and every overlay, enrich and sink run no more replicas than the topic they read has
 * partitions (the others would sit idle), and ingest runs exactly one.
 */
class ScalingTest {
  @Test
  void enrichAndSinkRunAtMostOnePodPerPartition() {
    for (Path dir : Kustomize.kustomizations()) {
      assertThat(replicas(dir, "enrich")).as(dir + " enrich").isPositive()
          .isLessThanOrEqualTo(partitions(dir, Topics.RAW));
      assertThat(replicas(dir, "sink")).as(dir + " sink").isPositive()
          .isLessThanOrEqualTo(partitions(dir, Topics.CITATIONS));
    }
  }

  @Test
  void ingestRunsExactlyOnceAndIsReplacedNotRolled() {
    for (Path dir : Kustomize.kustomizations()) {
      assertThat(replicas(dir, "ingest")).as(dir.toString()).isEqualTo(1);
      assertThat(Kustomize.effective(dir, "Deployment", "ingest", "/spec/strategy/type"))
          .as(dir.toString()).isEqualTo("Recreate");
    }
  }

  private static int replicas(Path dir, String deployment) {
    return Kustomize.effectiveInt(dir, "Deployment", deployment, "/spec/replicas");
  }

  private static int partitions(Path dir, String topic) {
    String name = Kustomize.resources(dir, "KafkaTopic").stream()
        .filter(t -> topic.equals(t.at("/spec/topicName").asText()))
        .map(t -> t.at("/metadata/name").asText())
        .findFirst()
        .orElseThrow(() -> new AssertionError(dir + ": no KafkaTopic for " + topic));
    return Kustomize.effectiveInt(dir, "KafkaTopic", name, "/spec/partitions");
  }
}
