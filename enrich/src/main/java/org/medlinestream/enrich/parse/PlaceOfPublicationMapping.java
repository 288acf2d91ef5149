package org.medlinestream.enrich.parse;

import org.medlinestream.avro.Book;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.Journal;

/**
 * PL: the journal's country, or for a book (a record with book tags and no journal tags) the
 * publisher's location, as PubMed writes it for both. Which one is known once the record is read.
 * The first value stands; repeats are kept in extras.
 */
final class PlaceOfPublicationMapping implements TagMapping {

  private static final class Place implements CitationDraft.Finishing {
    String value;

    @Override
    public void finish(CitationDraft draft) {
      Citation citation = draft.citation();
      if (citation.getBook() != null && citation.getJournal() == null) {
        citation.getBook().setPublisherLocation(value);
      } else {
        draft.journal().setCountry(value);
      }
    }
  }

  @Override
  public void read(CitationDraft draft, MedlineTag tag, String value) {
    Place place = draft.state(this, Place::new);
    if (place.value == null) {
      place.value = value;
    } else {
      draft.extra(tag.code(), value);
    }
  }

  @Override
  public void write(Citation citation, MedlineTag tag, MedlineLines out) {
    Journal journal = citation.getJournal();
    Book book = citation.getBook();
    if (journal != null) {
      out.field(tag, journal.getCountry());
    } else if (book != null) {
      out.field(tag, book.getPublisherLocation());
    }
  }
}
