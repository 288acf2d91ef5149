package org.medlinestream.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table "Names the deployment assumes" of deploy/README.md: names the deployment uses before
 * the code has them (commands, flags, settings, topics being written on other branches). A name
 * the code has is checked against the code; one it lacks must be in this table.
 */
record AssumedNames(List<Name> names) {
  static final Path README = DeployFiles.deployDir().resolve("README.md");
  static final String HEADING = "## Names the deployment assumes";
  /** The port of /metrics, /health/live and /health/ready (assumed: no ConfigKey yet). */
  static final String HTTP_PORT = "MEDLINE_STREAM_HTTP_PORT";
  private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|\\s*([^|]+?)\\s*\\|");

  /** One row: the name as written and its kind ({@code command}, {@code flag of ingest}, ...). */
  record Name(String name, String kind) {}

  static AssumedNames load() {
    List<Name> names = new ArrayList<>();
    boolean inSection = false;
    for (String line : DeployFiles.lines(README)) {
      if (line.startsWith("## ")) {
        inSection = line.equals(HEADING);
        continue;
      }
      Matcher row = ROW.matcher(line);
      if (inSection && row.find()) {
        names.add(new Name(row.group(1), row.group(2)));
      }
    }
    if (names.isEmpty()) {
      throw new AssertionError(README + " has no table under '" + HEADING + "'");
    }
    return new AssumedNames(List.copyOf(names));
  }

  /** The names of one kind. */
  List<String> ofKind(String kind) {
    return names.stream().filter(n -> n.kind().equals(kind)).map(Name::name).toList();
  }

  boolean has(String kind, String name) {
    return ofKind(kind).contains(name);
  }
}
