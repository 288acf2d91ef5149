package org.medlinestream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.medlinestream.avro.Citation;
import org.medlinestream.schemas.InMemoryRegistry;
import org.medlinestream.schemas.SampleCitations;
import org.medlinestream.schemas.TinySchemas;
import org.medlinestream.schemas.registry.CompatibilityLevel;
import org.medlinestream.schemas.registry.SchemaRegistryClient;

/** The serde against a registry over HTTP (its log in memory). */
class AvroSerdeTest {
  private static final Schema TINY_V1 = new Schema.Parser().parse(TinySchemas.V1);
  private static final Schema TINY_V2 = new Schema.Parser().parse(TinySchemas.V2);
  private static final String TOPIC = "medline.citations";

  @RegisterExtension
  final InMemoryRegistry registry = new InMemoryRegistry();
  private final SchemaRegistryClient client = registry.client();

  @Test
  void citationsRoundTripAndTheirSchemaIsRegisteredUnderTheTopicsSubject() {
    SpecificAvroSerde<Citation> values = new SpecificAvroSerde<>(Citation.class);
    values.configure(config(), false);
    SpecificAvroSerde<Citation> keys = new SpecificAvroSerde<>(Citation.class);
    keys.configure(config(), true);
    Citation citation = SampleCitations.citation("36119045");

    byte[] bytes = values.serializer().serialize(TOPIC, citation);
    assertThat(values.deserializer().deserialize(TOPIC, bytes)).isEqualTo(citation);
    assertThat(keys.deserializer().deserialize(TOPIC, keys.serializer().serialize(TOPIC, citation))).isEqualTo(citation);
    assertThat(client.subjects()).containsExactly(TOPIC + "-key", TOPIC + "-value");
    assertThat(WireFormat.schemaId(bytes, TOPIC)).isEqualTo(client.latest(TOPIC + "-value").id());
  }

  @Test
  void specificAvroReaderChoosesBetweenTheGeneratedClassAndGenericRecord() {
    byte[] bytes = serializer(config()).serialize(TOPIC, SampleCitations.citation("1"));

    AvroDeserializer<GenericRecord> generic = new AvroDeserializer<>();
    generic.configure(config(), false);
    AvroDeserializer<Citation> specific = new AvroDeserializer<>();
    specific.configure(config(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
    SpecificAvroSerde<Citation> defaultSerde = new SpecificAvroSerde<>();
    defaultSerde.configure(config(), false);

    assertThat(generic.deserialize(TOPIC, bytes)).isInstanceOf(GenericData.Record.class)
        .extracting(record -> record.get("pmid").toString()).isEqualTo("1");
    assertThat(specific.deserialize(TOPIC, bytes)).isEqualTo(SampleCitations.citation("1"));
    assertThat(defaultSerde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(SampleCitations.citation("1"));
  }

  @Test
  void nullIsATombstoneBothWays() {
    SpecificAvroSerde<Citation> serde = new SpecificAvroSerde<>(Citation.class, client);
    serde.configure(Map.of(), false);
    assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
    assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
  }

  @Test
  void anUnknownSchemaIdIsAClearSerializationException() {
    AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>(client, false, null);
    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0, 0, 0, 3, (byte) 0xe7, 2}))
        .isInstanceOf(SerializationException.class)
        .hasMessage("schema id 999 of a record of topic medline.citations is unknown to the schema registry at "
            + registry.url() + ": the record was written against another registry, or its schema was deleted");
  }

