package org.medlinestream.ingest;

/**
 * A chunk's transaction was rolled back (a broker or network error): nothing of it is visible to
 * read_committed consumers, and the source can be published again from its last checkpoint.
 */
public final class TransactionAbortedException extends IngestException {
  public TransactionAbortedException(String message, Throwable cause) {
    super(message, cause);
  }
}
