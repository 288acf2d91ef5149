package org.medlinestream.ingest.source;

/**
 * Checks that bytes are text: well-formed UTF-8 without control bytes other than TAB, CR and LF.
 * Scans byte by byte without decoding, so that a reader can check every line as it passes.
 */
public final class Utf8Text {
  private Utf8Text() {}

  /**
   * The index of the first byte in {@code bytes[from, to)} that makes the range not text (an
   * invalid or truncated UTF-8 sequence, or a control byte), or -1 when the range is text.
   */
  public static int firstBadByte(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to) {
      byte b = bytes[i];
      if (b >= 0x20 && b != 0x7f) {
        i++; // printable ASCII: the common case
      } else if (b == '\n' || b == '\r' || b == '\t') {
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
