package org.medlinestream.sink;

/** The sink stopped: the store stayed unavailable, is broken, or the dead-letter topic failed. */
public class SinkFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SinkFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
