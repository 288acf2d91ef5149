package org.medlinestream.sink;

import java.time.Duration;

/**
 * Bounded retry with exponential backoff: after failed attempt n the sink waits {@code
 * initialBackoff * 2^(n-1)}, at most {@code maxBackoff}, and gives up after {@code maxAttempts}.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

  public static final int DEFAULT_ATTEMPTS = 8;

  /** Eight attempts over about a minute: 0.5 s, 1 s, 2 s, ... up to 30 s between them. */
  public static RetryPolicy defaults() {
    return attempts(DEFAULT_ATTEMPTS);
  }

  /** {@code maxAttempts} attempts with the default backoff: 0.5 s, 1 s, 2 s, ... up to 30 s. */
  public static RetryPolicy attempts(int maxAttempts) {
    return new RetryPolicy(maxAttempts, Duration.ofMillis(500), Duration.ofSeconds(30));
  }

  public RetryPolicy {
    if (maxAttempts < 1 || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("Invalid retry policy: " + maxAttempts + " attempts, backoff "
          + initialBackoff + " to " + maxBackoff);
    }
  }

  /** The wait after failed attempt {@code attempt} (1-based). */
  public Duration delayAfter(int attempt) {
    Duration delay = initialBackoff;
    for (int i = 1; i < attempt && delay.compareTo(maxBackoff) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
  }
}
