package org.medlinestream.enrich.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.medlinestream.enrich.stream.Expected.withoutProvenance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.RecordFormat;
import org.medlinestream.embedded.TestKafka;
import org.medlinestream.enrich.parse.MalformedRecordException;
import org.medlinestream.enrich.stream.EnrichMetrics.Counter;
import org.medlinestream.monitoring.MonitoringServer;
import org.medlinestream.schemas.ErrorHeaders;
import org.medlinestream.schemas.RawHeaders;
import org.medlinestream.schemas.registry.server.SchemaRegistryServer;

/**
 * All of the shared data through the topology on the real broker, with the embedded registry on a
 * Kafka topic: every citation read back equals what the parsers and the enricher make of its raw
 * record, and every raw record is accounted for (citation, tombstone, dead letter, or dropped as a
 * duplicate or an older revision).
 */
class EnrichPipelineTest {
  private final Expected expected = new Expected();
  @TempDir Path stateDir;

  @Test
  void enrichesEveryRecordOfTheSharedDataAsParseDoesAndAccountsForEachOne() throws Exception {
    String suffix = TestKafka.unique("pipeline");
    try (SchemaRegistryServer registry = TestEnrich.registry()) {
      EnrichConfig config = TestEnrich.config(registry.url(), suffix).stateDir(stateDir).build();
      StreamTopics topics = config.topics();
      try (Admin admin = TestKafka.admin()) {
        topics.createMissing(admin, 6, (short) 1);
      }
      List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
      for (Corpus.Item item : Corpus.all()) {
        records.add(new ProducerRecord<>(topics.raw(), null, item.key().getBytes(UTF_8), item.value(), item.headers()));
      }
      TestKafka.produce(records);

      String metricsText;
      EnrichMetrics metrics;
      try (EnrichService enrich = new EnrichService(config)) {
        enrich.start();
        TestKafka.awaitConsumed(config.applicationId(), topics.raw(), Duration.ofMinutes(2));
        assertThat(get(enrich, "/health/live").statusCode()).isEqualTo(200);
        assertThat(get(enrich, "/health/ready").statusCode()).isEqualTo(200);
        HttpResponse<String> scrape = get(enrich, "/metrics");
        assertThat(scrape.headers().firstValue("Content-Type")).hasValue(MonitoringServer.PROMETHEUS_CONTENT_TYPE);
        metricsText = scrape.body();
        metrics = enrich.metrics();
        assertFates(topics, metrics);
      }
      assertThat(metricsText)
          .contains("# TYPE medline_enrich_records_in_total counter\nmedline_enrich_records_in_total " + records.size() + "\n")
          .contains("stream_thread_metrics_process_total{");
      topics.close();
    }
  }

  /** Each raw record went where the revision rule sends it, and each output is right. */
  private void assertFates(StreamTopics topics, EnrichMetrics metrics) throws Exception {
    List<ConsumerRecord<byte[], byte[]>> raw = TestKafka.readCommitted(topics.raw());
    List<ConsumerRecord<byte[], byte[]>> out = TestKafka.readCommitted(topics.citations());
    List<ConsumerRecord<byte[], byte[]>> dead = TestKafka.readCommitted(topics.dlq());
    Map<String, ConsumerRecord<byte[], byte[]>> rawByPlace = new HashMap<>();
    raw.forEach(record -> rawByPlace.put(record.partition() + "@" + record.offset(), record));

    Fates fates = new Fates();
    raw.stream().sorted((a, b) -> a.partition() != b.partition() ? a.partition() - b.partition()
        : Long.compare(a.offset(), b.offset())).forEach(fates::decide);

    Map<String, List<String>> written = new LinkedHashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : out) {
      String pmid = new String(record.key(), UTF_8);
      if (record.value() == null) {
        written.computeIfAbsent(pmid, k -> new ArrayList<>()).add("tombstone");
        continue;
      }
      Citation citation = topics.citationDeserializer().deserialize(topics.citations(), record.value());
      ConsumerRecord<byte[], byte[]> source = rawByPlace.get(citation.getProvenance().getRawPartition() + "@"
          + citation.getProvenance().getRawOffset());
      written.computeIfAbsent(pmid, k -> new ArrayList<>()).add(source.partition() + "@" + source.offset());
      assertThat(withoutProvenance(citation)).as("citation of %s", pmid)
          .isEqualTo(expected.citation(source.value(), format(source.headers())));
      assertThat(citation.getProvenance().getSourceFile()).isEqualTo(RawHeaders.get(source.headers(), RawHeaders.SOURCE));
      assertThat(citation.getProvenance().getContentHash()).isEqualTo(Corpus.sha256(source.value()));
      assertThat(citation.getProvenance().getRawTopic()).isEqualTo(topics.raw());
    }
    assertThat(written).isEqualTo(fates.written);

