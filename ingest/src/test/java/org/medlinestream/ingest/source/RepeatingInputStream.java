package org.medlinestream.ingest.source;

import java.io.InputStream;

/**
 * {@code head}, then {@code body} {@code times} times, then {@code tail}; made up as it is read.
 */
final class RepeatingInputStream extends InputStream {
  private final byte[] head;
  private final byte[] body;
  private final byte[] tail;
  private final long times;
  private long index;
  private int offset;

  RepeatingInputStream(byte[] head, byte[] body, long times, byte[] tail) {
    this.head = head;
    this.body = body;
    this.times = times;
    this.tail = tail;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    byte[] part = current();
    while (part != null && offset == part.length) {
      index++;
      offset = 0;
      part = current();
    }
    if (part == null) {
      return -1;
    }
    int n = Math.min(len, part.length - offset);
    System.arraycopy(part, offset, b, off, n);
    offset += n;
    return n;
  }

  /** Part {@code index}: 0 is the head, 1..times the body, times + 1 the tail. */
  private byte[] current() {
    if (index == 0) {
      return head;
    }
    if (index <= times) {
      return body;
    }
    return index == times + 1 ? tail : null;
  }
}
