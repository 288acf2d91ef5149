package org.medlinestream.reliability;

import java.time.Duration;

/**
 * The sizes of the suite, set by the module's pom (small enough for CI) and raised with
 * {@code -Dreliability.rounds=50} and friends for a longer run.
 */
final class Settings {
  private Settings() {}

  /** kill -9 rounds of {@link KillNineRoundsTest}. */
  static int rounds() {
    return Integer.getInteger("reliability.rounds", 10);
  }

  /** Distinct PMIDs of the generated corpora. */
  static int records() {
    return Integer.getInteger("reliability.records", 400);
  }

  /** Seed of the random choices; 0 picks one (printed, so that a failure can be replayed). */
  static long seed() {
    long seed = Long.getLong("reliability.seed", 0);
    return seed != 0 ? seed : System.nanoTime();
  }

  /** How long PostgreSQL is cut off in {@link PostgresOutageTest}. */
  static Duration outage() {
    return Duration.ofSeconds(Integer.getInteger("reliability.outage.seconds", 30));
  }
}
