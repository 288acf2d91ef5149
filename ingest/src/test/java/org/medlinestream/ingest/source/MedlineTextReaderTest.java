package org.medlinestream.ingest.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MedlineTextReaderTest {

  @Test
  void splitsAtPmidLinesAndBlankLinesSkippingEfetchsLeadingBlankLine() throws IOException {
    List<SourceItem> items = read("\nPMID- 1\nTI  - One\n      more\n\n\nPMID- 2\nTI  - Two\n");

    assertThat(items).hasSize(2);
    RawRecord first = (RawRecord) items.get(0);
    assertThat(first.pmid()).isEqualTo("1");
    assertThat(text(first.value())).isEqualTo("PMID- 1\nTI  - One\n      more\n");
    assertThat(first.line()).isEqualTo(2);
    assertThat(first.position()).isEqualTo(1);
    RawRecord second = (RawRecord) items.get(1);
    assertThat(second.pmid()).isEqualTo("2");
    assertThat(text(second.value())).isEqualTo("PMID- 2\nTI  - Two\n");
    assertThat(second.line()).isEqualTo(7);
    assertThat(second.position()).isEqualTo(2);
  }

  @Test
  void aPmidLineEndsTheRecordBeforeIt() throws IOException {
    assertThat(pmids(read("PMID- 1\nTI  - a\nPMID- 2\nTI  - b"))).containsExactly("1", "2");
  }

  @Test
  void keepsCrlfAndTheLastLineWithoutTerminatorAsRead() throws IOException {
    List<SourceItem> items = read("PMID- 7\r\nTI  - x\r\n\r\nPMID- 8\r\nTI  - y");

    assertThat(text(((RawRecord) items.get(0)).value())).isEqualTo("PMID- 7\r\nTI  - x\r\n");
    assertThat(text(((RawRecord) items.get(1)).value())).isEqualTo("PMID- 8\r\nTI  - y");
  }

  @Test
  void whitespaceOnlyLinesSeparateRecordsAndAreTrimmed() throws IOException {
    List<SourceItem> items = read("PMID- 1\nTI  - a\n   \t\r\n\nPMID- 2\n");

    assertThat(text(((RawRecord) items.get(0)).value())).isEqualTo("PMID- 1\nTI  - a\n");
    assertThat(pmids(items)).containsExactly("1", "2");
  }

  @Test
  void toleratesPmidWithoutSpace() throws IOException {
    assertThat(pmids(read("PMID-22664220\nPT  - Technical Report\n"))).containsExactly("22664220");
  }

  @Test
  void aFlattenedRecordOnOneLineIsOneRecord() throws IOException {
    String one = "PMID- 11 OWN - NLM TI - A title. AB - HR - 0.33 and more.";
    String two = "PMID- 12 OWN - NLM TI - Another.";
    List<SourceItem> items = read(one + "\n" + two + "\n");

    assertThat(pmids(items)).containsExactly("11", "12");
    assertThat(text(((RawRecord) items.get(0)).value())).isEqualTo(one + "\n");
  }

  @Test
  void tagLinesBeforeThePmidLineOfABlockBelongToTheRecord() throws IOException {
    List<SourceItem> items = read("\nPMC - PMC1\nPMID- 30\nTI  - t\n\nPMC - PMC2\nPMID- 31\n");

    assertThat(pmids(items)).containsExactly("30", "31");
    RawRecord second = (RawRecord) items.get(1);
    assertThat(text(second.value())).isEqualTo("PMC - PMC2\nPMID- 31\n");
    assertThat(second.line()).isEqualTo(6);
  }

  @Test
  void refusesTextBeforeTheFirstPmidAndKeepsTheRecordAfterIt() throws IOException {
    List<SourceItem> items = read("Hello there\nPMID- 5\nTI  - t\n");

    assertThat(items).hasSize(2);
    RejectedInput rejected = (RejectedInput) items.get(0);
    assertThat(rejected.line()).isEqualTo(1);
    assertThat(rejected.position()).isEqualTo(1);
    assertThat(rejected.reason())
        .startsWith("test.txt line 1: text outside any MEDLINE record")
        .contains("PMID- <number>");
    assertThat(text(rejected.bytes())).isEqualTo("Hello there\n");
    assertThat(((RawRecord) items.get(1)).pmid()).isEqualTo("5");
    assertThat(items.get(1).position()).isEqualTo(2);
  }

  @Test
  void refusesABlockWithoutPmidBetweenRecords() throws IOException {
    List<SourceItem> items =
        read("PMID- 1\nTI  - a\n\nThis line should be omitted.\n\nPMC -22664230\nTI-\n\nPMID- 2\n");

    assertThat(items).hasSize(4);
    assertThat(((RejectedInput) items.get(1)).reason()).startsWith("test.txt line 4: text outside");
    RejectedInput tags = (RejectedInput) items.get(2);
    assertThat(tags.reason()).startsWith("test.txt lines 6-7: text outside");
    assertThat(text(tags.bytes())).isEqualTo("PMC -22664230\nTI-\n");
    assertThat(pmids(items)).containsExactly("1", "2");
  }

  @Test
  void refusesPmidsThatAreNotPositiveIntegers() throws IOException {
    List<SourceItem> items =
        read("PMID- abc\nTI  - a\n\nPMID- 0\n\nPMID- \n\nPMID- 12x\n\nPMID- 3\n");

    assertThat(items).hasSize(5);
    assertThat(((RejectedInput) items.get(0)).reason())
        .isEqualTo(
            "test.txt line 1: 'PMID- abc' is not a positive integer PMID; correct the record's"
                + " PMID line");
    assertThat(((RejectedInput) items.get(0)).bytes())
        .isEqualTo("PMID- abc\nTI  - a\n".getBytes(UTF_8));
    assertThat(((RejectedInput) items.get(1)).reason()).contains("'PMID- 0'");
    assertThat(((RejectedInput) items.get(2)).reason()).contains("line 6: 'PMID- '");
    assertThat(((RejectedInput) items.get(3)).reason()).contains("'PMID- 12x'");
    assertThat(pmids(items)).containsExactly("3");
  }

  @Test
  void refusesInvalidUtf8NamingLineAndColumn() throws IOException {
    byte[] bad =
        concat(
            "PMID- 1\nTI  - ok\n\nPMID- 2\nTI  - caf".getBytes(UTF_8),
            new byte[] {(byte) 0xc3, '('},
            "\n\nPMID- 3\nTI  - Café\n".getBytes(UTF_8));
    List<SourceItem> items = read(bad);

    assertThat(pmids(items)).containsExactly("1", "3");
    RejectedInput rejected = (RejectedInput) items.get(1);
    assertThat(rejected.line()).isEqualTo(4);
    assertThat(rejected.reason())
        .startsWith("test.txt line 5, column 10: invalid UTF-8 byte 0xC3")
        .contains("convert it to UTF-8");
    assertThat(rejected.bytes()).hasSize(20);
  }

  @Test
  void refusesOverlongAndSurrogateEncodings() throws IOException {
    assertThat(rejectedReason(new byte[] {(byte) 0xc0, (byte) 0xaf})).contains("0xC0");
    assertThat(rejectedReason(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})).contains("0xED");
    assertThat(rejectedReason(new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}))
        .contains("0xF4");
    assertThat(rejectedReason(new byte[] {(byte) 0xe2, (byte) 0x80})).contains("0xE2");
  }

  @Test
  void refusesBinaryGarbageAndKeepsTheRecordsAround() throws IOException {
    byte[] garbage = {0x1f, (byte) 0x8b, 0x08, 0x00, 0x00, 0x00, 'x', '\n'};
    List<SourceItem> items =
        read(concat("PMID- 1\n\n".getBytes(UTF_8), garbage, "\nPMID- 2\n".getBytes(UTF_8)));

    assertThat(pmids(items)).containsExactly("1", "2");
    RejectedInput rejected = (RejectedInput) items.get(1);
    assertThat(rejected.reason()).startsWith("test.txt line 3, column 1: control byte 0x1F");
    assertThat(rejected.bytes()).isEqualTo(garbage);
  }

  @Test
  void refusesARecordOverTheBoundCutAtTheBoundAndGoesOn() throws IOException {
    String big = "PMID- 1\nAB  - " + "x".repeat(100) + "\n      " + "y".repeat(100) + "\n";
    List<SourceItem> items = read(("PMID- 9\n\n" + big + "\nPMID- 2\n").getBytes(UTF_8), 64);

    assertThat(pmids(items)).containsExactly("9", "2");
    RejectedInput rejected = (RejectedInput) items.get(1);
    assertThat(rejected.line()).isEqualTo(3);
    assertThat(rejected.reason())
        .startsWith("test.txt line 3: record or line larger than the 64-byte bound");
    assertThat(rejected.bytes()).hasSize(64).startsWith("PMID- 1\nAB  - xx".getBytes(UTF_8));
  }

  @Test
  void cutsAGiantLineWithoutBufferingIt() throws IOException {
    long giant = 50L << 20;
    InputStream in =
        new PaddedStream(
            "PMID- 1\nAB  - ".getBytes(UTF_8),
            giant,
            (byte) 'a',
            "\n\nPMID- 2\nTI  - t\n".getBytes(UTF_8));
    List<SourceItem> items = new ArrayList<>();
    try (MedlineTextReader reader = new MedlineTextReader(in, "giant.txt", 1 << 20)) {
      for (SourceItem item; (item = reader.next()) != null; ) {
        items.add(item);
      }
    }

    assertThat(items).hasSize(2);
    assertThat(((RejectedInput) items.get(0)).bytes()).hasSize(1 << 20);
    assertThat(((RawRecord) items.get(1)).pmid()).isEqualTo("2");
  }

  @Test
  void skipsAByteOrderMark() throws IOException {
    byte[] input =
        concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, "PMID- 4\n".getBytes(UTF_8));
    List<SourceItem> items = read(input);

    assertThat(text(((RawRecord) items.get(0)).value())).isEqualTo("PMID- 4\n");
  }

  @Test
  void emptyAndBlankInputsHaveNoItems() throws IOException {
    assertThat(read("")).isEmpty();
    assertThat(read("\n\r\n  \n")).isEmpty();
  }

  @Test
  void streamsManyRecordsThroughSmallReads() throws IOException {
    String record = "PMID- 123\nTI  - Title\nAB  - Text " + "z".repeat(500) + "\n\n";
    int copies = 20_000;
    InputStream in = new TrickleStream(record.getBytes(UTF_8), copies);
    long count = 0;
    try (MedlineTextReader reader = new MedlineTextReader(in, "many.txt")) {
      for (SourceItem item; (item = reader.next()) != null; ) {
        assertThat(item).isInstanceOf(RawRecord.class);
        count++;
      }
    }
    assertThat(count).isEqualTo(copies);
  }

  private static String rejectedReason(byte[] bytes) throws IOException {
    List<SourceItem> items =
        read(concat("PMID- 1\nTI  - ".getBytes(UTF_8), bytes, "\n".getBytes(UTF_8)));
    return ((RejectedInput) items.get(0)).reason();
  }

  static List<SourceItem> read(String text) throws IOException {
    return read(text.getBytes(UTF_8));
  }

  static List<SourceItem> read(byte[] bytes) throws IOException {
    return read(bytes, MedlineTextReader.DEFAULT_MAX_RECORD_BYTES);
  }

  static List<SourceItem> read(byte[] bytes, int bound) throws IOException {
    List<SourceItem> items = new ArrayList<>();
    try (MedlineTextReader reader =
        new MedlineTextReader(new ByteArrayInputStream(bytes), "test.txt", bound)) {
      for (SourceItem item; (item = reader.next()) != null; ) {
        items.add(item);
      }
    }
    return items;
  }

  static List<String> pmids(List<SourceItem> items) {
    return items.stream()
        .filter(RawRecord.class::isInstance)
        .map(item -> ((RawRecord) item).pmid())
        .toList();
  }

  private static String text(byte[] bytes) {
    return new String(bytes, UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** A prefix, then {@code count} copies of one byte made on the fly, then a suffix. */
  private static final class PaddedStream extends InputStream {
    private final byte[] prefix;
    private final byte[] suffix;
    private final byte filler;
    private final long count;
    private long pos;

    PaddedStream(byte[] prefix, long count, byte filler, byte[] suffix) {
      this.prefix = prefix;
      this.count = count;
      this.filler = filler;
      this.suffix = suffix;
    }

    @Override
    public int read() {
      long total = prefix.length + count + suffix.length;
      if (pos >= total) {
        return -1;
      }
      long p = pos++;
      if (p < prefix.length) {
        return prefix[(int) p];
      }
      p -= prefix.length;
      return p < count ? filler : suffix[(int) (p - count)];
    }

    @Override
    public int read(byte[] b, int off, int len) {
      long total = prefix.length + count + suffix.length;
      if (pos >= total) {
        return -1;
      }
      if (pos >= prefix.length && pos + len <= prefix.length + count) {
        java.util.Arrays.fill(b, off, off + len, filler);
        pos += len;
        return len;
      }
      int n = 0;
      while (n < len && pos < total) {
        b[off + n++] = (byte) read();
      }
      return n;
    }
  }

  /** Repeats a record, handing out at most 1000 bytes per read, like a slow pipe. */
  private static final class TrickleStream extends InputStream {
    private final byte[] record;
    private final long total;
    private long pos;

    TrickleStream(byte[] record, int copies) {
      this.record = record;
      this.total = (long) record.length * copies;
    }

    @Override
    public int read() {
      return pos < total ? record[(int) (pos++ % record.length)] : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= total) {
        return -1;
      }
      int n = (int) Math.min(Math.min(len, 1000), total - pos);
      for (int i = 0; i < n; i++) {
        b[off + i] = record[(int) (pos++ % record.length)];
      }
      return n;
    }
  }
}
