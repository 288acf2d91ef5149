package org.medlinestream.enrich.stream;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.medlinestream.enrich.parse.MalformedRecordException;
import org.medlinestream.enrich.stream.EnrichMetrics.Counter;
import org.medlinestream.enrich.stream.RawOutcome.Rejected;
import org.medlinestream.schemas.RawHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A step of {@link EnrichTopology}: a processor of outcomes that can refuse a record. */
abstract class OutcomeStep<V> implements FixedKeyProcessor<byte[], V, RawOutcome> {
  private static final Logger log = LoggerFactory.getLogger(OutcomeStep.class);

  final EnrichMetrics metrics;
  FixedKeyProcessorContext<byte[], RawOutcome> context;

  OutcomeStep(EnrichMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void init(FixedKeyProcessorContext<byte[], RawOutcome> context) {
    this.context = context;
  }

  /**
   * Sends {@code raw}, the record's original bytes, on toward the dead-letter topic, its headers
   * saying which step refused it and why.
   */
  void reject(FixedKeyRecord<byte[], V> record, byte[] raw, String step, Exception failure, long recordLine) {
    RecordMetadata where = context.recordMetadata().orElse(null);
    DeadLetters.describe(record.headers(), step, failure, recordLine,
        where == null ? null : where.topic(), where == null ? -1 : where.partition(),
        where == null ? -1 : where.offset());
    String origin = String.format("record %s (%s, position %s)",
        where == null ? "?" : where.topic() + "-" + where.partition() + "@" + where.offset(),
        RawHeaders.get(record.headers(), RawHeaders.SOURCE), RawHeaders.get(record.headers(), RawHeaders.POSITION));
    if (failure instanceof MalformedRecordException) {
      log.warn("{} refused at {}: {}", origin, step, failure.getMessage());
    } else {
      log.error("{} refused at {}", origin, step, failure);
    }
    metrics.count(Counter.DEAD_LETTERS);
    context.forward(record.withValue(new Rejected(raw)));
  }
}
