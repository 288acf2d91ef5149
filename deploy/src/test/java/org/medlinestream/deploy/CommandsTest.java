package org.medlinestream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The commands and flags the deployment runs are the code's. */
class CommandsTest {
  @Test
  void everyCommandAndFlagExists() {
    List<String> unknown = new ArrayList<>();
    commandLines().forEach((where, arguments) -> {
      String command = arguments.get(0);
      if (!Code.commands().containsKey(command)) {
        unknown.add(where + ": command " + command);
      }
      for (String flag : Code.flags(arguments)) {
        if (!Code.hasOption(command, flag)) {
          unknown.add(where + ": " + command + " " + flag);
        }
      }
    });

    assertThat(unknown)
        .as("commands and flags the code does not have")
        .isEmpty();
  }

  @Test
  void composeAndKubernetesRunTheSamePipelineCommands() {
    Map<String, List<String>> lines = commandLines();

    for (String name : K8s.PIPELINE) {
      List<String> k8s = lines.get("k8s " + name);
      List<String> composed = lines.get("compose " + name);
      assertThat(k8s.get(0)).isEqualTo(name).isEqualTo(composed.get(0));
      assertThat(Code.flags(k8s)).as(name).isEqualTo(Code.flags(composed));
    }
    assertThat(lines.get("compose topics")).containsExactly("topics");
  }

  /** The arguments of every medline-stream container, by where they are. */
  private static Map<String, List<String>> commandLines() {
    Map<String, List<String>> lines = new TreeMap<>();
    Compose compose = Compose.load();
    compose.servicesOfImage(Poms.imageName())
        .forEach(s -> lines.put("compose " + s, compose.command(s)));
    for (String name : K8s.PIPELINE) {
      JsonNode container = K8s.container(Kustomize.resource(Kustomize.BASE, "Deployment", name));
      List<String> arguments = new ArrayList<>();
      container.path("args").forEach(a -> arguments.add(a.asText()));
      lines.put("k8s " + name, arguments);
    }
    return lines;
  }
}
