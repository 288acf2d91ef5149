package org.medlinestream.enrich.parse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.medlinestream.avro.Book;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.ExtraField;
import org.medlinestream.avro.Journal;

/** A citation being read, with what the tag groups need to remember while reading it. */
final class CitationDraft {
  /** Group state that has something left to do once the record is read. */
  interface Finishing {
    void finish(CitationDraft draft);
  }

  private final Citation citation = NewRecords.citation();
  private final Map<Object, Object> states = new LinkedHashMap<>(8);
  private int line;

  Citation citation() {
    return citation;
  }

  Journal journal() {
    if (citation.getJournal() == null) {
      citation.setJournal(NewRecords.journal());
    }
    return citation.getJournal();
  }

  Book book() {
    if (citation.getBook() == null) {
      citation.setBook(NewRecords.book());
    }
    return citation.getBook();
  }

  /** The state {@code group} keeps for this draft, made on first use. */
  @SuppressWarnings("unchecked")
  <S> S state(Object group, Supplier<S> make) {
    return (S) states.computeIfAbsent(group, g -> make.get());
  }

  void extra(String name, String value) {
    citation.getExtras().add(new ExtraField(name, value));
  }

  /** Sets the line of the record being read, for errors. */
  void atLine(int recordLine) {
    this.line = recordLine;
  }

  MalformedRecordException malformed(String problem) {
    return new MalformedRecordException(problem, line);
  }

  /** The citation, once every line is read. */
  Citation finish() throws MalformedRecordException {
    for (Object state : states.values()) {
      if (state instanceof Finishing finishing) {
        finishing.finish(this);
      }
    }
    if (citation.getPmid() == null) {
      line = 1;
      throw malformed("the record has no PMID- line; every MEDLINE record needs one");
    }
    if (citation.getTitle() == null && citation.getVernacularTitle() != null) {
      citation.setTitle(citation.getVernacularTitle());
    }
    return citation;
  }
}
