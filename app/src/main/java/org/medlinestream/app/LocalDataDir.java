package org.medlinestream.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data folder of {@code medline-stream local} ({@code ./data/} by default), held locked while
 * the stack runs: Kafka's logs under {@code kafka/}, and a marker naming the folder as ours, so
 * that {@code --fresh} only ever empties a folder this command made and nobody is using.
 */
final class LocalDataDir implements AutoCloseable {
  static final String MARKER = ".medline-stream-local";
  private static final String LOCK = ".lock";

  private final Path dir;
  private final FileChannel lockFile;
  private final FileLock lock;

  private LocalDataDir(Path dir, FileChannel lockFile, FileLock lock) {
    this.dir = dir;
    this.lockFile = lockFile;
    this.lock = lock;
  }

  /**
   * Creates the folder or reuses one made before (its data survives); with {@code fresh}, empties
   * it first. Refuses a folder with other files in it, and one another stack is using.
   */
  static LocalDataDir open(Path folder, boolean fresh) throws IOException {
    Path dir = folder.toAbsolutePath().normalize();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + " is a file, not a folder: choose a --data-dir");
    }
    if (Files.exists(dir) && !Files.exists(dir.resolve(MARKER)) && !isEmpty(dir)) {
      throw new IllegalArgumentException(
          "data folder " + dir + " holds files that medline-stream did not write (no " + MARKER
              + " in it): choose a new or empty folder with --data-dir");
    }
    Files.createDirectories(dir);
    FileChannel channel = FileChannel.open(
        dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // Held by this JVM.
    }
    if (lock == null) {
      channel.close();
      throw new IllegalStateException("data folder " + dir + " is in use by another "
          + "`medline-stream local`: stop it first, or choose another --data-dir");
    }
    LocalDataDir data = new LocalDataDir(dir, channel, lock);
    if (fresh) {
      data.deleteContents();
    }
    Files.writeString(dir.resolve(MARKER),
        "Data of `medline-stream local`; `--fresh` deletes this folder's contents.\n");
    return data;
  }

  Path path() {
    return dir;
  }

  Path kafka() {
    return dir.resolve("kafka");
  }

  @Override
  public void close() throws IOException {
    lock.release();
    lockFile.close();
  }

  private void deleteContents() throws IOException {
    Set<Path> kept = Set.of(dir, dir.resolve(LOCK));
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      paths = walk.filter(p -> !kept.contains(p)).sorted(Comparator.reverseOrder()).toList();
    }
    for (Path path : paths) {
      Files.delete(path);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }
}
