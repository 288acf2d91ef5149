package org.medlinestream.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import org.medlinestream.avro.RecordFormat;
import org.medlinestream.schemas.TextBytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits MEDLINE text (PubMed's "MEDLINE" export, efetch {@code rettype=medline}, {@code .nbib})
 * into raw records without parsing them.
 *
 * <p>A record starts at a line beginning {@code PMID-} (also the malformed {@code PMID-123}) and
 * ends before the next such line or at a blank line. Tag lines that open a blank-line separated
 * block before its {@code PMID-} line belong to that record (the PMC "MEDLARS" flavour puts {@code
 * PMC} first). Blank lines, efetch's leading blank line and a UTF-8 byte order mark are skipped; LF
 * and CRLF are kept as read. A record flattened onto one line is one record like any other.
 *
 * <p>Refused, each as a {@link RejectedInput} while the records beside it still come out: text
 * outside any record, a PMID that is not a positive integer, bytes that are not UTF-8 text (invalid
 * UTF-8, NUL and other control bytes), and records larger than the size bound (cut at the bound;
 * the rest is skipped, never buffered). Memory stays flat: one line and one record at most.
 */
public final class MedlineTextReader implements RecordReader {
  /** Default bound on the size of one record: 16 MiB. */
  public static final int DEFAULT_MAX_RECORD_BYTES = 16 << 20;

  private static final Logger log = LoggerFactory.getLogger(MedlineTextReader.class);
  private static final byte[] PMID_PREFIX = "PMID-".getBytes(StandardCharsets.US_ASCII);
  private static final int READ_SIZE = 1 << 16;
  private static final int MAX_SHOWN_PMID = 30;

  private enum State {
    BETWEEN_RECORDS,
    BEFORE_PMID,
    IN_RECORD
  }

  private enum LineKind {
    BLANK,
    PMID,
    OTHER
  }

  private final InputStream in;
  private final String sourceName;
  private final int maxRecordBytes;
  private final byte[] input = new byte[READ_SIZE];
  private int inputPos;
  private int inputEnd;

  private final Bytes line;
  private boolean lineCut;
  private long lineNumber;

  private final Bytes chunk;
  private boolean chunkCut;
  private long chunkFirstLine;
  private long chunkLastLine;
  private String chunkProblem;
  private boolean chunkHasOnlyTagLines;
  private String pmid;

  private State state = State.BETWEEN_RECORDS;
  private boolean finished;
  private long position;
  private final ArrayDeque<SourceItem> ready = new ArrayDeque<>(2);

  /** A reader with the default record-size bound. */
  public MedlineTextReader(InputStream in, String sourceName) {
    this(in, sourceName, DEFAULT_MAX_RECORD_BYTES);
  }

  /**
   * @param in decompressed MEDLINE text
   * @param sourceName file name (or {@code -}) used in the reasons of refused input
   * @param maxRecordBytes largest record (and line) accepted, in bytes
   */
  public MedlineTextReader(InputStream in, String sourceName, int maxRecordBytes) {
    if (maxRecordBytes < PMID_PREFIX.length + 1) {
      throw new IllegalArgumentException("maxRecordBytes too small: " + maxRecordBytes);
    }
    this.in = Objects.requireNonNull(in, "in");
    this.sourceName = Objects.requireNonNull(sourceName, "sourceName");
    this.maxRecordBytes = maxRecordBytes;
    this.line = new Bytes(256, maxRecordBytes);
    this.chunk = new Bytes(8192, maxRecordBytes);
  }

  @Override
  public SourceItem next() throws IOException {
    while (ready.isEmpty() && !finished) {
      if (readLine()) {
        accept();
      } else {
        finished = true;
        endOfInput();
      }
    }
    return ready.poll();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Reads the next line (with its terminator) into {@link #line}; false at the end of input. */
  private boolean readLine() throws IOException {
    line.length = 0;
    lineCut = false;
    boolean any = false;
    while (true) {
      if (inputPos == inputEnd && !fill()) {
        return any;
      }
      any = true;
      int newline = TextBytes.indexOf(input, inputPos, inputEnd, (byte) '\n');
      boolean found = newline >= 0;
      int stop = found ? newline + 1 : inputEnd;
      int room = maxRecordBytes - line.length;
      int length = stop - inputPos;
      if (length > room) {
        lineCut = true;
        length = room;
      }
      line.append(input, inputPos, length);
      inputPos = stop;
      if (found) {
        return true;
      }
    }
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = in.read(input, 0, input.length);
    } while (n == 0);
    inputPos = 0;
    inputEnd = Math.max(n, 0);
    return n > 0;
  }

  private void accept() {
    lineNumber++;
    if (lineNumber == 1) {
      skipByteOrderMark();
    }
    LineKind kind = classify();
    switch (state) {
      case BETWEEN_RECORDS -> {
        if (kind != LineKind.BLANK) {
          startChunk();
          if (kind == LineKind.PMID) {
            beginRecord();
          } else {
            state = State.BEFORE_PMID;
            chunkHasOnlyTagLines = isTagOrContinuationLine();
          }
        }
      }
      case BEFORE_PMID -> {
        if (kind == LineKind.BLANK) {
          refuseTextOutsideRecords();
          state = State.BETWEEN_RECORDS;
        } else if (kind == LineKind.PMID) {
          if (chunkHasOnlyTagLines && refusal() == null) {
            addLine();
          } else {
            refuseTextOutsideRecords();
            startChunk();
          }
          beginRecord();
        } else {
          addLine();
          chunkHasOnlyTagLines &= isTagOrContinuationLine();
        }
      }
      case IN_RECORD -> {
        if (kind == LineKind.BLANK) {
          finishRecord();
          state = State.BETWEEN_RECORDS;
        } else if (kind == LineKind.PMID) {
          finishRecord();
          startChunk();
          beginRecord();
        } else {
          addLine();
        }
      }
    }
  }

  private void endOfInput() {
    if (state == State.BEFORE_PMID) {
      refuseTextOutsideRecords();
    } else if (state == State.IN_RECORD) {
      finishRecord();
    }
    state = State.BETWEEN_RECORDS;
  }

  /** Starts a new chunk with the current line. */
  private void startChunk() {
    chunk.length = 0;
    chunkCut = false;
    chunkProblem = null;
    chunkFirstLine = lineNumber;
    pmid = null;
    addLine();
  }

  /** The current line is the record's PMID line (already in the chunk). */
  private void beginRecord() {
    state = State.IN_RECORD;
    int start = PMID_PREFIX.length;
    while (start < line.length && (line.data[start] == ' ' || line.data[start] == '\t')) {
      start++;
    }
    int end = start;
    boolean digits = true;
    boolean positive = false;
    while (end < line.length && !isWhitespace(line.data[end])) {
      byte b = line.data[end++];
      digits &= b >= '0' && b <= '9';
      positive |= b >= '1' && b <= '9';
    }
    if (digits && positive) {
      pmid = new String(line.data, start, end - start, StandardCharsets.US_ASCII);
    } else if (chunkProblem == null) {
      String shown =
          new String(
              line.data, start, Math.min(end - start, MAX_SHOWN_PMID), StandardCharsets.UTF_8);
      chunkProblem =
          where(lineNumber)
              + ": 'PMID- "
              + shown
              + "' is not a positive integer PMID; correct the record's PMID line";
    }
  }

  private void addLine() {
    chunkLastLine = lineNumber;
    if (chunkCut) {
      return;
    }
    int room = maxRecordBytes - chunk.length;
    if (lineCut || line.length > room) {
      chunkCut = true;
      chunk.append(line.data, 0, Math.min(room, line.length));
      return;
    }
    if (chunkProblem == null) {
      int bad = TextBytes.firstBadByte(line.data, 0, line.length);
      if (bad >= 0) {
        chunkProblem =
            where(lineNumber)
                + ", column "
                + (bad + 1)
                + ": "
                + TextBytes.describe(line.data, bad)
                + "; this is not UTF-8 MEDLINE text (compressed, binary or another encoding?):"
                + " decompress or convert it to UTF-8";
      }
    }
    chunk.append(line.data, 0, line.length);
  }

  private void finishRecord() {
    String problem = refusal();
    if (problem != null) {
      refuse(problem);
    } else {
      ready.add(
          new RawRecord(
              pmid,
              RecordFormat.MEDLINE_TEXT,
              Arrays.copyOf(chunk.data, chunk.length),
              ++position,
              chunkFirstLine));
    }
  }

  private void refuseTextOutsideRecords() {
    String problem = refusal();
    if (problem == null) {
      String lines =
          chunkLastLine == chunkFirstLine
              ? "line " + chunkFirstLine
              : "lines " + chunkFirstLine + "-" + chunkLastLine;
      problem =
          sourceName
              + " "
              + lines
              + ": text outside any MEDLINE record (no 'PMID- ' line before the next blank line"
              + " or record); remove it, or restore the record's 'PMID- <number>' line";
    }
    refuse(problem);
  }

  /** Why the chunk cannot be a record whatever its lines say, or null. */
  private String refusal() {
    return chunkCut ? tooLarge() : chunkProblem;
  }

  private String tooLarge() {
    return where(chunkFirstLine)
        + ": record or line larger than the "
        + maxRecordBytes
        + "-byte bound (kept the first "
        + chunk.length
        + " bytes); split the input, or raise the bound if the record is genuine";
  }

  private void refuse(String reason) {
    log.debug("Refused input: {}", reason);
    ready.add(
        new RejectedInput(
            ++position, chunkFirstLine, reason, Arrays.copyOf(chunk.data, chunk.length)));
  }

  private String where(long lineNo) {
    return sourceName + " line " + lineNo;
  }

  private LineKind classify() {
    if (!lineCut) {
      boolean blank = true;
      for (int i = 0; i < line.length && blank; i++) {
        blank = isWhitespace(line.data[i]);
      }
      if (blank) {
        return LineKind.BLANK;
      }
    }
    if (line.length < PMID_PREFIX.length) {
      return LineKind.OTHER;
    }
    for (int i = 0; i < PMID_PREFIX.length; i++) {
      if (line.data[i] != PMID_PREFIX[i]) {
        return LineKind.OTHER;
      }
    }
    return LineKind.PMID;
  }

  /**
   * A continuation line, or a line that opens like a tag line: 2 to 4 capitals, padding and a dash
   * by the 6th column ({@code PMC - PMC6055010}, {@code TI-}).
   */
  private boolean isTagOrContinuationLine() {
    byte[] b = line.data;
    if (line.length > 0 && (b[0] == ' ' || b[0] == '\t')) {
      return true;
    }
    int i = 0;
    while (i < line.length && i < 4 && b[i] >= 'A' && b[i] <= 'Z') {
      i++;
    }
    if (i < 2) {
      return false;
    }
    while (i < line.length && i < 5 && b[i] == ' ') {
      i++;
    }
    return i < line.length && b[i] == '-';
  }

  private void skipByteOrderMark() {
    if (line.length >= 3
        && line.data[0] == (byte) 0xef
        && line.data[1] == (byte) 0xbb
        && line.data[2] == (byte) 0xbf) {
      System.arraycopy(line.data, 3, line.data, 0, line.length - 3);
      line.length -= 3;
    }
  }

  private static boolean isWhitespace(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n';
  }

  /** A byte array that grows as needed up to a bound; callers never append past the bound. */
  private static final class Bytes {
    private final int bound;
    byte[] data;
    int length;

    Bytes(int capacity, int bound) {
      this.bound = bound;
      data = new byte[Math.min(capacity, bound)];
    }

    void append(byte[] src, int offset, int count) {
      if (length + count > data.length) {
        int grown = (int) Math.min(bound, Math.max(length + (long) count, data.length * 2L));
        data = Arrays.copyOf(data, grown);
      }
      System.arraycopy(src, offset, data, length, count);
      length += count;
    }
  }
}
