package org.medlinestream.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medlinestream.sink.file.FileCitationStore;
import org.medlinestream.sink.jdbc.JdbcCitationStore;

class CitationStoresTest {

  private static List<String> names(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void opensADatabaseByItsJdbcUrl(@TempDir Path folder) {
    try (CitationStore store = CitationStores.open("jdbc:sqlite:" + folder.resolve("m.db"))) {
      assertThat(store).isInstanceOf(JdbcCitationStore.class);
    }
  }

  @Test
  void opensFileTargetsWithTheirRollLimits(@TempDir Path folder) throws Exception {
    Path jsonl = folder.resolve("jsonl");
    try (CitationStore store = CitationStores.open("jsonl:" + jsonl + "?maxBytes=1&maxAge=PT5M")) {
      assertThat(store).isInstanceOf(FileCitationStore.class);
      store.apply(List.of(CitationChange.delete("1")));
      assertThat(names(jsonl)).singleElement().asString().endsWith("-000001.jsonl");
    }
    Path avro = folder.resolve("avro");
    try (CitationStore store = CitationStores.open("avro:" + avro)) {
      store.apply(List.of(CitationChange.upsert(TestCitations.seed())));
    }
    assertThat(names(avro)).singleElement().asString().endsWith("-000001.avro");
  }

  @Test
  void explainsTargetsItDoesNotKnow() {
    assertThatThrownBy(() -> CitationStores.open("mongodb://localhost"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:postgresql://HOST:PORT/DB, jdbc:sqlite:FILE, jsonl:FOLDER");
    assertThatThrownBy(() -> CitationStores.open("jdbc:mysql://localhost/db"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unsupported database URL 'jdbc:mysql://localhost/db'");
    assertThatThrownBy(() -> CitationStores.open("jsonl:out?size=1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown file target option 'size=1'");
  }
}
