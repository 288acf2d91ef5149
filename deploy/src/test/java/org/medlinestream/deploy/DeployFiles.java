package org.medlinestream.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The files of the deploy module (this module's folder) and of the repository, read for tests. */
final class DeployFiles {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private DeployFiles() {}

  /** The deploy module's folder (Surefire runs tests in it). */
  static Path deployDir() {
    return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  }

  static Path repositoryDir() {
    return deployDir().getParent();
  }

  /** Every YAML file under deploy/, build output left out, sorted. */
  static List<Path> yamlFiles() {
    try (Stream<Path> files = Files.walk(deployDir())) {
      return files
          .filter(p -> !deployDir().relativize(p).startsWith("target"))
          .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every document of a (multi-document) YAML file. */
  static List<JsonNode> documents(Path file) {
    try (JsonParser parser = YAML.getFactory().createParser(file.toFile())) {
      List<JsonNode> documents = new ArrayList<>();
      YAML.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file + ": " + e.getMessage(), e);
    }
  }

  static JsonNode document(Path file) {
    List<JsonNode> documents = documents(file);
    if (documents.size() != 1) {
      throw new IllegalStateException(file + " has " + documents.size() + " documents, not 1");
    }
    return documents.get(0);
  }

  /** A YAML document given as text (a kustomize inline patch). */
  static JsonNode parse(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code KEY=VALUE} lines of an env file (Docker's env_file, kustomize's envs), in order. */
  static Map<String, String> envFile(Path file) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : lines(file)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int equals = trimmed.indexOf('=');
      if (equals < 1) {
        throw new IllegalStateException(file + ": not KEY=VALUE: " + line);
      }
      values.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
    }
    return values;
  }

  static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> lines(Path file) {
    return text(file).lines().toList();
  }

  /** The text of a scalar node, numbers and booleans included; null when missing. */
  static String scalar(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
  }
}
