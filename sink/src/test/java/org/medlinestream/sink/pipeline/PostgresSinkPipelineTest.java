package org.medlinestream.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.medlinestream.avro.Citation;
import org.medlinestream.embedded.TestKafka;
import org.medlinestream.schemas.ErrorHeaders;
import org.medlinestream.sink.CitationChange;
import org.medlinestream.sink.TestDatabase;
import org.medlinestream.sink.TestPostgres;
import org.medlinestream.sink.pipeline.PipelineKafka.Topics;

/** The sink in the pipeline, into a fresh PostgreSQL database. */
class PostgresSinkPipelineTest extends SinkPipelineTest {

  @Override
  TestDatabase createDatabase() {
    return TestPostgres.freshDatabase();
  }

  /** PostgreSQL refuses text with NUL characters (SQLSTATE 22021); SQLite stores it. */
  @Test
  void aCitationTheDatabaseRefusesGoesToTheDeadLetterTopicAndTheOthersAreStored() throws Exception {
    List<Citation> citations = RealRecords.get().distinctCitations(3);
    Citation refused = Citation.newBuilder(citations.get(2))
        .setTitle("NUL \u0000 " + citations.get(2).getTitle()).build();
    List<CitationChange> changes = List.of(CitationChange.upsert(citations.get(0)),
        CitationChange.upsert(refused), CitationChange.upsert(citations.get(1)));
    Topics topics = PipelineKafka.createTopics("refused");
    PipelineKafka.publish(topics.citations(), changes);

    runSink(topics, group("sink-refused"));

    assertThat(StoredRows.pmids(db))
        .containsExactlyInAnyOrder(citations.get(0).getPmid(), citations.get(1).getPmid());
    List<ConsumerRecord<byte[], byte[]>> letters = TestKafka.readCommitted(topics.deadLetters());
    assertThat(letters).hasSize(1);
    ConsumerRecord<byte[], byte[]> letter = letters.get(0);
    assertThat(PipelineKafka.deserializer(PipelineKafka.registryUrl())
        .deserialize(topics.citations(), letter.value())).isEqualTo(refused);
    assertDeadLetter(letter, refused.getPmid(), ErrorHeaders.STEP_STORE, topics.citations());
    assertThat(header(letter, ErrorHeaders.REASON)).contains("0x00");
    assertThat(header(letter, ErrorHeaders.EXCEPTION))
        .isEqualTo("org.postgresql.util.PSQLException");
  }
}
