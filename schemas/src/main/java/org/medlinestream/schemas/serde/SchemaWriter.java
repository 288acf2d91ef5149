package org.medlinestream.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;

/**
 * How the serializer writes records of one schema to one subject: the registered schema id and
 * the Avro writer. Normally the record's own schema; with {@code use.latest.version} the subject's
 * latest schema, to which records of an older schema are converted by Avro schema resolution.
 */
abstract class SchemaWriter {
  private final int id;

  private SchemaWriter(int id) {
    this.id = id;
  }

  int id() {
    return id;
  }

  abstract void write(Object record, Encoder encoder) throws IOException;

  /** Writes records with their own schema, registered as {@code id}. */
  static SchemaWriter direct(int id, Schema schema) {
    DatumWriter<Object> writer = writer(schema);
    return new SchemaWriter(id) {
      @Override
      void write(Object record, Encoder encoder) throws IOException {
        writer.write(record, encoder);
      }
    };
  }

  /**
   * Writes records of {@code recordSchema} with {@code target}, registered as {@code id}: directly
   * when both are the same schema, else converted; a {@link SerializationException} when {@code
   * target} cannot read {@code recordSchema}'s data.
   */
  static SchemaWriter toTarget(int id, Schema recordSchema, Schema target) {
    if (recordSchema.equals(target)) {
      return direct(id, recordSchema);
    }
    SchemaPairCompatibility compatibility = SchemaCompatibility.checkReaderWriterCompatibility(target, recordSchema);
    if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      throw new SerializationException("records of schema " + recordSchema.getFullName()
          + " cannot be written with the latest registered schema (id " + id + "): "
          + compatibility.getResult().getIncompatibilities());
    }
    DatumWriter<Object> recordWriter = writer(recordSchema);
    GenericDatumReader<Object> resolver = new GenericDatumReader<>(recordSchema, target, GenericData.get());
    GenericDatumWriter<Object> targetWriter = new GenericDatumWriter<>(target, GenericData.get());
    return new SchemaWriter(id) {
      @Override
      void write(Object record, Encoder encoder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder recordEncoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
        recordWriter.write(record, recordEncoder);
        Object converted = resolver.read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
        targetWriter.write(converted, encoder);
      }
    };
  }

  /**
   * A writer for SpecificRecords (with their logical-type conversions) and GenericRecords alike.
   * Generated records that have them write themselves with their custom coders (Avro's
   * {@code use_custom_coders}, the same bytes without a lookup per field and union), through a
   * copy of the schema's model so that the shared model of the generated classes is left as it is.
   */
  static DatumWriter<Object> writer(Schema schema) {
    SpecificData model = SpecificData.getForSchema(schema);
    SpecificData data = new SpecificData(model.getClassLoader());
    model.getConversions().forEach(data::addLogicalTypeConversion);
    data.setCustomCoders(true);
    return new SpecificDatumWriter<>(schema, data);
  }
}
