package org.medlinestream.sink.file;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.medlinestream.sink.CitationChange;

/** How a {@link FileCitationStore} encodes changes and writes, syncs and repairs its files. */
interface FileFormat {

  /** File name extension, with the dot. */
  String extension();

  /** One change, encoded on its own so that a bad record fails before anything is written. */
  byte[] encode(CitationChange change);

  /** Starts a new, empty file. */
  Output create(Path path) throws IOException;

  /**
   * Copies the complete records of a file left behind by a crash or a failed write to {@code
   * target}, dropping a torn record at its end.
   */
  void recover(Path damaged, Path target) throws IOException;

  /** A file being written. */
  interface Output extends Closeable {

    void append(List<byte[]> encoded) throws IOException;

    /** Makes everything appended so far durable. */
    void sync() throws IOException;

    /** Bytes on disk after the last {@link #sync}. */
    long size() throws IOException;
  }
}
