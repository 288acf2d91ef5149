package org.medlinestream.sink;

/**
 * The store refuses the data of a batch (for example PostgreSQL refuses text containing NUL). Applied
 * alone, the record that causes it is rejected again; it belongs in the dead-letter topic.
 */
public class RecordRejectedException extends CitationStoreException {
  private static final long serialVersionUID = 1L;

  public RecordRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
