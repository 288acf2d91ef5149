package org.medlinestream.sink;

import java.util.Objects;
import org.medlinestream.avro.Citation;

/**
 * One change to apply to a store: an upsert of a citation, or the delete of a PMID (a tombstone on
 * the citations topic).
 *
 * @param pmid the PMID the change is about
 * @param citation the new citation, or null for a delete
 */
public record CitationChange(String pmid, Citation citation) {

  public CitationChange {
    Objects.requireNonNull(pmid, "pmid");
    if (citation != null && !pmid.equals(citation.getPmid())) {
      throw new IllegalArgumentException(
          "Change for PMID " + pmid + " carries citation " + citation.getPmid());
    }
  }

  public static CitationChange upsert(Citation citation) {
    return new CitationChange(citation.getPmid(), citation);
  }

  public static CitationChange delete(String pmid) {
    return new CitationChange(pmid, null);
  }

  public boolean isDelete() {
    return citation == null;
  }
}
