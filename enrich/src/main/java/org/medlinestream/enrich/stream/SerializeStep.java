package org.medlinestream.enrich.stream;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.medlinestream.avro.Citation;
import org.medlinestream.enrich.stream.RawOutcome.Parsed;
import org.medlinestream.enrich.stream.RawOutcome.Serialized;
import org.medlinestream.schemas.ErrorHeaders;
import org.medlinestream.schemas.registry.RegistryFailure;

/**
 * {@link Parsed} citation → {@link Serialized} Avro in the Confluent wire format, before the
 * revision check: a citation that cannot be written is refused and never recorded as applied, so
 * it can be replayed from the dead-letter topic once fixed. A registry that cannot be reached or
 * refuses the schema is no fault of the record: that failure stops the stream thread, which is
 * replaced and tries the record again.
 */
final class SerializeStep extends OutcomeStep<RawOutcome> {
  private final String topic;
  private final Serializer<Citation> serializer;

  SerializeStep(StreamTopics topics, EnrichMetrics metrics) {
    super(metrics);
    this.topic = topics.citations();
    this.serializer = topics.citationSerializer();
  }

  @Override
  public void process(FixedKeyRecord<byte[], RawOutcome> record) {
    if (!(record.value() instanceof Parsed parsed)) {
      context.forward(record);
      return;
    }
    Citation citation = parsed.citation();
    byte[] value;
    try {
      value = serializer.serialize(topic, record.headers(), citation);
    } catch (SerializationException e) {
      if (RegistryFailure.in(e).isPresent()) {
        throw e; // the registry's fault, not the record's: retried, never dead-lettered
      }
      reject(record, parsed.raw(), ErrorHeaders.STEP_SERIALIZE, e, 0);
      return;
    }
    context.forward(record.withValue(new Serialized(citation.getPmid(), Revision.of(citation), value)));
  }
}
