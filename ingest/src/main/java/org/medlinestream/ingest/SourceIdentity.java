package org.medlinestream.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * The identity of a source file in the checkpoint topic: its name, size and the SHA-256 of its
 * first MiB ({@code pubmed25n0001.xml.gz:1234567:9f86d0...}). The same file moved to another
 * folder keeps its identity; a file rewritten with other content gets a new one. Cheap on a
 * multi-GB file.
 */
public final class SourceIdentity {
  private static final int HASHED_BYTES = 1 << 20;

  private SourceIdentity() {}

  public static String of(Path file) throws IOException {
    MessageDigest sha256 = Sha256.digest();
    long size = Files.size(file);
    try (InputStream in = Files.newInputStream(file)) {
      sha256.update(in.readNBytes(HASHED_BYTES));
    }
    return file.getFileName() + ":" + size + ":" + Sha256.hex(sha256.digest());
  }
}
