package org.medlinestream.sink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.medlinestream.avro.Citation;
import org.medlinestream.schemas.json.AvroJson;
import org.medlinestream.sink.TestCitations;

class CitationRowsTest {
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  @Test
  void storesTheCitationsJsonAndHashesItWithoutProvenance() {
    CitationRows.Mapper mapper = new CitationRows.Mapper(); // one for all: its buffer is reused
    for (Citation citation : TestCitations.all()) {
      assertThat(citation.getProvenance()).isNotNull();
      CitationRows rows = mapper.map(citation, NOW);
      Citation withoutProvenance = Citation.newBuilder(citation).setProvenance(null).build();

      assertThat(document(rows)).isEqualTo(AvroJson.omittingNulls().toJson(citation));
      assertThat(rows.contentHash())
          .isEqualTo(CitationRows.sha256(AvroJson.omittingNulls().toJson(withoutProvenance)))
          .isEqualTo(mapper.map(withoutProvenance, NOW).contentHash());
    }
  }

  @Test
  void aLoneSurrogateInATextIsStoredAsTheJsonWriterHadIt() {
    Citation citation = Citation.newBuilder(TestCitations.seed()).setTitle("broken \uD835 text").build();

    CitationRows rows = new CitationRows.Mapper().map(citation, NOW);

    assertThat(rows.contentHash()).hasSize(64);
    assertThat(document(rows)).contains("\"title\":\"broken ");
  }

  private static String document(CitationRows rows) {
    Object[] citationRow = rows.rows().rows(Tables.CITATIONS).get(0);
    return new String((byte[]) citationRow[citationRow.length - 2], StandardCharsets.UTF_8);
  }
}
