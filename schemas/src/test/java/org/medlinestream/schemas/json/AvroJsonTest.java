package org.medlinestream.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;
import org.medlinestream.avro.ArticleId;
import org.medlinestream.avro.Author;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.Journal;
import org.medlinestream.avro.Provenance;
import org.medlinestream.avro.RecordFormat;

class AvroJsonTest {

  private static Citation citation() {
    return Citation.newBuilder()
        .setPmid("36119045")
        .setPmidVersion(1)
        .setStatus("MEDLINE")
        .setDateRevised(LocalDate.of(2022, 9, 26))
        .setElectronicPublicationDate(LocalDate.of(2022, 9, 2))
        .setJournal(Journal.newBuilder().setTitle("Frontiers in immunology").setVolume("13").build())
        .setTitle("Tacrolimus \"on top\" of GCs:\nIIM-ILD – 免疫")
        .setLocationIds(List.of(new ArticleId("doi", "10.3389/fimmu.2022.978429", true)))
        .setAuthors(List.of(Author.newBuilder().setLastName("Chen").setForeName("Yuxue")
            .setAffiliations(List.of("Tongji Hospital, Wuhan, China.")).build()))
        .setLanguages(List.of("eng"))
        .setProvenance(Provenance.newBuilder()
            .setFormat(RecordFormat.MEDLINE_TEXT)
            .setIngestTime(Instant.parse("2025-01-02T03:04:05.678Z"))
            .setPipelineVersion("0.1.0")
            .build())
        .build();
  }

  @Test
  void writesPlainJsonWithoutUnionWrappersIsoDatesAndEnumSymbols() throws Exception {
    var tree = AvroJson.omittingNulls().toTree(citation());

    assertThat(tree.get("pmid").asText()).isEqualTo("36119045");
    assertThat(tree.get("dateRevised").asText()).isEqualTo("2022-09-26");
    assertThat(tree.get("electronicPublicationDate").asText()).isEqualTo("2022-09-02");
    assertThat(tree.get("journal").get("title").asText()).isEqualTo("Frontiers in immunology");
    assertThat(tree.get("locationIds").get(0).toString())
        .isEqualTo("{\"type\":\"doi\",\"value\":\"10.3389/fimmu.2022.978429\",\"valid\":true}");
    assertThat(tree.get("authors").get(0).get("affiliations").get(0).asText())
        .isEqualTo("Tongji Hospital, Wuhan, China.");
    assertThat(tree.get("provenance").toString())
        .isEqualTo("{\"format\":\"MEDLINE_TEXT\",\"ingestTime\":\"2025-01-02T03:04:05.678Z\","
            + "\"pipelineVersion\":\"0.1.0\"}");
    assertThat(tree.get("abstractText")).isNull();
    assertThat(tree.get("extras").isArray()).isTrue();
    assertThat(tree.fieldNames()).toIterable().startsWith("pmid", "pmidVersion", "status", "dateRevised");
  }

  @Test
  void writesNullsWhenAsked() {
    var tree = AvroJson.withNulls().toTree(citation());

    assertThat(tree.get("abstractText").isNull()).isTrue();
    assertThat(tree.size()).isEqualTo(Citation.getClassSchema().getFields().size());
    assertThat(tree.get("provenance").get("sourceFile").isNull()).isTrue();
  }

  @Test
  void writesOneLineThatReadsBackToTheSameText() throws Exception {
    Citation citation = citation();
    StringWriter out = new StringWriter();

    AvroJson.omittingNulls().writeLine(citation, out);

    String line = out.toString();
    assertThat(line).endsWith("}\n");
    assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n", "\r");
    assertThat(new ObjectMapper().readTree(line).get("title").asText()).isEqualTo(citation.getTitle());
  }

