package org.medlinestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceResolverTest {
  @TempDir Path dir;
  private SourceResolver resolver;

  @BeforeEach
  void files() throws IOException {
    for (String name : List.of("data/b.xml.gz", "data/a.txt", "data/sub/c.nbib",
        "data/sub/deeper/d.MEDLINE", "data/readme.md", "data/.hidden.xml", "data/.git/e.xml",
        "data/f.xml.tmp", "data/g.xml", "other/h.txt")) {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "x");
    }
    resolver = new SourceResolver(dir);
  }

  @Test
  void aFolderGivesItsRecordFilesRecursivelySortedSkippingHiddenOnes() {
    assertThat(names(resolver.resolve(List.of("data"))))
        .containsExactly("a.txt", "b.xml.gz", "g.xml", "c.nbib", "d.MEDLINE");
  }

  @Test
  void globsMatchWithinAFolderOrAcrossFoldersWithDoubleStar() {
    assertThat(names(resolver.resolve(List.of("data/*.xml*")))).containsExactly("b.xml.gz",
        "g.xml");
    assertThat(names(resolver.resolve(List.of("data/**.nbib")))).containsExactly("c.nbib");
    assertThat(names(resolver.resolve(List.of("*/*.txt")))).containsExactly("a.txt", "h.txt");
  }

  @Test
  void aFileIsTakenWhateverItsNameAndOnceWhenNamedTwice() {
    assertThat(names(resolver.resolve(List.of("data/readme.md", "data/a.txt", "data"))))
        .containsExactly("readme.md", "a.txt", "b.xml.gz", "g.xml", "c.nbib", "d.MEDLINE");
  }

  @Test
  void aDashIsStandardInput() {
    List<Source> sources = resolver.resolve(List.of("-", "other/h.txt"));
    assertThat(sources.get(0).isStdin()).isTrue();
    assertThat(sources.get(0).name()).isEqualTo("-");
    assertThat(sources.get(1).path()).isEqualTo(dir.resolve("other/h.txt"));
  }

  @Test
  void whatDoesNotExistOrMatchesNothingIsAClearError() {
    assertThatThrownBy(() -> resolver.resolve(List.of("data/missing.xml")))
        .isInstanceOf(IngestException.class)
        .hasMessageContaining("no such file or folder: data/missing.xml");
    assertThatThrownBy(() -> resolver.resolve(List.of("data/*.json")))
        .hasMessage("no MEDLINE or PubMed file matches data/*.json");
    assertThatThrownBy(() -> resolver.resolve(List.of("nowhere/*.xml")))
        .hasMessageContaining("no such folder: nowhere");
    assertThatThrownBy(() -> resolver.resolve(List.of())).hasMessageContaining("no input given");
  }

  @Test
  void recordFileNamesAreTheMedlineAndPubmedExtensionsAndTheirGzip() {
    assertThat(SourceResolver.isRecordFileName("pubmed25n0001.xml.gz")).isTrue();
    assertThat(SourceResolver.isRecordFileName("x.NBIB")).isTrue();
    assertThat(SourceResolver.isRecordFileName("x.xml.gz.part")).isFalse();
    assertThat(SourceResolver.isRecordFileName("x.gz")).isFalse();
    assertThat(SourceResolver.isRecordFileName("x.xml.done")).isFalse();
  }

  private static List<String> names(List<Source> sources) {
    return sources.stream().map(s -> s.path().getFileName().toString()).toList();
  }
}
