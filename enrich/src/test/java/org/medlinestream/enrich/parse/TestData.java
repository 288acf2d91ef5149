package org.medlinestream.enrich.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared folder of real records (system property {@code shared.data.dir}, set by surefire). */
final class TestData {
  static final Path DIR = Path.of(System.getProperty("shared.data.dir", "../../shared/data"));

  private TestData() {}

  /** The files below {@code folder} of the shared data, sorted. */
  static List<Path> files(String folder) throws IOException {
    try (Stream<Path> walk = Files.walk(DIR.resolve(folder))) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
