package org.medlinestream.sink.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medlinestream.avro.Citation;
import org.medlinestream.schemas.json.AvroJson;
import org.medlinestream.sink.ApplyResult;
import org.medlinestream.sink.CitationChange;
import org.medlinestream.sink.RecordRejectedException;
import org.medlinestream.sink.TestCitations;

class FileCitationStoreTest {
  private static final long LARGE = 1L << 40;
  private static final Duration HOUR = Duration.ofHours(1);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2025-01-02T03:04:05.678Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.sorted().toList();
    }
  }

  private static List<String> names(Path folder) throws IOException {
    return files(folder).stream().map(file -> file.getFileName().toString()).toList();
  }

  @Test
  void writesJsonLinesWithTombstonesVisibleOnlyOnceFinished(@TempDir Path folder) throws Exception {
    Citation seed = TestCitations.seed();
    try (FileCitationStore store = FileCitationStore.open(folder, FileCitationStore.Format.JSONL,
        LARGE, HOUR)) {
      ApplyResult result = store.apply(List.of(CitationChange.upsert(seed),
          CitationChange.delete(TestCitations.SYGMA_PMID)));

      assertThat(result).isEqualTo(new ApplyResult(1, 1, 0));
      assertThat(names(folder)).singleElement().asString()
          .startsWith(".citations-").endsWith(".jsonl.inprogress");
    }

    assertThat(names(folder)).singleElement().asString()
        .matches("citations-\\d{8}T\\d{6}\\.\\d{3}Z-000001\\.jsonl");
    List<String> lines = Files.readAllLines(files(folder).get(0), StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).isEqualTo(AvroJson.omittingNulls().toJson(seed));
    assertThat(lines.get(0)).contains("\"dateRevised\":\"2022-09-26\"");
    assertThat(lines.get(1)).isEqualTo("{\"pmid\":\"29768149\",\"deleted\":true}");
  }

  @Test
  void rollsBySizeAndByAge(@TempDir Path folder) throws Exception {
    ManualClock clock = new ManualClock();
    try (FileCitationStore store = FileCitationStore.open(folder, FileCitationStore.Format.JSONL,
        4_000, HOUR, clock)) {
      store.apply(List.of(CitationChange.upsert(TestCitations.seed())));
      assertThat(names(folder)).singleElement().asString().endsWith("-000001.jsonl");

      store.apply(List.of(CitationChange.delete("1")));
      clock.now = clock.now.plus(HOUR);
      store.apply(List.of(CitationChange.delete("2")));

      assertThat(names(folder)).hasSize(3).first().asString().startsWith(".citations-20250102T040405.678Z");
    }
    List<Path> finished = files(folder);
    assertThat(finished).extracting(file -> file.getFileName().toString()).containsExactly(
        "citations-20250102T030405.678Z-000001.jsonl",
        "citations-20250102T030405.678Z-000002.jsonl",
        "citations-20250102T040405.678Z-000003.jsonl");
    assertThat(Files.readString(finished.get(1))).isEqualTo("{\"pmid\":\"1\",\"deleted\":true}\n");
  }

  @Test
  void writesAvroContainerFilesOfCitationsAndDeletions(@TempDir Path folder) throws Exception {
    List<Citation> citations = TestCitations.all();
    try (FileCitationStore store = FileCitationStore.open(folder, FileCitationStore.Format.AVRO,
        LARGE, HOUR)) {
      store.apply(citations.stream().map(CitationChange::upsert).toList());
      store.apply(List.of(CitationChange.delete(TestCitations.SEED_PMID)));
    }

    List<Object> entries = readAvro(files(folder).get(0));
    assertThat(entries.subList(0, 3)).isEqualTo(new ArrayList<Object>(citations));
    GenericRecord deletion = (GenericRecord) entries.get(3);
    assertThat(deletion.getSchema().getFullName()).isEqualTo("org.medlinestream.sink.CitationDeletion");
    assertThat(deletion.get("pmid").toString()).isEqualTo(TestCitations.SEED_PMID);
    assertThat(deletion.get("deleted")).isEqualTo(true);
  }

  @Test
  void aCitationThatCannotBeEncodedRejectsTheBatchBeforeAnythingIsWritten(@TempDir Path folder)
      throws Exception {
    Citation broken = new Citation();
    broken.setPmid("1");
    try (FileCitationStore store = FileCitationStore.open(folder, FileCitationStore.Format.AVRO,
        LARGE, HOUR)) {
      assertThatThrownBy(() -> store.apply(List.of(CitationChange.upsert(TestCitations.seed()),
          CitationChange.upsert(broken))))
          .isInstanceOf(RecordRejectedException.class)
          .hasMessageContaining("citation 1");
      store.apply(List.of(CitationChange.upsert(TestCitations.sygma())));
    }

    assertThat(readAvro(files(folder).get(0))).containsExactly(TestCitations.sygma());
  }

  @Test
  void finishesJsonLinesLeftInProgressByACrashWithoutTheTornLine(@TempDir Path folder)
      throws Exception {
    FileCitationStore crashed = FileCitationStore.open(folder, FileCitationStore.Format.JSONL,
        LARGE, HOUR);
    crashed.apply(List.of(CitationChange.delete("1"), CitationChange.delete("2")));
    Path inProgress = files(folder).get(0);
    Files.writeString(inProgress, "{\"pmid\":\"3\",\"del", StandardOpenOption.APPEND);

    try (FileCitationStore restarted = FileCitationStore.open(folder,
        FileCitationStore.Format.JSONL, LARGE, HOUR)) {
      assertThat(names(folder)).singleElement().asString().doesNotStartWith(".");
      restarted.apply(List.of(CitationChange.delete("3")));
    }

    List<Path> finished = files(folder);
    assertThat(finished).hasSize(2);
    assertThat(Files.readAllLines(finished.get(0))).containsExactly(
        "{\"pmid\":\"1\",\"deleted\":true}", "{\"pmid\":\"2\",\"deleted\":true}");
    assertThat(finished.get(1).getFileName().toString()).endsWith("-000001.jsonl")
        .isNotEqualTo(finished.get(0).getFileName().toString());
  }

  @Test
  void finishesAvroLeftInProgressByACrashKeepingEveryCompleteEntry(@TempDir Path folder)
      throws Exception {
    FileCitationStore crashed = FileCitationStore.open(folder, FileCitationStore.Format.AVRO,
        LARGE, HOUR);
    crashed.apply(List.of(CitationChange.upsert(TestCitations.seed())));
    crashed.apply(List.of(CitationChange.upsert(TestCitations.sygma())));
    Path inProgress = files(folder).get(0);
    Files.write(inProgress, new byte[] {2, 40, 1, 2, 3}, StandardOpenOption.APPEND);
    Path emptyLeftover = folder.resolve(".citations-20250101T000000.000Z-000009.avro.inprogress");
    Files.createFile(emptyLeftover);

    FileCitationStore.open(folder, FileCitationStore.Format.AVRO, LARGE, HOUR).close();

    assertThat(names(folder)).singleElement().asString().endsWith(".avro").doesNotStartWith(".");
    assertThat(readAvro(files(folder).get(0)))
        .containsExactly(TestCitations.seed(), TestCitations.sygma());
  }

  private static List<Object> readAvro(Path file) throws IOException {
    List<Object> entries = new ArrayList<>();
    try (DataFileReader<Object> reader = new DataFileReader<>(file.toFile(),
        new SpecificDatumReader<>(AvroContainerFormat.ENTRY))) {
      reader.forEach(entries::add);
    }
    return entries;
  }

  @Test
  void readsBackAsJsonWithJackson(@TempDir Path folder) throws Exception {
    try (FileCitationStore store = FileCitationStore.open(folder, FileCitationStore.Format.JSONL,
        LARGE, HOUR)) {
      store.apply(TestCitations.all().stream().map(CitationChange::upsert).toList());
    }
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(files(folder).get(0))) {
      lines.add(MAPPER.readTree(line));
    }
    assertThat(lines).extracting(line -> line.get("pmid").asText()).containsExactly(
        TestCitations.SEED_PMID, TestCitations.SYGMA_PMID, TestCitations.GROUP_PMID);
    assertThat(lines.get(1).get("enrichment").get("trialRegistrations").get(0).get("id").asText())
        .isEqualTo("NCT02149199");
  }
}
