package org.medlinestream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class YamlFilesTest {
  @Test
  void everyYamlFileUnderDeployParsesIntoMappings() {
    List<Path> files = DeployFiles.yamlFiles();

    assertThat(files).contains(Compose.FILE, Kustomize.BASE.resolve("kustomization.yaml"));
    for (Path file : files) {
      List<JsonNode> documents = DeployFiles.documents(file);
      assertThat(documents).as(file.toString()).isNotEmpty()
          .allSatisfy(d -> assertThat(d.isObject()).as(file + " holds a mapping").isTrue());
    }
  }

  @Test
  void everyKubernetesResourceHasApiVersionKindAndName() {
    for (Path dir : Kustomize.kustomizations()) {
      assertThat(Kustomize.resources(dir)).as(dir.toString()).isNotEmpty().allSatisfy(r -> {
        assertThat(r.path("apiVersion").asText()).as(r.toString()).isNotEmpty();
        assertThat(r.path("kind").asText()).as(r.toString()).isNotEmpty();
        assertThat(r.path("metadata").path("name").asText()).as(r.toString()).isNotEmpty();
      });
    }
  }

  @Test
  void everyKubernetesFileIsPartOfAKustomization() {
    Set<Path> used = new TreeSet<>();
    for (Path dir : Kustomize.kustomizations()) {
      JsonNode kustomization = Kustomize.kustomization(dir);
      used.add(dir.resolve("kustomization.yaml"));
      kustomization.path("resources").forEach(r -> used.add(dir.resolve(r.asText()).normalize()));
      kustomization.path("patches").findValues("path")
          .forEach(p -> used.add(dir.resolve(p.asText()).normalize()));
    }

    List<Path> k8sFiles = DeployFiles.yamlFiles().stream()
        .filter(f -> f.startsWith(Kustomize.K8S)).toList();
    assertThat(used).containsAll(k8sFiles);
  }
}
