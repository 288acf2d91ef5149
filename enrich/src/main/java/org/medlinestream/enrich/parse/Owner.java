package org.medlinestream.enrich.parse;

import java.util.function.Function;
import org.medlinestream.avro.Book;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.Journal;

/**
 * The record a tag's value goes into: the citation itself, its journal or its book. The journal and
 * the book are made when their first tag is read, so that a book has no journal.
 *
 * @param <R> the record type
 */
record Owner<R>(Function<CitationDraft, R> make, Function<Citation, R> find) {
  static final Owner<Citation> CITATION = new Owner<>(CitationDraft::citation, c -> c);
  static final Owner<Journal> JOURNAL = new Owner<>(CitationDraft::journal, Citation::getJournal);
  static final Owner<Book> BOOK = new Owner<>(CitationDraft::book, Citation::getBook);
}
