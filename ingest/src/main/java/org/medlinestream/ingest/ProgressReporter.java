package org.medlinestream.ingest;

import java.io.Console;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows how an ingest goes: a progress bar redrawn in place (files, records, MB/s) when standard
 * output is a terminal, plain log lines at an interval otherwise, and the summary at the end.
 */
final class ProgressReporter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ProgressReporter.class);
  private static final int BAR_WIDTH = 24;
  private static final long BAR_REFRESH_MS = 500;

  private final IngestStats stats;
  private final PrintStream terminal;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "ingest-progress");
        thread.setDaemon(true);
        return thread;
      });
  private long lastLoggedRecords = -1;

  private ProgressReporter(IngestStats stats, PrintStream terminal) {
    this.stats = stats;
    this.terminal = terminal;
  }

  /** Starts a bar on standard output when it is a terminal, else log lines every interval. */
  static ProgressReporter start(IngestStats stats, Duration logInterval) {
    boolean isTerminal = stdoutIsTerminal();
    ProgressReporter reporter = new ProgressReporter(stats, isTerminal ? System.out : null);
    long period = isTerminal ? BAR_REFRESH_MS : Math.max(1, logInterval.toMillis());
    reporter.timer.scheduleAtFixedRate(reporter::report, period, period, TimeUnit.MILLISECONDS);
    return reporter;
  }

  /**
   * Up to Java 21 a console exists only when standard input and output are a terminal; from Java 22
   * on there may be one anyway, and {@code Console.isTerminal()} says.
   */
  static boolean stdoutIsTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  private void report() {
    IngestSummary now = stats.snapshot();
    if (terminal != null) {
      terminal.print("\r" + bar(now) + "\u001b[K");
      terminal.flush();
    } else if (now.records() + now.rejected() != lastLoggedRecords) {
      lastLoggedRecords = now.records() + now.rejected();
      log.info("Ingest progress: {}", line(now));
    }
  }

  static String bar(IngestSummary s) {
    double fraction = s.fractionRead();
    if (fraction < 0) {
      return line(s);
    }
    int filled = (int) Math.round(fraction * BAR_WIDTH);
    return "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] "
        + String.format(Locale.ROOT, "%3.0f%% ", fraction * 100) + line(s);
  }

  static String line(IngestSummary s) {
    String files = s.filesTotal() >= 0 ? s.filesDone() + "/" + s.filesTotal() : "" + s.filesDone();
    return String.format(Locale.ROOT, "%s files, %,d records, %,d rejected, %.1f MB/s, %s",
        files, s.records(), s.rejected(), s.megabytesPerSecond(), s.currentSource());
  }

  /** Stops the display and prints the summary. */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    IngestSummary summary = stats.snapshot();
    if (terminal != null) {
      terminal.println("\r" + bar(summary) + "\u001b[K");
    }
    log.info("Ingest summary: {}", summary.describe());
  }
}
