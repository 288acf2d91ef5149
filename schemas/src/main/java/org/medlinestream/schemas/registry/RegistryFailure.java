package org.medlinestream.schemas.registry;

import java.util.Optional;

/**
 * What a failure says of the schema registry: the first of its causes that is the registry's
 * ({@link RegistryUnreachableException} or {@link RegistryException}), and what kind of fault that
 * is. The one place where the sink and enrich tell a registry fault from a record's.
 *
 * @param error the registry's cause
 */
public record RegistryFailure(Kind kind, RuntimeException error) {

  public enum Kind {
    /** HTTP 401 or 403: no retry helps, only other credentials or TLS settings. */
    CREDENTIALS_REFUSED,
    /** Unreachable, or failing (HTTP 5xx): a retry later may succeed. */
    UNAVAILABLE,
    /** Another error answer: an unknown schema id, an incompatible schema, ... */
    ERROR_ANSWER
  }

  /** The registry's part in {@code failure}, if any of its causes is the registry's. */
  public static Optional<RegistryFailure> in(Throwable failure) {
    for (Throwable cause = failure; cause != null;
        cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof RegistryUnreachableException unreachable) {
        return Optional.of(new RegistryFailure(Kind.UNAVAILABLE, unreachable));
      }
      if (cause instanceof RegistryException answer) {
        return Optional.of(new RegistryFailure(kindOf(answer.httpStatus()), answer));
      }
    }
    return Optional.empty();
  }

  private static Kind kindOf(int httpStatus) {
    if (httpStatus == 401 || httpStatus == 403) {
      return Kind.CREDENTIALS_REFUSED;
    }
    return httpStatus >= 500 ? Kind.UNAVAILABLE : Kind.ERROR_ANSWER;
  }
}
