package org.medlinestream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** deploy/docker-compose.yml as the tests see it: services, their settings, commands and ports. */
final class Compose {
  static final Path FILE = DeployFiles.deployDir().resolve("docker-compose.yml");

  private final JsonNode services;

  private Compose(JsonNode root) {
    this.services = root.path("services");
  }

  static Compose load() {
    return new Compose(DeployFiles.document(FILE));
  }

  List<String> serviceNames() {
    List<String> names = new ArrayList<>();
    services.fieldNames().forEachRemaining(names::add);
    return names;
  }

  JsonNode service(String name) {
    JsonNode service = services.path(name);
    if (service.isMissingNode()) {
      throw new AssertionError("docker-compose.yml has no service " + name);
    }
    return service;
  }

  String image(String service) {
    return DeployFiles.scalar(service(service).path("image"));
  }

  /** The services run from the given image. */
  List<String> servicesOfImage(String image) {
    return serviceNames().stream().filter(s -> image.equals(image(s))).toList();
  }

  /** The container's environment: its env_file, then its environment mapping. */
  Map<String, String> environment(String service) {
    Map<String, String> environment = new LinkedHashMap<>();
    JsonNode envFile = service(service).path("env_file");
    if (!envFile.isMissingNode()) {
      environment.putAll(DeployFiles.envFile(FILE.resolveSibling(envFile.asText())));
    }
    service(service).path("environment").fields()
        .forEachRemaining(e -> environment.put(e.getKey(), DeployFiles.scalar(e.getValue())));
    return environment;
  }

  List<String> command(String service) {
    List<String> command = new ArrayList<>();
    service(service).path("command").forEach(arg -> command.add(arg.asText()));
    return command;
  }

  /** The container side of each published port ({@code "8081:8081"} → 8081). */
  List<Integer> containerPorts(String service) {
    List<Integer> ports = new ArrayList<>();
    service(service).path("ports").forEach(p -> {
      String mapping = p.asText();
      ports.add(Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1)));
    });
    return ports;
  }

  /** The health check command as one string. */
  String healthcheck(String service) {
    List<String> words = new ArrayList<>();
    service(service).path("healthcheck").path("test").forEach(w -> words.add(w.asText()));
    return String.join(" ", words);
  }
}
