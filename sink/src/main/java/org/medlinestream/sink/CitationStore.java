package org.medlinestream.sink;

import java.util.List;

/**
 * Where citations end up: a database or a folder of files. A store applies a batch of changes in
 * order and all at once (one transaction), so a caller that commits Kafka offsets only after
 * {@link #apply} returns re-applies at most that batch after a crash.
 *
 * <p>Applying may be split in two: {@link #prepare}, the work that needs no store (mapping,
 * serializing), which the sink does for the next batch on its own thread while the store applies
 * the batch before; and {@link #apply(Prepared)}.
 *
 * <p>{@link #apply} throws {@link StoreUnavailableException} when the store cannot be reached
 * (retry later), {@link RecordRejectedException} when the store refuses the data of the batch, and
 * {@link CitationStoreException} for anything else (a broken store: do not retry).
 */
public interface CitationStore extends AutoCloseable {

  /** A batch made ready by {@link #prepare}. */
  interface Prepared {
    List<CitationChange> changes();
  }

  /** Applies the changes in their order, all or nothing. */
  ApplyResult apply(List<CitationChange> changes);

  /**
   * Does the part of applying a batch that needs no store; safe to call from any thread, also
   * while another thread applies. By default, nothing.
   *
   * @throws RecordRejectedException when a change cannot be made ready (mapped to rows, say)
   */
  default Prepared prepare(List<CitationChange> changes) {
    List<CitationChange> batch = List.copyOf(changes);
    return () -> batch;
  }

  /** Applies a batch this store prepared: as {@link #apply(List)} its changes. */
  default ApplyResult apply(Prepared batch) {
    return apply(batch.changes());
  }

  @Override
  void close();
}
