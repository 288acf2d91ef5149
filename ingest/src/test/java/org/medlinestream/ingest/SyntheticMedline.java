package org.medlinestream.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.medlinestream.ingest.source.PartsInputStream;

/**
 * Large MEDLINE text inputs built from the real records of {@code ../shared/data/medline-text},
 * each copy re-keyed to a PMID of its own ({@code PMID- <first + n>}), records separated by a
 * blank line. The split here is independent of the reader under test: a record is the lines from
 * one {@code PMID- } line to the next, blank lines dropped.
 */
final class SyntheticMedline {
  private final List<byte[]> bodies;

  private SyntheticMedline(List<byte[]> bodies) {
    this.bodies = bodies;
  }

  static Path sharedData() {
    return Path.of(System.getProperty("shared.data.dir", "../../shared/data"));
  }

  /** The records of every MEDLINE text file of the shared data, without their PMID line. */
  static SyntheticMedline fromSharedData() throws IOException {
    List<byte[]> bodies = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sharedData().resolve("medline-text"))) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        splitRecords(Files.readString(file, StandardCharsets.UTF_8), bodies);
      }
    }
    return new SyntheticMedline(bodies);
  }

  private static void splitRecords(String text, List<byte[]> bodies) {
    StringBuilder body = null;
    for (String line : text.replace("\r", "").split("\n")) {
      if (line.startsWith("PMID- ")) {
        add(body, bodies);
        body = new StringBuilder();
      } else if (body != null && !line.isBlank()) {
        body.append(line).append('\n');
      }
    }
    add(body, bodies);
  }

  private static void add(StringBuilder body, List<byte[]> bodies) {
    if (body != null) {
      bodies.add(body.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * Writes records keyed {@code firstPmid}, {@code firstPmid + 1}, ... until {@code minBytes} are
   * written and at least {@code minRecords}; returns how many.
   */
  long write(Path target, long minRecords, long minBytes, long firstPmid) throws IOException {
    Records records = stream(minRecords, minBytes, firstPmid);
    try (records) {
      Files.copy(records, target);
    }
    return records.count();
  }

  /** The records {@link #write} writes, made up as they are read: no file, no memory. */
  Records stream(long minRecords, long minBytes, long firstPmid) {
    return new Records(minRecords, minBytes, firstPmid);
  }

  /** A stream of re-keyed records; {@link #count()} says how many it has begun. */
  final class Records extends PartsInputStream {
    private final long minRecords;
    private final long minBytes;
    private final long firstPmid;
    private long records;
    private long bytes;

    private Records(long minRecords, long minBytes, long firstPmid) {
      this.minRecords = minRecords;
      this.minBytes = minBytes;
      this.firstPmid = firstPmid;
    }

    long count() {
      return records;
    }

    @Override
    protected byte[] nextPart() {
      if (records >= minRecords && bytes >= minBytes) {
        return null;
      }
      byte[] pmidLine = ("PMID- " + (firstPmid + records) + "\n")
          .getBytes(StandardCharsets.US_ASCII);
      byte[] body = bodies.get((int) (records % bodies.size()));
      byte[] record = new byte[pmidLine.length + body.length + 1];
      System.arraycopy(pmidLine, 0, record, 0, pmidLine.length);
      System.arraycopy(body, 0, record, pmidLine.length, body.length);
      record[record.length - 1] = '\n';
      records++;
      bytes += record.length;
      return record;
    }
  }
}
