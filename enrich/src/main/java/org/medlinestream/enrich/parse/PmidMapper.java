package org.medlinestream.enrich.parse;

import org.medlinestream.avro.Citation;
import org.medlinestream.avro.ExtraField;

/** The record's own {@code PMID} and its {@code Version}. */
final class PmidMapper {
  private PmidMapper() {}

  /**
   * Sets the citation's PMID from the {@code PMID} child of {@code parent} (whose path is {@code
   * parentPath}).
   *
   * @throws MalformedRecordException when there is no PMID or it is not a positive integer
   */
  static void map(XmlElement parent, String parentPath, Citation.Builder citation)
      throws MalformedRecordException {
    XmlElement pmid = parent.child("PMID");
    String value = pmid == null ? null : pmid.text();
    if (value == null) {
      throw new MalformedRecordException(
          "no " + parentPath + "/PMID: a record needs its PMID", parent.line());
    }
    if (!PmidMapping.isPositiveInteger(value)) {
      throw new MalformedRecordException(
          "the PMID '" + value + "' at line " + pmid.line() + " is not a positive integer",
          pmid.line());
    }
    citation.setPmid(value);
    int version = 1;
    String written = pmid.attr("Version");
    if (written != null) {
      try {
        version = Integer.parseInt(written.strip());
      } catch (NumberFormatException e) {
        citation.getExtras().add(new ExtraField(parentPath + "/PMID@Version", written));
      }
    }
    citation.setPmidVersion(version);
  }
}
