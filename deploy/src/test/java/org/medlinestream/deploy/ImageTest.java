package org.medlinestream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The deployment runs the image the build makes, as the user it makes, on the Kafka tested. */
class ImageTest {
  private final Compose compose = Compose.load();

  @Test
  void composeAndKubernetesRunTheImageTheBuildMakes() {
    assertThat(compose.servicesOfImage(Poms.imageName()))
        .containsExactlyInAnyOrder("topics", "ingest", "enrich", "sink");
    assertThat(K8s.pipelineContainer().path("image").asText()).isEqualTo(Poms.imageName());
  }

  @Test
  void theImageStartsTheCommandLineAsANonRootUser() {
    String[] user = Poms.imageUser().split(":");
    JsonNode pod = K8s.pipelinePod().at("/spec/securityContext");

    assertThat(Poms.imageMainClass()).isEqualTo(Code.mainClass());
    assertThat(Integer.parseInt(user[0])).isPositive();
    assertThat(pod.path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.path("runAsUser").asText()).isEqualTo(user[0]);
    assertThat(pod.path("runAsGroup").asText()).isEqualTo(user[1]);
    assertThat(compose.service("ingest").path("user").asText()).contains(user[0]);
  }

  @Test
  void composeAndStrimziRunTheKafkaVersionTheTestsUse() {
    for (String service : compose.serviceNames()) {
      if (compose.image(service).startsWith("apache/kafka:")) {
        assertThat(compose.image(service)).isEqualTo("apache/kafka:" + Poms.kafkaVersion());
      }
    }
    assertThat(Kustomize.resources(Kustomize.BASE, "Kafka").get(0).at("/spec/kafka/version").asText())
        .isEqualTo(Poms.kafkaVersion());
  }
}
