package org.medlinestream.enrich.stream;

import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.Enrichment;
import org.medlinestream.enrich.enrichment.Enricher;
import org.medlinestream.enrich.stream.EnrichMetrics.Counter;
import org.medlinestream.enrich.stream.RawOutcome.Parsed;
import org.medlinestream.schemas.ErrorHeaders;

/** {@link Parsed} citation → the same, enriched by the {@link Enricher}; counts trial links and DOIs. */
final class EnrichStep extends OutcomeStep<RawOutcome> {
  private final Enricher enricher;

  EnrichStep(Enricher enricher, EnrichMetrics metrics) {
    super(metrics);
    this.enricher = enricher;
  }

  @Override
  public void process(FixedKeyRecord<byte[], RawOutcome> record) {
    if (!(record.value() instanceof Parsed parsed)) {
      context.forward(record);
      return;
    }
    Citation enriched;
    try {
      enriched = enricher.enrich(parsed.citation());
    } catch (RuntimeException e) {
      reject(record, parsed.raw(), ErrorHeaders.STEP_ENRICH, e, 0);
      return;
    }
    Enrichment enrichment = enriched.getEnrichment();
    metrics.count(Counter.TRIAL_LINKS, enrichment.getTrialRegistrations().size());
    if (enrichment.getDoi() != null) {
      metrics.count(Counter.DOIS);
    }
    context.forward(record.withValue(new Parsed(parsed.raw(), enriched)));
  }
}
