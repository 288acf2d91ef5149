package org.medlinestream.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medlinestream.avro.Citation;
import org.medlinestream.schemas.ErrorHeaders;
import org.medlinestream.schemas.RawHeaders;
import org.medlinestream.schemas.Topics;
import org.medlinestream.schemas.registry.RegistryException;
import org.medlinestream.schemas.registry.RegistryUnreachableException;
import org.medlinestream.sink.jdbc.JdbcCitationStore;

/** The sink's batching, commit and dead-letter logic against Kafka's MockConsumer/MockProducer. */
class SinkServiceTest {
  private static final TopicPartition P0 = new TopicPartition(Topics.CITATIONS, 0);
  private static final TopicPartition P1 = new TopicPartition(Topics.CITATIONS, 1);
  private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1),
      Duration.ofMillis(4));
  private static final SinkConfig CONFIG = SinkConfig.defaults("unused:9092").withRetry(FAST);

  /** Plain Avro binary: the wire format does not matter to the sink. */
  private static final Deserializer<Citation> AVRO = (topic, bytes) -> {
    try {
      return new SpecificDatumReader<>(Citation.class)
          .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Not a citation: " + e.getMessage(), e);
    }
  };

  /** A store that fails as told and otherwise remembers what it applied. */
  private static final class ScriptedStore implements CitationStore {
    final List<List<CitationChange>> attempts = Collections.synchronizedList(new ArrayList<>());
    final List<CitationChange> applied = Collections.synchronizedList(new ArrayList<>());
    volatile int unavailableCalls;
    volatile Set<String> refusedPmids = Set.of();
    volatile CitationStoreException broken;

    @Override
    public ApplyResult apply(List<CitationChange> changes) {
      attempts.add(changes);
      if (broken != null) {
        throw broken;
      }
      if (unavailableCalls-- > 0) {
        throw new StoreUnavailableException("Connection to 127.0.0.1:5432 refused", null);
      }
      if (changes.stream().anyMatch(change -> refusedPmids.contains(change.pmid()))) {
        throw new RecordRejectedException("invalid byte sequence for encoding \"UTF8\": 0x00",
            new SQLException("invalid byte sequence", "22021"));
      }
      applied.addAll(changes);
      return new ApplyResult(changes.size(), 0, 0);
    }

    @Override
    public void close() {}
  }

  /** Offsets committed so far, per partition (MockConsumer forgets them once closed). */
  private final Map<TopicPartition, OffsetAndMetadata> commits = new ConcurrentHashMap<>();
  private MockConsumer<byte[], byte[]> consumer;
  private MockProducer<byte[], byte[]> producer;
  private ScriptedStore store;

  @BeforeEach
  void setUp() {
    consumer = new MockConsumer<>("earliest") {
      @Override
      public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
        super.commitSync(offsets);
        commits.putAll(offsets);
      }
    };
    producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    store = new ScriptedStore();
  }

  /** One poll, and the batch it handed to the store's thread completed (applied and committed). */
  private static int pollAndComplete(SinkService sink) {
    int polled = sink.pollOnce();
    sink.completeInFlight();
    return polled;
  }

  private SinkService service(CitationStore target) {
    return new SinkService(CONFIG, target, AVRO, consumer, producer);
  }

  private void assign() {
    consumer.assign(List.of(P0, P1));
    consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
  }

  private static byte[] avro(Citation citation) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    try {
      new SpecificDatumWriter<>(Citation.class).write(citation, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static ConsumerRecord<byte[], byte[]> record(TopicPartition partition, long offset,
      String key, byte[] value) {
    RecordHeaders headers = new RecordHeaders();
    RawHeaders.put(headers, RawHeaders.SOURCE, "test-" + offset);
    return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, 0L,
        TimestampType.CREATE_TIME, 0, 0,
        key == null ? null : key.getBytes(StandardCharsets.UTF_8), value, headers,
        java.util.Optional.empty());
  }

  private static ConsumerRecord<byte[], byte[]> upsert(TopicPartition partition, long offset,
      Citation citation) {
    return record(partition, offset, citation.getPmid(), avro(citation));
  }

  private Map<TopicPartition, OffsetAndMetadata> committed() {
    return Map.copyOf(commits);
  }

  @Test
  void appliesEachPollAsOneOrderedBatchThenCommitsTheOffsets(@TempDir Path folder)
      throws Exception {
    assign();
    consumer.addRecord(upsert(P0, 0, TestCitations.seed()));
    consumer.addRecord(record(P0, 1, TestCitations.SEED_PMID, null));
    consumer.addRecord(upsert(P0, 2, TestCitations.group()));
    consumer.addRecord(upsert(P1, 0, TestCitations.sygma()));
    TestDatabase db = new TestDatabase("jdbc:sqlite:" + folder.resolve("sink.db"), () -> { });

    try (JdbcCitationStore sqlite = JdbcCitationStore.open(db.url())) {
      SinkService sink = service(sqlite);
      assertThat(pollAndComplete(sink)).isEqualTo(4);
      assertThat(sink.applied()).isEqualTo(4);
      assertThat(sink.deletes()).isEqualTo(1);
    }

    assertThat(db.queryInt("SELECT count(*) FROM citations")).isEqualTo(2);
    assertThat(db.count("citations", TestCitations.SEED_PMID)).isZero();
    assertThat(db.count("authors", TestCitations.SYGMA_PMID)).isEqualTo(10);
    assertThat(committed()).isEqualTo(Map.of(P0, new OffsetAndMetadata(3),
        P1, new OffsetAndMetadata(1)));
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void retriesWhileTheStoreIsUnavailableAndCommitsOnceItApplied() {
    assign();
    consumer.addRecord(upsert(P0, 0, TestCitations.seed()));
    store.unavailableCalls = 2;

    pollAndComplete(service(store));

    assertThat(store.attempts).hasSize(3);
    assertThat(store.applied).extracting(CitationChange::pmid).containsExactly(TestCitations.SEED_PMID);
    assertThat(committed()).isEqualTo(Map.of(P0, new OffsetAndMetadata(1)));
  }

  @Test
  void givesUpWithAClearMessageAndNoCommitWhenTheStoreStaysUnavailable() {
    assign();
    consumer.addRecord(upsert(P0, 0, TestCitations.seed()));
    store.unavailableCalls = Integer.MAX_VALUE;

    assertThatThrownBy(() -> pollAndComplete(service(store)))
        .isInstanceOf(SinkFailedException.class)
        .hasMessageContaining("unavailable for 3 attempts")
        .hasMessageContaining("Connection to 127.0.0.1:5432 refused")
        .hasMessageContaining("restart the sink once the store is reachable");

    assertThat(store.attempts).hasSize(3);
    assertThat(committed()).isEmpty();
  }

  @Test
  void stopsWithoutCommittingWhenTheStoreIsBroken() {
    assign();
    consumer.addRecord(upsert(P0, 0, TestCitations.seed()));
    store.broken = new CitationStoreException("relation \"citations\" does not exist", null);

    assertThatThrownBy(() -> pollAndComplete(service(store)))
        .isInstanceOf(SinkFailedException.class)
        .hasMessageContaining("relation \"citations\" does not exist")
        .hasMessageContaining("repair the store");
    assertThat(committed()).isEmpty();
  }

  @Test
  void sendsRecordsTheStoreRefusesToTheDeadLetterTopicAndAppliesTheRest() {
    assign();
    ConsumerRecord<byte[], byte[]> refused = upsert(P0, 1, TestCitations.sygma());
    consumer.addRecord(upsert(P0, 0, TestCitations.seed()));
    consumer.addRecord(refused);
    consumer.addRecord(upsert(P1, 0, TestCitations.group()));
    store.refusedPmids = Set.of(TestCitations.SYGMA_PMID);
    SinkService sink = service(store);

    pollAndComplete(sink);

    assertThat(store.applied).extracting(CitationChange::pmid)
        .containsExactlyInAnyOrder(TestCitations.SEED_PMID, TestCitations.GROUP_PMID);
    assertThat(producer.history()).singleElement().satisfies(letter -> {
      assertThat(letter.topic()).isEqualTo(Topics.DLQ);
      assertThat(letter.key()).isEqualTo(refused.key());
      assertThat(letter.value()).isEqualTo(refused.value());
      assertThat(header(letter, RawHeaders.SOURCE)).isEqualTo("test-1");
      assertThat(header(letter, ErrorHeaders.STAGE)).isEqualTo("sink");
      assertThat(header(letter, ErrorHeaders.STEP)).isEqualTo("store");
      assertThat(header(letter, ErrorHeaders.REASON)).contains("0x00");
      assertThat(header(letter, ErrorHeaders.EXCEPTION)).isEqualTo("java.sql.SQLException");
      assertThat(header(letter, ErrorHeaders.TOPIC)).isEqualTo(Topics.CITATIONS);
      assertThat(header(letter, ErrorHeaders.PARTITION)).isEqualTo("0");
      assertThat(header(letter, ErrorHeaders.OFFSET)).isEqualTo("1");
    });
    assertThat(committed()).isEqualTo(Map.of(P0, new OffsetAndMetadata(2),
        P1, new OffsetAndMetadata(1)));
    assertThat(List.of(sink.consumed(), sink.applied(), sink.deadLettered()))
        .containsExactly(3L, 2L, 1L);
  }

  /** A deserializer whose registry fails {@code failures} times with {@code error}, then works. */
  private SinkService serviceWithRegistry(RuntimeException error, int failures) {
    int[] left = {failures};
    Deserializer<Citation> deserializer = (topic, bytes) -> {
      if (left[0]-- > 0) {
        throw new SerializationException("the schema registry at https://registry:8081 refused"
            + " schema id 1: " + error.getMessage(), error);
      }
      return AVRO.deserialize(topic, bytes);
    };
    return new SinkService(CONFIG, store, deserializer, consumer, producer);
  }

  @Test
  void aRegistryThatRefusesTheCredentialsStopsTheSinkWithoutDeadLettersOrCommits() {
    assign();
    consumer.addRecord(upsert(P0, 0, TestCitations.seed()));
    SinkService sink = serviceWithRegistry(new RegistryException(401, 40101,
        "Unauthorized (HTTP 401: check basic.auth.credentials.source and basic.auth.user.info)"),
        1);

    assertThatThrownBy(() -> pollAndComplete(sink))
        .isInstanceOf(SinkFailedException.class)
        .hasMessageContaining("basic.auth.user.info")
        .hasMessageContaining("Offsets of the batch were not committed");
    assertThat(producer.history()).as("dead letters").isEmpty();
    assertThat(store.attempts).isEmpty();
    assertThat(committed()).isEmpty();
  }

  @Test
  void retriesWhileTheRegistryIsUnreachableThenAppliesAndCommits() {
    assign();
    consumer.addRecord(upsert(P0, 0, TestCitations.seed()));
    SinkService sink = serviceWithRegistry(new RegistryUnreachableException(
        "https://registry:8081", new java.net.ConnectException("Connection refused")), 2);

    pollAndComplete(sink);

    assertThat(producer.history()).as("dead letters").isEmpty();
    assertThat(store.applied).extracting(CitationChange::pmid)
        .containsExactly(TestCitations.SEED_PMID);
    assertThat(committed()).isEqualTo(Map.of(P0, new OffsetAndMetadata(1)));
  }

  @Test
  void deadLettersValuesThatAreNotCitationsOfTheirKey() {
    assign();
    consumer.addRecord(record(P0, 0, "1", new byte[] {1, 2, 3}));
    consumer.addRecord(record(P0, 1, "2", avro(TestCitations.seed())));
    consumer.addRecord(record(P0, 2, null, null));
    consumer.addRecord(upsert(P1, 0, TestCitations.group()));

    pollAndComplete(service(store));

    assertThat(store.applied).extracting(CitationChange::pmid).containsExactly(TestCitations.GROUP_PMID);
    assertThat(producer.history()).hasSize(3).allSatisfy(letter ->
        assertThat(header(letter, ErrorHeaders.STEP)).isEqualTo("deserialize"));
    assertThat(header(producer.history().get(0), ErrorHeaders.REASON))
        .startsWith("Not a citation: ");
    assertThat(header(producer.history().get(0), ErrorHeaders.EXCEPTION))
        .isEqualTo("org.apache.avro.AvroRuntimeException");
    assertThat(header(producer.history().get(1), ErrorHeaders.REASON))
        .contains("Key 2 is not the citation's PMID 36119045");
    assertThat(header(producer.history().get(2), ErrorHeaders.REASON))
        .contains("tombstone without a key");
    assertThat(committed()).isEqualTo(Map.of(P0, new OffsetAndMetadata(3),
        P1, new OffsetAndMetadata(1)));
  }

  @Test
  void preparesTheNextPollWhileTheStoreAppliesTheBatchBeforeAndCommitsInOrder() throws Exception {
    assign();
    CountDownLatch secondPrepared = new CountDownLatch(1);
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    CitationStore gated = new CitationStore() {
      @Override
      public Prepared prepare(List<CitationChange> changes) {
        events.add("prepare " + changes.get(0).pmid());
        if (events.size() == 2) {
          secondPrepared.countDown();
        }
        return CitationStore.super.prepare(changes);
      }

      @Override
      public ApplyResult apply(List<CitationChange> changes) {
        try {
          boolean overlapped = secondPrepared.await(10, TimeUnit.SECONDS);
          events.add("apply " + changes.get(0).pmid() + (overlapped ? "" : " (alone)"));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return new ApplyResult(changes.size(), 0, 0);
      }

      @Override
      public void close() {}
    };
    SinkService sink = service(gated);

    consumer.addRecord(upsert(P0, 0, TestCitations.seed()));
    sink.pollOnce();
    consumer.addRecord(upsert(P0, 1, TestCitations.sygma()));
    sink.pollOnce();

    assertThat(committed()).as("the first batch, once applied")
        .isEqualTo(Map.of(P0, new OffsetAndMetadata(1)));
    sink.completeInFlight();
    assertThat(events).containsExactly("prepare " + TestCitations.SEED_PMID,
        "prepare " + TestCitations.SYGMA_PMID, "apply " + TestCitations.SEED_PMID,
        "apply " + TestCitations.SYGMA_PMID);
    assertThat(committed()).isEqualTo(Map.of(P0, new OffsetAndMetadata(2)));
    assertThat(sink.applied()).isEqualTo(2);
  }

  @Test
  void runsUntilStoppedAndClosesItsClients() throws Exception {
    consumer.schedulePollTask(() -> {
      consumer.rebalance(List.of(P0, P1));
      consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
      consumer.addRecord(upsert(P0, 0, TestCitations.seed()));
      consumer.addRecord(upsert(P1, 0, TestCitations.sygma()));
    });
    SinkService service = service(store);

    service.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (committed().size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    service.stop();

    assertThat(service.failure()).isEmpty();
    assertThat(committed()).isEqualTo(Map.of(P0, new OffsetAndMetadata(1),
        P1, new OffsetAndMetadata(1)));
    assertThat(service.failure()).isEmpty();
    assertThat(consumer.closed()).isTrue();
    assertThat(producer.closed()).isTrue();
  }

  @Test
  void aStopDuringTheBackoffAbandonsTheBatchUncommitted() throws Exception {
    consumer.schedulePollTask(() -> {
      consumer.rebalance(List.of(P0));
      consumer.updateBeginningOffsets(Map.of(P0, 0L));
      consumer.addRecord(upsert(P0, 0, TestCitations.seed()));
    });
    store.unavailableCalls = Integer.MAX_VALUE;
    SinkConfig patient = CONFIG.withRetry(new RetryPolicy(5, Duration.ofMinutes(1),
        Duration.ofMinutes(1)));
    SinkService service = new SinkService(patient, store, AVRO, consumer, producer);

    service.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (store.attempts.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    long stopping = System.nanoTime();
    service.stop();

    assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(5));
    assertThat(store.attempts).hasSize(1);
    assertThat(committed()).isEmpty();
    assertThat(service.failure()).isEmpty();
  }

  @Test
  void retryDelaysDoubleUpToTheirLimit() {
    RetryPolicy policy = new RetryPolicy(8, Duration.ofMillis(500), Duration.ofSeconds(3));

    assertThat(List.of(1, 2, 3, 4, 5).stream().map(policy::delayAfter).map(Duration::toMillis))
        .containsExactly(500L, 1000L, 2000L, 3000L, 3000L);
  }

  private static String header(ProducerRecord<byte[], byte[]> record, String name) {
    return RawHeaders.get(record.headers(), name);
  }
}
