package org.medlinestream.enrich.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * shared.data.dir}/pubmed-xml, decompressed into memory first. One operation reads the whole corpus
 * once (about 9 MB, 1,100 records).
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
  private PubmedXmlParser parser;

  /**
   * Bytes read and CPU time spent, by the benchmark thread alone and by the whole JVM (with GC and
   * the JIT compiler): bytes per CPU-second is the speed per core even on a machine busy with other
   * work, where wall-clock rates fall with the share of the cores this JVM gets.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS =
        (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public long cpuBytes;
    public long threadCpuNanos;
    public long processCpuNanos;
    private long threadStart;
    private long processStart;

    @Setup(Level.Iteration)
    public void reset() {
      cpuBytes = 0;
      threadCpuNanos = 0;
      processCpuNanos = 0;
    }

    void begin() {
      threadStart = THREADS.getCurrentThreadCpuTime();
      processStart = OS.getProcessCpuTime();
    }

    void end(long bytes) {
      threadCpuNanos += THREADS.getCurrentThreadCpuTime() - threadStart;
      processCpuNanos += OS.getProcessCpuTime() - processStart;
      cpuBytes += bytes;
    }
  }

  @Setup
  public void load() {
    files = new ArrayList<>();
    for (Path file : PubmedXmlCorpus.files()) {
      files.add(PubmedXmlCorpus.bytes(file));
      corpusBytes += files.get(files.size() - 1).length;
    }
    parser = new PubmedXmlParser();
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

  /** Runs both benchmarks and prints MB/s and records/s. */
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
