package org.medlinestream.enrich.stream;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.Provenance;
import org.medlinestream.avro.RecordFormat;
import org.medlinestream.enrich.parse.MalformedRecordException;
import org.medlinestream.enrich.parse.MedlineTextParser;
import org.medlinestream.enrich.parse.PubmedXmlParser;
import org.medlinestream.schemas.RawHeaders;

/**
 * Turns one raw record of the raw topic into a {@link Citation}. The parser is chosen by the {@link
 * RawHeaders#FORMAT} header, or by the first byte that is not blank when the header is missing (a
 * record written with {@code kafka-console-producer}): {@code <} is PubMed XML, anything else MEDLINE
 * text. The citation's {@link Provenance} is filled from the headers, the record's place in Kafka
 * and the pipeline version; the SHA-256 is computed when the header does not carry it.
 *
 * <p>Not thread-safe (the XML parser is not): one per stream task.
 */
public final class RawRecordParser {
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final MedlineTextParser text = new MedlineTextParser();
  private final PubmedXmlParser xml = new PubmedXmlParser();
  private final MessageDigest sha256 = sha256();
  private final String pipelineVersion;

  public RawRecordParser(String pipelineVersion) {
    this.pipelineVersion = pipelineVersion;
  }

  /**
   * Parses {@code value} (not null: a delete has no citation).
   *
   * @param headers the raw record's headers
   * @param timestamp the raw record's timestamp: the ingest time when no header gives it
   * @param where the topic, partition and offset the record was read from, or null outside Kafka
   * @param now the enrich time, epoch milliseconds
   * @throws MalformedRecordException when the bytes are not one record of their format, or the
   *     format header names no known format (then {@link MalformedRecordException#line()} is 0)
   */
  public Citation parse(byte[] value, Headers headers, long timestamp, RecordMetadata where, long now)
      throws MalformedRecordException {
    RecordFormat format = format(value, headers);
    Citation citation = format == RecordFormat.PUBMED_XML ? xml.parse(value) : text.parse(value);
    citation.setProvenance(Provenance.newBuilder()
        .setFormat(format)
        .setSourceFile(RawHeaders.get(headers, RawHeaders.SOURCE))
        .setRecordPosition(longHeader(headers, RawHeaders.POSITION))
        .setContentHash(contentHash(value, headers))
        .setIngestTime(Instant.ofEpochMilli(orElse(longHeader(headers, RawHeaders.INGEST_TIME), timestamp)))
        .setRawTopic(where == null ? null : where.topic())
        .setRawPartition(where == null ? null : where.partition())
        .setRawOffset(where == null ? null : where.offset())
        .setEnrichTime(Instant.ofEpochMilli(now))
        .setPipelineVersion(pipelineVersion)
        .build());
    return citation;
  }

  /** The format named by the header, else sniffed from the bytes. */
  public static RecordFormat format(byte[] value, Headers headers) throws MalformedRecordException {
    String name = RawHeaders.get(headers, RawHeaders.FORMAT);
    if (name == null) {
      return sniff(value);
    }
    switch (name.trim()) {
      case RawHeaders.FORMAT_MEDLINE_TEXT:
        return RecordFormat.MEDLINE_TEXT;
      case RawHeaders.FORMAT_PUBMED_XML:
        return RecordFormat.PUBMED_XML;
      default:
        throw new MalformedRecordException("header " + RawHeaders.FORMAT + " is '" + name + "', not "
            + RawHeaders.FORMAT_MEDLINE_TEXT + " or " + RawHeaders.FORMAT_PUBMED_XML
            + ": fix the producer, or leave the header out to have the format sniffed", 0);
    }
  }

  /** PubMed XML when the first byte after a byte order mark and blanks is {@code <}, else MEDLINE text. */
  static RecordFormat sniff(byte[] value) {
    int i = startsWith(value, UTF8_BOM) ? UTF8_BOM.length : 0;
    while (i < value.length && isBlank(value[i])) {
      i++;
    }
    return i < value.length && value[i] == '<' ? RecordFormat.PUBMED_XML : RecordFormat.MEDLINE_TEXT;
  }

  /** The {@link RawHeaders#CONTENT_HASH} header, or the SHA-256 (hex) of {@code value} when it is missing or blank. */
  private String contentHash(byte[] value, Headers headers) {
    String header = RawHeaders.get(headers, RawHeaders.CONTENT_HASH);
    return header != null && !header.isBlank() ? header.trim() : HexFormat.of().formatHex(sha256.digest(value));
  }

  private static Long longHeader(Headers headers, String key) {
    String value = RawHeaders.get(headers, key);
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static long orElse(Long value, long fallback) {
    return value != null ? value : fallback;
  }

  private static boolean startsWith(byte[] value, byte[] prefix) {
    if (value.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (value[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n';
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
