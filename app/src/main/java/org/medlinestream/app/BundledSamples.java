package org.medlinestream.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The real records shipped in the jar for {@code demo} (see {@code samples/README.md}). */
final class BundledSamples {
  private static final String FOLDER = "/samples/";

  private BundledSamples() {}

  /** The sample file names, in order. */
  static List<String> names() {
    try (InputStream in = resource("files.txt");
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return lines.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("the jar's sample list cannot be read", e);
    }
  }

  /** Copies every sample into {@code folder}; returns the folder. */
  static Path extractTo(Path folder) throws IOException {
    Files.createDirectories(folder);
    for (String name : names()) {
      try (InputStream in = resource(name)) {
        Files.copy(in, folder.resolve(name));
      }
    }
    return folder;
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = BundledSamples.class.getResourceAsStream(FOLDER + name);
    if (in == null) {
      throw new IOException("sample " + name + " is missing from the jar: rebuild it");
    }
    return in;
  }
}
