package org.medlinestream.sink.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.medlinestream.avro.Citation;
import org.medlinestream.sink.ApplyResult;
import org.medlinestream.sink.CitationChange;
import org.medlinestream.sink.SinkConfig;
import org.medlinestream.sink.pipeline.ExpectedRows;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Citations and rows (of all tables) per second written into each store: batches of {@code
 * batchSize} new citations (by default the sink's), as the sink applies a poll, out of {@code
 * citations} real citations with distinct PMIDs ({@link RekeyedCitations}). When the corpus is
 * used up, the store is replaced by an empty one, outside the measured time; so every batch
 * inserts PMIDs the store does not hold.
 * PostgreSQL is the server at 127.0.0.1:5432 (see {@code TestPostgres}), in a fresh schema.
 *
 * <p>Run from the repository root (results: the {@code citations} and {@code rows} lines, per
 * second):
 * {@code ./mvnw -o -Pjmh -pl sink -am test -DskipTests -Djmh.args=SinkBenchmark}; JMH's
 * options narrow it, e.g. {@code -Djmh.args="SinkBenchmark -p store=postgresql -wi 1 -i 3"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class SinkBenchmark {

  @Param({"sqlite", "postgresql", "jsonl", "avro"})
  public String store;

  @Param("20000")
  public int citations;

  @Param("" + SinkConfig.DEFAULT_BATCH_SIZE)
  public int batchSize;

  /** What the measured batches wrote; JMH reports these per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Written {
    public long citations;
    public long rows;

    @Setup(Level.Iteration)
    public void reset() {
      citations = 0;
      rows = 0;
    }
  }

  private BenchTarget.Kind kind;
  private List<List<CitationChange>> batches;
  private int[] rowsPerBatch;
  private BenchTarget target;
  private int next;

  @Setup(Level.Trial)
  public void load() {
    kind = BenchTarget.Kind.valueOf(store.toUpperCase(Locale.ROOT));
    List<Citation> corpus = RekeyedCitations.of(citations);
    int count = (corpus.size() + batchSize - 1) / batchSize;
    batches = new ArrayList<>(count);
    rowsPerBatch = new int[count];
    for (int b = 0; b < count; b++) {
      List<Citation> batch = corpus.subList(b * batchSize, Math.min(corpus.size(), (b + 1) * batchSize));
      batches.add(batch.stream().map(CitationChange::upsert).toList());
      rowsPerBatch[b] = batch.stream().mapToInt(SinkBenchmark::rows).sum();
    }
    target = kind.createEmpty();
  }

  /** A fresh, empty store once every PMID of the corpus is stored. */
  @Setup(Level.Invocation)
  public void emptyStoreWhenCorpusUsedUp() throws Exception {
    if (next == batches.size()) {
      target.close();
      target = kind.createEmpty();
      next = 0;
    }
  }

  @Benchmark
  public ApplyResult applyBatch(Written written) {
    ApplyResult result = target.store().apply(batches.get(next));
    if (result.written() != batches.get(next).size()) {
      throw new IllegalStateException("Wrote " + result + " of a batch of new citations into " + target);
    }
    written.citations += result.written();
    written.rows += rowsPerBatch[next];
    next++;
    return result;
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    target.close();
  }

  private static int rows(Citation citation) {
    return ExpectedRows.of(citation).values().stream().mapToInt(Integer::intValue).sum();
  }
}
