package org.medlinestream.enrich.parse;

import org.medlinestream.avro.Citation;

/** How one MEDLINE tag maps to the citation model, both ways. */
interface TagMapping {
  /** Applies one value of {@code tag} (continuation lines joined, trimmed, not empty). */
  void read(CitationDraft draft, MedlineTag tag, String value) throws MalformedRecordException;

  /** Writes the values of this mapping's section; called once per section, in table order. */
  void write(Citation citation, MedlineTag tag, MedlineLines out);

  /** Tags whose mappings share a section are written together, at the first one's place. */
  default Object section() {
    return this;
  }
}
