package org.medlinestream.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.medlinestream.embedded.TestKafka;
import org.medlinestream.schemas.RawHeaders;

/**
 * Every real file of {@code ../shared/data} (seed, MEDLINE text, PubMed XML; not the robustness
 * fixtures) through the real readers to a real broker. What should arrive is found with plain
 * regular expressions over the files, independently of the readers.
 */
class SharedDataIngestTest {
  private static final Path DATA = SyntheticMedline.sharedData();
  private static final Pattern PMID_LINE = Pattern.compile("(?m)^PMID- *(\\d+)");
  /** A record's own PMID is the first one after its MedlineCitation or BookDocument opens. */
  private static final Pattern XML_RECORD =
      Pattern.compile("<(?:MedlineCitation|BookDocument)[\\s>].*?<PMID[^>]*>\\s*(\\d+)\\s*</PMID>",
          Pattern.DOTALL);
  private static final Pattern DELETE_CITATION =
      Pattern.compile("<DeleteCitation>(.*?)</DeleteCitation>", Pattern.DOTALL);
  private static final Pattern PMID = Pattern.compile("<PMID[^>]*>\\s*(\\d+)\\s*</PMID>");

  @Test
  void everyRecordOfEveryFileArrivesOnceWithItsKeyAndHeaders() throws Exception {
    IngestConfig config = TestIngestConfig.builder("shared-data").build();
    List<Path> textFiles = files("seed", "medline-text");
    List<Path> xmlFiles = files("pubmed-xml");
    List<String> expected = new ArrayList<>();
    Map<Path, String> formats = new HashMap<>();
    for (Path file : textFiles) {
      formats.put(file, RawHeaders.FORMAT_MEDLINE_TEXT);
      expected.addAll(textRecords(file));
    }
    for (Path file : xmlFiles) {
      formats.put(file, RawHeaders.FORMAT_PUBMED_XML);
      expected.addAll(xmlRecords(file));
    }
    long before = System.currentTimeMillis();

    IngestSummary summary = ingest(config,
        List.of(DATA.resolve("seed"), DATA.resolve("medline-text"), DATA.resolve("pubmed-xml")));

    long after = System.currentTimeMillis();
    List<ConsumerRecord<byte[], byte[]>> raw =
        TestKafka.readCommitted(config.rawTopic());
    List<String> arrived = new ArrayList<>();
    Map<String, Long> positions = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : raw) {
      Path source = normalized(Path.of(header(record, RawHeaders.SOURCE)));
      String key = new String(record.key(), UTF_8);
      boolean delete = record.value() == null;
      arrived.add(entry(source, key, delete));
      assertThat(header(record, RawHeaders.FORMAT)).as("format of %s", key)
          .isEqualTo(formats.get(source));
      assertThat(positions.put(source + "#" + header(record, RawHeaders.POSITION), 1L))
          .as("position %s of %s is unique", header(record, RawHeaders.POSITION), source)
          .isNull();
      assertThat(Long.parseLong(header(record, RawHeaders.POSITION))).isPositive();
      assertThat(Long.parseLong(header(record, RawHeaders.INGEST_TIME)))
          .isBetween(before, after);
      if (delete) {
        assertThat(header(record, RawHeaders.DELETE)).isEqualTo("true");
      } else {
        assertThat(header(record, RawHeaders.DELETE)).isNull();
        assertThat(header(record, RawHeaders.CONTENT_HASH)).isEqualTo(sha256(record.value()));
        String value = new String(record.value(), UTF_8);
        assertThat(value).as("record keyed %s", key).contains(
            formats.get(source).equals(RawHeaders.FORMAT_PUBMED_XML) ? ">" + key + "</PMID>"
                : key);
      }
    }
    assertThat(arrived).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(arrived).filteredOn(e -> e.endsWith(" delete")).isNotEmpty();
    assertThat(summary.records()).isEqualTo(expected.size());
  }

  @Test
  void theSeedFileIsOneRecordKeyed36119045() throws Exception {
    IngestConfig config = TestIngestConfig.builder("seed").build();
    Path seed = files("seed").get(0);

    ingest(config, List.of(seed));

    List<ConsumerRecord<byte[], byte[]>> raw =
        TestKafka.readCommitted(config.rawTopic());
    assertThat(raw).hasSize(1);
    assertThat(new String(raw.get(0).key(), UTF_8)).isEqualTo("36119045");
    assertThat(new String(raw.get(0).value(), UTF_8).strip())
        .isEqualTo(Files.readString(seed).strip());
    assertThat(header(raw.get(0), RawHeaders.FORMAT)).isEqualTo(RawHeaders.FORMAT_MEDLINE_TEXT);
  }

  private static IngestSummary ingest(IngestConfig config, List<Path> inputs)
      throws InterruptedException {
    IngestService ingest = IngestService.forInputs(config,
        inputs.stream().map(Path::toString).toList());
    ingest.start();
    return ingest.awaitTermination();
  }

  /** {@code source key} of the records, {@code source key delete} of the tombstones. */
  private static String entry(Path source, String key, boolean delete) {
    return source + " " + key + (delete ? " delete" : "");
  }

  private static List<String> textRecords(Path file) throws IOException {
    List<String> records = new ArrayList<>();
    Matcher pmid = PMID_LINE.matcher(Files.readString(file, UTF_8));
    while (pmid.find()) {
      records.add(entry(file, pmid.group(1), false));
    }
    return records;
  }

  private static List<String> xmlRecords(Path file) throws IOException {
    String xml;
    try (InputStream in = Files.newInputStream(file)) {
      xml = new String(file.toString().endsWith(".gz")
          ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes(), UTF_8);
    }
    List<String> records = new ArrayList<>();
    Matcher record = XML_RECORD.matcher(xml);
    while (record.find()) {
      records.add(entry(file, record.group(1), false));
    }
    Matcher delete = DELETE_CITATION.matcher(xml);
    while (delete.find()) {
      Matcher pmid = PMID.matcher(delete.group(1));
      while (pmid.find()) {
        records.add(entry(file, pmid.group(1), true));
      }
    }
    return records;
  }

  private static List<Path> files(String... folders) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String folder : folders) {
      try (Stream<Path> walk = Files.walk(DATA.resolve(folder))) {
        walk.filter(Files::isRegularFile).map(SharedDataIngestTest::normalized).sorted()
            .forEach(files::add);
      }
    }
    return files;
  }

  private static Path normalized(Path path) {
    return path.toAbsolutePath().normalize();
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
    return RawHeaders.get(record.headers(), key);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
