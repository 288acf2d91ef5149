package org.medlinestream.schemas.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.medlinestream.schemas.registry.RegistryException;
import org.medlinestream.schemas.registry.RegistryUnreachableException;
import org.medlinestream.schemas.registry.SchemaRegistryClient;

/**
 * Reads Avro records in the Confluent wire format. The writer schema is fetched by id once and
 * resolved against the reader schema (schema evolution): the given reader schema or class, else
 * the writer schema's generated class ({@code specific.avro.reader=true}), else the writer schema
 * itself (GenericRecord). Null bytes become null (a tombstone); bytes not in the wire format, an
 * unknown id or an incompatible writer schema give a {@link SerializationException} that says so.
 */
public class AvroDeserializer<T extends IndexedRecord> implements Deserializer<T> {
  private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();
  private final ThreadLocal<BinaryDecoder[]> decoders = ThreadLocal.withInitial(() -> new BinaryDecoder[1]);
  private final Schema readerSchema;
  private SchemaRegistryClient client;
  private Boolean specific;

  /** A deserializer set up by {@link #configure} ({@code specific.avro.reader} chooses the record kind). */
  public AvroDeserializer() {
    this(null, null, null);
  }

  /**
   * A deserializer using {@code client} (null: made by {@link #configure}), reading SpecificRecords
   * when {@code specific} is true, GenericRecords when false ({@code null}: as configured), with
   * {@code readerSchema} (null: the generated class's, or the writer's).
   */
  public AvroDeserializer(SchemaRegistryClient client, Boolean specific, Schema readerSchema) {
    this.client = client;
    this.specific = specific;
    this.readerSchema = readerSchema;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    configure(new AvroSerdeConfig(configs), null);
  }

  void configure(AvroSerdeConfig config, SchemaRegistryClient shared) {
    if (specific == null) {
      specific = config.specificAvroReader();
    }
    if (client == null) {
      client = shared != null ? shared : new SchemaRegistryClient(config);
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    int id = WireFormat.schemaId(data, topic);
    DatumReader<T> reader = readers.get(id);
    if (reader == null) {
      reader = readers.computeIfAbsent(id, unused -> newReader(id, topic));
    }
    BinaryDecoder[] decoder = decoders.get();
    decoder[0] = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE,
        data.length - WireFormat.HEADER_SIZE, decoder[0]);
    try {
      return reader.read(null, decoder[0]);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot read a record of topic " + topic + " written with schema id "
          + id + ": the Avro data is damaged or does not match the schema (" + e + ")", e);
    }
  }

  private DatumReader<T> newReader(int id, String topic) {
    if (client == null) {
      throw new IllegalStateException("AvroDeserializer is not configured: call configure() or pass a SchemaRegistryClient");
    }
    Schema writer = writerSchema(id, topic);
    boolean asSpecific = Boolean.TRUE.equals(specific);
    Schema reader = readerSchema != null ? readerSchema : asSpecific ? generatedSchema(writer, topic) : writer;
    SchemaPairCompatibility compatibility = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      throw new SerializationException("records of topic " + topic + " written with schema id " + id + " ("
          + writer.getFullName() + ") cannot be read with reader schema " + reader.getFullName() + ": "
          + compatibility.getResult().getIncompatibilities());
    }
    return asSpecific
        ? new SpecificDatumReader<>(writer, reader, SpecificData.getForSchema(reader))
        : new GenericDatumReader<T>(writer, reader, GenericData.get());
  }

  private Schema writerSchema(int id, String topic) {
    try {
      return client.schemaById(id);
    } catch (RegistryException e) {
      if (e.errorCode() == RegistryException.SCHEMA_NOT_FOUND) {
        throw new SerializationException("schema id " + id + " of a record of topic " + topic
            + " is unknown to the schema registry at " + client.url()
            + ": the record was written against another registry, or its schema was deleted", e);
      }
      throw new SerializationException("the schema registry at " + client.url() + " refused schema id " + id
          + " (error " + e.errorCode() + "): " + e.getMessage(), e);
    } catch (RegistryUnreachableException e) {
      throw new SerializationException(e.getMessage(), e);
    }
  }

  private static Schema generatedSchema(Schema writer, String topic) {
    Class<?> type = SpecificData.get().getClass(writer);
    if (type == null) {
      throw new SerializationException("records of topic " + topic + " have schema " + writer.getFullName()
          + " but no generated class of that name is on the classpath; set specific.avro.reader=false "
          + "to read them as GenericRecord");
    }
    return SpecificData.get().getSchema(type);
  }
}
