package org.medlinestream.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.data.Percentage.withPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medlinestream.app.Main;
import picocli.CommandLine;

/** {@code bench} on a tiny corpus: every stage moves every record; the JSON and PNG are written. */
class BenchCommandTest {
  private static final int RECORDS = 200;

  @TempDir
  Path dir;

  @Test
  void benchOfATinyCorpusReportsEveryStageWithConsistentNumbers() throws Exception {
    Path out = dir.resolve("results");
    StringWriter printed = new StringWriter();
    StringWriter errors = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(printed, true));
    cli.setErr(new PrintWriter(errors, true));

    int exitCode = cli.execute("bench", "--records", Integer.toString(RECORDS),
        "--out", out.toString(), "--work", dir.resolve("work").toString());

    assertThat(exitCode).as(errors.toString()).isZero();
    assertThat(printed.toString()).contains("re-keyed from").contains("pipeline");
    Path json = single(out, ".json");
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertThat(report.at("/corpus/records").asLong()).isEqualTo(RECORDS);
    assertThat(report.at("/corpus/medlineTextRecords").asLong()
        + report.at("/corpus/pubmedXmlRecords").asLong()).isEqualTo(RECORDS);
    assertThat(report.at("/corpus/medlineTextRecords").asLong()).isPositive();
    assertThat(report.at("/corpus/pubmedXmlRecords").asLong()).isPositive();

    List<String> names = new ArrayList<>();
    for (JsonNode stage : report.get("stages")) {
      String name = stage.get("name").asText();
      names.add(name);
      assertThat(stage.get("records").asLong()).as(name).isEqualTo(RECORDS);
      assertThat(stage.get("bytes").asLong()).as(name).isPositive();
      assertThat(stage.get("seconds").asDouble()).as(name).isPositive();
      assertThat(stage.get("recordsPerSecond").asDouble()).as(name)
          .isCloseTo(RECORDS / stage.get("seconds").asDouble(),
              withPercentage(0.01));
      assertThat(stage.get("peakHeapBytes").asLong()).as(name).isPositive();
      assertThat(stage.get("ratioToBroker").asDouble()).as(name).isPositive();
      assertThat(stage.get("brokerCpuSeconds").asDouble()).as(name).isNotNegative();
      assertThat(stage.get("benchCpuSeconds").asDouble() + stage.get("brokerCpuSeconds").asDouble())
          .as(name).isCloseTo(stage.get("cpuSeconds").asDouble(), offset(1e-6));
    }
    assertThat(printed.toString()).contains("JIT warm-up (not measured): " + RECORDS);
    assertThat(report.get("notes").toString()).contains("JIT warm-up");
    assertThat(names).contains("broker", "broker-produce", "broker-consume", "ingest", "enrich",
        "sink-sqlite", "pipeline");
    assertThat(names.contains("sink-postgresql") || report.get("notes").toString()
        .contains("PostgreSQL sink skipped")).isTrue();
    JsonNode pipeline = stageNamed(report, "pipeline");
    assertThat(pipeline.get("brokerCpuSeconds").asDouble()).isPositive();
    assertThat(pipeline.get("p50LatencyMillis").asLong()).isNotNegative()
        .isLessThanOrEqualTo(pipeline.get("p99LatencyMillis").asLong());
    assertThat(stageNamed(report, "broker").get("ratioToBroker").asDouble()).isEqualTo(1.0);
    assertThat(stageNamed(report, "broker").get("seconds").asDouble()).isCloseTo(
        stageNamed(report, "broker-produce").get("seconds").asDouble()
            + stageNamed(report, "broker-consume").get("seconds").asDouble(),
        offset(1e-6));

    Path png = single(out, ".png");
    assertThat(ImageIO.read(png.toFile()).getHeight()).isPositive();
    assertThat(dir.resolve("work")).isEmptyDirectory();
  }

  private static JsonNode stageNamed(JsonNode report, String name) {
    for (JsonNode stage : report.get("stages")) {
      if (stage.get("name").asText().equals(name)) {
        return stage;
      }
    }
    throw new AssertionError("no stage " + name + " in " + report);
  }

  private static Path single(Path folder, String extension) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> found = files.filter(f -> f.toString().endsWith(extension)).toList();
      assertThat(found).hasSize(1);
      return found.get(0);
    }
  }
}
