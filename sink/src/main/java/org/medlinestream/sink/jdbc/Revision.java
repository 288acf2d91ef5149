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

  private Revision() {}

  static String of(Citation citation) {
    LocalDate revised = citation.getDateRevised();
    return String.format("%s/%05d", revised == null ? NO_DATE : revised, citation.getPmidVersion());
  }

  static boolean isOlder(Citation candidate, Citation than) {
    return of(candidate).compareTo(of(than)) < 0;
  }
}
