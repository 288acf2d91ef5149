package org.medlinestream.schemas.evolution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;
import org.medlinestream.schemas.registry.CompatibilityLevel;

/**
 * The evolution guard: every schema of the newest release folder ({@code v1}, {@code v2}, ...)
 * must still exist in the current schemas and be BACKWARD compatible with them (consumers on the
 * new schema read everything already written).
 */
final class ReleasedSchemas {
  private ReleasedSchemas() {}

  /** What breaks consumers between the newest release under {@code releasedRoot} and {@code currentDir}; empty when nothing. */
  static List<String> backwardProblems(Path currentDir, Path releasedRoot) {
    Path release = newestRelease(releasedRoot);
    Map<String, Schema> current = parse(currentDir);
    List<String> problems = new ArrayList<>();
    parse(release).forEach((name, released) -> {
      Schema now = current.get(name);
      if (now == null) {
        problems.add(name + " was released in " + release.getFileName() + " but is gone from " + currentDir);
      } else {
        CompatibilityLevel.BACKWARD.incompatibilities(now, List.of(released)).forEach(problem ->
            problems.add(name + " (compared with " + release.getFileName() + "): " + problem));
      }
    });
    return problems;
  }

  /** The {@code vN} folder with the highest N. */
  static Path newestRelease(Path releasedRoot) {
    try (Stream<Path> folders = Files.list(releasedRoot)) {
      return folders.filter(folder -> folder.getFileName().toString().matches("v\\d+"))
          .max(Comparator.comparingInt(folder -> Integer.parseInt(folder.getFileName().toString().substring(1))))
          .orElseThrow(() -> new IllegalStateException("no released version (v1, v2, ...) in " + releasedRoot));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The top-level schema of every .avsc in {@code dir} by full name; names may refer to types of other files. */
  static Map<String, Schema> parse(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      SchemaParser parser = new SchemaParser();
      List<SchemaParser.ParseResult> results = new ArrayList<>();
      for (Path file : files.filter(file -> file.toString().endsWith(".avsc")).sorted().toList()) {
        results.add(parser.parse(file));
      }
      Map<String, Schema> schemas = new TreeMap<>();
      for (SchemaParser.ParseResult result : results) {
        Schema schema = parser.resolve(result);
        schemas.put(schema.getFullName(), schema);
      }
      return schemas;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
