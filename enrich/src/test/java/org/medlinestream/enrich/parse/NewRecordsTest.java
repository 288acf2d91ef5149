package org.medlinestream.enrich.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.medlinestream.avro.Author;
import org.medlinestream.avro.Book;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.Journal;

/** The parser's fast empty records equal Avro's builders' records with the schema defaults. */
class NewRecordsTest {

  @Test
  void emptyRecordsHaveTheSchemaDefaults() {
    Citation citation = NewRecords.citation();
    citation.setPmid("1");

    assertThat(citation).isEqualTo(Citation.newBuilder().setPmid("1").setPmidVersion(1).build());
    assertThat(NewRecords.author()).isEqualTo(Author.newBuilder().build());
    assertThat(NewRecords.journal()).isEqualTo(Journal.newBuilder().build());
    assertThat(NewRecords.book()).isEqualTo(Book.newBuilder().build());
  }
}
