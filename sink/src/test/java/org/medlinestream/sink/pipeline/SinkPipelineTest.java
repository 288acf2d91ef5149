package org.medlinestream.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medlinestream.avro.Citation;
import org.medlinestream.embedded.TestKafka;
import org.medlinestream.schemas.ErrorHeaders;
import org.medlinestream.schemas.RawHeaders;
import org.medlinestream.sink.CitationChange;
import org.medlinestream.sink.CitationStore;
import org.medlinestream.sink.CitationStores;
import org.medlinestream.sink.SinkService;
import org.medlinestream.sink.TestDatabase;
import org.medlinestream.sink.pipeline.PipelineKafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink in the pipeline: the real records of the shared data, published to a real broker in the
 * wire format of the embedded registry (over HTTP), consumed by {@link SinkService} into a real
 * database, one fresh database per test class. Subclasses choose the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SinkPipelineTest {
  private static final Logger log = LoggerFactory.getLogger(SinkPipelineTest.class);
  static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final int BATCH = 200;

  TestDatabase db;

  abstract TestDatabase createDatabase();

  @BeforeAll
  void openDatabase() {
    db = createDatabase();
    CitationStores.open(db.url()).close(); // creates the tables
  }

  @AfterAll
  void dropDatabase() throws Exception {
    db.close();
  }

  @BeforeEach
  void emptyDatabase() throws SQLException {
    try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
      statement.execute("DELETE FROM citations");
    }
  }

  @Test
  void everyRecordOfTheSharedDataFlowsThroughAndApplyingItAgainChangesNothing() throws Exception {
    RealRecords records = RealRecords.get();
    Map<String, Citation> expected = ExpectedRows.survivors(records.changes());
    Topics topics = PipelineKafka.realRecords("flow");

    runSink(topics, group("sink-flow"));

    assertThat(records.changes()).anyMatch(CitationChange::isDelete);
    assertThat(StoredRows.pmids(db)).isEqualTo(expected.keySet());
    assertThat(StoredRows.perTable(db)).isEqualTo(ExpectedRows.perTable(expected.values()));
    assertThat(StoredRows.perPmid(db)).isEqualTo(ExpectedRows.perPmid(expected.values()));
    assertThat(TestKafka.readCommitted(topics.deadLetters())).isEmpty();

    Map<String, List<String>> once = StoredRows.snapshot(db);
    Map<String, String> writtenOnce = StoredRows.updatedAt(db);
    runSink(topics, group("sink-flow-again"));

    assertThat(StoredRows.differences(once, StoredRows.snapshot(db))).isEmpty();
    Map<String, String> writtenTwice = StoredRows.updatedAt(db);
    Set<String> tied = ExpectedRows.tiedAtTheirRevision(records.changes());
    log.info("{} PMID(s) have records with different contents at their last revision: {}",
        tied.size(), tied);
    writtenOnce.keySet().removeAll(tied);
    writtenTwice.keySet().removeAll(tied);
    assertThat(writtenTwice).isEqualTo(writtenOnce);
  }

  @Test
  void anOlderRevisionDoesNotOverwriteANewerOne() throws Exception {
    Citation real = richest(RealRecords.get().citations().stream()
        .filter(c -> c.getDateRevised() != null).toList());
    Citation newer = Citation.newBuilder(real).setDateRevised(real.getDateRevised().plusDays(1))
        .setTitle("Revised: " + real.getTitle()).build();
    Topics topics = PipelineKafka.createTopics("revision");

    PipelineKafka.publish(topics.citations(), List.of(CitationChange.upsert(newer)));
    runSink(topics, group("sink-revision"));
    PipelineKafka.publish(topics.citations(), List.of(CitationChange.upsert(real)));
    runSink(topics, group("sink-revision"));

    assertThat(StoredRows.title(db, real.getPmid())).isEqualTo(newer.getTitle());
    assertThat(StoredRows.perPmid(db)).isEqualTo(ExpectedRows.perPmid(List.of(newer)));
  }

  @Test
  void aDeleteRemovesEveryRowOfThatPmidOnly() throws Exception {
    List<Citation> citations = RealRecords.get().citations();
    Citation deleted = richest(citations);
    Citation kept = citations.stream().filter(c -> !c.getPmid().equals(deleted.getPmid()))
        .max(Comparator.comparingLong(ExpectedRows::filledTables)).orElseThrow();
    Topics topics = PipelineKafka.createTopics("delete");
    PipelineKafka.publish(topics.citations(),
        List.of(CitationChange.upsert(deleted), CitationChange.upsert(kept)));
    runSink(topics, group("sink-delete"));
    assertThat(StoredRows.perPmid(db))
        .isEqualTo(ExpectedRows.perPmid(List.of(deleted, kept)));

    PipelineKafka.publish(topics.citations(), List.of(CitationChange.delete(deleted.getPmid())));
    runSink(topics, group("sink-delete"));

    assertThat(StoredRows.perPmid(db)).isEqualTo(ExpectedRows.perPmid(List.of(kept)));
  }

  @Test
  void valuesThatAreNotCitationsGoToTheDeadLetterTopicWithTheirHeaders() throws Exception {
    List<Citation> citations = RealRecords.get().distinctCitations(2);
    Topics topics = PipelineKafka.createTopics("undeserializable");
    byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
    byte[] unknownSchema = {0, 0x7f, 0, 0, 1, 2, 3};
    PipelineKafka.publish(topics.citations(), List.of(CitationChange.upsert(citations.get(0))));
    PipelineKafka.publishRaw(topics.citations(), "123", garbage);
    PipelineKafka.publishRaw(topics.citations(), "456", unknownSchema);
    PipelineKafka.publish(topics.citations(), List.of(CitationChange.upsert(citations.get(1))));

    runSink(topics, group("sink-undeserializable"));

    assertThat(StoredRows.pmids(db))
        .containsExactlyInAnyOrder(citations.get(0).getPmid(), citations.get(1).getPmid());
    List<ConsumerRecord<byte[], byte[]>> letters = byKey(TestKafka.readCommitted(topics.deadLetters()));
    assertThat(letters).hasSize(2);
    assertDeadLetter(letters.get(0), "123", ErrorHeaders.STEP_DESERIALIZE,
        topics.citations());
    assertDeadLetter(letters.get(1), "456", ErrorHeaders.STEP_DESERIALIZE,
        topics.citations());
    assertThat(letters.get(0).value()).isEqualTo(garbage);
    assertThat(letters.get(1).value()).isEqualTo(unknownSchema);
    assertThat(header(letters.get(0), ErrorHeaders.REASON)).contains("wire format");
    assertThat(header(letters.get(1), ErrorHeaders.REASON)).contains("schema id 2130706433");
  }

  /**
   * Two kills ({@code kill -9}) of a sink in its own JVM: once after the database committed a batch
   * but before the offsets were committed, once right after a batch began; each restart re-applies
   * what was not committed, and in the end every PMID has exactly its one set of rows.
   */
  @Test
  void aSinkKilledMidBatchAndRestartedLeavesExactlyOneSetOfRowsPerPmid() throws Exception {
    RealRecords records = RealRecords.get();
    Map<String, Citation> expected = ExpectedRows.survivors(records.changes());
    Topics topics = PipelineKafka.realRecords("crash");
    String group = group("sink-crash");
    String[] args = {TestKafka.bootstrap(), PipelineKafka.registryUrl(), topics.citations(),
        topics.deadLetters(), group, db.url(), "100", "3"};

    try (ChildSink paused = ChildSink.start(args)) {
      int applied = 0;
      for (int batch = 0; batch < 3; batch++) {
        applied += Integer.parseInt(paused.await(line -> line.startsWith("applied "), TIMEOUT)
            .substring("applied ".length()));
      }
      paused.await("paused"::equals, TIMEOUT);
      paused.kill();
      assertThat(TestKafka.committed(group, topics.citations())).isLessThan(applied);
      assertThat(StoredRows.pmids(db)).isNotEmpty();
    }
    args[7] = "0";
    try (ChildSink killedWhileApplying = ChildSink.start(args)) {
      killedWhileApplying.await(line -> line.startsWith("applying "), TIMEOUT);
      killedWhileApplying.kill();
    }
    try (ChildSink last = ChildSink.start(args)) {
      TestKafka.awaitConsumed(group, topics.citations(), TIMEOUT);
      assertThat(last.stop(TIMEOUT)).isZero();
    }

    assertThat(StoredRows.pmids(db)).isEqualTo(expected.keySet());
    assertThat(StoredRows.perPmid(db)).isEqualTo(ExpectedRows.perPmid(expected.values()));
  }

  /** The citation with rows in the most tables. */
  static Citation richest(List<Citation> citations) {
    return citations.stream().max(Comparator.comparingLong(ExpectedRows::filledTables))
        .orElseThrow();
  }

  /** A consumer group of this test class: the classes read the same topic of real records. */
  String group(String name) {
    return name + "-" + getClass().getSimpleName();
  }

  /** Runs a sink in this JVM until the group has consumed the whole topic. */
  void runSink(Topics topics, String group) throws Exception {
    try (CitationStore store = CitationStores.open(db.url())) {
      SinkService sink = new SinkService(PipelineKafka.sinkConfig(topics, group, BATCH), store,
          PipelineKafka.deserializer(PipelineKafka.registryUrl()));
      sink.start();
      try {
        TestKafka.awaitConsumed(group, topics.citations(), TIMEOUT, () ->
            sink.failure().ifPresent(e -> {
              throw new AssertionError("The sink failed", e);
            }));
      } finally {
        sink.stop();
      }
    }
  }

  /** The dead letter keeps the record's key and says where the record was and why it failed. */
  static void assertDeadLetter(ConsumerRecord<byte[], byte[]> letter, String key, String step,
      String topic) {
    assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo(key);
    assertThat(header(letter, ErrorHeaders.STAGE)).isEqualTo(ErrorHeaders.STAGE_SINK);
    assertThat(header(letter, ErrorHeaders.STEP)).isEqualTo(step);
    assertThat(header(letter, ErrorHeaders.REASON)).isNotBlank();
    assertThat(header(letter, ErrorHeaders.EXCEPTION)).isNotBlank();
    assertThat(header(letter, ErrorHeaders.TOPIC)).isEqualTo(topic);
    assertThat(header(letter, ErrorHeaders.PARTITION)).matches("[0-2]");
    assertThat(header(letter, ErrorHeaders.OFFSET)).matches("\\d+");
  }

  private static List<ConsumerRecord<byte[], byte[]>> byKey(
      List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream()
        .sorted(Comparator.comparing(r -> new String(r.key(), StandardCharsets.UTF_8))).toList();
  }

  static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    return RawHeaders.get(record.headers(), name);
  }
}
