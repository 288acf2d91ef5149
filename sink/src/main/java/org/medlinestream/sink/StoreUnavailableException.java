package org.medlinestream.sink;

/** The store cannot be reached right now (connection refused or lost, locked, disk I/O): retry. */
public class StoreUnavailableException extends CitationStoreException {
  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
