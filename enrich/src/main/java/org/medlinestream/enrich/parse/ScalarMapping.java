package org.medlinestream.enrich.parse;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.medlinestream.avro.Citation;

/**
 * A tag that fills one string field. A repeated tag is joined to the first value with a space when
 * the field is free text (TI, AB, ...: how PubMed renders sections); otherwise the first value
 * stands and the repeats are kept in extras.
 */
final class ScalarMapping<R> implements TagMapping {
  private final Owner<R> owner;
  private final Function<R, String> get;
  private final BiConsumer<R, String> set;
  private final boolean joinRepeats;

  ScalarMapping(
      Owner<R> owner, Function<R, String> get, BiConsumer<R, String> set, boolean joinRepeats) {
    this.owner = owner;
    this.get = get;
    this.set = set;
    this.joinRepeats = joinRepeats;
  }

  @Override
  public void read(CitationDraft draft, MedlineTag tag, String value) {
    R record = owner.make().apply(draft);
    String current = get.apply(record);
    if (current == null) {
      set.accept(record, value);
    } else if (joinRepeats) {
      set.accept(record, current + ' ' + value);
    } else {
      draft.extra(tag.code(), value);
    }
  }

  @Override
  public void write(Citation citation, MedlineTag tag, MedlineLines out) {
    R record = owner.find().apply(citation);
    if (record != null) {
      out.field(tag, get.apply(record));
    }
  }
}
