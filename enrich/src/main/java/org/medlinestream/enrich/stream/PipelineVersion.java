package org.medlinestream.enrich.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The medline-stream version this build carries, written into every citation's provenance. */
public final class PipelineVersion {
  private static final String CURRENT = load();

  private PipelineVersion() {}

  /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String current() {
    return CURRENT;
  }

  private static String load() {
    Properties properties = new Properties();
    try (InputStream in = PipelineVersion.class.getResourceAsStream("pipeline.properties")) {
      if (in == null) {
        throw new IllegalStateException("pipeline.properties is missing from the enrich jar");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read pipeline.properties", e);
    }
    return properties.getProperty("version");
  }
}
