package org.medlinestream.app.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.medlinestream.avro.RecordFormat;
import org.medlinestream.enrich.parse.MalformedRecordException;
import org.medlinestream.enrich.parse.MedlineTextParser;
import org.medlinestream.enrich.parse.PubmedXmlParser;
import org.medlinestream.ingest.source.RawRecord;
import org.medlinestream.ingest.source.RecordReader;
import org.medlinestream.ingest.source.RecordReaders;
import org.medlinestream.ingest.source.SourceItem;

/**
 * The benchmark's input: N citations written as files, made from the real records of a folder by
 * giving each copy a PMID of its own (from {@link #FIRST_PMID} up, beyond real PMIDs). Both
 * formats keep their share of the folder's records, in any size of corpus: MEDLINE text files,
 * and PubMed XML files of
 * {@code PubmedArticleSet} (articles and book articles) or the older {@code MedlineCitationSet}.
 * Deletes, records that do not parse and the folder {@code robustness/} (edited records) are left
 * out, so that every record of the corpus becomes one citation.
 */
final class BenchCorpus {
  static final long FIRST_PMID = 90_000_001L;
  private static final int RECORDS_PER_FILE = 10_000;
  private static final Pattern TEXT_PMID = Pattern.compile("(?m)(^PMID- *)\\d+");
  private static final Pattern XML_PMID = Pattern.compile("(<PMID[^>]*>\\s*)\\d+");
  private static final String PROBE_PMID = "99999999";

  /** The files written, how many records of each format they hold, and their size. */
  record Written(List<Path> files, long records, long textRecords, long xmlRecords, long bytes,
      int baseRecords) {}

  /** A record of the folder that re-keys cleanly, and the XML set it belongs in. */
  private record Base(RawRecord record, Kind kind) {}

  /** Which kind of file a record is written to. */
  private enum Kind {
    MEDLINE_TEXT(".txt", "", "", "\n\n"),
    ARTICLE_SET(".xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PubmedArticleSet>\n",
        "</PubmedArticleSet>\n", "\n"),
    CITATION_SET(".xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<MedlineCitationSet>\n",
        "</MedlineCitationSet>\n", "\n");

    final String extension;
    final byte[] head;
    final byte[] tail;
    final byte[] separator;

    Kind(String extension, String head, String tail, String separator) {
      this.extension = extension;
      this.head = head.getBytes(UTF_8);
      this.tail = tail.getBytes(UTF_8);
      this.separator = separator.getBytes(UTF_8);
    }

    static Kind of(RawRecord record) {
      if (record.format() == RecordFormat.MEDLINE_TEXT) {
        return MEDLINE_TEXT;
      }
      return new String(record.value(), 0, Math.min(64, record.value().length), UTF_8)
          .stripLeading().startsWith("<MedlineCitation") ? CITATION_SET : ARTICLE_SET;
    }
  }

  private final List<Base> bases;

  private BenchCorpus(List<Base> bases) {
    this.bases = bases;
  }

