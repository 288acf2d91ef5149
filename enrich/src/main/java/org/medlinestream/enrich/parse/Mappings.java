package org.medlinestream.enrich.parse;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.medlinestream.avro.Book;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.Journal;

/** The kinds of mapping the tag table is made of, and the groups its tags share. */
final class Mappings {
  static final PersonGroup AUTHORS = new PersonGroup(Citation::getAuthors);
  static final PersonGroup INVESTIGATORS = new PersonGroup(Citation::getInvestigators);
  static final PersonGroup EDITORS = new PersonGroup(Citation::getEditors);
  static final KeywordGroup KEYWORDS = new KeywordGroup();
  static final OtherAbstractGroup OTHER_ABSTRACTS = new OtherAbstractGroup();
  static final PersonalNameSubjectGroup PERSONAL_NAME_SUBJECTS = new PersonalNameSubjectGroup();
  static final CommentCorrectionGroup COMMENTS_CORRECTIONS = new CommentCorrectionGroup();

  /** Shared by COIS and its alias COI, so that it is written once. */
  static final TagMapping CONFLICT_OF_INTEREST =
      text(Citation::getConflictOfInterest, Citation::setConflictOfInterest);

  private Mappings() {}

  static TagMapping pmid() {
    return new PmidMapping();
  }

  /** Free text: a repeated tag is joined with a space. */
  static TagMapping text(Function<Citation, String> get, BiConsumer<Citation, String> set) {
    return new ScalarMapping<>(Owner.CITATION, get, set, true);
  }

  /** A code or name: the first value stands, repeats go to extras. */
  static TagMapping term(Function<Citation, String> get, BiConsumer<Citation, String> set) {
    return new ScalarMapping<>(Owner.CITATION, get, set, false);
  }

  static TagMapping journal(Function<Journal, String> get, BiConsumer<Journal, String> set) {
    return new ScalarMapping<>(Owner.JOURNAL, get, set, false);
  }

  static TagMapping bookText(Function<Book, String> get, BiConsumer<Book, String> set) {
    return new ScalarMapping<>(Owner.BOOK, get, set, true);
  }

  static TagMapping bookCode(Function<Book, String> get, BiConsumer<Book, String> set) {
    return new ScalarMapping<>(Owner.BOOK, get, set, false);
  }

  static TagMapping date(Function<Citation, LocalDate> get, BiConsumer<Citation, LocalDate> set) {
    return new DateMapping(get, set);
  }

  static TagMapping strings(Function<Citation, List<String>> list) {
    return items(list, Function.identity(), Function.identity());
  }

  static TagMapping bookStrings(Function<Book, List<String>> list) {
    return new ListMapping<>(Owner.BOOK, list, Function.identity(), Function.identity());
  }

  static <T> TagMapping items(
      Function<Citation, List<T>> list, Function<String, T> parse, Function<T, String> format) {
    return new ListMapping<>(Owner.CITATION, list, parse, format);
  }

  static TagMapping issns() {
    return new ListMapping<>(Owner.JOURNAL, Journal::getIssns, ItemSyntax::issn, ItemSyntax::issn);
  }

  static TagMapping placeOfPublication() {
    return new PlaceOfPublicationMapping();
  }

  static TagMapping dataBanks() {
    return new DataBankMapping();
  }

  /** Known, but with no field of its own: kept in extras. */
  static TagMapping extra() {
    return new ExtraMapping();
  }
}
