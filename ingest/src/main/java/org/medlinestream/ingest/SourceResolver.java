package org.medlinestream.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns command-line inputs into sources: a file (taken whatever its name), a folder (its
 * MEDLINE/PubMed files, recursively, sorted by path), a glob ({@code data/*.xml.gz}, {@code
 * data/**}) or {@code -} for standard input. Hidden files and folders are skipped; a file named
 * twice is taken once.
 */
public final class SourceResolver {
  private static final List<String> EXTENSIONS = List.of(".txt", ".nbib", ".medline", ".xml");
  private static final String GLOB_CHARACTERS = "*?[{";

  private final Path workingDir;

  public SourceResolver() {
    this(Path.of(""));
  }

  /** Resolves relative inputs against {@code workingDir}. */
  public SourceResolver(Path workingDir) {
    this.workingDir = workingDir;
  }

  /** True for the names ingest reads from folders: {@code .txt .nbib .medline .xml}, and .gz. */
  public static boolean isRecordFileName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    return EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  /**
   * The sources of {@code inputs}, in order.
   *
   * @throws IngestException naming the input that does not exist or matches nothing
   */
  public List<Source> resolve(List<String> inputs) {
    if (inputs.isEmpty()) {
      throw new IngestException("no input given: name files, folders, globs, or - for stdin");
    }
    Map<Object, Source> sources = new LinkedHashMap<>();
    for (String input : inputs) {
      for (Source source : resolve(input)) {
        sources.putIfAbsent(source.isStdin() ? Source.STDIN_NAME : realPath(source.path()),
            source);
      }
    }
    return List.copyOf(sources.values());
  }

  private List<Source> resolve(String input) {
    if (input.equals(Source.STDIN_NAME)) {
      return List.of(Source.stdin());
    }
    if (isGlob(input)) {
      return glob(input);
    }
    Path path = workingDir.resolve(input);
    if (Files.isRegularFile(path)) {
      return List.of(Source.file(path));
    }
    if (Files.isDirectory(path)) {
      List<Source> files = walk(path, Integer.MAX_VALUE, p -> true);
      if (files.isEmpty()) {
        throw new IngestException("folder " + input + " holds no MEDLINE or PubMed file (" 
            + String.join(" ", EXTENSIONS) + ", or .gz of them)");
      }
      return files;
    }
    throw new IngestException("no such file or folder: " + input + " (resolved to "
        + path.toAbsolutePath().normalize() + ")");
  }

  private List<Source> glob(String input) {
    String normalized = input.replace('\\', '/');
    String[] segments = normalized.split("/", -1);
    int fixed = 0;
    while (fixed < segments.length - 1 && !isGlob(segments[fixed])) {
      fixed++;
    }
    String base = String.join("/", List.of(segments).subList(0, fixed));
    String pattern = String.join("/", List.of(segments).subList(fixed, segments.length));
    Path baseDir = workingDir.resolve(base.isEmpty() ? "." : base);
    if (!Files.isDirectory(baseDir)) {
      throw new IngestException("no such folder: " + (base.isEmpty() ? "." : base)
          + " (in the glob " + input + ")");
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    int depth = pattern.contains("**") ? Integer.MAX_VALUE : segments.length - fixed;
    List<Source> files = walk(baseDir, depth, relative -> matcher.matches(relative));
    if (files.isEmpty()) {
      throw new IngestException("no MEDLINE or PubMed file matches " + input);
    }
    return files;
  }

  private static List<Source> walk(Path dir, int depth, PathMatcher relativeMatcher) {
    try (Stream<Path> paths = Files.walk(dir, depth)) {
      List<Path> files = new ArrayList<>();
      paths
          .filter(Files::isRegularFile)
          .filter(p -> !isHidden(dir.relativize(p)))
          .filter(p -> isRecordFileName(p.getFileName().toString()))
          .filter(p -> relativeMatcher.matches(dir.relativize(p)))
          .forEach(files::add);
      files.sort(Comparator.comparing(p -> dir.relativize(p).toString()));
      return files.stream().map(Source::file).toList();
    } catch (IOException | UncheckedIOException e) {
      throw new IngestException("cannot list folder " + dir + ": " + e.getMessage(), e);
    }
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isGlob(String text) {
    return text.chars().anyMatch(c -> GLOB_CHARACTERS.indexOf(c) >= 0);
  }

  private static Object realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path.toAbsolutePath().normalize();
    }
  }
}
