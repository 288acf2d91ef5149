package org.medlinestream.enrich.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.medlinestream.enrich.parse.MalformedRecordException;
import org.medlinestream.enrich.parse.PubmedXmlParser;
import org.medlinestream.ingest.source.PubmedXmlCorpus;
import org.medlinestream.ingest.source.PubmedXmlReader;
import org.medlinestream.ingest.source.RawRecord;
import org.medlinestream.ingest.source.SourceItem;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Throughput of PubMed XML on one core: {@link PubmedXmlReader} alone (splitting into raw records)
 * and reader + {@link PubmedXmlParser} (raw records into citations), over every file of {@code
 * shared.data.dir}/pubmed-xml, decompressed into memory first; and the parser alone, over the same
 * records split beforehand. One operation reads the whole corpus once (about 9 MB, 1,100 records).
 *
 * <p>Run with {@link PubmedXmlParserBenchmarkRun}, or this class's {@code main} with the test class
 * path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Threads(1)
public class PubmedXmlParserBenchmark {
  private List<byte[]> files;
  private long corpusBytes;
  private List<byte[]> records;
  private long recordBytes;
  private PubmedXmlParser parser;

  @Setup
  public void load() {
    files = PubmedXmlRecords.files();
    corpusBytes = files.stream().mapToLong(file -> file.length).sum();
    parser = new PubmedXmlParser();
    records = PubmedXmlRecords.split(files);
    recordBytes = records.stream().mapToLong(record -> record.length).sum();
  }

  /** The parser alone: every record of the corpus, split beforehand, into a citation. */
  @Benchmark
  public long parserAlone(CpuTime cpu) throws MalformedRecordException {
    cpu.begin();
    long checksum = 0;
    for (byte[] record : records) {
      checksum += parser.parse(record).getAuthors().size();
    }
    cpu.end(recordBytes);
    return checksum;
  }

  @Benchmark
  public long readerAlone(CpuTime cpu) throws IOException, MalformedRecordException {
    return readCorpus(cpu, false);
  }

  @Benchmark
  public long readerAndParser(CpuTime cpu) throws IOException, MalformedRecordException {
    return readCorpus(cpu, true);
  }

  /** Splits every file, parsing each record when {@code parse}; returns a checksum for JMH. */
  private long readCorpus(CpuTime cpu, boolean parse) throws IOException, MalformedRecordException {
    cpu.begin();
    long checksum = 0;
    for (byte[] file : files) {
      try (PubmedXmlReader reader = new PubmedXmlReader(new ByteArrayInputStream(file), "bench")) {
        for (SourceItem item = reader.next(); item != null; item = reader.next()) {
          RawRecord record = (RawRecord) item;
          checksum +=
              parse && !record.isDelete()
                  ? parser.parse(record.value()).getAuthors().size()
                  : record.line();
        }
      }
    }
    cpu.end(corpusBytes);
    return checksum;
  }

  /** Runs the benchmarks and prints MB/s and records/s. */
  public static void main(String[] args) throws RunnerException {
    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder()
                    .include(PubmedXmlParserBenchmark.class.getName())
                    .jvmArgsAppend(
                        "-Dshared.data.dir="
                            + System.getProperty("shared.data.dir", "../shared/data"))
                    .build())
            .run();
    results.forEach(result -> System.out.println(summary(result)));
  }

  /** One benchmark's MB/s and records/s. */
  static String summary(RunResult result) {
    Map<String, Result> counters = result.getSecondaryResults();
    double bytes = counters.get("cpuBytes").getScore();
    double corpusPerSecond = result.getPrimaryResult().getScore();
    return String.format(
        "%s: %.1f MB per CPU-second of the benchmark thread (%.1f with GC and JIT threads);"
            + " wall clock, one thread: %.1f MB/s, %.0f records/s",
        result.getParams().getBenchmark(),
        bytes / counters.get("threadCpuNanos").getScore() * 1e3,
        bytes / counters.get("processCpuNanos").getScore() * 1e3,
        corpusPerSecond * corpusBytes() / 1e6,
        corpusPerSecond * corpusRecords());
  }

  private static long corpusBytes() {
    return PubmedXmlCorpus.files().stream().mapToLong(f -> PubmedXmlCorpus.bytes(f).length).sum();
  }

  private static long corpusRecords() {
    return PubmedXmlCorpus.files().stream()
        .mapToLong(f -> PubmedXmlCorpus.expected(PubmedXmlCorpus.bytes(f)).size())
        .sum();
  }
}
