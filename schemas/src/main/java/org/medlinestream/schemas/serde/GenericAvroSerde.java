package org.medlinestream.schemas.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.medlinestream.schemas.registry.SchemaRegistryClient;

/** Serde of {@link GenericRecord}s, read with the writer schema or with a given reader schema. */
public class GenericAvroSerde extends AvroSerde<GenericRecord> {
  /** Reads with the writer schema; the registry client comes from {@code configure}. */
  public GenericAvroSerde() {
    super(null, false, null);
  }

  /** Reads with {@code readerSchema} (null: the writer's) using {@code client} (null: made by {@code configure}). */
  public GenericAvroSerde(Schema readerSchema, SchemaRegistryClient client) {
    super(client, false, readerSchema);
  }
}
