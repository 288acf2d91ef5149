package org.medlinestream.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.medlinestream.avro.RecordFormat;
import org.medlinestream.ingest.source.RawRecord;
import org.medlinestream.ingest.source.RejectedInput;
import org.medlinestream.schemas.ErrorHeaders;
import org.medlinestream.schemas.RawHeaders;

/**
 * The Kafka records ingest writes: a raw record keyed by PMID with the {@link RawHeaders}, a
 * refused input on the dead-letter topic with the {@link ErrorHeaders}, and a checkpoint. Not
 * thread-safe (one digest reused).
 */
final class IngestRecords {
  private final String rawTopic;
  private final String dlqTopic;
  private final String checkpointTopic;
  private final MessageDigest sha256 = Sha256.digest();

  IngestRecords(IngestConfig config) {
    this.rawTopic = config.rawTopic();
    this.dlqTopic = config.dlqTopic();
    this.checkpointTopic = config.checkpointTopic();
  }

  ProducerRecord<byte[], byte[]> raw(RawRecord record, String source, long ingestTime) {
    ProducerRecord<byte[], byte[]> out =
        new ProducerRecord<>(rawTopic, utf8(record.pmid()), record.value());
    Headers headers = out.headers();
    RawHeaders.put(headers, RawHeaders.FORMAT, formatName(record.format()));
    RawHeaders.put(headers, RawHeaders.SOURCE, source);
    RawHeaders.put(headers, RawHeaders.POSITION, Long.toString(record.position()));
    RawHeaders.put(headers, RawHeaders.INGEST_TIME, Long.toString(ingestTime));
    if (record.isDelete()) {
      RawHeaders.put(headers, RawHeaders.DELETE, "true");
    } else {
      RawHeaders.put(headers, RawHeaders.CONTENT_HASH, hash(record.value()));
    }
    return out;
  }

  ProducerRecord<byte[], byte[]> deadLetter(RejectedInput rejected, String source, long time) {
    ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(dlqTopic, null, rejected.bytes());
    Headers headers = out.headers();
    RawHeaders.put(headers, ErrorHeaders.STAGE, ErrorHeaders.STAGE_INGEST);
    RawHeaders.put(headers, ErrorHeaders.REASON, rejected.reason());
    RawHeaders.put(headers, ErrorHeaders.SOURCE, source);
    RawHeaders.put(headers, ErrorHeaders.POSITION, Long.toString(rejected.position()));
    RawHeaders.put(headers, ErrorHeaders.LINE, Long.toString(rejected.line()));
    RawHeaders.put(headers, RawHeaders.CONTENT_HASH, hash(rejected.bytes()));
    RawHeaders.put(headers, RawHeaders.INGEST_TIME, Long.toString(time));
    return out;
  }

  ProducerRecord<byte[], byte[]> checkpoint(String identity, Checkpoint checkpoint) {
    return new ProducerRecord<>(checkpointTopic, utf8(identity), checkpoint.toJson());
  }

  static String formatName(RecordFormat format) {
    return format == RecordFormat.PUBMED_XML
        ? RawHeaders.FORMAT_PUBMED_XML
        : RawHeaders.FORMAT_MEDLINE_TEXT;
  }

  private String hash(byte[] bytes) {
    return Sha256.hex(sha256.digest(bytes));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
