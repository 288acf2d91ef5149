package org.medlinestream.ingest.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real files gzipped and cut at several points: the readers opened by {@link RecordReaders} give
 * every record that is complete before the cut, then fail (a buffer over gzip once lost up to 64
 * KiB of records before the cut). Which records are complete is found with plain string searches
 * over the whole file, not with the readers.
 */
class TruncatedGzipTest {
  private static final double[] CUTS = {0.11, 0.47, 0.89};
  private static final Pattern PMID_LINE = Pattern.compile("(?m)^PMID- *(\\d+)");
  private static final Pattern TEXT_RECORD_END = Pattern.compile("\n\r?\n|\nPMID-[^\n]*\n");

  static Stream<Arguments> cutFiles() {
    List<Arguments> cases = new ArrayList<>();
    for (Path file : PubmedXmlCorpus.files()) {
      if (file.toString().endsWith(".gz")) {
        String xml = new String(PubmedXmlCorpus.bytes(file), UTF_8);
        addCuts(cases, file.getFileName().toString(), read(file), xmlRecords(xml));
      }
    }
    Path text = PubmedXmlCorpus.folder().resolveSibling("medline-text");
    for (String name : List.of("holub008_nbib__pubmed-balloongui-set.nbib",
        "p1m_ortho/citations.nbib")) {
      byte[] bytes = PubmedXmlCorpus.bytes(text.resolve(name));
      addCuts(cases, name + ".gz", gzip(bytes), textRecords(new String(bytes, UTF_8)));
    }
    return cases.stream();
  }

  private static void addCuts(List<Arguments> cases, String name, byte[] gz,
      List<Ending> records) {
    for (double cut : CUTS) {
      cases.add(Arguments.of(name, Arrays.copyOf(gz, (int) (gz.length * cut)), records));
    }
    cases.add(Arguments.of(name + " (trailer cut)", Arrays.copyOf(gz, gz.length - 4), records));
  }

  @ParameterizedTest(name = "{0}, {index}")
  @MethodSource("cutFiles")
  void everyRecordCompleteBeforeTheCutComesOutThenTheReaderFails(String name, byte[] cut,
      List<Ending> records) {
    int inflated = inflatableChars(cut);
    List<String> expected = records.stream()
        .filter(r -> r.end() <= inflated)
        .map(Ending::pmid)
        .toList();
    List<String> read = new ArrayList<>();
    IOException failure = null;
    try (RecordReader reader = RecordReaders.open(new ByteArrayInputStream(cut), name)) {
      for (SourceItem item = reader.next(); item != null; item = reader.next()) {
        if (item instanceof RawRecord record && !record.isDelete()) {
          read.add(record.pmid());
        }
      }
    } catch (IOException e) {
      failure = e;
    }

    assertThat(failure).as("the reader reports the cut").isNotNull();
    assertThat(read).isEqualTo(expected);
  }

  /** A record's PMID and the offset (in characters) where it is known to be complete. */
  record Ending(String pmid, int end) {}

  /**
   * How many characters the cut gzip inflates to. A plain {@link GZIPInputStream} hands out what
   * it inflated before it fails (it is a buffer in front of it that can lose bytes); a character
   * cut in two does not count.
   */
  private static int inflatableChars(byte[] cut) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(cut))) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
      }
    } catch (IOException expectedAtTheCut) {
      // out holds all that was inflated
    }
    String text = out.toString(UTF_8);
    return text.endsWith("\uFFFD") ? text.indexOf('\uFFFD', Math.max(0, text.length() - 4))
        : text.length();
  }

  /** Records (not deletes) of a whole file, found with the corpus's regexes, not the reader. */
  private static List<Ending> xmlRecords(String xml) {
    return PubmedXmlCorpus.expected(xml.getBytes(UTF_8)).stream()
        .filter(e -> !e.delete())
        .map(e -> new Ending(e.pmid(), e.offset() + e.text().length()))
        .toList();
  }

  /**
   * A {@code PMID-} line's record is complete after the next blank line or PMID line; the last one
   * is complete only at the end of the file, never known in a cut one.
   */
  private static List<Ending> textRecords(String text) {
    List<Ending> records = new ArrayList<>();
    Matcher pmid = PMID_LINE.matcher(text);
    Matcher end = TEXT_RECORD_END.matcher(text);
    while (pmid.find()) {
      records.add(new Ending(pmid.group(1), end.find(pmid.end()) ? end.end() : Integer.MAX_VALUE));
    }
    return records;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return gz.toByteArray();
  }
}
