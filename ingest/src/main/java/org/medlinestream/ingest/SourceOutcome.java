package org.medlinestream.ingest;

/**
 * How the ingest of one source ended.
 *
 * @param source the source
 * @param status what happened
 * @param checkpoint the last committed checkpoint, or null when nothing could be committed
 * @param error why the source failed, or null
 */
public record SourceOutcome(Source source, Status status, Checkpoint checkpoint, String error) {
  /** How a source ended. */
  public enum Status {
    /** Every record is published (refused inputs, if any, are on the dead-letter topic). */
    PUBLISHED,
    /** Refused as a whole or cut short; the records read before the failure are published. */
    FAILED,
    /** An earlier run published it completely: nothing was sent again. */
    ALREADY_DONE,
    /** Ingest was asked to stop; a later run resumes after the last committed position. */
    STOPPED
  }

  /** True when the source will never be read again: it belongs in {@code finished/} or {@code error/}. */
  public boolean ended() {
    return status != Status.STOPPED;
  }
}
