package org.medlinestream.enrich.stream;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.medlinestream.avro.RecordFormat;
import org.medlinestream.enrich.parse.MalformedRecordException;
import org.medlinestream.ingest.source.MedlineTextReader;
import org.medlinestream.ingest.source.PubmedXmlReader;
import org.medlinestream.ingest.source.RawRecord;
import org.medlinestream.ingest.source.RecordReader;
import org.medlinestream.ingest.source.SourceItem;
import org.medlinestream.schemas.RawHeaders;

/**
 * The real records of the shared data folder (system property {@code shared.data.dir}), split by
 * ingest's readers, with the headers ingest publishes them with. Input the readers refuse is left
 * out: ingest dead-letters it before enrich sees it.
 */
public final class Corpus {
  static final Path DIR = Path.of(System.getProperty("shared.data.dir", "../../shared/data"));
  static final long INGEST_TIME = 1_700_000_000_000L;
  private static final Pattern TEXT_PMID = Pattern.compile("(?m)(^PMID- *)\\d+");
  private static List<Item> all;
  private static final Pattern XML_PMID = Pattern.compile("(<PMID[^>]*>\\s*)\\d+");

  /** One raw record and the file it came from. */
  public record Item(String source, RawRecord record) {
    public String key() {
      return record.pmid();
    }

    public byte[] value() {
      return record.value();
    }

    /** The headers ingest writes with this record. */
    public Headers headers() {
      Headers headers = new RecordHeaders();
      RawHeaders.put(headers, RawHeaders.FORMAT, record.format() == RecordFormat.PUBMED_XML
          ? RawHeaders.FORMAT_PUBMED_XML : RawHeaders.FORMAT_MEDLINE_TEXT);
      RawHeaders.put(headers, RawHeaders.SOURCE, source);
      RawHeaders.put(headers, RawHeaders.POSITION, Long.toString(record.position()));
      RawHeaders.put(headers, RawHeaders.INGEST_TIME, Long.toString(INGEST_TIME));
      if (record.isDelete()) {
        RawHeaders.put(headers, RawHeaders.DELETE, "true");
      } else {
        RawHeaders.put(headers, RawHeaders.CONTENT_HASH, sha256(record.value()));
      }
      return headers;
    }
  }

  private Corpus() {}

  /**
   * {@code count} records made from the citations of the folder by giving each a PMID of its own
   * (from {@code firstPmid} up, in the PMID line or element): a corpus as large as a test or a
   * benchmark needs, every key once.
   */
  public static List<Item> rekeyed(int count, long firstPmid) {
    List<Item> bases = all().stream().filter(item -> !item.record().isDelete())
        .filter(item -> rekeysCleanly(item.record())).toList();
    List<Item> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Item base = bases.get(i % bases.size());
      String pmid = Long.toString(firstPmid + i);
      RawRecord record = base.record();
      items.add(new Item("rekeyed/" + base.source(), new RawRecord(pmid, record.format(),
          rekey(record, pmid), i + 1, record.line())));
    }
    return items;
  }

  private static byte[] rekey(RawRecord record, String pmid) {
    Pattern pattern = record.format() == RecordFormat.PUBMED_XML ? XML_PMID : TEXT_PMID;
    return utf8(pattern.matcher(new String(record.value(), UTF_8)).replaceFirst("$1" + pmid));
  }

  /** Whether the record parses and, rekeyed, has the new PMID (some robustness records do not). */
  private static boolean rekeysCleanly(RawRecord record) {
    try {
      return new Expected().citation(rekey(record, "99999999"), record.format()).getPmid().equals("99999999");
    } catch (MalformedRecordException | RuntimeException e) {
      return false;
    }
  }

  /** Every record of every file of the folder (sub-folders included), files sorted by path; read once. */
  public static synchronized List<Item> all() {
    if (all == null) {
      try (Stream<Path> walk = Files.walk(DIR)) {
        List<Item> items = new ArrayList<>();
        for (Path file : walk.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".md")).sorted().toList()) {
          items.addAll(read(file));
        }
        all = List.copyOf(items);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all;
  }

  /** The records of one file of the folder, e.g. {@code seed/000_c9b3f97c68c49ce2.txt}. */
  static List<Item> read(String relative) {
    return read(DIR.resolve(relative));
  }

  private static List<Item> read(Path file) {
    String name = file.getFileName().toString();
    List<Item> items = new ArrayList<>();
    try (InputStream in = open(file); RecordReader reader = name.matches(".*\\.xml(\\.gz)?")
        ? new PubmedXmlReader(in, name) : new MedlineTextReader(in, name)) {
      for (SourceItem item = reader.next(); item != null; item = reader.next()) {
        if (item instanceof RawRecord record) {
          items.add(new Item(DIR.relativize(file).toString(), record));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return items;
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    return file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(UTF_8);
  }
}
