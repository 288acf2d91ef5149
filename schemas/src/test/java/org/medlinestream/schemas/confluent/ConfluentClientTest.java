package org.medlinestream.schemas.confluent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medlinestream.schemas.TinySchemas.BREAKING;
import static org.medlinestream.schemas.TinySchemas.V1;
import static org.medlinestream.schemas.TinySchemas.V2;
import static org.medlinestream.schemas.TinySchemas.compact;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.ParsedSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.avro.AvroSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaMetadata;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.entities.Config;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericData;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericDatumReader;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericDatumWriter;
import org.apache.flink.avro.shaded.org.apache.avro.io.BinaryEncoder;
import org.apache.flink.avro.shaded.org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medlinestream.avro.Citation;
import org.medlinestream.embedded.TestKafka;
import org.medlinestream.schemas.SampleCitations;
import org.medlinestream.schemas.serde.AvroSerdeConfig;
import org.medlinestream.schemas.serde.GenericAvroSerde;
import org.medlinestream.schemas.serde.SpecificAvroSerde;
import org.medlinestream.schemas.registry.server.KafkaSchemaLog;
import org.medlinestream.schemas.registry.server.SchemaRegistryServer;

/**
 * Confluent's own registry client (7.5.3, relocated inside flink-sql-avro-confluent-registry)
 * against the embedded registry on a real broker, and Confluent-side decoding of what our
 * serializer wrote.
 */
class ConfluentClientTest {
  private static SchemaRegistryServer registry;

  @BeforeAll
  static void startRegistry() {
    registry = new SchemaRegistryServer(new KafkaSchemaLog(TestKafka.clientConfig(), "_schemas-" + UUID.randomUUID(),
        Duration.ofSeconds(30)), "127.0.0.1", 0).start();
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  @Test
  void registersLooksUpFetchesAndTestsCompatibility() throws Exception {
    CachedSchemaRegistryClient writer = confluent();
    int v1 = writer.register("tiny-value", new AvroSchema(V1));
    int v2 = writer.register("tiny-value", new AvroSchema(V2));
    assertThat(writer.register("tiny-value", new AvroSchema(V1))).isEqualTo(v1);

    CachedSchemaRegistryClient reader = confluent(); // nothing cached: every answer comes from the registry
    assertThat(reader.register("copy-value", new AvroSchema(V1))).as("same schema, other subject").isEqualTo(v1);
    assertThat(reader.getId("tiny-value", new AvroSchema(V2))).isEqualTo(v2);
    assertThat(reader.getVersion("tiny-value", new AvroSchema(V2))).isEqualTo(2);
    ParsedSchema byId = reader.getSchemaById(v1);
    assertThat(byId.schemaType()).isEqualTo("AVRO");
    assertThat(byId.canonicalString()).isEqualTo(compact(V1));
    SchemaMetadata latest = reader.getLatestSchemaMetadata("tiny-value");
    assertThat(latest.getId()).isEqualTo(v2);
    assertThat(latest.getVersion()).isEqualTo(2);
    assertThat(latest.getSchema()).isEqualTo(compact(V2));
    assertThat(reader.getSchemaMetadata("tiny-value", 1).getId()).isEqualTo(v1);
    assertThat(reader.testCompatibility("tiny-value", new AvroSchema(V2))).isTrue();
    assertThat(reader.testCompatibility("tiny-value", new AvroSchema(BREAKING))).isFalse();
    assertThat(reader.getAllSubjects()).contains("tiny-value", "copy-value");
    assertThat(reader.getAllVersions("tiny-value")).containsExactly(1, 2);

    assertThatThrownBy(() -> reader.register("tiny-value", new AvroSchema(BREAKING)))
        .isInstanceOfSatisfying(RestClientException.class, e -> {
          assertThat(e.getStatus()).isEqualTo(409);
          assertThat(e.getErrorCode()).isEqualTo(409);
        });
    reader.updateConfig("tiny-value", new Config("NONE"));
    assertThat(reader.getConfig("tiny-value").getCompatibilityLevel()).isEqualTo("NONE");
    assertThat(reader.register("tiny-value", new AvroSchema(BREAKING))).isGreaterThan(v2);
  }

  @Test
  void errorAnswersCarryConfluentsErrorCodes() {
    CachedSchemaRegistryClient client = confluent();
    assertThat(errorCode(() -> client.getSchemaById(987_654))).isEqualTo(40403);
    assertThat(errorCode(() -> client.getLatestSchemaMetadata("nobody-value"))).isEqualTo(40401);
    assertThat(errorCode(() -> client.getId("nobody-value", new AvroSchema(V1)))).isEqualTo(40401);
    assertThat(errorCode(() -> client.getConfig("nobody-value"))).isEqualTo(40408);
    assertThat(errorCode(() -> client.register("bad-value", new AvroSchema("{\"type\":\"record\",\"name\":\"Bad\",\"fields\":[{\"name\":\"x\",\"type\":\"int\",\"default\":\"text\"}]}", List.of(), Map.of(), null, false))))
        .isEqualTo(42201);
  }

  @Test
  void decodesCitationsOurSerializerWroteThroughKafka() throws Exception {
    String topic = "citations-" + UUID.randomUUID();
    List<Citation> sent = List.of(SampleCitations.citation("36119045"), SampleCitations.citation("36119046"));
    try (SpecificAvroSerde<Citation> serde = new SpecificAvroSerde<>(Citation.class);
        KafkaProducer<String, Citation> producer = new KafkaProducer<>(TestKafka.clientConfig(), new StringSerializer(),
            configured(serde).serializer())) {
      for (Citation citation : sent) {
        producer.send(new ProducerRecord<>(topic, citation.getPmid(), citation)).get();
      }
    }

    CachedSchemaRegistryClient client = confluent();
    List<Citation> decoded = new ArrayList<>();
    for (byte[] bytes : consume(topic, sent.size())) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      assertThat(buffer.get()).isEqualTo((byte) 0);
      ParsedSchema writer = client.getSchemaById(buffer.getInt());
      Schema writerSchema = new Schema.Parser().parse(writer.canonicalString());
      decoded.add(new SpecificDatumReader<Citation>(writerSchema, Citation.getClassSchema())
          .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null)));

