package org.medlinestream.schemas.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fails the build when a schema change would break consumers of released data. */
class ReleasedSchemasTest {
  private static final Path CURRENT = Path.of("src/main/avro");
  private static final Path RELEASED = Path.of("src/main/avro-released");

  @Test
  void everyCurrentSchemaCanReadWhatItsNewestReleaseWrote() {
    assertThat(ReleasedSchemas.parse(CURRENT)).containsKeys("org.medlinestream.avro.Citation",
        "org.medlinestream.avro.Author", "org.medlinestream.avro.ArticleId",
        "org.medlinestream.avro.Enrichment", "org.medlinestream.avro.Provenance");
    assertThat(ReleasedSchemas.backwardProblems(CURRENT, RELEASED)).isEmpty();
  }

  @Test
  void theNewestReleaseIsTheHighestVersionNumber(@TempDir Path released) throws IOException {
    for (String folder : new String[] {"v2", "v10", "v9", "notes"}) {
      Files.createDirectories(released.resolve(folder));
    }
    assertThat(ReleasedSchemas.newestRelease(released).getFileName()).hasToString("v10");
  }

  @Test
  void aBreakingChangeIsCaught(@TempDir Path dir) throws IOException {
    Path changed = copyOfCurrent(dir);
    // a new required field without a default: records written before it cannot be read
    addCitationField(changed, "{ \"name\": \"language\", \"type\": \"string\", \"doc\": \"ISO 639 code.\" }");
    Path articleId = changed.resolve("ArticleId.avsc");
    // a string that becomes an int
    Files.writeString(articleId, Files.readString(articleId).replace(
        "\"name\": \"value\",\n      \"type\": \"string\"", "\"name\": \"value\",\n      \"type\": \"int\""));

    assertThat(ReleasedSchemas.backwardProblems(changed, RELEASED))
        .anySatisfy(problem -> assertThat(problem)
            .startsWith("org.medlinestream.avro.Citation (compared with v1)")
            .contains("READER_FIELD_MISSING_DEFAULT_VALUE", "language"))
        .anySatisfy(problem -> assertThat(problem)
            .startsWith("org.medlinestream.avro.ArticleId (compared with v1)").contains("TYPE_MISMATCH", "/fields/1/type"));
  }

  @Test
  void anOptionalNewFieldPasses(@TempDir Path dir) throws IOException {
    Path changed = copyOfCurrent(dir);
    addCitationField(changed, "{ \"name\": \"language\", \"type\": [\"null\", \"string\"], \"default\": null, \"doc\": \"x\" }");
    assertThat(ReleasedSchemas.backwardProblems(changed, RELEASED)).isEmpty();
  }

  @Test
  void aRemovedSchemaIsCaught(@TempDir Path dir) throws IOException {
    Path released = dir.resolve("released/v1");
    Files.createDirectories(released);
    copy(RELEASED.resolve("v1"), released);
    Files.writeString(released.resolve("Extra.avsc"), "{\"type\":\"record\",\"name\":\"Extra\",\"namespace\":\"x\",\"fields\":[]}");
    assertThat(ReleasedSchemas.backwardProblems(CURRENT, released.getParent()))
        .containsExactly("x.Extra was released in v1 but is gone from " + CURRENT);
  }

  private static void addCitationField(Path schemas, String field) throws IOException {
    Path citation = schemas.resolve("Citation.avsc");
    Files.writeString(citation, Files.readString(citation).replaceFirst("\"fields\": \\[", "\"fields\": [ " + field + ","));
  }

  private static Path copyOfCurrent(Path dir) throws IOException {
    Path copy = dir.resolve("avro");
    Files.createDirectories(copy);
    copy(CURRENT, copy);
    return copy;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }
}
