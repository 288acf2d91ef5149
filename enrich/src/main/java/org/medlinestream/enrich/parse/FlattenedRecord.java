package org.medlinestream.enrich.parse;

/**
 * A record flattened onto one line ({@code PMID- 36119045 OWN - NLM STAT- MEDLINE ... TI - ...}),
 * put back onto lines. A tag is only a tag of the table (not a legacy one) between single spaces in
 * one of the forms {@code " TI - "} (padding collapsed) or {@code " TI - "} (kept), so that text
 * such as {@code HR - 0.33} or {@code HR=0.330} in an abstract stays text.
 */
final class FlattenedRecord {
  private FlattenedRecord() {}

  /** True when the first line holds more than {@code PMID- <number>}. */
  static boolean isFlattened(String text) {
    if (!text.startsWith("PMID-")) {
      return false;
    }
    int i = skip(text, 5, ' ');
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    i = skip(text, i, ' ');
    return i < text.length() && text.charAt(i) != '\r' && text.charAt(i) != '\n';
  }

  /** The first line split into one line per field; further lines are kept as they are. */
  static String unflatten(String text) {
    int lineEnd = text.indexOf('\n');
    String line = lineEnd < 0 ? text : text.substring(0, lineEnd);
    StringBuilder out = new StringBuilder(text.length() + 256);
    int fieldStart = 0;
    for (int i = 1; i < line.length(); i++) {
      int valueStart = line.charAt(i - 1) == ' ' ? tagEnd(line, i) : -1;
      if (valueStart > 0) {
        // the field before ends at the space before this tag; when that space is the one after
        // the field's own dash ("TI - AB - ..."), its value is empty
        out.append(line, fieldStart, Math.max(fieldStart, i - 1)).append('\n');
        out.append(MedlineTag.lookup(line, i, tagLength(line, i)).label());
        fieldStart = valueStart;
        i = valueStart - 1;
      }
    }
    out.append(line, fieldStart, line.length()).append('\n');
    return lineEnd < 0 ? out.toString() : out.append(text, lineEnd + 1, text.length()).toString();
  }

  /** Where the value starts if a known current tag starts at {@code i}, else -1. */
  private static int tagEnd(String line, int i) {
    int end = tagLength(line, i);
    MedlineTag tag = MedlineTag.lookup(line, i, end);
    if (tag == null || tag.legacy()) {
      return -1;
    }
    int padded = 4 - (end - i);
    int dash = skip(line, end, ' ');
    int spaces = dash - end;
    if (spaces != Math.min(padded, 1) && spaces != padded || !line.startsWith("-", dash)) {
      return -1;
    }
    if (dash + 1 == line.length()) {
      return line.length(); // an empty last field
    }
    return line.charAt(dash + 1) == ' ' ? dash + 2 : -1;
  }

  private static int tagLength(String line, int i) {
    int end = i;
    while (end < line.length()
        && end - i < 5
        && line.charAt(end) >= 'A'
        && line.charAt(end) <= 'Z') {
      end++;
    }
    return end;
  }

  private static int skip(String text, int i, char c) {
    while (i < text.length() && text.charAt(i) == c) {
      i++;
    }
    return i;
  }
}
