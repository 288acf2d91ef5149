package org.medlinestream.enrich.parse;

import org.medlinestream.avro.Citation;

/** PMID: the record's key, a positive integer, once per record. */
final class PmidMapping implements TagMapping {
  private static final int MAX_DIGITS = 18;

  @Override
  public void read(CitationDraft draft, MedlineTag tag, String value)
      throws MalformedRecordException {
    String pmid = value;
    if (!isPositiveInteger(pmid)) {
      throw draft.malformed("'" + tag.code() + "- " + pmid + "' is not a positive integer PMID");
    }
    String current = draft.citation().getPmid();
    if (current == null) {
      draft.citation().setPmid(pmid);
    } else if (current.equals(pmid)) {
      draft.extra(tag.code(), value);
    } else {
      throw draft.malformed(
          "a second record starts here (PMID "
              + pmid
              + " after PMID "
              + current
              + "); split the input into records first, with MedlineTextReader");
    }
  }

  @Override
  public void write(Citation citation, MedlineTag tag, MedlineLines out) {
    out.field(tag, citation.getPmid());
  }

  /**
   * One rule for both formats: digits without a leading zero, at most 18 of them, so that a PMID
   * has one spelling only ({@code 007} and {@code 7} would be two keys for one article).
   */
  static boolean isPositiveInteger(String value) {
    if (value.isEmpty() || value.length() > MAX_DIGITS || value.charAt(0) == '0') {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
