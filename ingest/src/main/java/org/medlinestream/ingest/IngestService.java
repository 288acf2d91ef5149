package org.medlinestream.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.medlinestream.ingest.source.RecordReaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingest as a service: publishes the given inputs once, or watches a drop folder until stopped.
 * {@link #start()} checks the inputs, creates missing topics, fences an older process with the
 * same {@code transactional.id} and reads the checkpoints; the work then runs on its own thread.
 *
 * <pre>{@code
 * IngestService ingest = IngestService.forInputs(config, List.of("data/"));
 * ingest.start();
 * Runtime.getRuntime().addShutdownHook(new Thread(ingest::stop));
 * IngestSummary summary = ingest.awaitTermination();
 * }</pre>
 */
public final class IngestService {
  private static final Logger log = LoggerFactory.getLogger(IngestService.class);
  private static final int ATTEMPTS = 5;
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  private final IngestConfig config;
  private final List<String> inputs;
  private final DropFolder dropFolder;
  private final SourcePublisher.ReaderOpener opener;
  private final IngestStats stats = new IngestStats();
  private final StopSignal stop = new StopSignal();
  private final List<SourceOutcome> outcomes = new CopyOnWriteArrayList<>();
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile RuntimeException failure;
  private Thread worker;

  /** Publishes {@code inputs} (files, folders, globs, {@code -} for stdin) once each, then ends. */
  public static IngestService forInputs(IngestConfig config, List<String> inputs) {
    return new IngestService(config, inputs, null, RecordReaders::open);
  }

  /** Watches {@code folder} until {@link #stop()}. */
  public static IngestService watching(IngestConfig config, DropFolder folder) {
    return new IngestService(config, null, folder, RecordReaders::open);
  }

  IngestService(IngestConfig config, List<String> inputs, DropFolder dropFolder,
      SourcePublisher.ReaderOpener opener) {
    this.config = config;
    this.inputs = inputs == null ? null : List.copyOf(inputs);
    this.dropFolder = dropFolder;
    this.opener = opener;
  }

  /**
   * Checks the inputs or the drop folder, prepares Kafka and starts the work.
   *
   * @throws IngestException when an input does not exist, a folder cannot be written, or Kafka
   *     cannot be reached or refuses ingest
   */
  public synchronized void start() {
    if (worker != null) {
      throw new IllegalStateException("ingest is started already");
    }
    List<Source> sources = inputs == null ? null : new SourceResolver().resolve(inputs);
    if (dropFolder != null) {
      dropFolder.prepare();
    }
    if (config.createTopics()) {
      IngestTopics.ensure(config);
    }
    String transactionalId =
        config.transactionalId() != null ? config.transactionalId() : defaultTransactionalId(sources);
    SourcePublisher publisher = SourcePublisher.open(config, transactionalId, stats, opener);
    if (sources != null) {
      stats.expect(sources.size(), sources.stream().mapToLong(s -> Math.max(0, s.size())).sum());
    }
    log.info("Ingest started (transactional.id {}) into {}", transactionalId, config.rawTopic());
    worker = new Thread(() -> run(publisher, sources), "ingest");
    worker.start();
  }

  private void run(SourcePublisher publisher, List<Source> sources) {
    try (publisher;
        ProgressReporter progress = ProgressReporter.start(stats, config.progressInterval())) {
      if (sources == null) {
        new DropFolderWatcher(dropFolder, publisher, stats, config.pollInterval()).run(stop);
      } else {
        publishAll(publisher, sources);
      }
    } catch (RuntimeException e) {
      failure = e;
      log.error("Ingest failed: {}", e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      finished.countDown();
    }
  }

  private void publishAll(SourcePublisher publisher, List<Source> sources)
      throws InterruptedException {
    for (Source source : sources) {
      if (stop.requested()) {
        return;
      }
      SourceOutcome outcome = publishWithRetries(publisher, source);
      if (!outcome.ended()) {
        return;
      }
      stats.sourceEnded(outcome);
      outcomes.add(outcome);
    }
  }

  private SourceOutcome publishWithRetries(SourcePublisher publisher, Source source)
      throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return publisher.publish(source, stop);
      } catch (TransactionAbortedException e) {
        if (source.isStdin()) {
          throw new IngestException("standard input cannot be read again after a failed"
              + " transaction; the records of the last chunk were not published: " + e.getMessage(),
              e);
        }
        if (attempt == ATTEMPTS) {
          throw new IngestException("giving up on " + source.name() + " after " + ATTEMPTS
              + " attempts; run ingest again to resume from its last checkpoint: "
              + e.getMessage(), e);
        }
        if (stop.await(Duration.ofSeconds(1L << attempt))) {
          return new SourceOutcome(source, SourceOutcome.Status.STOPPED, null, null);
        }
      }
    }
  }

  /**
   * Asks ingest to stop: the chunk being sent is committed with its checkpoint, so that a later
   * run resumes right after it. Waits up to a minute for that.
   */
  public void stop() {
    stop.request();
    synchronized (this) {
      if (worker == null) {
        return; // never started (start() failed): nothing to wait for
      }
    }
    try {
      if (!finished.await(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        log.warn("Ingest did not stop within {} s", STOP_TIMEOUT.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits until the inputs are published (or a watch is stopped).
   *
   * @throws IngestException when ingest failed
   */
  public IngestSummary awaitTermination() throws InterruptedException {
    finished.await();
    if (failure != null) {
      throw failure;
    }
    return stats.snapshot();
  }

  /** How each input ended (not filled in watch mode, where files are moved instead). */
  public List<SourceOutcome> outcomes() {
    return List.copyOf(outcomes);
  }

  public IngestSummary progress() {
    return stats.snapshot();
  }

  /** False once ingest has failed (liveness). */
  public boolean isLive() {
    return failure == null;
  }

  /** True while started and working: publishing or watching (readiness). */
  public synchronized boolean isReady() {
    return worker != null && finished.getCount() > 0 && failure == null;
  }

  /**
   * True when ingest draws a progress bar: standard output is a terminal. Log lines written to the
   * same terminal while it runs break the bar.
   */
  public static boolean showsProgressBar() {
    return ProgressReporter.stdoutIsTerminal();
  }

  private String defaultTransactionalId(List<Source> sources) {
    if (sources == null) {
      Path dir = dropFolder.dir().toAbsolutePath().normalize();
      return "medline-ingest-watch-" + dir.getFileName() + "-" + shortHash(dir.toString());
    }
    if (sources.stream().anyMatch(Source::isStdin)) {
      return "medline-ingest-stdin-" + UUID.randomUUID();
    }
    return "medline-ingest-" + shortHash(sources.stream()
        .map(s -> s.path().toAbsolutePath().normalize().toString())
        .collect(Collectors.joining("\n")));
  }

  private static String shortHash(String text) {
    return Sha256.hex(Sha256.digest().digest(text.getBytes(StandardCharsets.UTF_8)))
        .substring(0, 12);
  }
}
