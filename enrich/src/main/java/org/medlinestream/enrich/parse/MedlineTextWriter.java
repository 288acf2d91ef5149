package org.medlinestream.enrich.parse;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.ExtraField;

/**
 * Writes a {@link Citation} as MEDLINE text, like PubMed: tags in the {@link MedlineTag} table's
 * order, padded to four characters, {@code "- "}, long values wrapped onto continuation lines.
 * Extras are written in their own order, each as close to its tag's place as that order allows, so
 * that reading the text back gives the same citation. What MEDLINE text has no tag for (XML-only
 * fields such as the ISO abbreviation, extras named by XML paths) is not written.
 */
public final class MedlineTextWriter {

  /** The record's lines, each ending in a line feed. */
  public String toText(Citation citation) {
    StringBuilder text = new StringBuilder(4096);
    MedlineLines out = new MedlineLines(text);
    Deque<ExtraField> extras = new ArrayDeque<>(citation.getExtras());
    Set<Object> written = Collections.newSetFromMap(new IdentityHashMap<>());
    for (MedlineTag tag : MedlineTag.values()) {
      TagMapping mapping = tag.mapping();
      if (written.add(mapping.section())) {
        mapping.write(citation, tag, out);
      }
      writeExtras(extras, tag.ordinal(), out);
    }
    writeExtras(extras, Integer.MAX_VALUE, out);
    return text.toString();
  }

  /** Appends the record and the blank line that separates records. */
  public void write(Citation citation, Appendable out) throws IOException {
    out.append(toText(citation)).append('\n');
  }

  /** Writes the extras at the head of the queue whose tag comes no later than {@code upTo}. */
  private static void writeExtras(Deque<ExtraField> extras, int upTo, MedlineLines out) {
    while (!extras.isEmpty()) {
      ExtraField extra = extras.peek();
      MedlineTag tag = MedlineTag.of(extra.getName());
      if (tag != null && tag.ordinal() > upTo) {
        return;
      }
      extras.poll();
      if (tag != null) {
        out.field(tag, extra.getValue());
      } else if (MedlineTextParser.UNREADABLE_LINE.equals(extra.getName())) {
        out.verbatim(extra.getValue());
      } else if (isTagShaped(extra.getName())) {
        out.field(String.format("%-4s- ", extra.getName()), extra.getValue());
      }
    }
  }

  private static boolean isTagShaped(String name) {
    if (name.length() < 2 || name.length() > 4) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) < 'A' || name.charAt(i) > 'Z') {
        return false;
      }
    }
    return true;
  }
}
