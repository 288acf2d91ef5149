package org.medlinestream.enrich.stream;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.medlinestream.enrich.stream.EnrichMetrics.Counter;
import org.medlinestream.enrich.stream.RawOutcome.Deletion;
import org.medlinestream.enrich.stream.RawOutcome.Serialized;

/**
 * Lets through, keyed by PMID, each citation (as wire-format bytes) or deletion (as a tombstone)
 * that changes what the output holds, and remembers it in the {@link EnrichTopology#REVISIONS}
 * store. Drops and counts an identical re-delivery of the revision last applied (same raw bytes, or
 * a second deletion) and a citation older than the one applied (see {@link Revision}).
 */
final class RevisionGate implements Processor<byte[], RawOutcome, String, byte[]> {
  private final EnrichMetrics metrics;
  private ProcessorContext<String, byte[]> context;
  private KeyValueStore<String, Revision> applied;

  RevisionGate(EnrichMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, byte[]> context) {
    this.context = context;
    this.applied = context.getStateStore(EnrichTopology.REVISIONS);
  }

  @Override
  public void process(Record<byte[], RawOutcome> record) {
    String pmid;
    Revision incoming;
    byte[] value;
    if (record.value() instanceof Serialized citation) {
      pmid = citation.pmid();
      incoming = citation.revision();
      value = citation.value();
    } else {
      pmid = ((Deletion) record.value()).pmid();
      incoming = Revision.deletion();
      value = null;
    }
    Revision last = applied.get(pmid);
    if (last != null && incoming.repeats(last)) {
      metrics.count(Counter.DUPLICATES);
    } else if (last != null && incoming.isOlderThan(last)) {
      metrics.count(Counter.STALE);
    } else {
      applied.put(pmid, incoming);
      context.forward(record.withKey(pmid).withValue(value));
      metrics.count(Counter.RECORDS_OUT);
      if (value == null) {
        metrics.count(Counter.DELETES);
      } else if (last != null) {
        metrics.count(Counter.REVISED);
      }
    }
  }
}
