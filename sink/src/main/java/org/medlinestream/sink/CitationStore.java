package org.medlinestream.sink;

import java.util.List;

/**
 * Where citations end up: a database or a folder of files. A store applies a batch of changes in
 * order and all at once (one transaction), so a caller that commits Kafka offsets only after
 * {@link #apply} returns re-applies at most that batch after a crash.
 *
 * <p>{@link #apply} throws {@link StoreUnavailableException} when the store cannot be reached
 * (retry later), {@link RecordRejectedException} when the store refuses the data of the batch, and
 * {@link CitationStoreException} for anything else (a broken store: do not retry).
 */
public interface CitationStore extends AutoCloseable {

  /** Applies the changes in their order, all or nothing. */
  ApplyResult apply(List<CitationChange> changes);

  @Override
  void close();
}
