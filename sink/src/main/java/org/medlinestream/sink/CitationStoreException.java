package org.medlinestream.sink;

/** A store failed in a way that retrying will not fix (a broken schema, no permission, a bug). */
public class CitationStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CitationStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
