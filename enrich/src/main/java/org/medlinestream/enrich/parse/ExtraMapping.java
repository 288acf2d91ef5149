package org.medlinestream.enrich.parse;

import org.medlinestream.avro.Citation;

/**
 * A known tag with no field of its own (legacy tags): kept in extras, written back from there.
 */
final class ExtraMapping implements TagMapping {

  @Override
  public void read(CitationDraft draft, MedlineTag tag, String value) {
    draft.extra(tag.code(), value);
  }

  @Override
  public void write(Citation citation, MedlineTag tag, MedlineLines out) {
    // The writer writes extras in their own order.
  }
}
