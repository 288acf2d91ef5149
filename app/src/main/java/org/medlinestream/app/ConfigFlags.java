package org.medlinestream.app;

import java.util.Map;

/**
 * A mixin (or command) whose typed flags set configuration keys, e.g. {@code --partitions 12} →
 * {@code topics.partitions=12}. {@link ConfigOptions#resolve()} collects them from every mixin of
 * the command.
 */
public interface ConfigFlags {
  /** The keys set by the flags given on the command line (flags not given are left out). */
  Map<String, String> configFlags();

  /** Adds {@code key=value} to {@code flags} when the flag was given ({@code value} not null). */
  static void putIfGiven(Map<String, String> flags, ConfigKey key, Object value) {
    if (value != null) {
      flags.put(key.key(), value.toString());
    }
  }
}
