package org.medlinestream.enrich.parse;

import java.util.Arrays;

/**
 * A value being joined from continuation lines, copied in bulk ({@link String#getChars}) rather
 * than character by character as {@link StringBuilder} does for a range of a string.
 */
final class ValueBuffer implements CharSequence {
  private char[] chars = new char[512];
  private int length;

  void clear() {
    length = 0;
  }

  void append(String text, int from, int to) {
    ensure(to - from);
    text.getChars(from, to, chars, length);
    length += to - from;
  }

  void append(char c) {
    ensure(1);
    chars[length++] = c;
  }

  private void ensure(int more) {
    if (length + more > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(length + more, chars.length * 2));
    }
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    return chars[index];
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new String(chars, start, end - start);
  }

  @Override
  public String toString() {
    return new String(chars, 0, length);
  }
}
