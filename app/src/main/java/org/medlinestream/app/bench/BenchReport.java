package org.medlinestream.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The results of a run: the table printed at the end, the ratios to the raw broker and the targets
 * of issue #9, and the same numbers as JSON.
 */
final class BenchReport {
  /** Whole pipeline into SQLite, citations per second. */
  static final double TARGET_RECORDS_PER_SECOND = 5_000;
  /** Whole pipeline records/s over the raw broker's. */
  static final double TARGET_BROKER_RATIO = 0.25;

  private final MachineInfo machine;
  private final BenchCorpus.Written corpus;
  private final Path source;
  private final List<StageResult> stages;
  private final List<String> notes;
  private final double loadBefore;
  private final double loadAfter;
  private final Instant finished = Instant.now();

  BenchReport(MachineInfo machine, BenchCorpus.Written corpus, Path source,
      List<StageResult> stages, List<String> notes, double loadBefore, double loadAfter) {
    this.machine = machine;
    this.corpus = corpus;
    this.source = source;
    this.stages = List.copyOf(stages);
    this.notes = List.copyOf(notes);
    this.loadBefore = loadBefore;
    this.loadAfter = loadAfter;
  }

  List<StageResult> stages() {
    return stages;
  }

  /** Records/s of the raw broker (producer then consumer), if it was measured. */
  Optional<Double> brokerRecordsPerSecond() {
    return stage("broker").map(StageResult::recordsPerSecond);
  }

  Optional<StageResult> stage(String name) {
    return stages.stream().filter(stage -> stage.name().equals(name)).findFirst();
  }

  /** This stage's records/s over the raw broker's, if both were measured. */
  Optional<Double> ratio(StageResult stage) {
    return brokerRecordsPerSecond().map(broker -> stage.recordsPerSecond() / broker);
  }

  void print(PrintWriter out) {
    out.println();
    out.printf("medline-stream bench: %,d citations (%,d MEDLINE text, %,d PubMed XML), %.1f MB"
            + " in %d files%n", corpus.records(), corpus.textRecords(), corpus.xmlRecords(),
        corpus.bytes() / 1e6, corpus.files().size());
    out.printf("machine: %s; load average %.2f before, %.2f after%n", machine.describe(),
        loadBefore, loadAfter);
    out.println();
    out.printf("%-16s %10s %8s %11s %7s %9s %15s %7s %7s %16s %9s%n", "stage", "records",
        "seconds", "records/s", "MB/s", "rec/CPU s", "CPU s bench/bro", "p50 ms", "p99 ms",
        "heap MB peak/GC", "x broker");
    for (StageResult stage : stages) {
      out.printf(Locale.ROOT, "%-16s %,10d %8.1f %,11.0f %7.1f %,9.0f %15s %7s %7s %16s %9s%n",
          stage.name(), stage.records(), stage.seconds(), stage.recordsPerSecond(),
          stage.megabytesPerSecond(), stage.recordsPerCpuSecond(),
          String.format(Locale.ROOT, "%.1f / %.1f", stage.benchCpuSeconds(),
              stage.brokerCpuSeconds()),
          latency(stage.p50Millis()), latency(stage.p99Millis()),
          (stage.peakHeapBytes() >> 20) + " / " + (stage.peakHeapAfterGcBytes() >> 20),
          ratio(stage).map(r -> String.format(Locale.ROOT, "%.2f", r)).orElse("-"));
    }
    out.println();
    for (StageResult stage : stages) {
      out.printf("  %-16s %s%n", stage.name(), stage.what());
    }
    out.println("  p50/p99: end-to-end latency, from the ingest time in the raw record's header to"
        + " the commit of the row's transaction.");
    out.println("  rec/CPU s: records per second of CPU time of this JVM and the broker's JVM"
        + " (the cost of a stage, whatever else runs on the machine); CPU s bench/bro: the"
        + " seconds of each.");
    out.println("  heap: of this JVM (ingest, enrich, sink and the registry; the broker has its own"
        + " JVM), the peak used and the peak right after a collection.");
    stage("pipeline").ifPresent(pipeline -> {
      out.println();
      out.println(target(String.format(Locale.ROOT, "whole pipeline %,.0f citations/s (target"
              + " >= %,.0f)", pipeline.recordsPerSecond(), TARGET_RECORDS_PER_SECOND),
          pipeline.recordsPerSecond() >= TARGET_RECORDS_PER_SECOND));
      ratio(pipeline).ifPresent(ratio -> out.println(target(String.format(Locale.ROOT,
          "whole pipeline / raw broker %.2f (target >= %.2f)", ratio, TARGET_BROKER_RATIO),
          ratio >= TARGET_BROKER_RATIO)));
    });
    for (String note : notes) {
      out.println("note: " + note);
    }
    out.flush();
  }

  private static String target(String text, boolean met) {
    return (met ? "MET      " : "NOT MET  ") + text;
  }

  private static String latency(long millis) {
    return millis < 0 ? "-" : Long.toString(millis);
  }

  void writeJson(Path file) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("finished", finished.toString());
    Map<String, Object> machineJson = machine.toMap();
    machineJson.put("loadAverageBefore", loadBefore);
    machineJson.put("loadAverageAfter", loadAfter);
    json.put("machine", machineJson);
    Map<String, Object> corpusJson = new LinkedHashMap<>();
    corpusJson.put("records", corpus.records());
    corpusJson.put("medlineTextRecords", corpus.textRecords());
    corpusJson.put("pubmedXmlRecords", corpus.xmlRecords());
    corpusJson.put("files", corpus.files().size());
    corpusJson.put("bytes", corpus.bytes());
    corpusJson.put("source", source.toAbsolutePath().normalize().toString());
    corpusJson.put("distinctRealRecords", corpus.baseRecords());
    corpusJson.put("firstPmid", BenchCorpus.FIRST_PMID);
    corpusJson.put("rekeyed", "copies of the real records, each given a PMID of its own");
    json.put("corpus", corpusJson);
    List<Map<String, Object>> stagesJson = new ArrayList<>();
    for (StageResult stage : stages) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("name", stage.name());
      one.put("what", stage.what());
      one.put("records", stage.records());
      one.put("bytes", stage.bytes());
      one.put("seconds", stage.seconds());
      one.put("recordsPerSecond", stage.recordsPerSecond());
      one.put("megabytesPerSecond", stage.megabytesPerSecond());
      one.put("cpuSeconds", stage.cpuSeconds());
      one.put("benchCpuSeconds", stage.benchCpuSeconds());
      one.put("brokerCpuSeconds", stage.brokerCpuSeconds());
      one.put("recordsPerCpuSecond", stage.recordsPerCpuSecond());
      if (stage.hasLatency()) {
        one.put("p50LatencyMillis", stage.p50Millis());
        one.put("p99LatencyMillis", stage.p99Millis());
      }
      one.put("peakHeapBytes", stage.peakHeapBytes());
      one.put("peakHeapAfterGcBytes", stage.peakHeapAfterGcBytes());
      ratio(stage).ifPresent(ratio -> one.put("ratioToBroker", ratio));
      stagesJson.add(one);
    }
    json.put("stages", stagesJson);
    Map<String, Object> targets = new LinkedHashMap<>();
    targets.put("pipelineRecordsPerSecond", TARGET_RECORDS_PER_SECOND);
    targets.put("pipelineRatioToBroker", TARGET_BROKER_RATIO);
    json.put("targets", targets);
    json.put("notes", notes);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
  }
}
