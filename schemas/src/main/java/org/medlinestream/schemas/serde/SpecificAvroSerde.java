package org.medlinestream.schemas.serde;

import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.medlinestream.schemas.registry.SchemaRegistryClient;

/**
 * Serde of generated Avro classes such as {@code Citation}. Given the class, records written with
 * any compatible older or newer schema are read as that class; without it (as Kafka instantiates
 * {@code default.value.serde}), as the writer schema's generated class.
 */
public class SpecificAvroSerde<T extends SpecificRecord> extends AvroSerde<T> {
  /** Reads the writer schema's generated class; the registry client comes from {@code configure}. */
  public SpecificAvroSerde() {
    super(null, true, null);
  }

  /** Reads {@code type}; the registry client comes from {@code configure}. */
  public SpecificAvroSerde(Class<T> type) {
    this(type, null);
  }

  /** Reads {@code type} using {@code client} (null: made by {@code configure}). */
  public SpecificAvroSerde(Class<T> type, SchemaRegistryClient client) {
    super(client, true, SpecificData.get().getSchema(type));
  }
}
