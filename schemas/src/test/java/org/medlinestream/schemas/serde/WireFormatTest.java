package org.medlinestream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.medlinestream.schemas.InMemoryRegistry;
import org.medlinestream.schemas.TinySchemas;

/** The exact bytes of the Confluent wire format. */
class WireFormatTest {
  @RegisterExtension
  final InMemoryRegistry registry = new InMemoryRegistry();

  @Test
  void aSmallRecordIsMagicByteSchemaIdAndAvroBinary() {
    GenericAvroSerde serde = new GenericAvroSerde();
    serde.configure(Map.of("schema.registry.url", registry.url()), false);
    Schema v1 = new Schema.Parser().parse(TinySchemas.V1);
    Schema v2 = new Schema.Parser().parse(TinySchemas.V2);
    GenericRecord first = new GenericData.Record(v1);
    first.put("pmid", "123");
    GenericRecord second = new GenericData.Record(v2);
    second.put("pmid", "123");
    second.put("title", "ab");

    assertThat(serde.serializer().serialize("t", first)).containsExactly(
        0x00, // magic byte
        0x00, 0x00, 0x00, 0x01, // schema id 1
        0x06, '1', '2', '3'); // string: zig-zag length 3, UTF-8 bytes
    assertThat(serde.serializer().serialize("t", second)).containsExactly(
        0x00,
        0x00, 0x00, 0x00, 0x02,
        0x06, '1', '2', '3',
        0x02, // union branch 1 (string)
        0x04, 'a', 'b');
  }

  @Test
  void theSchemaIdIsBigEndian() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WireFormat.writeHeader(out, 0x01020304);
    assertThat(out.toByteArray()).containsExactly(0x00, 0x01, 0x02, 0x03, 0x04);
    assertThat(WireFormat.schemaId(new byte[] {0, (byte) 0x80, 0, 1, 0, 42}, "t")).isEqualTo(0x80000100);
  }

  @Test
  void bytesThatAreNotInTheWireFormatAreNamedAsSuch() {
    assertThatThrownBy(() -> WireFormat.schemaId("{\"pmid\":1}".getBytes(), "medline.citations"))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("unknown magic byte 0x7b in a record of topic medline.citations");
    assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {0, 0, 1}, "medline.citations"))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("3 bytes long, too short");
  }
}
