package org.medlinestream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads deploy/k8s the way kustomize renders it, as far as the tests need: the resources of a
 * kustomization (its bases included), the value of one field after the patches and the
 * {@code replicas:} entries, and the generated ConfigMap's settings.
 */
final class Kustomize {
  static final Path K8S = DeployFiles.deployDir().resolve("k8s");
  static final Path BASE = K8S.resolve("base");

  private Kustomize() {}

  /** The base and every overlay. */
  static List<Path> kustomizations() {
    List<Path> dirs = new ArrayList<>(List.of(BASE));
    try (Stream<Path> overlays = Files.list(K8S.resolve("overlays"))) {
      overlays.filter(Files::isDirectory).sorted().forEach(dirs::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dirs;
  }

  static JsonNode kustomization(Path dir) {
    return DeployFiles.document(dir.resolve("kustomization.yaml"));
  }

  /** Every resource of the kustomization in {@code dir}, its bases' included, before patches. */
  static List<JsonNode> resources(Path dir) {
    List<JsonNode> resources = new ArrayList<>();
    for (JsonNode entry : kustomization(dir).path("resources")) {
      Path path = dir.resolve(entry.asText()).normalize();
      if (Files.isDirectory(path)) {
        resources.addAll(resources(path));
      } else {
        resources.addAll(DeployFiles.documents(path));
      }
    }
    return resources;
  }

  static List<JsonNode> resources(Path dir, String kind) {
    return resources(dir).stream().filter(r -> kind.equals(r.path("kind").asText())).toList();
  }

  static JsonNode resource(Path dir, String kind, String name) {
    return resources(dir, kind).stream()
        .filter(r -> name.equals(r.path("metadata").path("name").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(dir + " has no " + kind + " " + name));
  }

  /**
   * The value at {@code pointer} (e.g. {@code /spec/replicas}) of one resource as rendered: the
   * resource's own value, then every patch (JSON 6902 or strategic merge) that sets it, then, for
   * {@code /spec/replicas}, the {@code replicas:} entries. Null when nothing sets it.
   */
  static String effective(Path dir, String kind, String name, String pointer) {
    String value = null;
    JsonNode kustomization = kustomization(dir);
    for (JsonNode entry : kustomization.path("resources")) {
      Path path = dir.resolve(entry.asText()).normalize();
      String found = Files.isDirectory(path)
          ? effective(path, kind, name, pointer)
          : valueIn(DeployFiles.documents(path), kind, name, pointer);
      value = found != null ? found : value;
    }
    for (JsonNode patch : kustomization.path("patches")) {
      if (targets(patch.path("target"), kind, name)) {
        value = patched(dir, patch, kind, name, pointer, value);
      }
    }
    if (pointer.equals("/spec/replicas")) {
      for (JsonNode replicas : kustomization.path("replicas")) {
        if (name.equals(replicas.path("name").asText())) {
          value = replicas.path("count").asText();
        }
      }
    }
    return value;
  }

  static int effectiveInt(Path dir, String kind, String name, String pointer) {
    String value = effective(dir, kind, name, pointer);
    if (value == null) {
      throw new AssertionError(dir + ": nothing sets " + pointer + " of " + kind + " " + name);
    }
    return Integer.parseInt(value);
  }

  /** The settings of a generated ConfigMap: its env files, overlays' merged over their bases'. */
  static Map<String, String> configMap(Path dir, String name) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (JsonNode entry : kustomization(dir).path("resources")) {
      Path path = dir.resolve(entry.asText()).normalize();
      if (Files.isDirectory(path)) {
        settings.putAll(configMap(path, name));
      }
    }
    for (JsonNode generator : kustomization(dir).path("configMapGenerator")) {
      if (name.equals(generator.path("name").asText())) {
        generator.path("envs").forEach(env -> settings.putAll(DeployFiles.envFile(dir.resolve(env.asText()))));
        generator.path("literals").forEach(literal -> {
          String[] keyValue = literal.asText().split("=", 2);
          settings.put(keyValue[0], keyValue[1]);
        });
      }
    }
    return settings;
  }

  /** The keys of every Secret the kustomization (or a base of it) generates. */
  static List<String> generatedSecretKeys(Path dir) {
    List<String> keys = new ArrayList<>();
    for (JsonNode entry : kustomization(dir).path("resources")) {
      Path path = dir.resolve(entry.asText()).normalize();
      if (Files.isDirectory(path)) {
        keys.addAll(generatedSecretKeys(path));
      }
    }
    for (JsonNode generator : kustomization(dir).path("secretGenerator")) {
      generator.path("literals").forEach(l -> keys.add(l.asText().split("=", 2)[0]));
      generator.path("envs").forEach(env ->
          keys.addAll(DeployFiles.envFile(dir.resolve(env.asText())).keySet()));
    }
    return keys;
  }

  private static String valueIn(List<JsonNode> documents, String kind, String name,
      String pointer) {
    return documents.stream()
        .filter(d -> kind.equals(d.path("kind").asText())
            && name.equals(d.path("metadata").path("name").asText()))
        .map(d -> DeployFiles.scalar(d.at(pointer)))
        .filter(v -> v != null)
        .reduce((first, second) -> second)
        .orElse(null);
  }

  private static boolean targets(JsonNode target, String kind, String name) {
    return (target.path("kind").isMissingNode() || kind.equals(target.path("kind").asText()))
        && (target.path("name").isMissingNode() || name.matches(target.path("name").asText()));
  }

  private static String patched(Path dir, JsonNode patch, String kind, String name,
      String pointer, String value) {
    JsonNode content = patch.has("path")
        ? DeployFiles.document(dir.resolve(patch.path("path").asText()))
        : DeployFiles.parse(patch.path("patch").asText());
    if (content.isArray()) {
      for (JsonNode op : content) {
        if (pointer.equals(op.path("path").asText())) {
          value = op.path("op").asText().equals("remove") ? null : DeployFiles.scalar(op.path("value"));
        }
      }
      return value;
    }
    String found = DeployFiles.scalar(content.at(pointer));
    boolean sameResource = patch.has("target")
        || (kind.equals(content.path("kind").asText())
            && name.equals(content.path("metadata").path("name").asText()));
    return sameResource && found != null ? found : value;
  }
}
