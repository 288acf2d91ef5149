package org.medlinestream.schemas.registry;

/** The schema registry could not be reached (connection refused, timeout, TLS failure...) even after retries. */
public class RegistryUnreachableException extends RuntimeException {
  public RegistryUnreachableException(String url, Throwable cause) {
    super("schema registry at " + url + " is not reachable: " + describe(cause)
        + "; start it with `medline-stream local` or set schema.registry.url", cause);
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return message == null || message.isBlank()
        ? cause.getClass().getSimpleName()
        : cause.getClass().getSimpleName() + ": " + message;
  }
}
