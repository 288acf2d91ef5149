package org.medlinestream.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.medlinestream.ingest.source.RawRecord;
import org.medlinestream.ingest.source.RecordReader;
import org.medlinestream.ingest.source.RejectedInput;
import org.medlinestream.ingest.source.SourceItem;
import org.medlinestream.ingest.source.UnreadableSourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes sources exactly once: the records of a source go to the raw topic and its refused
 * inputs to the dead-letter topic in chunked transactions, each of which also writes the source's
 * checkpoint. A source is read again after a crash only past its last committed position, and a
 * source whose last checkpoint says done is not read at all.
 */
final class SourcePublisher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SourcePublisher.class);

  /** Opens the reader of a source's bytes. */
  @FunctionalInterface
  interface ReaderOpener {
    RecordReader open(InputStream in, String sourceName) throws IOException;
  }

  private final IngestConfig config;
  private final TransactionalSender sender;
  private final CheckpointStore checkpoints;
  private final IngestStats stats;
  private final ReaderOpener opener;
  private final IngestRecords records;

  SourcePublisher(IngestConfig config, TransactionalSender sender, CheckpointStore checkpoints,
      IngestStats stats, ReaderOpener opener) {
    this.config = config;
    this.sender = sender;
    this.checkpoints = checkpoints;
    this.stats = stats;
    this.opener = opener;
    this.records = new IngestRecords(config);
  }

  /**
   * Starts a transactional producer with {@code transactionalId} (fencing an older process with
   * it), then reads the committed checkpoints.
   */
  static SourcePublisher open(IngestConfig config, String transactionalId, IngestStats stats,
      ReaderOpener opener) {
    TransactionalSender sender = TransactionalSender.create(config, transactionalId);
    try {
      return new SourcePublisher(config, sender, CheckpointStore.load(config), stats, opener);
    } catch (RuntimeException e) {
      sender.close();
      throw e;
    }
  }

  /**
   * Publishes what of {@code source} is not published yet.
   *
   * @throws TransactionAbortedException when a chunk failed and was rolled back: publish the
   *     source again to resume from its last checkpoint
   * @throws IngestException when Kafka refuses ingest for good (fenced, not authorized)
   */
  SourceOutcome publish(Source source, StopSignal stop) {
    stats.reading(source.name());
    String identity;
    try {
      identity = source.isStdin() ? null : SourceIdentity.of(source.path());
    } catch (IOException e) {
      String error = "cannot read " + source.name() + ": " + e;
      log.error(error);
      return new SourceOutcome(source, SourceOutcome.Status.FAILED, null, error);
    }
    Checkpoint start = identity == null
        ? Checkpoint.start(source.name())
        : checkpoints.get(identity).orElse(Checkpoint.start(source.name()));
    if (start.done()) {
      log.info("{} was published before ({} records; checkpoint {}): not sending it again",
          source.name(), start.records(), identity);
      return new SourceOutcome(source, SourceOutcome.Status.ALREADY_DONE, start, start.error());
    }
    if (start.position() > 0) {
      log.info("Resuming {} after position {} ({} records already published)", source.name(),
          start.position(), start.records());
    }
    return new Run(source, identity, start).publish(stop);
  }

  @Override
  public void close() {
    sender.close();
  }

  /** The publication of one source: what is committed, and the chunk being sent. */
  private final class Run {
    private final Source source;
    private final String identity;
    private final long resumeAfter;
    private Checkpoint committed;
    private Checkpoint sent;
    private int chunkItems;
    private long chunkBytes;
    private long chunkStartNanos;
    private String firstRejection;

    Run(Source source, String identity, Checkpoint start) {
      this.source = source;
      this.identity = identity;
      this.resumeAfter = start.position();
      this.committed = start;
      this.sent = start;
    }

    SourceOutcome publish(StopSignal stop) {
      String failure;
      try (RecordReader reader = opener.open(
          new CountingInputStream(source.open(), stats::inputRead), source.name())) {
        SourceItem item;
        while ((item = reader.next()) != null) {
          if (item.position() <= resumeAfter) {
            continue;
          }
          if (stop.requested()) {
            commit(sent);
            log.info("Stopped {} after position {}", source.name(), committed.position());
            return new SourceOutcome(source, SourceOutcome.Status.STOPPED, committed, null);
          }
          send(item);
          if (chunkFull()) {
            commit(sent);
          }
        }
        failure = sent.records() == 0 ? noRecordReason() : null;
      } catch (IOException e) {
        failure = readFailure(e);
      }
      commit(sent.finished(failure));
      if (failure != null) {
        log.warn("{}", failure);
        return new SourceOutcome(source, SourceOutcome.Status.FAILED, committed, failure);
      }
      log.info("Published {}: {} records ({} deletes), {} rejected", source.name(),
          committed.records(), committed.deletes(), committed.rejected());
      return new SourceOutcome(source, SourceOutcome.Status.PUBLISHED, committed, null);
    }

    private void send(SourceItem item) {
      long now = System.currentTimeMillis();
      if (chunkItems == 0) {
        chunkStartNanos = System.nanoTime();
      }
      chunkItems++;
      if (item instanceof RawRecord record
          && Checkpoint.valueBytes(record) <= config.maxRecordBytes()) {
        sender.send(records.raw(record, source.name(), now));
        sent = sent.withRecord(record);
        chunkBytes += Checkpoint.valueBytes(record);
      } else {
        RejectedInput rejected = item instanceof RawRecord record ? oversized(record)
            : bounded((RejectedInput) item);
        sender.send(records.deadLetter(rejected, source.name(), now));
        sent = sent.withRejected(item.position());
        chunkBytes += rejected.bytes().length;
        if (firstRejection == null) {
          firstRejection = "line " + rejected.line() + ": " + rejected.reason();
        }
      }
    }

    private RejectedInput oversized(RawRecord record) {
      int kept = config.maxRecordBytes() / 2;
      return new RejectedInput(record.position(), record.line(),
          "record of PMID " + record.pmid() + " is " + record.value().length + " bytes, more than"
              + " the largest record ingest sends (" + config.maxRecordBytes() + " bytes); only"
              + " its first " + kept + " bytes are kept here: raise the maximum record size and"
              + " ingest the source again",
          Arrays.copyOf(record.value(), kept));
    }

    /**
     * A refused input cut to what a dead letter can carry: a reader may keep more bytes of a
     * refused record (the XML reader's bound is 64 MiB) than the producer sends, and a record the
     * producer refuses would abort every retry of the file.
     */
    private RejectedInput bounded(RejectedInput rejected) {
      int kept = config.maxRecordBytes() / 2;
      if (rejected.bytes().length <= kept) {
        return rejected;
      }
      return new RejectedInput(rejected.position(), rejected.line(),
          rejected.reason() + " (only its first " + kept + " bytes are kept here)",
          Arrays.copyOf(rejected.bytes(), kept));
    }

    private boolean chunkFull() {
      return chunkItems >= config.chunkRecords()
          || chunkBytes >= config.chunkBytes()
          || System.nanoTime() - chunkStartNanos >= config.chunkInterval().toNanos();
    }

    private void commit(Checkpoint checkpoint) {
      if (identity != null) {
        sender.commit(records.checkpoint(identity, checkpoint));
        checkpoints.committed(identity, checkpoint);
      } else {
        sender.commit();
      }
      stats.committed(committed, checkpoint);
      committed = checkpoint;
      chunkItems = 0;
      chunkBytes = 0;
    }

    private String noRecordReason() {
      String reason = "no MEDLINE or PubMed record in " + source.name();
      return firstRejection == null
          ? reason
          : reason + "; all " + sent.rejected() + " input(s) were refused (on "
              + config.dlqTopic() + "), the first at " + firstRejection;
    }

    private String readFailure(IOException e) {
      if (e instanceof UnreadableSourceException) {
        return e.getMessage();
      }
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      if (e instanceof EOFException) {
        message = "the file is cut short (" + message + "): it was truncated or not copied whole";
      }
      String where = message.contains(source.name()) ? message : source.name() + ": " + message;
      return sent.records() == 0 && sent.rejected() == 0
          ? "cannot read " + where
          : "reading stopped after position " + sent.position() + " (" + sent.records()
              + " records before it are published): " + where;
    }
  }
}
