package org.medlinestream.schemas.registry.server;

import java.util.List;

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

  /** A record to append. */
  record Entry(String key, String value) {}

  /** A decision taken on the listener's state: what to append, and what to answer. */
  interface Update<T> {
    /** Adds the records to append to {@code entries} (none: nothing to write) and returns the answer. */
    T decide(List<Entry> entries);
  }

  /** Delivers every record already in the log to {@code listener}, then keeps delivering new ones. */
  void start(Listener listener);

  /**
   * Runs {@code update} as the log's only writer, once the listener has received every record
   * written before (by any instance), appends its entries, and returns its answer once the
   * listener has received them. Should another instance write in between, {@code update} runs
   * again on the state that includes that write.
   */
  <T> T write(Update<T> update);

  /** Returns once the listener has received every record written, by anyone, before this call. */
  void sync();

  @Override
  void close();
}
