package org.medlinestream.sink;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.medlinestream.sink.file.FileCitationStore;
import org.medlinestream.sink.jdbc.JdbcCitationStore;

/**
 * Opens the store a target names:
 *
 * <ul>
 *   <li>{@code jdbc:postgresql://HOST:PORT/DB?user=…} and {@code jdbc:sqlite:FILE}: {@link
 *       JdbcCitationStore};
 *   <li>{@code jsonl:FOLDER} and {@code avro:FOLDER}, optionally followed by {@code
 *       ?maxBytes=N&maxAge=PT1H} (defaults 128 MiB and one hour): {@link FileCitationStore}.
 * </ul>
 */
public final class CitationStores {
  /** The SQLite file of the embedded default, in the working folder. */
  public static final String DEFAULT_SQLITE_FILE = "medline.db";
  /** The embedded default: {@value}. */
  public static final String DEFAULT_TARGET = "jdbc:sqlite:" + DEFAULT_SQLITE_FILE;
  static final long DEFAULT_MAX_BYTES = 128L * 1024 * 1024;
  static final Duration DEFAULT_MAX_AGE = Duration.ofHours(1);

  private CitationStores() {}

  public static CitationStore open(String target) {
    if (target.startsWith("jdbc:")) {
      return JdbcCitationStore.open(target);
    }
    for (FileCitationStore.Format format : FileCitationStore.Format.values()) {
      String scheme = format.name().toLowerCase(java.util.Locale.ROOT) + ":";
      if (target.startsWith(scheme)) {
        return openFiles(target.substring(scheme.length()), format);
      }
    }
    throw new IllegalArgumentException("Unknown sink target '" + target + "': use"
        + " jdbc:postgresql://HOST:PORT/DB, jdbc:sqlite:FILE, jsonl:FOLDER or avro:FOLDER");
  }

  private static CitationStore openFiles(String location, FileCitationStore.Format format) {
    String[] parts = location.split("\\?", 2);
    Map<String, String> options = new HashMap<>();
    if (parts.length == 2) {
      for (String option : parts[1].split("&")) {
        String[] pair = option.split("=", 2);
        if (pair.length != 2 || !(pair[0].equals("maxBytes") || pair[0].equals("maxAge"))) {
          throw new IllegalArgumentException("Unknown file target option '" + option
              + "': use maxBytes=N (bytes) and maxAge=PT1H (ISO-8601 duration)");
        }
        options.put(pair[0], pair[1]);
      }
    }
    long maxBytes = options.containsKey("maxBytes")
        ? Long.parseLong(options.get("maxBytes")) : DEFAULT_MAX_BYTES;
    Duration maxAge = options.containsKey("maxAge")
        ? Duration.parse(options.get("maxAge")) : DEFAULT_MAX_AGE;
    return FileCitationStore.open(Path.of(parts[0]), format, maxBytes, maxAge);
  }
}
