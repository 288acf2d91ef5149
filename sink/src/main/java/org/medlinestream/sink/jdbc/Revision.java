package org.medlinestream.sink.jdbc;

import java.time.LocalDate;
import org.medlinestream.avro.Citation;

/**
 * The order of a PMID's versions, as text that sorts the same way: {@code dateRevised} (the
 * record's revision, LR / DateRevised; a citation without one sorts first), then {@code
 * pmidVersion}, e.g. {@code 2022-09-26/00001}. Stored in {@code citations.revision}.
 *
 * <p>A citation replaces the stored one when its revision is not older. At the same revision the
 * later one wins (Kafka keeps a PMID's records in order), except that identical content (the same
 * {@code content_hash}) writes nothing: re-applying a batch changes nothing, not even {@code
 * updated_at}.
 */
final class Revision {
  private static final String NO_DATE = "0000-00-00";
  /** The width of {@code pmidVersion}, zero-padded as {@code %05d} does. */
  private static final int VERSION_DIGITS = 5;

  private Revision() {}

  static String of(Citation citation) {
    LocalDate revised = citation.getDateRevised();
    String digits = Integer.toString(citation.getPmidVersion());
    int zeros = VERSION_DIGITS - digits.length();
    StringBuilder text = new StringBuilder(NO_DATE.length() + 1 + VERSION_DIGITS)
        .append(revised == null ? NO_DATE : revised.toString()).append('/');
    if (digits.charAt(0) == '-') {
      text.append('-');
      digits = digits.substring(1);
    }
    text.append("0".repeat(Math.max(0, zeros)));
    return text.append(digits).toString();
  }

  static boolean isOlder(Citation candidate, Citation than) {
    return of(candidate).compareTo(of(than)) < 0;
  }
}
