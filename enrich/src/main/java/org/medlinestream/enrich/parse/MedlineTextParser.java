package org.medlinestream.enrich.parse;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.medlinestream.avro.Citation;
import org.medlinestream.schemas.TextBytes;

/**
 * Parses one MEDLINE text record into a {@link Citation}, tag by tag through the {@link MedlineTag}
 * table. Lenient like PubMed's own importers: continuation lines are joined (see {@link LineJoin}),
 * CRLF and trailing spaces are ignored, a record flattened onto one line is put back onto lines,
 * tag lines without the standard padding ({@code PMID-123}, {@code TI -x}, {@code SO- x}) are read
 * when the tag is known, unknown tags are kept in extras under their name, and a line that is
 * neither a tag line nor a continuation is kept in extras under {@code ?}. Only what makes a
 * citation impossible throws: no PMID, a PMID that is not a positive integer, two records in one,
 * bytes that are not UTF-8 text.
 *
 * <p>Stateless and thread-safe; scans characters without regular expressions.
 */
public final class MedlineTextParser {
  /** The name of the extras that keep lines which are neither tag lines nor continuations. */
  public static final String UNREADABLE_LINE = "?";

  /** Parses a record given as UTF-8 bytes (as {@code MedlineTextReader} reads them). */
  public Citation parse(byte[] record) throws MalformedRecordException {
    int bad = TextBytes.firstBadByte(record, 0, record.length);
    if (bad >= 0) {
      int line = 1;
      for (int i = 0; i < bad; i++) {
        line += record[i] == '\n' ? 1 : 0;
      }
      throw new MalformedRecordException(TextBytes.describe(record, bad)
              + " at byte "
              + bad
              + ": the record is not UTF-8 MEDLINE text", line);
    }
    return parseText(new String(record, UTF_8));
  }

  /** Parses a record given as text. */
  public Citation parse(String record) throws MalformedRecordException {
    requireNoControlCharacters(record);
    return parseText(record);
  }

  private static Citation parseText(String record) throws MalformedRecordException {
    boolean flattened = FlattenedRecord.isFlattened(record);
    return new Scan(flattened ? FlattenedRecord.unflatten(record) : record, flattened).run();
  }

  /** One pass over the lines of one record. */
  private static final class Scan {
    private final String text;
    private final boolean flattened;
    private final CitationDraft draft = new CitationDraft();
    private ValueBuffer joined;

    private boolean open;
    private MedlineTag tag;
    private String name;
    private int fieldLine;
    private int valueStart;
    private int valueEnd;
    private boolean multiline;
    private boolean trailingSpace;

    Scan(String text, boolean flattened) {
      this.text = text;
      this.flattened = flattened;
    }

    Citation run() throws MalformedRecordException {
      final String s = text;
      final int n = s.length();
      int pos = 0;
      int lineNumber = 0;
      while (pos < n) {
        int eol = s.indexOf('\n', pos);
        int end = eol < 0 ? n : eol;
        int next = eol < 0 ? n : eol + 1;
        lineNumber++;
        if (end > pos && s.charAt(end - 1) == '\r') {
          end--;
        }
        int contentEnd = end;
        while (contentEnd > pos && isBlank(s.charAt(contentEnd - 1))) {
          contentEnd--;
        }
        if (contentEnd > pos) {
          line(pos, contentEnd, contentEnd < end, lineNumber);
        }
        pos = next;
      }
      close();
      return draft.finish();
    }

    private void line(int start, int end, boolean hadTrailingSpace, int lineNumber)
        throws MalformedRecordException {
      final String s = text;
      char first = s.charAt(start);
      if (first == ' ' || first == '\t') {
        int from = start;
        while (isBlank(s.charAt(from))) {
          from++;
        }
        if (open) {
          continuation(from, end, hadTrailingSpace);
        } else {
          openField(null, UNREADABLE_LINE, from, end, hadTrailingSpace, lineNumber);
        }
        return;
      }
      close();
      int run = start;
      while (run < end && run - start < 5 && isCapital(s.charAt(run))) {
        run++;
      }
      int dash = run;
      while (dash < end && dash - start < 5 && s.charAt(dash) == ' ') {
        dash++;
      }
      if (run - start >= 2 && run - start <= 4 && dash < end && s.charAt(dash) == '-') {
        MedlineTag known = MedlineTag.lookup(s, start, run);
        if (known != null || dash == start + 4) {
          int from = dash + 1;
          while (from < end && isBlank(s.charAt(from))) {
            from++;
          }
          String unknownName = known == null ? s.substring(start, run) : null;
          openField(known, unknownName, from, end, hadTrailingSpace, lineNumber);
          return;
        }
      }
      openField(null, UNREADABLE_LINE, start, end, hadTrailingSpace, lineNumber);
    }

    private void openField(
        MedlineTag known,
        String unknownName,
        int from,
        int to,
        boolean hadTrailingSpace,
        int line) {
      open = true;
      tag = known;
      name = unknownName;
      fieldLine = line;
      valueStart = from;
      valueEnd = to;
      multiline = false;
      trailingSpace = hadTrailingSpace;
    }

    private void continuation(int from, int to, boolean hadTrailingSpace) {
      if (!multiline) {
        if (joined == null) {
          joined = new ValueBuffer();
        }
        joined.clear();
        joined.append(text, valueStart, valueEnd);
        multiline = true;
      }
      int length = joined.length();
      if (length > 0 && (trailingSpace || !LineJoin.withoutSpace(joined, length, text, from, to))) {
        joined.append(' ');
      }
      joined.append(text, from, to);
      trailingSpace = hadTrailingSpace;
    }

    private void close() throws MalformedRecordException {
      if (!open) {
        return;
      }
      open = false;
      String value = multiline ? joined.toString() : text.substring(valueStart, valueEnd);
      if (value.isEmpty()) {
        return;
      }
      draft.atLine(flattened ? 1 : fieldLine);
      if (tag != null) {
        tag.mapping().read(draft, tag, value);
      } else {
        draft.extra(name, value);
      }
    }
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
  }

  private static boolean isCapital(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static void requireNoControlCharacters(String text) throws MalformedRecordException {
    final int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f) {
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < i; k++) {
          if (text.charAt(k) == '\n') {
            line++;
            lineStart = k + 1;
          }
        }
        throw new MalformedRecordException(String.format(
                "control character U+%04X at column %d: the record is not MEDLINE text",
                (int) c, i - lineStart + 1), line);
      }
    }
  }
}
