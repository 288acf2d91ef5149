package org.medlinestream.ingest;

/** An error that stops ingest, with a message that says what happened and what to do. */
public class IngestException extends RuntimeException {
  public IngestException(String message) {
    super(message);
  }

  public IngestException(String message, Throwable cause) {
    super(message, cause);
  }
}
