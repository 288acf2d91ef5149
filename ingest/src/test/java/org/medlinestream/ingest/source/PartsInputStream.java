package org.medlinestream.ingest.source;

import java.io.InputStream;

/** An input stream made up part by part as it is read: no file, and one part in memory. */
public abstract class PartsInputStream extends InputStream {
  private byte[] part = new byte[0];
  private int offset;

  /** The next part, or null at the end. */
  protected abstract byte[] nextPart();

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    while (part != null && offset == part.length) {
      part = nextPart();
      offset = 0;
    }
    if (part == null) {
      return -1;
    }
    int n = Math.min(len, part.length - offset);
    System.arraycopy(part, offset, b, off, n);
    offset += n;
    return n;
  }
}
