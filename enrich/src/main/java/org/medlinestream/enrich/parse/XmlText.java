package org.medlinestream.enrich.parse;

/** Text clean-up shared by the XML mapping. */
final class XmlText {
  private XmlText() {}

  /** Whether an element is MathML's {@code math} (with or without a namespace prefix). */
  static boolean isMathMl(String elementName) {
    return elementName.equals("math") || elementName.endsWith(":math");
  }

  /**
   * The text with runs of XML white space collapsed to one space and trimmed; null when nothing
   * is left. Returns {@code text} itself (a String) when it needs no change.
   */
  static String normalize(CharSequence text) {
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
    boolean clean = true;
    for (int i = start; i < end && clean; i++) {
      char c = text.charAt(i);
      clean = c != '\n' && c != '\t' && c != '\r' && !(c == ' ' && text.charAt(i + 1) == ' ');
    }
    if (clean) {
      return start == 0 && end == length && text instanceof String
          ? (String) text
          : text.subSequence(start, end).toString();
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

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
  }
}