  /** Reads the records of {@code folder} (sub-folders too, {@code robustness/} left out). */
  static BenchCorpus from(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new IOException("no folder of MEDLINE/PubMed records at " + folder.toAbsolutePath()
          + ": give one with --source DIR (the project's is ../shared/data beside the clone)");
    }
    List<Base> bases = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile)
          .filter(file -> !folder.relativize(file).startsWith("robustness"))
          .filter(file -> !file.toString().endsWith(".md"))
          .sorted().toList()) {
        bases.addAll(readBases(file));
      }
    }
    if (bases.isEmpty()) {
      throw new IOException("no MEDLINE text or PubMed XML record in " + folder.toAbsolutePath());
    }
    return new BenchCorpus(interleaved(bases));
  }

  /**
   * The records with both formats spread evenly (each at its place within its format, scaled to
   * the whole), so that any first N of them hold both formats in their share of the folder.
   */
  private static List<Base> interleaved(List<Base> bases) {
    Map<RecordFormat, List<Base>> byFormat = new EnumMap<>(RecordFormat.class);
    for (Base base : bases) {
      byFormat.computeIfAbsent(base.record().format(), format -> new ArrayList<>()).add(base);
    }
    Map<Base, Double> place = new IdentityHashMap<>();
    for (List<Base> group : byFormat.values()) {
      for (int i = 0; i < group.size(); i++) {
        place.put(group.get(i), (i + 0.5) / group.size());
      }
    }
    return bases.stream().sorted(Comparator.comparingDouble(place::get)).toList();
  }

  /** The number of distinct real records the corpus is made of. */
  int baseRecords() {
    return bases.size();
  }

  /** Writes {@code records} citations into {@code dir}, {@value #RECORDS_PER_FILE} per file. */
  Written write(Path dir, long records) throws IOException {
    Files.createDirectories(dir);
    Map<Kind, Writer> open = new EnumMap<>(Kind.class);
    List<Path> files = new ArrayList<>();
    long text = 0;
    try {
      for (long i = 0; i < records; i++) {
        Base base = bases.get((int) (i % bases.size()));
        byte[] value = rekey(base.record(), Long.toString(FIRST_PMID + i));
        Writer writer = open.get(base.kind());
        if (writer == null) {
          writer = new Writer(dir.resolve(String.format("corpus-%04d%s", files.size() + 1,
              base.kind().extension)), base.kind());
          files.add(writer.file);
          open.put(base.kind(), writer);
        }
        writer.write(value);
        text += base.kind() == Kind.MEDLINE_TEXT ? 1 : 0;
        if (writer.records == RECORDS_PER_FILE) {
          writer.close();
          open.remove(base.kind());
        }
      }
    } finally {
      for (Writer writer : open.values()) {
        writer.close();
      }
    }
    long bytes = 0;
    for (Path file : files) {
      bytes += Files.size(file);
    }
    return new Written(List.copyOf(files), records, text, records - text, bytes, bases.size());
  }

  private static List<Base> readBases(Path file) throws IOException {
    List<Base> found = new ArrayList<>();
    try (RecordReader reader = RecordReaders.open(file)) {
      for (SourceItem item = reader.next(); item != null; item = reader.next()) {
        if (item instanceof RawRecord record && !record.isDelete() && rekeysCleanly(record)) {
          found.add(new Base(record, Kind.of(record)));
        }
      }
    }
    return found;
  }

  /** Whether the record parses and, re-keyed, has the new PMID. */
  private static boolean rekeysCleanly(RawRecord record) {
    byte[] probe = rekey(record, PROBE_PMID);
    try {
      String pmid = record.format() == RecordFormat.PUBMED_XML
          ? new PubmedXmlParser().parse(probe).getPmid()
          : new MedlineTextParser().parse(probe).getPmid();
      return PROBE_PMID.equals(pmid);
    } catch (MalformedRecordException | RuntimeException e) {
      return false;
    }
  }

  private static byte[] rekey(RawRecord record, String pmid) {
    Pattern pmidPattern = record.format() == RecordFormat.PUBMED_XML ? XML_PMID : TEXT_PMID;
    return pmidPattern.matcher(new String(record.value(), UTF_8)).replaceFirst("$1" + pmid)
        .getBytes(UTF_8);
  }

  /** One corpus file being written. */
  private static final class Writer implements AutoCloseable {
    final Path file;
    private final Kind kind;
    private final OutputStream out;
    int records;

    Writer(Path file, Kind kind) throws IOException {
      this.file = file;
      this.kind = kind;
      this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
      out.write(kind.head);
    }

    void write(byte[] record) throws IOException {
      int end = record.length;
      while (end > 0 && (record[end - 1] == '\n' || record[end - 1] == '\r')) {
        end--;
      }
      out.write(record, 0, end);
      out.write(kind.separator);
      records++;
    }

    @Override
    public void close() throws IOException {
      out.write(kind.tail);
      out.close();
    }
  }

  /** Reads every record value of the corpus files into memory, in file order. */
  static List<RawRecord> readAll(List<Path> files) {
    List<RawRecord> records = new ArrayList<>();
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file);
          RecordReader reader = RecordReaders.open(in, file.toString())) {
        for (SourceItem item = reader.next(); item != null; item = reader.next()) {
          if (item instanceof RawRecord record) {
            records.add(record);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the corpus file " + file, e);
      }
    }
    return records;
  }
}
