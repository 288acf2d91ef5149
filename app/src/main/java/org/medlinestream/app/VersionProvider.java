package org.medlinestream.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the Maven project version (written into the jar at build), Kafka's and Java's. */
final class VersionProvider implements IVersionProvider {
  private static final String VERSION = "/medline-stream-version.properties";
  private static final String KAFKA_VERSION = "/kafka/kafka-version.properties";

  @Override
  public String[] getVersion() throws IOException {
    return new String[] {
        "medline-stream " + read(VERSION),
        "Apache Kafka " + read(KAFKA_VERSION) + " (clients)",
        "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
    };
  }

  /** The {@code version} in a properties resource. */
  private static String read(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " is missing: rebuild with ./mvnw package");
      }
      properties.load(in);
    }
    return properties.getProperty("version");
  }
}
