package org.medlinestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medlinestream.embedded.TestKafka;
import org.medlinestream.ingest.source.RecordReader;
import org.medlinestream.ingest.source.SourceItem;
import org.medlinestream.schemas.ErrorHeaders;
import org.medlinestream.schemas.RawHeaders;

/** Publishing to a real broker with a tiny test reader: headers, DLQ, checkpoints, resume. */
class SourcePublisherTest {
  @TempDir Path dir;

  @Test
  void publishesRecordsDeletesAndRefusedInputOnceWithTheirHeaders() throws Exception {
    IngestConfig config = TestIngestConfig.builder("headers").build();
    Path file = write("a.txt", "PMID 1 first", "PMID 2 second", "garbage here", "DELETE 3",
        "PMID 4 fourth");
    long before = System.currentTimeMillis();

    SourceOutcome outcome = publishOnce(config, file);

    assertThat(outcome.status()).isEqualTo(SourceOutcome.Status.PUBLISHED);
    assertThat(outcome.checkpoint()).isEqualTo(
        new Checkpoint(file.toString(), 5, true, 4, 1, 1, "PMID 1 first".length()
            + "PMID 2 second".length() + "PMID 4 fourth".length(), null));
    List<ConsumerRecord<byte[], byte[]>> raw = TestKafka.readCommitted(
        config.rawTopic());
    assertThat(raw).extracting(r -> utf8(r.key())).containsExactlyInAnyOrder("1", "2", "3", "4");
    for (ConsumerRecord<byte[], byte[]> record : raw) {
      String pmid = utf8(record.key());
      assertThat(header(record, RawHeaders.SOURCE)).isEqualTo(file.toString());
      assertThat(Long.parseLong(header(record, RawHeaders.INGEST_TIME)))
          .isBetween(before, System.currentTimeMillis());
      if (pmid.equals("3")) {
        assertThat(record.value()).isNull();
        assertThat(header(record, RawHeaders.DELETE)).isEqualTo("true");
        assertThat(header(record, RawHeaders.FORMAT)).isEqualTo(RawHeaders.FORMAT_PUBMED_XML);
        assertThat(header(record, RawHeaders.POSITION)).isEqualTo("4");
      } else {
        assertThat(utf8(record.value())).startsWith("PMID " + pmid + " ");
        assertThat(header(record, RawHeaders.FORMAT)).isEqualTo(RawHeaders.FORMAT_MEDLINE_TEXT);
        assertThat(header(record, RawHeaders.CONTENT_HASH))
            .isEqualTo(Sha256.hex(Sha256.digest().digest(record.value())));
        assertThat(header(record, RawHeaders.DELETE)).isNull();
      }
    }
    List<ConsumerRecord<byte[], byte[]>> dlq = TestKafka.readCommitted(
        config.dlqTopic());
    assertThat(dlq).hasSize(1);
    ConsumerRecord<byte[], byte[]> refused = dlq.get(0);
    assertThat(utf8(refused.value())).isEqualTo("garbage here");
    assertThat(header(refused, ErrorHeaders.STAGE)).isEqualTo("ingest");
    assertThat(header(refused, ErrorHeaders.REASON)).isEqualTo("not a record: garbage here");
    assertThat(header(refused, ErrorHeaders.SOURCE)).isEqualTo(file.toString());
    assertThat(header(refused, ErrorHeaders.POSITION)).isEqualTo("3");
    assertThat(header(refused, ErrorHeaders.LINE)).isEqualTo("3");

    assertThat(publishOnce(config, file).status())
        .isEqualTo(SourceOutcome.Status.ALREADY_DONE);
    assertThat(TestKafka.readCommitted(config.rawTopic())).hasSize(4);
  }

  @Test
  void aStoppedSourceResumesRightAfterItsLastCommittedPosition() throws Exception {
    IngestConfig config = TestIngestConfig.builder("resume").chunkRecords(10).build();
    Path file = write("b.txt", IntStream.rangeClosed(1, 100).mapToObj(i -> "PMID " + i + " r")
        .toArray(String[]::new));
    IngestTopics.ensure(config);
    StopSignal stop = new StopSignal();
    SourceOutcome stopped;
    try (SourcePublisher publisher = SourcePublisher.open(config, config.transactionalId(),
        new IngestStats(), (in, name) -> stopAt(35, stop, new LineRecordReader(in, name)))) {
      stopped = publisher.publish(Source.file(file), stop);
    }
    assertThat(stopped.status()).isEqualTo(SourceOutcome.Status.STOPPED);
    assertThat(stopped.checkpoint().position()).isEqualTo(34);
    assertThat(TestKafka.readCommitted(config.rawTopic())).hasSize(34);

    assertThat(publishOnce(config, file).checkpoint().records()).isEqualTo(100);

    assertEachOnce(config, 100);
  }

