package org.medlinestream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The list of assumed names in deploy/README.md is the one the deployment files use. */
class AssumedNamesTest {
  private static final List<String> KINDS = List.of("command", "flag of ingest", "flag of sink",
      "setting", "topic setting", "topic", "path", "port");

  private final AssumedNames assumed = AssumedNames.load();

  @Test
  void everyAssumedNameIsUsedByTheDeployment() {
    String deployment = DeployFiles.yamlFiles().stream().map(DeployFiles::text)
        .collect(Collectors.joining("\n"))
        + envFiles();

    assertThat(assumed.names()).allSatisfy(n ->
        assertThat(deployment).as("deploy files use " + n.name()).contains(n.name()));
  }

  @Test
  void everyRowHasAKindTheTestsKnow() {
    assertThat(assumed.names()).allSatisfy(n -> assertThat(KINDS).as(n.toString()).contains(n.kind()));
    assertThat(Code.readsEnvVar(AssumedNames.HTTP_PORT).isPresent()
        || assumed.has("setting", AssumedNames.HTTP_PORT)).as(AssumedNames.HTTP_PORT).isTrue();
  }

  private static String envFiles() {
    return List.of(Compose.FILE.resolveSibling("compose/medline-stream.env"),
            Kustomize.BASE.resolve("medline-stream.env")).stream()
        .map(DeployFiles::text)
        .collect(Collectors.joining("\n"));
  }
}
