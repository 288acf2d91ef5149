package org.medlinestream.schemas.serde;

import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.medlinestream.schemas.registry.SchemaRegistryClient;

/**
 * An {@link AvroSerializer} and {@link AvroDeserializer} pair for Kafka Streams; {@link #configure}
 * gives both the same registry client.
 */
public class AvroSerde<T extends IndexedRecord> implements Serde<T> {
  private final AvroSerializer<T> serializer;
  private final AvroDeserializer<T> deserializer;
  private final SchemaRegistryClient client;

  /**
   * A serde with its own client when {@code client} is null, reading SpecificRecords when {@code
   * specific} is true, GenericRecords when false ({@code null}: as {@code specific.avro.reader} says),
   * with {@code readerSchema} (null: the generated class's, or the writer's).
   */
  public AvroSerde(SchemaRegistryClient client, Boolean specific, Schema readerSchema) {
    this.client = client;
    this.serializer = new AvroSerializer<>(client);
    this.deserializer = new AvroDeserializer<>(client, specific, readerSchema);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    AvroSerdeConfig config = new AvroSerdeConfig(configs);
    SchemaRegistryClient shared = client != null ? client : new SchemaRegistryClient(config);
    serializer.configure(config, isKey, shared);
    deserializer.configure(config, shared);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }
}
