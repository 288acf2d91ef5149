package org.medlinestream.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code medline-stream parse} on the seed record and on bad input. */
class ParseCommandTest {
  /** {@code file:line: record n (PMID p): problem}, the PMID where the record has one. */
  private static final Pattern ERROR =
      Pattern.compile("(.+):([1-9][0-9]*): record [1-9][0-9]*( \\(PMID [^)]+\\))?: \\S.*");
  private static final Path SEED =
      Path.of(System.getProperty("shared.data.dir"), "seed", "000_c9b3f97c68c49ce2.txt");

  @TempDir
  Path dir;

  @Test
  void printsTheSeedAsOneEnrichedJsonCitation() {
    Cli parse = Cli.run("parse", SEED.toString());

    assertThat(parse.exitCode()).as(parse.err()).isZero();
    assertThat(parse.out().lines()).hasSize(1);
    assertThat(parse.out())
        .contains("\"pmid\":\"36119045\"")
        .contains("\"id\":\"ChiCTR2100043595\"")
        .contains("\"value\":\"10.3389/fimmu.2022.978429\"")
        .contains("\"url\":\"https://doi.org/10.3389/fimmu.2022.978429\"")
        .contains("\"pmcUrl\":\"https://pmc.ncbi.nlm.nih.gov/articles/PMC9479328/\"");
    assertThat(parse.err()).contains("1 records (0 deletes), 0 errors");
  }

  @Test
  void writesMedlineTextThatParsesBackToTheSameCitation() throws Exception {
    Cli asText = Cli.run("parse", "--format", "medline", "--no-enrich", SEED.toString());
    assertThat(asText.exitCode()).as(asText.err()).isZero();
    assertThat(asText.out()).startsWith("PMID- 36119045").contains("\nTI  - The efficacy");

    Path written = dir.resolve("seed.txt");
    Files.writeString(written, asText.out(), StandardCharsets.UTF_8);
    Cli again = Cli.run("parse", "--no-enrich", written.toString());
    Cli original = Cli.run("parse", "--no-enrich", SEED.toString());
    assertThat(again.out()).isEqualTo(original.out());
  }

  @Test
  void reportsABadRecordWithItsFileAndLineAndGoesOn() throws Exception {
    Path mixed = dir.resolve("mixed.txt");
    Files.writeString(mixed, "PMID- 12a\nTI  - broken\n\nPMID- 42\nTI  - fine\n",
        StandardCharsets.UTF_8);

    Cli parse = Cli.run("parse", mixed.toString());

    assertThat(parse.exitCode()).isEqualTo(1);
    assertThat(parse.out()).contains("\"pmid\":\"42\"");
    assertThat(parse.err())
        .contains(mixed + ":1: record 1: 'PMID- 12a' is not a positive integer PMID")
        .contains("1 errors");
  }

  @Test
  void everyErrorOverTheRobustnessFilesNamesFileLineAndRecord() {
    Path robustness = Path.of(System.getProperty("shared.data.dir"), "robustness");

    Cli parse = Cli.run("parse", "--no-enrich", robustness.toString());

    List<String> errors = parse.err().lines().filter(line -> !line.startsWith("parse: ")).toList();
    assertThat(errors)
        .isNotEmpty()
        .allSatisfy(error -> {
          Matcher where = ERROR.matcher(error);
          assertThat(where.matches()).as(error).isTrue();
          assertThat(Path.of(where.group(1))).as(error).isRegularFile().startsWith(robustness);
        });
    String multipleEntries =
        robustness.resolve("medline-text/jabref/MedlinePlainImporterTestMultipleEntries.txt")
            .toString();
    assertThat(errors)
        .anySatisfy(e -> assertThat(e).startsWith(multipleEntries + ":53: record ")
            .contains("text outside any MEDLINE record"))
        .anySatisfy(e -> assertThat(e).startsWith(multipleEntries + ":77: record "));
    assertThat(parse.err()).contains(errors.size() + " errors");
  }
}
