package org.medlinestream.ingest.source;

/**
 * {@code head}, then {@code body} {@code times} times, then {@code tail}; made up as it is read.
 */
final class RepeatingInputStream extends PartsInputStream {
  private final byte[] head;
  private final byte[] body;
  private final byte[] tail;
  private final long times;
  private long index = -1;

  RepeatingInputStream(byte[] head, byte[] body, long times, byte[] tail) {
    this.head = head;
    this.body = body;
    this.times = times;
    this.tail = tail;
  }

  /** Part {@code index}: 0 is the head, 1..times the body, times + 1 the tail. */
  @Override
  protected byte[] nextPart() {
    index++;
    if (index == 0) {
      return head;
    }
    if (index <= times) {
      return body;
    }
    return index == times + 1 ? tail : null;
  }
}
