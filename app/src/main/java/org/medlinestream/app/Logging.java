package org.medlinestream.app;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/** Log levels of the command line: concise by default (log4j2.xml), detailed with --verbose. */
final class Logging {
  private Logging() {}

  private static boolean verbose;

  /** DEBUG for medline-stream, INFO for everything else (Kafka clients included). */
  static void verbose() {
    verbose = true;
    Configurator.setRootLevel(Level.INFO);
    Configurator.setLevel("org.medlinestream", Level.DEBUG);
    Configurator.setLevel("org.apache.kafka", Level.INFO);
    LogManager.getLogger(Logging.class).debug("Verbose logging on");
  }

  /**
   * Only warnings and errors from {@code logger} while a progress bar is drawn on the terminal
   * (its line-by-line messages would break the bar), unless logging is verbose.
   */
  static void quietUnderProgressBar(String logger) {
    if (!verbose) {
      Configurator.setLevel(logger, Level.WARN);
    }
  }
}
