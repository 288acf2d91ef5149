package org.medlinestream.schemas;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The header contract of the raw topic. Every value is UTF-8 text, so that a record produced by
 * hand with {@code kafka-console-producer} (which sets no headers) still works: consumers sniff the
 * format when {@link #FORMAT} is missing.
 */
public final class RawHeaders {
  /** {@code medline-text} or {@code pubmed-xml}. */
  public static final String FORMAT = "medline.format";
  /** File the record was read from, or {@code -} for standard input. */
  public static final String SOURCE = "medline.source";
  /** 1-based position of the record in its source. */
  public static final String POSITION = "medline.position";
  /** SHA-256 (hex) of the value bytes. */
  public static final String CONTENT_HASH = "medline.sha256";
  /** Epoch milliseconds when ingest read the record. */
  public static final String INGEST_TIME = "medline.ingest.time";
  /** {@code true} on the tombstone of a {@code DeleteCitation}. */
  public static final String DELETE = "medline.delete";

  public static final String FORMAT_MEDLINE_TEXT = "medline-text";
  public static final String FORMAT_PUBMED_XML = "pubmed-xml";

  private RawHeaders() {}

  public static void put(Headers headers, String key, String value) {
    headers.remove(key);
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }

  /** The last value of {@code key}, or null when absent. */
  public static String get(Headers headers, String key) {
    Header header = headers.lastHeader(key);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}
