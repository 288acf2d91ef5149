package org.medlinestream.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One input of an ingest: a file, or standard input.
 *
 * @param name how the source is named in headers, checkpoints and messages ({@code -} for stdin)
 * @param path the file, or null for standard input
 */
public record Source(String name, Path path) {
  public static final String STDIN_NAME = "-";

  public static Source file(Path path) {
    return new Source(path.toString(), path);
  }

  public static Source stdin() {
    return new Source(STDIN_NAME, null);
  }

  public boolean isStdin() {
    return path == null;
  }

  /** The file's size in bytes, or -1 for standard input or a file that is gone. */
  public long size() {
    if (isStdin()) {
      return -1;
    }
    try {
      return Files.size(path);
    } catch (IOException e) {
      return -1;
    }
  }

  /** Opens the bytes of the source; closing the stream of standard input leaves it open. */
  public InputStream open() throws IOException {
    if (isStdin()) {
      return new FilterInputStream(System.in) {
        @Override
        public void close() {}
      };
    }
    return Files.newInputStream(path);
  }
}
