package org.medlinestream.enrich.parse;

/** Text clean-up shared by the XML mapping. */
final class XmlText {
  private XmlText() {}

  /** Whether an element is MathML's {@code math} (with or without a namespace prefix). */
  static boolean isMathMl(String elementName) {
    return elementName.equals("math") || elementName.endsWith(":math");
  }

  /** Whether {@code text} is XML white space only. */
  static boolean isBlank(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!isSpace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The text with runs of XML white space collapsed to one space and trimmed; null when nothing is
   * left. Returns {@code text} itself when it needs no change.
   */
  static String normalize(String text) {
    int length = text.length();
    int start = 0;
    while (start < length && isSpace(text.charAt(start))) {
      start++;
    }
    int end = length;
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    if (start == end) {
      return null;
    }
    if (!needsCollapsing(text, start, end)) {
      return start == 0 && end == length ? text : text.substring(start, end);
    }
    StringBuilder collapsed = new StringBuilder(end - start);
    boolean space = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        space = true;
      } else {
        if (space) {
          collapsed.append(' ');
          space = false;
        }
        collapsed.append(c);
      }
    }
    return collapsed.toString();
  }

  /** Whether {@code text[start, end)}, trimmed, has white space other than single spaces. */
  private static boolean needsCollapsing(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c <= ' ' && isSpace(c) && (c != ' ' || text.charAt(i + 1) == ' ')) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
  }
}
