package org.medlinestream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medlinestream.schemas.serde.AvroSerdeTest.tiny;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.medlinestream.avro.Citation;
import org.medlinestream.schemas.InMemoryRegistry;
import org.medlinestream.schemas.SampleCitations;
import org.medlinestream.schemas.TinySchemas;
import org.medlinestream.schemas.registry.SchemaRegistryClient;

/** Records written with one version of a schema, read with another (Avro schema resolution). */
class SchemaEvolutionTest {
  private static final String TOPIC = "medline.citations";
  private static final Set<String> ADDED_IN_V2 = Set.of("enrichment", "provenance", "extras", "conflictOfInterest");

  @RegisterExtension
  final InMemoryRegistry registry = new InMemoryRegistry();
  private final SchemaRegistryClient client = registry.client();

  @Test
  void citationsWrittenWithAnOlderSchemaAreReadAsTodaysCitation() throws IOException {
    Schema v1 = citationWithout(ADDED_IN_V2);
    Citation today = SampleCitations.citation("36119045");
    GenericRecord old = asOlderRecord(today, v1);
    assertThat(old.getSchema().getField("enrichment")).isNull();
    byte[] v1Bytes = new GenericAvroSerde(null, client).serializer().serialize(TOPIC, old);

    SpecificAvroSerde<Citation> reader = new SpecificAvroSerde<>(Citation.class, client);
    Citation read = reader.deserializer().deserialize(TOPIC, v1Bytes);

    Citation expected = Citation.newBuilder(today).setEnrichment(null).setProvenance(null)
        .setExtras(List.of()).setConflictOfInterest(null).build();
    assertThat(read).isEqualTo(expected);
    assertThat(WireFormat.schemaId(v1Bytes, TOPIC)).isEqualTo(1);
    assertThat(client.register(TOPIC + "-value", Citation.getClassSchema())).as("v2 follows v1 at BACKWARD").isEqualTo(2);
  }

  @Test
  void v1DataReadWithAV2ReaderSchemaGetsTheNewFieldsDefault() {
    Schema v2 = new Schema.Parser().parse(TinySchemas.V2);
    byte[] v1Bytes = new GenericAvroSerde(null, client).serializer()
        .serialize(TOPIC, tiny(new Schema.Parser().parse(TinySchemas.V1), "42"));

    GenericRecord read = new GenericAvroSerde(v2, client).deserializer().deserialize(TOPIC, v1Bytes);
    assertThat(read.getSchema()).isEqualTo(v2);
    assertThat(read.get("pmid").toString()).isEqualTo("42");
    assertThat(read.get("title")).isNull();
  }

  @Test
  void v2DataReadWithAV1ReaderSchemaDropsTheNewField() {
    GenericRecord v2Record = tiny(new Schema.Parser().parse(TinySchemas.V2), "42");
    v2Record.put("title", "A title");
    byte[] v2Bytes = new GenericAvroSerde(null, client).serializer().serialize(TOPIC, v2Record);

    Schema v1 = new Schema.Parser().parse(TinySchemas.V1);
    GenericRecord read = new GenericAvroSerde(v1, client).deserializer().deserialize(TOPIC, v2Bytes);
    assertThat(read).isEqualTo(tiny(v1, "42"));
  }

  @Test
  void aReaderSchemaThatCannotReadTheWriterSchemaIsAClearError() {
    byte[] v1Bytes = new GenericAvroSerde(null, client).serializer()
        .serialize(TOPIC, tiny(new Schema.Parser().parse(TinySchemas.V1), "42"));
    Schema breaking = new Schema.Parser().parse(TinySchemas.BREAKING);
    assertThatThrownBy(() -> new GenericAvroSerde(breaking, client).deserializer().deserialize(TOPIC, v1Bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("written with schema id 1 (test.Tiny) cannot be read with reader schema test.Tiny")
        .hasMessageContaining("year");
  }

  /** Today's Citation schema without some fields: what an earlier release wrote. */
  private static Schema citationWithout(Set<String> fields) {
    Schema today = Citation.getClassSchema();
    List<Schema.Field> kept = today.getFields().stream().filter(field -> !fields.contains(field.name()))
        .map(field -> new Schema.Field(field, field.schema())).toList();
    return Schema.createRecord(today.getName(), today.getDoc(), today.getNamespace(), false, kept);
  }

  /** {@code citation} as a GenericRecord of an older schema (the fields it lacks dropped). */
  private static GenericRecord asOlderRecord(Citation citation, Schema older) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<>(Citation.class).write(citation, encoder);
    encoder.flush();
    return new GenericDatumReader<GenericRecord>(Citation.getClassSchema(), older)
        .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
  }
}