  @Test
  void aRestartFencesTheZombieAndItsOpenTransactionNeverBecomesVisible() throws Exception {
    IngestConfig config = TestIngestConfig.builder("fence").build();
    IngestTopics.ensure(config);
    Path file = write("c.txt", IntStream.rangeClosed(1, 20).mapToObj(i -> "PMID " + i + " r")
        .toArray(String[]::new));
    TransactionalSender zombie = TransactionalSender.create(config, config.transactionalId());
    zombie.send(new ProducerRecord<>(config.rawTopic(), bytes("1"), bytes("zombie")));

    publishOnce(config, file);

    assertThatThrownBy(() -> zombie.commit(
            new ProducerRecord<>(config.rawTopic(), bytes("2"), bytes("zombie"))))
        .isInstanceOf(IngestException.class)
        .hasMessageContaining("took over");
    assertEachOnce(config, 20);
  }

  @Test
  void aSourceWithoutRecordsFailsWithTheFirstReasonAndACutShortSourceKeepsItsRecords()
      throws Exception {
    IngestConfig config = TestIngestConfig.builder("fail").build();
    Path garbage = write("garbage.txt", "%PDF-1.4", "binary stuff");
    Path truncated = write("cut.txt", "PMID 1 a", "PMID 2 b", "FAIL", "PMID 3 never");

    SourceOutcome none = publishOnce(config, garbage);
    SourceOutcome cut = publishOnce(config, truncated);

    assertThat(none.status()).isEqualTo(SourceOutcome.Status.FAILED);
    assertThat(none.error()).isEqualTo("no MEDLINE or PubMed record in " + garbage
        + "; all 2 input(s) were refused (on " + config.dlqTopic()
        + "), the first at line 1: not a record: %PDF-1.4");
    assertThat(none.checkpoint().done()).isTrue();
    assertThat(cut.status()).isEqualTo(SourceOutcome.Status.FAILED);
    assertThat(cut.error()).isEqualTo("reading stopped after position 2 (2 records before it are"
        + " published): " + truncated + ": unexpected end of input at line 3");
    assertThat(TestKafka.readCommitted(config.rawTopic()))
        .extracting(r -> utf8(r.key())).containsExactlyInAnyOrder("1", "2");
    assertThat(TestKafka.readCommitted(config.dlqTopic())).hasSize(2);
  }

  private static SourceOutcome publishOnce(IngestConfig config, Path file) {
    IngestTopics.ensure(config);
    try (SourcePublisher publisher = SourcePublisher.open(config, config.transactionalId(),
        new IngestStats(), LineRecordReader::new)) {
      return publisher.publish(Source.file(file), new StopSignal());
    }
  }

  private static void assertEachOnce(IngestConfig config, int records) {
    List<String> keys = TestKafka.readCommitted(config.rawTopic()).stream()
        .map(r -> utf8(r.key())).toList();
    assertThat(keys).hasSize(records);
    assertThat(keys.stream().collect(Collectors.toSet())).hasSize(records);
  }

  /** Requests a stop as the item at {@code position} is read. */
  private static RecordReader stopAt(long position, StopSignal stop, RecordReader reader) {
    return new RecordReader() {
      @Override
      public SourceItem next() throws IOException {
        SourceItem item = reader.next();
        if (item != null && item.position() == position) {
          stop.request();
        }
        return item;
      }

      @Override
      public void close() throws IOException {
        reader.close();
      }
    };
  }

  private Path write(String name, String... lines) throws IOException {
    return Files.write(dir.resolve(name), List.of(lines), StandardCharsets.UTF_8);
  }

  static String header(ConsumerRecord<byte[], byte[]> record, String key) {
    return RawHeaders.get(record.headers(), key);
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