  @Test
  void streamsTheTextOfTheTreeAndWritesFieldsInParts() throws Exception {
    Citation citation = citation();
    AvroJson json = AvroJson.omittingNulls();
    int provenance = Citation.getClassSchema().getField("provenance").pos();
    int fields = Citation.getClassSchema().getFields().size();
    StringWriter parts = new StringWriter();

    try (var out = new JsonFactory().createGenerator(parts)) {
      out.writeStartObject();
      json.writeFields(citation, 0, provenance, out);
      json.writeFields(citation, provenance, fields, out);
      out.writeEndObject();
    }

    assertThat(json.toJson(citation)).isEqualTo(AvroJson.write(json.toTree(citation)))
        .isEqualTo(parts.toString());
    assertThat(AvroJson.withNulls().toJson(citation))
        .isEqualTo(AvroJson.write(AvroJson.withNulls().toTree(citation)));
  }

  @Test
  void genericRecordWithRawLogicalValuesGivesTheSameJsonAsTheSpecificRecord() throws IOException {
    Citation citation = citation();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    new SpecificDatumWriter<Citation>(Citation.getClassSchema()).write(citation, encoder);
    encoder.flush();
    GenericRecord generic = new GenericDatumReader<GenericRecord>(Citation.getClassSchema())
        .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    assertThat(generic.get("dateRevised")).isInstanceOf(Integer.class);

    assertThat(AvroJson.omittingNulls().toJson(generic))
        .isEqualTo(AvroJson.omittingNulls().toJson(citation));
    assertThat(AvroJson.withNulls().toJson(generic)).isEqualTo(AvroJson.withNulls().toJson(citation));
  }

  @Test
  void writesMapsBytesFixedDecimalsTimesUuidsAndMultiBranchUnions() {
    Schema micros = LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
    Schema timeMillis = LogicalTypes.timeMillis().addToSchema(Schema.create(Schema.Type.INT));
    Schema uuid = LogicalTypes.uuid().addToSchema(Schema.create(Schema.Type.STRING));
    Schema decimal = LogicalTypes.decimal(6, 2).addToSchema(Schema.create(Schema.Type.BYTES));
    Schema fixed = Schema.createFixed("Two", null, "test", 2);
    Schema point = SchemaBuilder.record("Point").namespace("test").fields().requiredInt("x").endRecord();
    Schema schema = SchemaBuilder.record("Everything").namespace("test").fields()
        .name("counts").type().map().values().longType().noDefault()
        .name("blob").type().bytesType().noDefault()
        .name("two").type(fixed).noDefault()
        .name("price").type(decimal).noDefault()
        .name("at").type(micros).noDefault()
        .name("time").type(timeMillis).noDefault()
        .name("id").type(uuid).noDefault()
        .name("either").type().unionOf().nullType().and().stringType().and().type(point).endUnion()
        .nullDefault()
        .name("ratio").type().doubleType().noDefault()
        .endRecord();
    GenericData.Record record = new GenericData.Record(schema);
    record.put("counts", Map.of("a", 1L));
    record.put("blob", ByteBuffer.wrap(new byte[] {1, 2, 3}));
    record.put("two", new GenericData.Fixed(fixed, new byte[] {(byte) 0xff, 0}));
    record.put("price", new Conversions.DecimalConversion()
        .toBytes(new BigDecimal("1234.50"), decimal, decimal.getLogicalType()));
    record.put("at", 1_662_076_800_000_001L);
    record.put("time", 3_723_004);
    record.put("id", UUID.fromString("123e4567-e89b-12d3-a456-426614174000").toString());
    GenericData.Record inner = new GenericData.Record(point);
    inner.put("x", 7);
    record.put("either", inner);
    record.put("ratio", 0.25);

    assertThat(AvroJson.omittingNulls().toJson(record)).isEqualTo(
        "{\"counts\":{\"a\":1},\"blob\":\"AQID\",\"two\":\"/wA=\",\"price\":1234.50,"
            + "\"at\":\"2022-09-02T00:00:00.000001Z\",\"time\":\"01:02:03.004\","
            + "\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"either\":{\"x\":7},\"ratio\":0.25}");

    record.put("either", "text");
    assertThat(AvroJson.omittingNulls().toTree(record).get("either").asText()).isEqualTo("text");
  }
}
