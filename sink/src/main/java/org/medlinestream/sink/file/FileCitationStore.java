package org.medlinestream.sink.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.medlinestream.sink.ApplyResult;
import org.medlinestream.sink.CitationChange;
import org.medlinestream.sink.CitationStore;
import org.medlinestream.sink.RecordRejectedException;
import org.medlinestream.sink.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Citations as files in a folder: JSON Lines or Avro container files, an append-only log of
 * changes in the order applied (a delete is a tombstone entry). The file being written is hidden
 * ({@code .citations-….jsonl.inprogress}) and synced to disk at the end of every batch; it is
 * renamed to {@code citations-<UTC start>-<sequence>.jsonl} once it reaches the size or age limit
 * (checked when a batch arrives) or the store closes, so readers only ever see complete files.
 *
 * <p>An in-progress file left by a crash is finished when the store opens: its complete entries
 * are kept (a torn last entry is dropped, it was never acknowledged). A failed write (a full disk)
 * cuts the file back to its last complete batch, which needs no space, and shows it: a batch is
 * written whole or not at all. Because Kafka re-delivers the batch after the last committed
 * offset, a crash between a write and its commit can repeat entries in the next file; readers keep
 * the last entry per PMID.
 */
public final class FileCitationStore implements CitationStore {
  private static final Logger log = LoggerFactory.getLogger(FileCitationStore.class);
  private static final String PREFIX = "citations-";
  private static final String IN_PROGRESS = ".inprogress";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** The file formats. */
  public enum Format {
    JSONL(new JsonLinesFormat()),
    AVRO(new AvroContainerFormat());

    private final FileFormat format;

    Format(FileFormat format) {
      this.format = format;
    }
  }

  private final Path folder;
  private final FileFormat format;
  private final long maxBytes;
  private final Duration maxAge;
  private final Clock clock;
  private int sequence;
  private Path current;
  private Instant currentStart;
  private FileFormat.Output output;
  /** Size of the current file after its last complete batch, and its entries then. */
  private long completeSize;
  private long entries;

  private FileCitationStore(Path folder, FileFormat format, long maxBytes, Duration maxAge,
      Clock clock) {
    this.folder = folder;
    this.format = format;
    this.maxBytes = maxBytes;
    this.maxAge = maxAge;
    this.clock = clock;
  }

  /**
   * Opens a folder (created if missing), finishing files a crash left in progress.
   *
   * @param maxBytes a file is finished once it holds at least this many bytes
   * @param maxAge a file is finished once it is this old
   */
  public static FileCitationStore open(Path folder, Format format, long maxBytes,
      Duration maxAge) {
    return open(folder, format, maxBytes, maxAge, Clock.systemUTC());
  }

  static FileCitationStore open(Path folder, Format format, long maxBytes, Duration maxAge,
      Clock clock) {
    if (maxBytes <= 0 || maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("File roll limits must be positive: " + maxBytes
          + " bytes, " + maxAge);
    }
    FileCitationStore store = new FileCitationStore(folder, format.format, maxBytes, maxAge, clock);
    try {
      Files.createDirectories(folder);
      store.finishLeftovers();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the output folder " + folder, e);
    }
    return store;
  }

  @Override
  public synchronized ApplyResult apply(List<CitationChange> changes) {
    List<byte[]> encoded = new ArrayList<>(changes.size());
    for (CitationChange change : changes) {
      try {
        encoded.add(format.encode(change));
      } catch (RuntimeException e) {
        throw new RecordRejectedException("Cannot encode citation " + change.pmid() + ": " + e, e);
      }
    }
    try {
      rollIfDue();
      if (output == null) {
        start();
      }
      output.append(encoded);
      output.sync();
      completeSize = output.size();
      entries += encoded.size();
    } catch (IOException e) {
      abandonCurrent();
      throw new StoreUnavailableException("Cannot write to " + folder + " (" + e + "): free space"
          + " or make it writable; the batch was not written", e);
    }
    try {
      rollIfDue();
    } catch (IOException e) {
      // The batch is on disk: it must not be written again.
      log.warn("Cannot finish {} ({}); it is finished as it is now", current, e.toString());
      abandonCurrent();
    }
    int deletes = (int) changes.stream().filter(CitationChange::isDelete).count();
    return new ApplyResult(changes.size() - deletes, deletes, 0);
  }

  @Override
  public synchronized void close() {
    try {
      finish();
    } catch (IOException e) {
      abandonCurrent();
      throw new UncheckedIOException("Cannot finish " + current + " in " + folder, e);
    }
  }

  private void rollIfDue() throws IOException {
    if (output != null && (output.size() >= maxBytes
        || !clock.instant().isBefore(currentStart.plus(maxAge)))) {
      finish();
    }
  }

  private void start() throws IOException {
    currentStart = clock.instant();
    current = folder.resolve("." + finalName(currentStart) + IN_PROGRESS);
    entries = 0;
    output = format.create(current);
    completeSize = output.size();
  }

  /** Closes the current file and gives it its final, visible name. */
  private void finish() throws IOException {
    if (output == null) {
      return;
    }
    output.sync();
    output.close();
    output = null;
    Path target = visibleName(current);
    Files.move(current, target, StandardCopyOption.ATOMIC_MOVE);
    current = null;
    syncFolder();
    log.info("Finished {}", target);
  }

  /**
   * After a failed write: cuts the current file back to its last complete batch (truncating needs
   * no space) and shows it, or deletes it when it holds none; the next batch starts a new file.
   */
  private void abandonCurrent() {
    if (current == null) {
      return;
    }
    Path file = current;
    current = null;
    if (output != null) {
      try {
        output.close();
      } catch (IOException e) {
        log.debug("Closing {} after a failed write", file, e);
      }
      output = null;
    }
    try {
      if (entries == 0) {
        Files.deleteIfExists(file);
        return;
      }
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.truncate(completeSize);
        channel.force(true);
      }
      Path target = visibleName(file);
      Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
      syncFolder();
      log.info("Finished {} at its last complete batch after a failed write", target);
    } catch (IOException e) {
      log.warn("Cannot cut {} back to its last complete batch; it is recovered when the store"
          + " opens again", file, e);
    }
  }

  private void finishLeftovers() throws IOException {
    List<Path> leftovers = new ArrayList<>();
    try (DirectoryStream<Path> files =
        Files.newDirectoryStream(folder, "." + PREFIX + "*" + format.extension() + IN_PROGRESS)) {
      files.forEach(leftovers::add);
    }
    for (Path leftover : leftovers) {
      log.warn("Recovering {}, left in progress by an earlier run", leftover);
      recover(leftover);
    }
  }

  private void recover(Path inProgress) throws IOException {
    format.recover(inProgress, visibleName(inProgress));
    syncFolder();
  }

  /** {@code .citations-….jsonl.inprogress} → {@code citations-….jsonl}. */
  private Path visibleName(Path inProgress) {
    String name = inProgress.getFileName().toString();
    return folder.resolve(name.substring(1, name.length() - IN_PROGRESS.length()));
  }

  /** Makes renames durable where the platform allows syncing a folder (Linux, macOS). */
  private void syncFolder() {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      log.debug("Cannot sync folder {}", folder, e);
    }
  }

  /** {@code citations-<start>-<n>.<ext>}, the first n whose file does not exist yet. */
  private String finalName(Instant start) {
    String name;
    do {
      name = String.format("%s%s-%06d%s", PREFIX, STAMP.format(start), ++sequence,
          format.extension());
    } while (Files.exists(folder.resolve(name))
        || Files.exists(folder.resolve("." + name + IN_PROGRESS)));
    return name;
  }
}
