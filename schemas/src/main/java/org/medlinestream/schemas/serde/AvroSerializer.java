package org.medlinestream.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.medlinestream.schemas.registry.RegistryException;
import org.medlinestream.schemas.registry.RegistryUnreachableException;
import org.medlinestream.schemas.registry.SchemaRegistryClient;
import org.medlinestream.schemas.registry.SchemaVersion;

/**
 * Writes Avro records (SpecificRecord or GenericRecord) in the Confluent wire format, the schema
 * registered under {@code <topic>-value} / {@code <topic>-key}. The registry is asked once per
 * topic and schema; after that, serializing is a map lookup and an Avro write into a reused
 * buffer. A null record becomes null (a tombstone). Configured with {@link AvroSerdeConfig}.
 */
public class AvroSerializer<T extends IndexedRecord> implements Serializer<T> {
  private final Map<String, Map<Schema, SchemaWriter>> writersByTopic = new ConcurrentHashMap<>();
  private final ThreadLocal<Output> outputs = ThreadLocal.withInitial(Output::new);
  private SchemaRegistryClient client;
  private boolean isKey;
  private boolean autoRegister = true;
  private boolean useLatestVersion;

  /** A serializer whose registry client is made by {@link #configure}. */
  public AvroSerializer() {}

  /** A serializer using {@code client}; {@link #configure} then only reads the serde's own settings. */
  public AvroSerializer(SchemaRegistryClient client) {
    this.client = client;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    configure(new AvroSerdeConfig(configs), isKey, null);
  }

  void configure(AvroSerdeConfig config, boolean isKey, SchemaRegistryClient shared) {
    this.isKey = isKey;
    this.autoRegister = config.autoRegisterSchemas();
    this.useLatestVersion = config.useLatestVersion();
    if (client == null) {
      client = shared != null ? shared : new SchemaRegistryClient(config);
    }
  }

  @Override
  public byte[] serialize(String topic, T record) {
    if (record == null) {
      return null;
    }
    Schema schema = record.getSchema();
    SchemaWriter writer = writerFor(topic, schema);
    try {
      return outputs.get().write(writer, record);
    } catch (IOException | RuntimeException e) {
      outputs.remove(); // its encoder may hold part of the failed record
      throw new SerializationException("cannot serialize a " + schema.getFullName() + " record for topic "
          + topic + ": " + e, e);
    }
  }

  private SchemaWriter writerFor(String topic, Schema schema) {
    Map<Schema, SchemaWriter> writers = writersByTopic.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
    SchemaWriter writer = writers.get(schema);
    if (writer == null) {
      writer = newWriter(TopicNameStrategy.subject(topic, isKey), schema);
      writers.putIfAbsent(schema, writer);
    }
    return writer;
  }

  private SchemaWriter newWriter(String subject, Schema schema) {
    if (client == null) {
      throw new IllegalStateException("AvroSerializer is not configured: call configure() or pass a SchemaRegistryClient");
    }
    try {
      if (autoRegister) {
        return SchemaWriter.direct(client.register(subject, schema), schema);
      }
      if (useLatestVersion) {
        SchemaVersion latest = client.latest(subject);
        return SchemaWriter.toTarget(latest.id(), schema, latest.schema());
      }
      return SchemaWriter.direct(client.lookup(subject, schema).id(), schema);
    } catch (RegistryException e) {
      throw new SerializationException(refusal(subject, schema, e), e);
    } catch (RegistryUnreachableException e) {
      throw new SerializationException(e.getMessage(), e);
    }
  }

  private String refusal(String subject, Schema schema, RegistryException e) {
    String registry = "the schema registry at " + client.url();
    boolean notFound = e.errorCode() == RegistryException.SUBJECT_NOT_FOUND
        || e.errorCode() == RegistryException.SCHEMA_NOT_FOUND;
    if (notFound && useLatestVersion) {
      return "subject " + subject + " has no version in " + registry
          + "; use.latest.version=true needs one registered first";
    }
    if (notFound) {
      return "schema " + schema.getFullName() + " is not registered under subject " + subject + " in " + registry
          + "; register it, or set auto.register.schemas=true";
    }
    return registry + " refused schema " + schema.getFullName() + " for subject " + subject
        + " (error " + e.errorCode() + "): " + e.getMessage();
  }

  /** A reusable buffer and encoder of one thread. */
  private static final class Output {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    private BinaryEncoder encoder;

    byte[] write(SchemaWriter writer, Object record) throws IOException {
      bytes.reset();
      WireFormat.writeHeader(bytes, writer.id());
      encoder = EncoderFactory.get().binaryEncoder(bytes, encoder);
      writer.write(record, encoder);
      encoder.flush();
      return bytes.toByteArray();
    }
  }
}
