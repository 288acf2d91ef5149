package org.medlinestream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The Kubernetes objects of deploy/k8s that several tests look into. */
final class K8s {
  static final String CONFIG_MAP = "medline-stream-config";
  /** The patch that every pipeline Deployment gets (image, settings, port, probes). */
  static final Path PIPELINE_PATCH = Kustomize.BASE.resolve("pipeline.yaml");
  static final List<String> PIPELINE = List.of("ingest", "enrich", "sink");

  private K8s() {}

  /** The one container of a Deployment or StatefulSet. */
  static JsonNode container(JsonNode workload) {
    JsonNode containers = workload.at("/spec/template/spec/containers");
    if (containers.size() != 1) {
      throw new AssertionError(workload.at("/metadata/name") + " has " + containers.size()
          + " containers, not 1");
    }
    return containers.get(0);
  }

  /** The value a container's {@code env} gives a variable, or null. */
  static String env(JsonNode container, String name) {
    for (JsonNode variable : container.path("env")) {
      if (name.equals(variable.path("name").asText())) {
        return DeployFiles.scalar(variable.path("value"));
      }
    }
    return null;
  }

  static List<String> envNames(JsonNode container) {
    List<String> names = new ArrayList<>();
    container.path("env").forEach(v -> names.add(v.path("name").asText()));
    return names;
  }

  /** The container every pipeline Deployment gets from {@link #PIPELINE_PATCH}. */
  static JsonNode pipelineContainer() {
    return container(DeployFiles.document(PIPELINE_PATCH));
  }

  static JsonNode pipelinePod() {
    return DeployFiles.document(PIPELINE_PATCH).at("/spec/template");
  }

  /** The number of Kafka brokers the kustomization in {@code dir} runs. */
  static int brokers(Path dir) {
    int brokers = 0;
    for (JsonNode pool : Kustomize.resources(dir, "KafkaNodePool")) {
      if (pool.at("/spec/roles").toString().contains("\"broker\"")) {
        brokers += Kustomize.effectiveInt(dir, "KafkaNodePool", pool.at("/metadata/name").asText(),
            "/spec/replicas");
      }
    }
    return brokers;
  }

  /** The name of the Strimzi Kafka cluster. */
  static String kafkaCluster() {
    return Kustomize.resources(Kustomize.BASE, "Kafka").get(0).at("/metadata/name").asText();
  }
}
