package org.medlinestream.schemas.registry.server;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SchemaLog} held in memory, for tests and throw-away registries: it lives as long as
 * this object, and a registry started again on the same instance replays it.
 */
public final class InMemorySchemaLog implements SchemaLog {
  private record Entry(String key, String value) {}

  private final List<Entry> entries = new ArrayList<>();
  private Listener listener;

  @Override
  public synchronized void start(Listener listener) {
    this.listener = listener;
    for (int offset = 0; offset < entries.size(); offset++) {
      listener.apply(offset, entries.get(offset).key(), entries.get(offset).value());
    }
  }

  @Override
  public synchronized void append(String key, String value) {
    entries.add(new Entry(key, value));
    listener.apply(entries.size() - 1L, key, value);
  }

  @Override
  public void sync() {
    // append delivers before it returns: nothing can be pending
  }

  @Override
  public void close() {
    // the entries stay for a registry started again on this log
  }
}