    List<String> deadPlaces = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> letter : dead) {
      String place = RawHeaders.get(letter.headers(), ErrorHeaders.PARTITION) + "@"
          + RawHeaders.get(letter.headers(), ErrorHeaders.OFFSET);
      deadPlaces.add(place);
      ConsumerRecord<byte[], byte[]> source = rawByPlace.get(place);
      assertThat(letter.key()).isEqualTo(source.key());
      assertThat(letter.value()).isEqualTo(source.value());
      assertThat(RawHeaders.get(letter.headers(), RawHeaders.SOURCE)).isEqualTo(RawHeaders.get(source.headers(), RawHeaders.SOURCE));
      assertThat(RawHeaders.get(letter.headers(), ErrorHeaders.REASON)).isNotBlank();
    }
    assertThat(deadPlaces).containsExactlyInAnyOrderElementsOf(fates.dead);

    assertThat(metrics.total(Counter.RECORDS_IN)).isEqualTo(raw.size());
    assertThat(metrics.total(Counter.RECORDS_OUT)).isEqualTo(out.size());
    assertThat(metrics.total(Counter.DEAD_LETTERS)).isEqualTo(dead.size());
    assertThat(metrics.total(Counter.DUPLICATES)).isEqualTo(fates.duplicates);
    assertThat(metrics.total(Counter.STALE)).isEqualTo(fates.stale);
    assertThat(out.size() + dead.size() + fates.duplicates + fates.stale).isEqualTo(raw.size());
    assertThat(out.size()).as("the shared data has citations").isGreaterThan(1000);
  }

  /** Where each raw record should end, by the revision rule, taken in the order of its partition. */
  private final class Fates {
    final Map<String, List<String>> written = new LinkedHashMap<>();
    final List<String> dead = new ArrayList<>();
    final Map<String, Revision> applied = new HashMap<>();
    int duplicates;
    int stale;

    void decide(ConsumerRecord<byte[], byte[]> record) {
      String place = record.partition() + "@" + record.offset();
      String pmid = new String(record.key(), UTF_8);
      Revision revision;
      if (record.value() == null) {
        revision = Revision.deletion();
      } else {
        Citation citation;
        try {
          citation = expected.citation(record.value(), format(record.headers()));
        } catch (MalformedRecordException e) {
          dead.add(place);
          return;
        }
        if (!citation.getPmid().equals(pmid)) {
          dead.add(place);
          return;
        }
        revision = new Revision(Corpus.sha256(record.value()), citation.getPmidVersion(), citation.getDateRevised());
      }
      Revision last = applied.get(pmid);
      if (last != null && revision.repeats(last)) {
        duplicates++;
      } else if (last != null && revision.isOlderThan(last)) {
        stale++;
      } else {
        applied.put(pmid, revision);
        written.computeIfAbsent(pmid, k -> new ArrayList<>()).add(record.value() == null ? "tombstone" : place);
      }
    }
  }

  private static RecordFormat format(Headers headers) {
    return RawHeaders.FORMAT_PUBMED_XML.equals(RawHeaders.get(headers, RawHeaders.FORMAT))
        ? RecordFormat.PUBMED_XML : RecordFormat.MEDLINE_TEXT;
  }

  private static HttpResponse<String> get(EnrichService enrich, String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + enrich.httpPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
