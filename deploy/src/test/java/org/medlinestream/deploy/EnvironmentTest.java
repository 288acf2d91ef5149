package org.medlinestream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.medlinestream.app.ConfigKey;

/** Every MEDLINE_STREAM_* variable the deployment sets is one the code reads. */
class EnvironmentTest {
  private final Compose compose = Compose.load();

  @Test
  void everyMedlineStreamVariableIsASettingOfTheCode() {
    Set<String> unknown = new TreeSet<>();
    for (String variable : variablesSet()) {
      if (Code.readsEnvVar(variable).isEmpty()) {
        unknown.add(variable);
      }
    }

    assertThat(unknown)
        .as("not a ConfigKey, a Kafka client setting, nor a documented schema.registry.* key")
        .isEmpty();
  }

  @Test
  void composeAndKubernetesGiveTheSameSettings() {
    Map<String, String> composeSettings = new TreeMap<>(compose.environment("enrich"));
    Map<String, String> k8sSettings = new TreeMap<>(Kustomize.configMap(Kustomize.BASE, K8s.CONFIG_MAP));
    // Where the cluster and the registry are differs; PortsTest checks both.
    for (ConfigKey endpoint : new ConfigKey[] {ConfigKey.BOOTSTRAP_SERVERS, ConfigKey.SCHEMA_REGISTRY_URL}) {
      String variable = ConfigKey.envVar(endpoint.key());
      assertThat(composeSettings.remove(variable)).as(variable).isNotNull();
      assertThat(k8sSettings.remove(variable)).as(variable).isNotNull();
    }

    assertThat(composeSettings).isEqualTo(k8sSettings);
  }

  @Test
  void everyPipelineContainerGetsTheSameSettings() {
    String image = Poms.imageName();
    Map<String, String> first = compose.environment(compose.servicesOfImage(image).get(0));

    assertThat(compose.servicesOfImage(image)).hasSizeGreaterThanOrEqualTo(4)
        .allSatisfy(s -> assertThat(compose.environment(s)).as(s).isEqualTo(first));
    assertThat(K8s.pipelineContainer().path("envFrom").findValuesAsText("name"))
        .contains(K8s.CONFIG_MAP);
  }

  /** The names of every MEDLINE_STREAM_* variable in compose and in every kustomization. */
  private List<String> variablesSet() {
    List<String> names = new ArrayList<>();
    compose.serviceNames().forEach(s -> names.addAll(compose.environment(s).keySet()));
    for (Path dir : Kustomize.kustomizations()) {
      names.addAll(Kustomize.configMap(dir, K8s.CONFIG_MAP).keySet());
      names.addAll(Kustomize.generatedSecretKeys(dir));
      for (JsonNode workload : Kustomize.resources(dir, "Deployment")) {
        names.addAll(K8s.envNames(K8s.container(workload)));
      }
    }
    names.addAll(K8s.envNames(K8s.pipelineContainer()));
    return names.stream().filter(n -> n.startsWith(ConfigKey.ENV_PREFIX)).distinct().toList();
  }
}
