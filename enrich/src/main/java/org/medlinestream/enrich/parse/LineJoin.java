package org.medlinestream.enrich.parse;

import java.util.Set;

/**
 * How a value wrapped onto continuation lines joins back. Lines join with one space, except where
 * the wrap was inside a word, which is when the line ends (with no trailing space) in
 *
 * <ul>
 *   <li>a hyphen right after a letter and the next line starts with a letter: 2025 exports wrap
 *       inside hyphenated words ({@code nature-}/{@code themed}), unless the next word is a
 *       conjunction, which makes the hyphen a suspended one ({@code photo-}/{@code and
 *       videographic}, seen in older exports that wrap only at spaces);
 *   <li>a DOI that ends in {@code /} ({@code 10.1016/}/{@code j.jhsa...}): a DOI has no space.
 * </ul>
 *
 * A wrap right after {@code doi:} joins with a space: PubMed writes {@code doi: 10...} and the real
 * files wrap there in place of that space. The writer only wraps where this rule puts the space
 * back.
 */
final class LineJoin {
  private static final Set<String> CONJUNCTIONS =
      Set.of("and", "or", "nor", "to", "und", "oder", "bis", "et", "ou", "y", "o", "e");

  private LineJoin() {}

  /**
   * True when {@code left[0, leftEnd)} and {@code right[rightStart, rightEnd)}, both trimmed, are
   * two halves of one word.
   */
  static boolean withoutSpace(
      CharSequence left, int leftEnd, CharSequence right, int rightStart, int rightEnd) {
    if (leftEnd < 2 || rightStart >= rightEnd) {
      return false;
    }
    char last = left.charAt(leftEnd - 1);
    if (last == '-') {
      return Character.isLetter(left.charAt(leftEnd - 2))
          && Character.isLetter(right.charAt(rightStart))
          && !startsWithConjunction(right, rightStart, rightEnd);
    }
    return last == '/' && endsWithDoi(left, leftEnd);
  }

  private static boolean startsWithConjunction(CharSequence text, int from, int to) {
    int end = from;
    while (end < to && Character.isLetter(text.charAt(end))) {
      end++;
    }
    return end - from <= 4
        && (end == to || text.charAt(end) != '-')
        && CONJUNCTIONS.contains(text.subSequence(from, end).toString());
  }

  /**
   * The last word is a DOI: {@code 10.}, four or more digits, {@code /}, after an optional prefix.
   */
  private static boolean endsWithDoi(CharSequence text, int end) {
    int start = end;
    while (start > 0 && text.charAt(start - 1) != ' ') {
      start--;
    }
    int doi = indexOf(text, "10.", start, end);
    if (doi < 0 || doi > start && text.charAt(doi - 1) != ':' && text.charAt(doi - 1) != '/') {
      return false;
    }
    int digits = doi + 3;
    while (digits < end && Character.isDigit(text.charAt(digits))) {
      digits++;
    }
    return digits - (doi + 3) >= 4 && digits < end && text.charAt(digits) == '/';
  }

  private static int indexOf(CharSequence text, String what, int from, int to) {
    for (int i = from; i + what.length() <= to; i++) {
      boolean match = true;
      for (int k = 0; k < what.length() && match; k++) {
        match = text.charAt(i + k) == what.charAt(k);
      }
      if (match) {
        return i;
      }
    }
    return -1;
  }
}
