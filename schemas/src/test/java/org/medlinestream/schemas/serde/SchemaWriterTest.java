package org.medlinestream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;
import org.medlinestream.avro.Citation;
import org.medlinestream.schemas.SampleCitations;

class SchemaWriterTest {
  @Test
  void customCodersWriteTheSameBytesAsAvrosFieldByFieldWriterAndLeaveTheSharedModelAlone() throws IOException {
    Citation citation = SampleCitations.citation("36119045");
    Schema schema = citation.getSchema();
    SpecificData shared = SpecificData.getForSchema(schema);
    assertThat(shared.useCustomCoders()).as("Avro's default").isFalse();

    byte[] fieldByField = write(new SpecificDatumWriter<>(schema, shared), citation);
    byte[] custom = write(SchemaWriter.writer(schema), citation);

    assertThat(custom).isEqualTo(fieldByField);
    assertThat(shared.useCustomCoders()).isFalse();
  }

  private static byte[] write(DatumWriter<Object> writer, Citation citation) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    writer.write(citation, encoder);
    encoder.flush();
    return bytes.toByteArray();
  }
}
