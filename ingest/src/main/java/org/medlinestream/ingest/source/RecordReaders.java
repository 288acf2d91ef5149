package org.medlinestream.ingest.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens the right {@link RecordReader} for a source, whatever its name: gzip is recognised by its
 * magic bytes, and the format by the first byte that is not blank or a byte order mark ({@code <}
 * is PubMed XML, anything else MEDLINE text).
 */
public final class RecordReaders {
  private static final int BUFFER_BYTES = 1 << 16;
  /** How far the format is looked for past leading blanks. */
  private static final int SNIFF_LIMIT = 1 << 20;

  private RecordReaders() {}

  /** Opens {@code file}, named by its path in reasons and errors. */
  public static RecordReader open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      return open(in, file.toString());
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /**
   * A reader of {@code in}, which it closes.
   *
   * @throws UnreadableSourceException when the source is empty, only blank, or compressed in a
   *     format other than gzip
   * @throws IOException when it cannot be read
   */
  public static RecordReader open(InputStream in, String sourceName) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, BUFFER_BYTES);
    InputStream content = buffered;
    if (startsWith(buffered, 0x1f, 0x8b)) {
      content = new BufferedInputStream(new GzipContent(buffered), BUFFER_BYTES);
    }
    return isXml(content, sourceName)
        ? new PubmedXmlReader(content, sourceName)
        : new MedlineTextReader(content, sourceName);
  }

  private static boolean isXml(InputStream in, String sourceName) throws IOException {
    String compression = otherCompression(in);
    if (compression != null) {
      throw new UnreadableSourceException(sourceName + " is compressed with " + compression
          + ", which ingest does not read: decompress it, or recompress it with gzip");
    }
    in.mark(SNIFF_LIMIT);
    try {
      for (int read = 0; read < SNIFF_LIMIT; read++) {
        int b = in.read();
        if (b < 0) {
          throw new UnreadableSourceException(sourceName + (read == 0 ? " is empty" : " holds"
              + " only blank space") + ": no MEDLINE text or PubMed XML in it");
        }
        if (!isBlankOrByteOrderMark(b)) {
          return b == '<';
        }
      }
      throw new UnreadableSourceException(sourceName + " starts with more than "
          + SNIFF_LIMIT + " blank bytes: not MEDLINE text or PubMed XML");
    } finally {
      in.reset();
    }
  }

  private static boolean isBlankOrByteOrderMark(int b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xef || b == 0xbb || b == 0xbf;
  }

  private static String otherCompression(InputStream in) throws IOException {
    if (startsWith(in, 'P', 'K', 3, 4)) {
      return "zip";
    }
    if (startsWith(in, 'B', 'Z', 'h')) {
      return "bzip2";
    }
    if (startsWith(in, 0xfd, '7', 'z', 'X', 'Z', 0)) {
      return "xz";
    }
    if (startsWith(in, 0x28, 0xb5, 0x2f, 0xfd)) {
      return "zstd";
    }
    if (startsWith(in, 0x1f, 0x8b)) {
      return "gzip twice";
    }
    return null;
  }

  private static boolean startsWith(InputStream in, int... magic) throws IOException {
    in.mark(magic.length);
    try {
      for (int expected : magic) {
        if (in.read() != expected) {
          return false;
        }
      }
      return true;
    } finally {
      in.reset();
    }
  }

  /**
   * Gzip that never says more is available: a buffer over it then hands on what was inflated
   * before a truncation, instead of losing it with the exception that follows.
   */
  private static final class GzipContent extends GZIPInputStream {
    GzipContent(InputStream in) throws IOException {
      super(in, BUFFER_BYTES);
    }

    @Override
    public int available() {
      return 0;
    }
  }
}
