package org.medlinestream.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder that files are dropped into, with the folders they are moved to when done ({@code
 * finished/}, {@code error/} by default, inside it). A dropped file is complete when its {@code
 * <name>.done} marker exists or when its size and modification time stayed the same for a while;
 * partial names ({@code .tmp}, {@code .part}, ...), hidden files and subfolders are never taken.
 */
public final class DropFolder {
  private static final Logger log = LoggerFactory.getLogger(DropFolder.class);
  static final String DONE_MARKER = ".done";
  static final String ERROR_NOTE = ".error.txt";
  /** Names of files still being written, and of markers: skipped without a word. */
  private static final List<String> PARTIAL_SUFFIXES = List.of(".tmp", ".part", ".partial",
      ".filepart", ".crdownload", ".download", ".inprogress", "~", DONE_MARKER, ERROR_NOTE);

  private final Path dir;
  private final Path finishedDir;
  private final Path errorDir;
  private final Duration stableFor;
  private final boolean requireDoneMarker;
  private final Map<Path, FileState> lastSeen = new HashMap<>();
  private final Set<Path> warnedAbout = new HashSet<>();

  /**
   * @param dir the folder watched
   * @param finishedDir where published files go; null for {@code dir/finished}
   * @param errorDir where refused files go, each with a {@code <name>.error.txt}; null for {@code
   *     dir/error}
   */
  public DropFolder(Path dir, Path finishedDir, Path errorDir, Duration stableFor,
      boolean requireDoneMarker) {
    this.dir = dir;
    this.finishedDir = finishedDir != null ? finishedDir : dir.resolve("finished");
    this.errorDir = errorDir != null ? errorDir : dir.resolve("error");
    this.stableFor = stableFor;
    this.requireDoneMarker = requireDoneMarker;
  }

  public DropFolder(Path dir, IngestConfig config) {
    this(dir, null, null, config.stableFor(), config.requireDoneMarker());
  }

  public Path dir() {
    return dir;
  }

  public Path finishedDir() {
    return finishedDir;
  }

  public Path errorDir() {
    return errorDir;
  }

  /** Creates the finished and error folders and checks that every folder can be written. */
  void prepare() {
    if (!Files.isDirectory(dir)) {
      throw new IngestException("drop folder " + dir + " does not exist or is not a folder");
    }
    for (Path folder : List.of(finishedDir, errorDir)) {
      try {
        Files.createDirectories(folder);
        Files.delete(Files.createTempFile(folder, ".ingest-probe-", ".tmp"));
      } catch (IOException e) {
        throw new IngestException("cannot write to " + folder + " (" + e
            + "): create it, make it writable and free space, or choose another folder");
      }
    }
    if (!Files.isWritable(dir)) {
      throw new IngestException("drop folder " + dir + " is not writable: ingest moves the files"
          + " it has published out of it");
    }
  }

  /**
   * The dropped files that are complete, in name order, up to the first one that is not complete
   * yet (so that a later file is never published before an earlier one).
   */
  List<Path> readyFiles() throws IOException {
    List<Path> candidates = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        if (isCandidate(entry)) {
          candidates.add(entry);
        }
      }
    }
    candidates.sort(Comparator.comparing(p -> p.getFileName().toString()));
    lastSeen.keySet().retainAll(candidates);
    long now = System.currentTimeMillis();
    List<Path> ready = new ArrayList<>();
    boolean inOrder = true;
    for (Path file : candidates) {
      boolean complete = isComplete(file, now);
      inOrder &= complete;
      if (inOrder) {
        ready.add(file);
      }
    }
    return ready;
  }

  private boolean isCandidate(Path entry) {
    String name = entry.getFileName().toString();
    if (name.startsWith(".") || !Files.isRegularFile(entry)) {
      return false;
    }
    if (!SourceResolver.isRecordFileName(name)) {
      if (!isPartialOrMarker(name) && warnedAbout.add(entry)) {
        log.warn("Ignoring {} in the drop folder: not a MEDLINE or PubMed file name (.txt, .nbib,"
            + " .medline, .xml, or .gz of them)", entry);
      }
      return false;
    }
    return true;
  }

  private static boolean isPartialOrMarker(String name) {
    return PARTIAL_SUFFIXES.stream().anyMatch(name::endsWith);
  }

  private boolean isComplete(Path file, long nowMillis) {
    if (Files.exists(marker(file))) {
      return true;
    }
    if (requireDoneMarker) {
      return false;
    }
    FileState state;
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      state = new FileState(attributes.size(), attributes.lastModifiedTime().toMillis());
    } catch (IOException e) {
      return false;
    }
    FileState before = lastSeen.put(file, state);
    return state.equals(before) && nowMillis - state.modifiedMillis() >= stableFor.toMillis();
  }

  /**
   * Moves a file whose source has ended to the finished folder, or, when it failed, to the error
   * folder with a {@code <name>.error.txt} giving the reason; removes its done marker.
   *
   * @return where the file is now, or null when it was gone already
   */
  Path finish(Path file, SourceOutcome outcome) {
    lastSeen.remove(file);
    if (!Files.exists(file)) {
      log.warn("{} disappeared from the drop folder before it could be moved", file);
      return null;
    }
    String error = outcome.error();
    Path target;
    try {
      if (error == null) {
        target = move(file, finishedDir);
      } else {
        target = uniqueTarget(errorDir, file.getFileName().toString());
        Path note = writeErrorNote(target, outcome);
        try {
          moveAtomically(file, target);
        } catch (IOException e) {
          Files.deleteIfExists(note); // no note without its file
          throw e;
        }
      }
      Files.deleteIfExists(marker(file));
    } catch (IOException e) {
      throw new IngestException("cannot move " + file + " out of the drop folder (" + e + "): "
          + "make " + finishedDir + " and " + errorDir + " writable and free space; the file"
          + " stays where it is and is moved, not published again, at the next scan", e);
    }
    log.info("Moved {} to {}", file.getFileName(), target);
    return target;
  }

  /** Writes {@code <target>.error.txt} whole or not at all; returns it. */
  private static Path writeErrorNote(Path target, SourceOutcome outcome) throws IOException {
    Checkpoint checkpoint = outcome.checkpoint();
    StringBuilder note = new StringBuilder()
        .append(outcome.error()).append('\n')
        .append("file: ").append(outcome.source().name()).append('\n')
        .append("refused at: ").append(Instant.now()).append('\n');
    if (checkpoint != null) {
      note.append("records published: ").append(checkpoint.records())
          .append(", inputs refused to the dead-letter topic: ").append(checkpoint.rejected())
          .append(", last position: ").append(checkpoint.position()).append('\n');
    }
    Path noteFile = target.resolveSibling(target.getFileName() + ERROR_NOTE);
    Path temp = target.resolveSibling("." + noteFile.getFileName() + ".tmp");
    try {
      Files.writeString(temp, note, StandardCharsets.UTF_8);
      moveAtomically(temp, noteFile);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    return noteFile;
  }

  private static Path move(Path file, Path folder) throws IOException {
    Path target = uniqueTarget(folder, file.getFileName().toString());
    moveAtomically(file, target);
    return target;
  }

  private static void moveAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** {@code folder/name}, or {@code folder/name.1}, {@code .2}, ... when that is taken. */
  private static Path uniqueTarget(Path folder, String name) {
    Path target = folder.resolve(name);
    for (int i = 1; Files.exists(target); i++) {
      target = folder.resolve(name + "." + i);
    }
    return target;
  }

  private static Path marker(Path file) {
    return file.resolveSibling(file.getFileName() + DONE_MARKER);
  }

  private record FileState(long size, long modifiedMillis) {}
}
