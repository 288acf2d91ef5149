package org.medlinestream.sink.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.medlinestream.sink.CitationStore;
import org.medlinestream.sink.CitationStores;
import org.medlinestream.sink.TestDatabase;
import org.medlinestream.sink.TestPostgres;

/**
 * An empty store of one kind, opened through its target URL as the sink opens it, and removed
 * (schema, database file or folder) when closed.
 */
final class BenchTarget implements AutoCloseable {

  /** The kinds of store {@link CitationStores} opens. */
  enum Kind {
    SQLITE, POSTGRESQL, JSONL, AVRO;

    BenchTarget createEmpty() {
      return switch (this) {
        case SQLITE -> new BenchTarget(TestDatabase.Backend.SQLITE.create());
        case POSTGRESQL -> new BenchTarget(TestPostgres.freshSchema());
        case JSONL, AVRO -> files(name().toLowerCase(java.util.Locale.ROOT));
      };
    }

    private static BenchTarget files(String scheme) {
      try {
        Path folder = Files.createTempDirectory("sink-bench-" + scheme);
        return new BenchTarget(scheme + ":" + folder, () -> TestDatabase.deleteTree(folder));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final String target;
  private final TestDatabase.Disposal disposal;
  private final CitationStore store;

  private BenchTarget(TestDatabase database) {
    this(database.url(), database::close);
  }

  private BenchTarget(String target, TestDatabase.Disposal disposal) {
    this.target = target;
    this.disposal = disposal;
    this.store = CitationStores.open(target);
  }

  CitationStore store() {
    return store;
  }

  @Override
  public void close() throws Exception {
    store.close();
    disposal.dispose();
  }

  @Override
  public String toString() {
    return target;
  }
}
