package org.medlinestream.app;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/** Log levels of the command line: concise by default (log4j2.xml), detailed with --verbose. */
final class Logging {
  private Logging() {}

  /** DEBUG for medline-stream, INFO for everything else (Kafka clients included). */
  static void verbose() {
    Configurator.setRootLevel(Level.INFO);
    Configurator.setLevel("org.medlinestream", Level.DEBUG);
    Configurator.setLevel("org.apache.kafka", Level.INFO);
    LogManager.getLogger(Logging.class).debug("Verbose logging on");
  }
}