      org.apache.flink.avro.shaded.org.apache.avro.Schema confluentSchema =
          (org.apache.flink.avro.shaded.org.apache.avro.Schema) writer.rawSchema();
      Object generic = new GenericDatumReader<>(confluentSchema).read(null,
          org.apache.flink.avro.shaded.org.apache.avro.io.DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
      GenericData.Record record = (GenericData.Record) generic;
      assertThat(record.get("pmid").toString()).isEqualTo(decoded.get(decoded.size() - 1).getPmid());
      assertThat(((GenericData.Record) record.get("journal")).get("nlmUniqueId").toString()).isEqualTo("101560960");
    }
    assertThat(decoded).isEqualTo(sent);
  }

  @Test
  void ourDeserializerReadsWhatConfluentsSideFramed() throws Exception {
    CachedSchemaRegistryClient client = confluent();
    AvroSchema schema = new AvroSchema(V2);
    int id = client.register("framed-value", schema);
    GenericData.Record record = new GenericData.Record(schema.rawSchema());
    record.put("pmid", "99");
    record.put("title", "Framed by Confluent's side");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(ByteBuffer.allocate(4).putInt(id).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<>(schema.rawSchema()).write(record, encoder);
    encoder.flush();

    try (GenericAvroSerde serde = new GenericAvroSerde()) {
      GenericRecord read = configured(serde).deserializer().deserialize("framed", out.toByteArray());
      assertThat(read.get("pmid").toString()).isEqualTo("99");
      assertThat(read.get("title").toString()).isEqualTo("Framed by Confluent's side");
    }
  }

  private static <S extends org.apache.kafka.common.serialization.Serde<?>> S configured(S serde) {
    serde.configure(Map.of(AvroSerdeConfig.URL, registry.url()), false);
    return serde;
  }

  private static CachedSchemaRegistryClient confluent() {
    return new CachedSchemaRegistryClient(registry.url(), 100);
  }

  private interface Call {
    void run() throws Exception;
  }

  private static int errorCode(Call call) {
    try {
      call.run();
    } catch (RestClientException e) {
      return e.getErrorCode();
    } catch (Exception e) {
      throw new AssertionError("expected a RestClientException", e);
    }
    throw new AssertionError("expected a RestClientException");
  }

  private static List<byte[]> consume(String topic, int count) {
    List<byte[]> values = TestKafka.readCommitted(topic).stream().map(ConsumerRecord::value).toList();
    assertThat(values).hasSize(count);
    return values;
  }
}
