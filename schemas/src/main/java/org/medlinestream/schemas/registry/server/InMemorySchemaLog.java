package org.medlinestream.schemas.registry.server;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SchemaLog} held in memory, for tests and throw-away registries: it lives as long as
 * this object, and a registry started again on the same instance replays it.
 */
public final class InMemorySchemaLog implements SchemaLog {
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
  public synchronized <T> T write(Update<T> update) {
    List<Entry> added = new ArrayList<>();
    T answer = update.decide(added);
    for (Entry entry : added) {
      entries.add(entry);
      listener.apply(entries.size() - 1L, entry.key(), entry.value());
    }
    return answer;
  }

  @Override
  public void sync() {
    // writes are delivered before they return: nothing can be pending
  }

  @Override
  public void close() {
    // the entries stay for a registry started again on this log
  }
}
