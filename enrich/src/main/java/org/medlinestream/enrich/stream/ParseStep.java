package org.medlinestream.enrich.stream;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.medlinestream.avro.Citation;
import org.medlinestream.enrich.parse.MalformedRecordException;
import org.medlinestream.enrich.stream.EnrichMetrics.Counter;
import org.medlinestream.enrich.stream.RawOutcome.Deletion;
import org.medlinestream.enrich.stream.RawOutcome.Parsed;
import org.medlinestream.schemas.ErrorHeaders;
import org.medlinestream.schemas.RawHeaders;

/**
 * Raw record → {@link Parsed} citation (by {@link RawRecordParser}), or {@link Deletion} for a
 * tombstone or a record with the {@link RawHeaders#DELETE} header. Refuses what does not parse, a
 * delete without a key, and a record whose key is not its PMID (it would sit in the wrong
 * partition of the PMID's history).
 */
final class ParseStep extends OutcomeStep<byte[]> {
  private final String pipelineVersion;
  private RawRecordParser parser;

  ParseStep(String pipelineVersion, EnrichMetrics metrics) {
    super(metrics);
    this.pipelineVersion = pipelineVersion;
  }

  @Override
  public void init(FixedKeyProcessorContext<byte[], RawOutcome> context) {
    super.init(context);
    parser = new RawRecordParser(pipelineVersion);
  }

  @Override
  public void process(FixedKeyRecord<byte[], byte[]> record) {
    metrics.count(Counter.RECORDS_IN);
    byte[] raw = record.value();
    String key = record.key() == null ? null : new String(record.key(), UTF_8);
    if (raw == null || "true".equals(RawHeaders.get(record.headers(), RawHeaders.DELETE))) {
      if (key == null) {
        reject(record, raw, ErrorHeaders.STEP_KEY, new MalformedRecordException(
            "a delete without a key: the key must be the PMID to delete", 0), 0);
      } else {
        context.forward(record.withValue(new Deletion(key)));
      }
      return;
    }
    Citation citation;
    try {
      long start = System.nanoTime();
      citation = parser.parse(raw, record.headers(), record.timestamp(), context.recordMetadata().orElse(null),
          context.currentSystemTimeMs());
      metrics.parseTime(System.nanoTime() - start);
    } catch (MalformedRecordException e) {
      reject(record, raw, ErrorHeaders.STEP_PARSE, e, e.line());
      return;
    } catch (RuntimeException e) {
      reject(record, raw, ErrorHeaders.STEP_PARSE, e, 0);
      return;
    }
    if (key != null && !key.equals(citation.getPmid())) {
      reject(record, raw, ErrorHeaders.STEP_KEY, new MalformedRecordException("the key '" + key
          + "' is not the record's PMID " + citation.getPmid() + ": key raw records by their PMID", 0), 0);
    } else {
      context.forward(record.withValue(new Parsed(raw, citation)));
    }
  }
}
