package org.medlinestream.enrich.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.medlinestream.enrich.parse.MalformedRecordException;
import org.medlinestream.enrich.parse.MedlineTextParser;
import org.medlinestream.ingest.source.MedlineTextReader;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * MEDLINE text throughput over every file of {@code shared/data/medline-text} (about 1.8 MB, 467
 * records), on one thread: read and split with {@link MedlineTextReader} then parse, parse alone,
 * split alone. One operation is one pass over the corpus; the {@link Rates} counters give MB/s,
 * records/s and MB per CPU-second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 8, time = 5)
@Measurement(iterations = 5, time = 5)
public class MedlineTextParserBenchmark {
  private final MedlineTextParser parser = new MedlineTextParser();
  private final List<byte[]> files = new ArrayList<>();
  private final List<byte[]> records = new ArrayList<>();
  private long fileBytes;
  private long recordBytes;

  /**
   * Rates reported beside the operation rate. {@code megabytesPerCpuSecond} divides by the CPU time
   * the benchmark thread got rather than by wall time: what one core does, also on a busy machine
   * (on an idle one it equals {@code megabytesPerSecond}).
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Rates {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public double megabytesPerSecond;
    public long recordsPerSecond;
    public double megabytesPerCpuSecond;
    private long cpuStart;
    private long wallStart;

    @Setup(Level.Iteration)
    public void start() {
      megabytesPerSecond = 0;
      recordsPerSecond = 0;
      megabytesPerCpuSecond = 0;
      cpuStart = THREADS.getCurrentThreadCpuTime();
      wallStart = System.nanoTime();
    }

    void add(long bytes, int records) {
      megabytesPerSecond += bytes / 1e6;
      recordsPerSecond += records;
      long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
      long wall = System.nanoTime() - wallStart;
      // JMH divides every counter by the iteration's wall time: scale by wall/cpu to get per-CPU.
      megabytesPerCpuSecond = cpu > 0 ? megabytesPerSecond * wall / cpu : 0;
    }
  }

  @Setup
  public void load() throws IOException {
    Path folder =
        Path.of(System.getProperty("shared.data.dir", "../../shared/data")).resolve("medline-text");
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        byte[] bytes = Files.readAllBytes(file);
        files.add(bytes);
        fileBytes += bytes.length;
        for (RawRecord record : split(bytes)) {
          records.add(record.value());
          recordBytes += record.value().length;
        }
      }
    }
    if (records.isEmpty()) {
      throw new IllegalStateException("no MEDLINE records under " + folder.toAbsolutePath());
    }
  }

  @Benchmark
  public void readAndParse(Rates rates, Blackhole sink)
      throws IOException, MalformedRecordException {
    for (byte[] file : files) {
      for (RawRecord record : split(file)) {
        sink.consume(parser.parse(record.value()));
      }
    }
    rates.add(fileBytes, records.size());
  }

  @Benchmark
  public void parse(Rates rates, Blackhole sink) throws MalformedRecordException {
    for (byte[] record : records) {
      sink.consume(parser.parse(record));
    }
    rates.add(recordBytes, records.size());
  }

  @Benchmark
  public void read(Rates rates, Blackhole sink) throws IOException {
    for (byte[] file : files) {
      for (RawRecord record : split(file)) {
        sink.consume(record);
      }
    }
    rates.add(fileBytes, records.size());
  }

  private static List<RawRecord> split(byte[] file) throws IOException {
    List<RawRecord> raw = new ArrayList<>();
    try (MedlineTextReader reader =
        new MedlineTextReader(new ByteArrayInputStream(file), "bench")) {
      for (SourceItem item; (item = reader.next()) != null; ) {
        raw.add((RawRecord) item);
      }
    }
    return raw;
  }
}
