package org.medlinestream.schemas;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Fast checks over the bytes of a raw record, which must be text (see {@link RawHeaders}):
 * well-formed UTF-8 without control bytes other than TAB, CR and LF. Works eight bytes at a time
 * where the bytes are plain printable ASCII, byte by byte elsewhere, without decoding.
 */
public final class TextBytes {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  private TextBytes() {}

  /** Index of the first {@code target} byte in {@code bytes[from, to)}, or -1. */
  public static int indexOf(byte[] bytes, int from, int to, byte target) {
    long pattern = ONES * (target & 0xff);
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long x = (long) LONGS.get(bytes, i) ^ pattern;
      long found = (x - ONES) & ~x & HIGHS;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (bytes[i] == target) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The index of the first byte in {@code bytes[from, to)} that makes the range not text (an
   * invalid or truncated UTF-8 sequence, or a control byte), or -1 when the range is text.
   */
  public static int firstBadByte(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to) {
      if (i + Long.BYTES <= to) {
        long flagged = notPrintableAscii((long) LONGS.get(bytes, i));
        if (flagged == 0) {
          i += Long.BYTES;
          continue;
        }
        i += Long.numberOfTrailingZeros(flagged) >>> 3; // the first flagged byte is exact
      }
      byte b = bytes[i];
      if (b >= 0x20 && b != 0x7f || b == '\n' || b == '\r' || b == '\t') {
        i++;
      } else if (b >= 0) {
        return i; // control byte
      } else {
        int length = sequenceLength(bytes, i, to);
        if (length == 0) {
          return i;
        }
        i += length;
      }
    }
    return -1;
  }

  /** Says in words what is wrong with the byte at {@code index}, for an error message. */
  public static String describe(byte[] bytes, int index) {
    int b = bytes[index] & 0xff;
    return b < 0x80
        ? String.format("control byte 0x%02X", b)
        : String.format("invalid UTF-8 byte 0x%02X", b);
  }

  /**
   * The high bit of each byte of the word that is 0x80 or above, below 0x20 or 0x7F; bytes after
   * the first such byte may be flagged wrongly (borrows), the first one is exact.
   */
  private static long notPrintableAscii(long x) {
    long high = x & HIGHS;
    long control = (x - ONES * 0x20) & ~x & HIGHS;
    long del = x ^ (ONES * 0x7f);
    long delete = (del - ONES) & ~del & HIGHS;
    return high | control | delete;
  }

  /** Length of the well-formed multi-byte sequence starting at {@code i}, or 0 if there is none. */
  private static int sequenceLength(byte[] bytes, int i, int to) {
    int lead = bytes[i] & 0xff;
    int length;
    int min;
    int max = 0xbf; // bounds of the second byte (RFC 3629 table)
    if (lead >= 0xc2 && lead <= 0xdf) {
      length = 2;
      min = 0x80;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      min = lead == 0xe0 ? 0xa0 : 0x80;
      max = lead == 0xed ? 0x9f : 0xbf; // no surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      min = lead == 0xf0 ? 0x90 : 0x80;
      max = lead == 0xf4 ? 0x8f : 0xbf;
    } else {
      return 0;
    }
    if (i + length > to) {
      return 0;
    }
    int second = bytes[i + 1] & 0xff;
    if (second < min || second > max) {
      return 0;
    }
    for (int k = 2; k < length; k++) {
      if ((bytes[i + k] & 0xc0) != 0x80) {
        return 0;
      }
    }
    return length;
  }
}
