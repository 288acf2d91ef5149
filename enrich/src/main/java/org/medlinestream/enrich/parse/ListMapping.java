package org.medlinestream.enrich.parse;

import java.util.List;
import java.util.function.Function;
import org.medlinestream.avro.Citation;

/**
 * A repeatable tag whose values become items of one list, each through its text syntax. A value the
 * syntax cannot read is kept in extras.
 */
final class ListMapping<R, T> implements TagMapping {
  private final Owner<R> owner;
  private final Function<R, List<T>> list;
  private final Function<String, T> parse;
  private final Function<T, String> format;

  ListMapping(
      Owner<R> owner,
      Function<R, List<T>> list,
      Function<String, T> parse,
      Function<T, String> format) {
    this.owner = owner;
    this.list = list;
    this.parse = parse;
    this.format = format;
  }

  @Override
  public void read(CitationDraft draft, MedlineTag tag, String value) {
    T item = parse.apply(value);
    if (item == null) {
      draft.extra(tag.code(), value);
    } else {
      list.apply(owner.make().apply(draft)).add(item);
    }
  }

  @Override
  public void write(Citation citation, MedlineTag tag, MedlineLines out) {
    R record = owner.find().apply(citation);
    if (record != null) {
      for (T item : list.apply(record)) {
        out.field(tag, format.apply(item));
      }
    }
  }
}
