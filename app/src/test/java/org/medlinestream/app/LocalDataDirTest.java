package org.medlinestream.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDataDirTest {
  @TempDir
  Path tmp;

  @Test
  void keepsDataOfEarlierRunsUnlessFresh() throws IOException {
    Path dir = tmp.resolve("data");
    try (LocalDataDir data = LocalDataDir.open(dir, false)) {
      Files.createDirectories(data.kafka());
      Files.writeString(data.kafka().resolve("segment"), "records");
    }

    try (LocalDataDir again = LocalDataDir.open(dir, false)) {
      assertThat(again.kafka().resolve("segment")).hasContent("records");
    }
    try (LocalDataDir fresh = LocalDataDir.open(dir, true)) {
      assertThat(fresh.kafka()).doesNotExist();
      assertThat(dir.resolve(LocalDataDir.MARKER)).exists();
    }
  }

  @Test
  void refusesAFolderItDidNotMake() throws IOException {
    Files.writeString(tmp.resolve("thesis.tex"), "years of work");

    assertThatThrownBy(() -> LocalDataDir.open(tmp, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holds files that medline-stream did not write")
        .hasMessageContaining("choose a new or empty folder with --data-dir");
    assertThat(tmp.resolve("thesis.tex")).hasContent("years of work");
  }

  @Test
  void refusesAFolderInUse() throws IOException {
    Path dir = tmp.resolve("data");
    try (LocalDataDir first = LocalDataDir.open(dir, false)) {
      Files.writeString(first.path().resolve("kept"), "x");

      assertThatThrownBy(() -> LocalDataDir.open(dir, true))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("is in use by another `medline-stream local`");
      assertThat(first.path().resolve("kept")).exists();
    }
  }
}
