package org.medlinestream.enrich.stream;

import org.apache.kafka.common.header.Headers;
import org.medlinestream.schemas.ErrorHeaders;
import org.medlinestream.schemas.RawHeaders;

/**
 * The {@link ErrorHeaders} the enrich stage adds to a refused record, which otherwise keeps its
 * original key, bytes and headers: what failed (step, exception), where (topic, partition, offset;
 * source file, position and line of the record) and why.
 */
final class DeadLetters {
  private DeadLetters() {}

  /**
   * Adds the error headers to {@code headers}.
   *
   * @param failure the exception that refused the record
   * @param recordLine 1-based line of the record where the problem is, or 0 when it is on no line
   * @param topic the topic the record was read from, or null when unknown
   */
  static void describe(Headers headers, String step, Throwable failure, long recordLine,
      String topic, int partition, long offset) {
    RawHeaders.put(headers, ErrorHeaders.STAGE, ErrorHeaders.STAGE_ENRICH);
    RawHeaders.put(headers, ErrorHeaders.STEP, step);
    RawHeaders.put(headers, ErrorHeaders.REASON, reason(failure));
    RawHeaders.put(headers, ErrorHeaders.EXCEPTION, failure.getClass().getName());
    copy(headers, RawHeaders.SOURCE, ErrorHeaders.SOURCE);
    copy(headers, RawHeaders.POSITION, ErrorHeaders.POSITION);
    if (recordLine > 0) {
      RawHeaders.put(headers, ErrorHeaders.RECORD_LINE, Long.toString(recordLine));
    }
    if (topic != null) {
      RawHeaders.put(headers, ErrorHeaders.TOPIC, topic);
      RawHeaders.put(headers, ErrorHeaders.PARTITION, Integer.toString(partition));
      RawHeaders.put(headers, ErrorHeaders.OFFSET, Long.toString(offset));
    }
  }

  /** The message of {@code failure} and of its causes, for a reader who has only the headers. */
  static String reason(Throwable failure) {
    StringBuilder reason = new StringBuilder(failure.getMessage() != null ? failure.getMessage() : failure.toString());
    for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause.getMessage() != null && reason.indexOf(cause.getMessage()) < 0) {
        reason.append(": ").append(cause.getMessage());
      }
    }
    return reason.toString();
  }

  private static void copy(Headers headers, String from, String to) {
    String value = RawHeaders.get(headers, from);
    if (value != null) {
      RawHeaders.put(headers, to, value);
    }
  }
}
