package org.medlinestream.enrich.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.medlinestream.avro.Citation;
import org.medlinestream.enrich.enrichment.Enricher;
import org.medlinestream.enrich.enrichment.SharedDataProse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Enrichments per second of one {@link Enricher} over {@link BenchmarkCorpus} (about 7,500
 * citations with real abstracts, cycled). Run from the repository root:
 * {@code ./mvnw -q -o -pl enrich -am process-test-classes -Pbench [-Djmh.args="-wi 1 -i 3"]}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EnricherBenchmark {

    private final Enricher enricher = new Enricher();
    private Citation[] citations;
    private int next;

    @Setup
    public void load() {
        List<Citation> corpus = BenchmarkCorpus.citations();
        citations = corpus.toArray(new Citation[0]);
    }

    @Benchmark
    public Citation enrich() {
        Citation citation = citations[next];
        next = next + 1 == citations.length ? 0 : next + 1;
        return enricher.enrich(citation);
    }

    /**
     * Runs this benchmark in a forked JVM that gets the same {@code shared.data.dir}; JMH
     * command-line options (e.g. {@code -wi 1 -i 2 -r 1s}) override the annotations.
     */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        new Runner(new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(EnricherBenchmark.class.getName())
                .jvmArgsAppend("-Dshared.data.dir=" + SharedDataProse.dataDir().toAbsolutePath())
                .build()).run();
    }
}
