package org.medlinestream.enrich.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serializer;
import org.medlinestream.avro.Citation;
import org.medlinestream.enrich.enrichment.Enricher;
import org.medlinestream.enrich.parse.MalformedRecordException;
import org.medlinestream.enrich.parse.PubmedXmlParser;
import org.medlinestream.enrich.stream.StreamTopics;
import org.medlinestream.schemas.registry.RegistryClientConfig;
import org.medlinestream.schemas.registry.server.InMemorySchemaLog;
import org.medlinestream.schemas.registry.server.SchemaRegistryServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The serialize step's cost: every PubMed XML citation of {@code shared.data.dir}/pubmed-xml, parsed
 * and enriched beforehand, written as Avro in the wire format by enrich's own citation serializer
 * (the schema registered once in an in-memory registry). One operation writes them all once;
 * {@code cpuBytes} counts the Avro bytes written, {@code threadCpuNanos} the CPU time they took.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class CitationSerializeBenchmark {
  private SchemaRegistryServer registry;
  private StreamTopics topics;
  private Serializer<Citation> serializer;
  private List<Citation> citations;

  @Setup
  public void load() throws MalformedRecordException {
    registry = new SchemaRegistryServer(new InMemorySchemaLog(), "127.0.0.1", 0).start();
    topics = StreamTopics.defaults(Map.of(RegistryClientConfig.URL, registry.url()));
    serializer = topics.citationSerializer();
    PubmedXmlParser parser = new PubmedXmlParser();
    Enricher enricher = new Enricher();
    citations = new ArrayList<>();
    for (byte[] record : PubmedXmlRecords.split(PubmedXmlRecords.files())) {
      citations.add(enricher.enrich(parser.parse(record)));
    }
  }

  @TearDown
  public void stop() {
    topics.close();
    registry.close();
  }

  @Benchmark
  public long serialize(CpuTime cpu) {
    cpu.begin();
    long bytes = 0;
    for (Citation citation : citations) {
      bytes += serializer.serialize(topics.citations(), citation).length;
    }
    cpu.end(bytes);
    return bytes;
  }
}
