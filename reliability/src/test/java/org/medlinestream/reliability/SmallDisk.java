package org.medlinestream.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * A real, small file system (a tmpfs mounted by {@code mount}; the suite runs as root) that a test
 * fills to the last byte and frees again. Where the OS refuses the mount, the test is skipped with
 * the OS's reason: there is no other way to a real full disk.
 */
final class SmallDisk implements AutoCloseable {
  private final Path root;
  private final Path filler;

  private SmallDisk(Path root) {
    this.root = root;
    this.filler = root.resolve(".filler");
  }

  /** Mounts a tmpfs of {@code size} ({@code 2m}, ...) at {@code root}, created if missing. */
  static SmallDisk mount(Path root, String size) throws IOException, InterruptedException {
    Files.createDirectories(root);
    Run mount = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", root.toString());
    Assumptions.assumeTrue(mount.code() == 0, () -> "the OS refused to mount a " + size
        + " tmpfs at " + root + " (exit " + mount.code() + ": " + mount.output()
        + "): no real full disk can be made here");
    return new SmallDisk(root);
  }

  Path root() {
    return root;
  }

  /** Writes a filler file until the file system refuses with "No space left on device". */
  void fill() throws IOException {
    byte[] block = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
      }
    } catch (IOException e) {
      if (!String.valueOf(e.getMessage()).contains("No space left on device")) {
        throw e;
      }
    }
  }

  /** Deletes the filler: the space is back. */
  void free() throws IOException {
    Files.deleteIfExists(filler);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    Run umount = run("umount", "-l", root.toString());
    if (umount.code() != 0) {
      throw new IOException("cannot unmount " + root + ": " + umount.output());
    }
  }

  private record Run(int code, String output) {}

  private static Run run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.waitFor(), output.strip());
  }
}
