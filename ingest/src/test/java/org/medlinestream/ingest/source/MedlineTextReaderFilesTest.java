package org.medlinestream.ingest.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Splits every real MEDLINE text file and checks the split against what the files say. */
class MedlineTextReaderFilesTest {
  private static final Path DATA =
      Path.of(System.getProperty("shared.data.dir", "../../shared/data"));

  static Stream<Path> realFiles() throws IOException {
    return files(DATA.resolve("medline-text"));
  }

  static Stream<Path> robustnessFiles() throws IOException {
    return files(DATA.resolve("robustness/medline-text"));
  }

  @ParameterizedTest
  @MethodSource("realFiles")
  void realFilesSplitIntoOneRecordPerPmidLineAndNothingElse(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    List<SourceItem> items = MedlineTextReaderTest.read(bytes);

    assertThat(items).allMatch(RawRecord.class::isInstance);
    assertThat(MedlineTextReaderTest.pmids(items)).isNotEmpty().isEqualTo(pmidLines(bytes));
    assertThat(joined(items)).isEqualTo(withoutBlankLines(bytes));
  }

  @ParameterizedTest
  @MethodSource("robustnessFiles")
  void robustnessFilesLoseNothingAndKeepEveryWellFormedPmid(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    List<SourceItem> items = MedlineTextReaderTest.read(bytes);

    assertThat(MedlineTextReaderTest.pmids(items)).isEqualTo(pmidLines(bytes));
    assertThat(joined(items)).isEqualTo(withoutBlankLines(bytes));
    assertThat(items)
        .filteredOn(RejectedInput.class::isInstance)
        .allSatisfy(
            item ->
                assertThat(((RejectedInput) item).reason())
                    .startsWith("test.txt line")
                    .contains("text outside any MEDLINE record"));
  }

  @ParameterizedTest
  @MethodSource("robustnessFiles")
  void robustnessFilesRefuseExactlyTheBlocksWithoutPmid(Path file) throws IOException {
    List<SourceItem> items = MedlineTextReaderTest.read(Files.readAllBytes(file));
    List<Long> refusedLines =
        items.stream().filter(RejectedInput.class::isInstance).map(SourceItem::line).toList();

    switch (file.getFileName().toString()) {
      case "MedlinePlainImporterTestMultipleEntries.txt" ->
          assertThat(refusedLines).containsExactly(53L, 55L, 77L);
      case "MedlinePlainImporterTestMultiAbstract.txt", "MedlinePlainImporterTestMultiTitle.txt" ->
          assertThat(refusedLines).containsExactly(1L);
      default -> assertThat(refusedLines).isEmpty();
    }
  }

  /** The PMIDs of the lines starting {@code PMID-}, read with plain string operations. */
  private static List<String> pmidLines(byte[] bytes) {
    List<String> pmids = new ArrayList<>();
    for (String line : new String(bytes, UTF_8).split("\r?\n")) {
      if (line.startsWith("PMID-")) {
        pmids.add(line.substring(5).trim().split(" ")[0]);
      }
    }
    return pmids;
  }

  private static byte[] joined(List<SourceItem> items) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (SourceItem item : items) {
      out.writeBytes(
          item instanceof RawRecord record ? record.value() : ((RejectedInput) item).bytes());
    }
    return out.toByteArray();
  }

  private static byte[] withoutBlankLines(byte[] bytes) {
    StringBuilder kept = new StringBuilder();
    for (String line : new String(bytes, UTF_8).split("(?<=\n)")) {
      if (!line.isBlank()) {
        kept.append(line);
      }
    }
    return kept.toString().getBytes(UTF_8);
  }

  private static Stream<Path> files(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).sorted().toList().stream();
    }
  }
}