  @Test
  void damagedAvroDataIsAClearSerializationException() {
    byte[] bytes = serializer(config()).serialize(TOPIC, tiny(TINY_V1, "1"));
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 1);
    assertThatThrownBy(() -> new AvroDeserializer<>(client, false, null).deserialize(TOPIC, truncated))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("cannot read a record of topic medline.citations written with schema id 1: the Avro data is damaged");
  }

  @Test
  void withoutAutoRegistrationTheSchemaMustBeRegisteredAlready() {
    AvroSerializer<GenericRecord> serializer = serializer(config(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false));
    assertThatThrownBy(() -> serializer.serialize(TOPIC, tiny(TINY_V1, "1")))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("schema test.Tiny is not registered under subject medline.citations-value")
        .hasMessageEndingWith("register it, or set auto.register.schemas=true");

    int id = client.register(TOPIC + "-value", TINY_V1);
    assertThat(WireFormat.schemaId(serializer.serialize(TOPIC, tiny(TINY_V1, "1")), TOPIC)).isEqualTo(id);
    assertThat(client.versions(TOPIC + "-value")).containsExactly(1);
  }

  @Test
  void withUseLatestVersionRecordsOfAnOlderSchemaAreWrittenWithTheLatest() {
    client.register(TOPIC + "-value", TINY_V1);
    int latest = client.register(TOPIC + "-value", TINY_V2);
    AvroSerializer<GenericRecord> serializer = latestVersionSerializer();

    byte[] bytes = serializer.serialize(TOPIC, tiny(TINY_V1, "7"));
    assertThat(WireFormat.schemaId(bytes, TOPIC)).isEqualTo(latest);
    GenericRecord read = new AvroDeserializer<GenericRecord>(client, false, null).deserialize(TOPIC, bytes);
    assertThat(read.getSchema()).isEqualTo(TINY_V2);
    assertThat(read.get("pmid").toString()).isEqualTo("7");
    assertThat(read.get("title")).isNull();
    assertThat(WireFormat.schemaId(serializer.serialize(TOPIC, tiny(TINY_V2, "8")), TOPIC)).isEqualTo(latest);
  }

  @Test
  void withUseLatestVersionARecordTheLatestCannotHoldIsRefused() {
    client.setCompatibility(TOPIC + "-value", CompatibilityLevel.NONE);
    client.register(TOPIC + "-value", new Schema.Parser().parse(TinySchemas.BREAKING));
    AvroSerializer<GenericRecord> serializer = latestVersionSerializer();
    assertThatThrownBy(() -> serializer.serialize(TOPIC, tiny(TINY_V1, "7")))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("cannot be written with the latest registered schema (id 1)")
        .hasMessageContaining("year");
  }

  @Test
  void afterTheFirstRecordTheRegistryIsNotAskedAgain() {
    SpecificAvroSerde<Citation> serde = new SpecificAvroSerde<>(Citation.class);
    serde.configure(config(), false);
    byte[] first = serde.serializer().serialize(TOPIC, SampleCitations.citation("1"));
    serde.deserializer().deserialize(TOPIC, first);
    registry.stop();

    for (int i = 2; i < 200; i++) {
      Citation citation = SampleCitations.citation(Integer.toString(i));
      assertThat(serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, citation))).isEqualTo(citation);
    }
  }

  @Test
  void aRegistryThatIsDownIsNamedInTheSerializationException() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    AvroSerializer<GenericRecord> serializer = new AvroSerializer<>();
    serializer.configure(Map.of("schema.registry.url", "http://127.0.0.1:" + port, "max.retries", 0), false);
    assertThatThrownBy(() -> serializer.serialize(TOPIC, tiny(TINY_V1, "1")))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("schema registry at http://127.0.0.1:" + port + " is not reachable")
        .hasMessageContaining("medline-stream local");
  }

  @Test
  void aRecordThatDoesNotMatchItsSchemaIsAClearSerializationException() {
    GenericRecord missingPmid = new GenericData.Record(TINY_V1);
    assertThatThrownBy(() -> serializer(config()).serialize(TOPIC, missingPmid))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("cannot serialize a test.Tiny record for topic medline.citations");
  }

  private AvroSerializer<GenericRecord> serializer(Map<String, Object> config) {
    AvroSerializer<GenericRecord> serializer = new AvroSerializer<>();
    serializer.configure(config, false);
    return serializer;
  }

  private AvroSerializer<GenericRecord> latestVersionSerializer() {
    Map<String, Object> config = config(AvroSerdeConfig.USE_LATEST_VERSION, true);
    config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);
    return serializer(config);
  }

  private Map<String, Object> config() {
    return Map.of(AvroSerdeConfig.URL, registry.url());
  }

  private Map<String, Object> config(String key, Object value) {
    Map<String, Object> config = new HashMap<>(config());
    config.put(key, value);
    return config;
  }

  static GenericRecord tiny(Schema schema, String pmid) {
    GenericRecord record = new GenericData.Record(schema);
    record.put("pmid", pmid);
    return record;
  }
}
