package org.medlinestream.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A continuous feed from a {@link DropFolder}, like a spool-dir connector but exactly once: every
 * complete file, in name order, is published with its checkpoints, then moved to {@code finished/}
 * or {@code error/}. After a restart a half-published file resumes after its last committed
 * position, and a file whose final checkpoint is committed is only moved. A file that cannot be
 * moved (a full or unwritable disk) stays in the drop folder, holding back the later ones, and is
 * moved at a later scan.
 */
final class DropFolderWatcher {
  private static final Logger log = LoggerFactory.getLogger(DropFolderWatcher.class);

  private final DropFolder folder;
  private final SourcePublisher publisher;
  private final IngestStats stats;
  private final Duration pollInterval;
  /** Files that could not be moved, so that the error is logged once, not at every scan. */
  private final Set<Path> unmovable = new HashSet<>();

  DropFolderWatcher(DropFolder folder, SourcePublisher publisher, IngestStats stats,
      Duration pollInterval) {
    this.folder = folder;
    this.publisher = publisher;
    this.stats = stats;
    this.pollInterval = pollInterval;
  }

  /** Watches until {@code stop} is requested. */
  void run(StopSignal stop) throws InterruptedException {
    log.info("Watching {} (published files go to {}, refused ones to {})", folder.dir(),
        folder.finishedDir(), folder.errorDir());
    do {
      try {
        for (Path file : folder.readyFiles()) {
          if (stop.requested() || !ingest(file, stop)) {
            break;
          }
        }
      } catch (IOException e) {
        log.error("Cannot list drop folder {} ({}); trying again in {} s", folder.dir(), e,
            pollInterval.toSeconds());
      }
    } while (!stop.await(pollInterval));
    log.info("Stopped watching {}", folder.dir());
  }

  /** Publishes and moves one file; false when the following files must wait. */
  private boolean ingest(Path file, StopSignal stop) {
    SourceOutcome outcome;
    try {
      outcome = publisher.publish(new Source(file.getFileName().toString(), file), stop);
    } catch (TransactionAbortedException e) {
      log.warn("{} is not finished ({}); trying again at the next scan", file.getFileName(),
          e.getMessage());
      return false;
    }
    if (!outcome.ended()) {
      return false;
    }
    try {
      folder.finish(file, outcome);
    } catch (IngestException e) {
      // Published (its final checkpoint is committed) but not moved: the next scan only moves it.
      if (unmovable.add(file)) {
        log.error("{}", e.getMessage());
      } else {
        log.debug("{}", e.getMessage());
      }
      return false;
    }
    if (unmovable.remove(file)) {
      log.info("{} could be moved at last", file.getFileName());
    }
    stats.sourceEnded(outcome);
    return true;
  }
}
