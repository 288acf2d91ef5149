package org.medlinestream.app.bench;

import java.time.Instant;
import java.util.List;
import org.medlinestream.avro.Citation;
import org.medlinestream.sink.ApplyResult;
import org.medlinestream.sink.CitationChange;
import org.medlinestream.sink.CitationStore;

/**
 * A store that, once the wrapped store has committed a batch, records for each citation of it the
 * end-to-end latency: commit time minus the ingest time that ingest put in the raw record's
 * {@code medline.ingest.time} header (kept by enrich in {@code provenance.ingestTime}).
 */
final class LatencyRecordingStore implements CitationStore {
  private final CitationStore store;
  private final LatencyHistogram latencies;

  LatencyRecordingStore(CitationStore store, LatencyHistogram latencies) {
    this.store = store;
    this.latencies = latencies;
  }

  @Override
  public ApplyResult apply(List<CitationChange> changes) {
    return apply(prepare(changes));
  }

  @Override
  public Prepared prepare(List<CitationChange> changes) {
    return store.prepare(changes);
  }

  @Override
  public ApplyResult apply(Prepared batch) {
    ApplyResult result = store.apply(batch);
    long committed = System.currentTimeMillis();
    for (CitationChange change : batch.changes()) {
      Instant ingested = ingestTime(change.citation());
      if (ingested != null) {
        latencies.record(committed - ingested.toEpochMilli());
      }
    }
    return result;
  }

  private static Instant ingestTime(Citation citation) {
    return citation == null || citation.getProvenance() == null
        ? null
        : citation.getProvenance().getIngestTime();
  }

  @Override
  public void close() {
    store.close();
  }
}
