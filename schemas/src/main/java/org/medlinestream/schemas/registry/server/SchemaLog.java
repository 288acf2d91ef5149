package org.medlinestream.schemas.registry.server;

/**
 * The durable, totally ordered log of registry records (keys and values as JSON text, a null value
 * being a tombstone) that every registry instance replays: {@link KafkaSchemaLog} on the {@code
 * _schemas} topic, or {@link InMemorySchemaLog} for a registry that lives only as long as its JVM.
 */
public interface SchemaLog extends AutoCloseable {

  /** Receives every record of the log, in order, on one thread at a time. */
  interface Listener {
    void apply(long offset, String key, String value);
  }

  /** Delivers every record already in the log to {@code listener}, then keeps delivering new ones. */
  void start(Listener listener);

  /** Appends a record and returns once the listener has received it (and everything before it). */
  void append(String key, String value);

  /** Returns once the listener has received every record appended, by anyone, before this call. */
  void sync();

  @Override
  void close();
}
