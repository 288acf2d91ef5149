package org.medlinestream.schemas.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericRecord;
import org.medlinestream.avro.Citation;
import org.medlinestream.schemas.SampleCitations;
import org.medlinestream.schemas.registry.SchemaRegistryClient;
import org.medlinestream.schemas.registry.server.InMemorySchemaLog;
import org.medlinestream.schemas.registry.server.SchemaRegistryServer;
import org.medlinestream.schemas.serde.AvroDeserializer;
import org.medlinestream.schemas.serde.AvroSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Citations per second through the Confluent-wire-format serde, as enrich (serializer) and sink
 * (specific deserializer) use it: {@code citations} distinct {@link SampleCitations} (nested
 * records, arrays, dates, timestamps, enums, unions; about 1 KB on the wire), the schema registered
 * once in a registry over HTTP (the embedded one, in memory), which the serde then asks no more.
 *
 * <p>Run from the repository root:
 * {@code ./mvnw -Pjmh -pl schemas -am test -DskipTests -Djmh.args=SerdeBenchmark}; JMH's options
 * narrow it, e.g. {@code -Djmh.args="SerdeBenchmark.serialize -wi 2 -i 3"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SerdeBenchmark {
  private static final String TOPIC = "medline.citations";

  @Param("1000")
  public int citations;

  private SchemaRegistryServer registry;
  private AvroSerializer<Citation> serializer;
  private AvroDeserializer<Citation> specific;
  private AvroDeserializer<GenericRecord> generic;
  private Citation[] records;
  private byte[][] encoded;
  private int next;

  @Setup
  public void setUp() {
    registry = new SchemaRegistryServer(new InMemorySchemaLog(), "127.0.0.1", 0).start();
    SchemaRegistryClient client = SchemaRegistryClient.forUrl(registry.url());
    serializer = new AvroSerializer<>(client);
    serializer.configure(Map.of(), false);
    specific = new AvroDeserializer<>(client, true, null);
    generic = new AvroDeserializer<>(client, false, null);
    records = new Citation[citations];
    encoded = new byte[citations][];
    for (int i = 0; i < citations; i++) {
      records[i] = SampleCitations.citation(Integer.toString(80_000_000 + i));
      encoded[i] = serializer.serialize(TOPIC, records[i]);
    }
    if (!specific.deserialize(TOPIC, encoded[0]).equals(records[0])) {
      throw new IllegalStateException("The serde does not give back the citation it wrote");
    }
  }

  private int advance() {
    int current = next;
    next = current + 1 == citations ? 0 : current + 1;
    return current;
  }

  @Benchmark
  public byte[] serialize() {
    return serializer.serialize(TOPIC, records[advance()]);
  }

  @Benchmark
  public Citation deserializeSpecific() {
    return specific.deserialize(TOPIC, encoded[advance()]);
  }

  @Benchmark
  public GenericRecord deserializeGeneric() {
    return generic.deserialize(TOPIC, encoded[advance()]);
  }

  @TearDown
  public void close() {
    serializer.close();
    specific.close();
    generic.close();
    registry.close();
  }
}
