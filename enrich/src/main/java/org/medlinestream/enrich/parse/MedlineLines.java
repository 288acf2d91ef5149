package org.medlinestream.enrich.parse;

/**
 * Writes MEDLINE field lines: the tag padded to four characters, {@code "- "}, the value wrapped at
 * spaces onto continuation lines of six spaces, lines at most {@value #WIDTH} characters where the
 * words allow, like PubMed.
 */
final class MedlineLines {
  static final int WIDTH = 88;
  private static final String CONTINUATION = "      ";
  private static final int TEXT_WIDTH = WIDTH - CONTINUATION.length();

  private final StringBuilder out;

  MedlineLines(StringBuilder out) {
    this.out = out;
  }

  /** Writes one field; nothing when the tag or the value is null. */
  void field(MedlineTag tag, String value) {
    if (tag != null && value != null) {
      field(tag.label(), value);
    }
  }

  /** Writes one field under a tag the table does not know (kept in extras). */
  void field(String label, String value) {
    String text = oneLine(value).trim();
    out.append(label);
    int start = 0;
    while (text.length() - start > TEXT_WIDTH) {
      int wrap = wrapPoint(text, start);
      if (wrap < 0) {
        break;
      }
      out.append(text, start, wrap).append('\n').append(CONTINUATION);
      start = wrap + 1;
    }
    out.append(text, start, text.length()).append('\n');
  }

  /** Writes a line as it was read (a line that was neither a tag line nor a continuation). */
  void verbatim(String line) {
    out.append(oneLine(line)).append('\n');
  }

  /** The last space that may end a line starting at {@code start}, else the first after; or -1. */
  private static int wrapPoint(String text, int start) {
    for (int i = start + TEXT_WIDTH; i > start; i--) {
      if (canWrapAt(text, i)) {
        return i;
      }
    }
    for (int i = start + TEXT_WIDTH + 1; i < text.length(); i++) {
      if (canWrapAt(text, i)) {
        return i;
      }
    }
    return -1;
  }

  /** A single space that the parser will read back as a space. */
  private static boolean canWrapAt(String text, int i) {
    return text.charAt(i) == ' '
        && text.charAt(i - 1) != ' '
        && i + 1 < text.length()
        && text.charAt(i + 1) != ' '
        && !LineJoin.withoutSpace(text, i, text, i + 1, text.length());
  }

  private static String oneLine(String value) {
    return value.indexOf('\n') < 0 && value.indexOf('\r') < 0
        ? value
        : value.replace('\r', ' ').replace('\n', ' ');
  }
}
