package org.medlinestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropFolderTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @TempDir Path dir;

  @Test
  void aFileIsReadyWhenItsSizeAndTimeStayedTheSameSinceTheLastScanAndLongEnough()
      throws IOException {
    DropFolder folder = new DropFolder(dir, null, null, MINUTE, false);
    folder.prepare();
    drop("b.xml", 2);
    drop("a.txt", 2);
    drop("c.xml.tmp", 2);
    drop(".d.xml", 2);
    drop("notes.md", 2);
    Files.createDirectories(dir.resolve("sub.xml"));

    assertThat(folder.readyFiles()).as("seen once").isEmpty();
    assertThat(names(folder.readyFiles())).containsExactly("a.txt", "b.xml");

    Files.writeString(dir.resolve("a.txt"), "grown");
    assertThat(folder.readyFiles()).as("a.txt changed: b.xml waits behind it").isEmpty();
  }

  @Test
  void aFileStillBeingWrittenHoldsBackLaterNamesUnlessItsDoneMarkerExists() throws IOException {
    DropFolder folder = new DropFolder(dir, null, null, MINUTE, false);
    folder.prepare();
    drop("pubmed25n0001.xml.gz", 0);
    drop("pubmed25n0002.xml.gz", 5);
    folder.readyFiles();
    assertThat(folder.readyFiles()).isEmpty();

    Files.writeString(dir.resolve("pubmed25n0001.xml.gz.done"), "");
    assertThat(names(folder.readyFiles()))
        .containsExactly("pubmed25n0001.xml.gz", "pubmed25n0002.xml.gz");
  }

  @Test
  void withMarkersRequiredOnlyMarkedFilesAreTaken() throws IOException {
    DropFolder folder = new DropFolder(dir, null, null, Duration.ZERO, true);
    folder.prepare();
    drop("a.xml", 5);
    drop("b.xml", 5);
    Files.writeString(dir.resolve("a.xml.done"), "");
    folder.readyFiles();
    assertThat(names(folder.readyFiles())).containsExactly("a.xml");
  }

  @Test
  void finishedFilesMoveToFinishedAndFailedOnesToErrorWithTheReasonBeside() throws IOException {
    Path finished = dir.resolve("archive/ok");
    Path errors = dir.resolve("archive/bad");
    DropFolder folder = new DropFolder(dir.resolve("drop"), finished, errors, MINUTE, false);
    Files.createDirectories(folder.dir());
    folder.prepare();
    Path good = Files.writeString(folder.dir().resolve("good.xml"), "x");
    Files.writeString(folder.dir().resolve("good.xml.done"), "");
    Path bad = Files.writeString(folder.dir().resolve("bad.txt"), "x");
    Files.writeString(finished.resolve("good.xml"), "an older file of the same name");

    Checkpoint done = new Checkpoint("bad.txt", 7, true, 0, 0, 7, 0, "no MEDLINE record in it");
    assertThat(folder.finish(good, outcome(good, SourceOutcome.Status.PUBLISHED, null)))
        .isEqualTo(finished.resolve("good.xml.1"));
    assertThat(folder.finish(bad, new SourceOutcome(Source.file(bad),
        SourceOutcome.Status.FAILED, done, done.error()))).isEqualTo(errors.resolve("bad.txt"));

    assertThat(folder.dir()).isEmptyDirectory();
    assertThat(errors.resolve("bad.txt")).exists();
    assertThat(Files.readString(errors.resolve("bad.txt.error.txt")))
        .startsWith("no MEDLINE record in it\nfile: " + bad)
        .contains("records published: 0, inputs refused to the dead-letter topic: 7");
  }

  @Test
  void aFolderThatCannotBeWrittenIsAClearErrorAtTheStart() throws IOException {
    Path notAFolder = Files.writeString(dir.resolve("finished"), "a file in the way");
    DropFolder folder = new DropFolder(dir, notAFolder, null, MINUTE, false);
    assertThatThrownBy(folder::prepare)
        .isInstanceOf(IngestException.class)
        .hasMessageStartingWith("cannot write to " + notAFolder)
        .hasMessageContaining("make it writable");
    assertThatThrownBy(new DropFolder(dir.resolve("missing"), null, null, MINUTE, false)::prepare)
        .hasMessageContaining("does not exist");
  }

  private static SourceOutcome outcome(Path file, SourceOutcome.Status status, String error) {
    return new SourceOutcome(Source.file(file), status, Checkpoint.start(file.toString()), error);
  }

  /** A file last modified {@code minutesAgo} minutes ago. */
  private void drop(String name, int minutesAgo) throws IOException {
    Path file = Files.writeString(dir.resolve(name), name);
    Files.setLastModifiedTime(file,
        FileTime.from(Instant.now().minus(Duration.ofMinutes(minutesAgo))));
  }

  private static List<String> names(List<Path> files) {
    return files.stream().map(p -> p.getFileName().toString()).toList();
  }
}
