package org.medlinestream.sink.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.Provenance;
import org.medlinestream.avro.RecordFormat;
import org.medlinestream.enrich.enrichment.Enricher;
import org.medlinestream.enrich.parse.MalformedRecordException;
import org.medlinestream.enrich.parse.MedlineTextParser;
import org.medlinestream.enrich.parse.PubmedXmlParser;
import org.medlinestream.ingest.source.MedlineTextReader;
import org.medlinestream.ingest.source.PubmedXmlReader;
import org.medlinestream.ingest.source.RawRecord;
import org.medlinestream.ingest.source.RecordReader;
import org.medlinestream.ingest.source.RejectedInput;
import org.medlinestream.ingest.source.SourceItem;
import org.medlinestream.sink.CitationChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every record of the shared data folder (system property {@code shared.data.dir}) except {@code
 * robustness/}, as the pipeline publishes them to the citations topic: split by the ingest readers,
 * parsed by the parsers, enriched by {@link Enricher}, with provenance; a {@code DeleteCitation}
 * becomes a delete. In file order (files sorted by path), read once per JVM.
 *
 * @param changes the citations and deletes, in order
 * @param problems refused input and records that did not parse, each naming file and line
 */
public record RealRecords(List<CitationChange> changes, List<String> problems) {
  public static final Path DATA =
      Path.of(System.getProperty("shared.data.dir", "../../shared/data"));
  private static final List<String> FOLDERS = List.of("seed", "medline-text", "pubmed-xml");
  private static final Logger log = LoggerFactory.getLogger(RealRecords.class);
  private static RealRecords loaded;

  public RealRecords {
    changes = Collections.unmodifiableList(changes);
    problems = Collections.unmodifiableList(problems);
  }

  /** The records, read on first use. */
  public static synchronized RealRecords get() {
    if (loaded == null) {
      try {
        long start = System.nanoTime();
        loaded = read(DATA);
        log.info("Read {} changes of the shared data in {} ms ({} problem(s))",
            loaded.changes.size(), (System.nanoTime() - start) / 1_000_000, loaded.problems.size());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the shared data in " + DATA.toAbsolutePath()
            + " (set -Dshared.data.dir)", e);
      }
    }
    return loaded;
  }

  /** The citations among the changes. */
  public List<Citation> citations() {
    return changes.stream().filter(change -> !change.isDelete()).map(CitationChange::citation)
        .toList();
  }

  /** The first {@code n} citations with PMIDs of their own. */
  public List<Citation> distinctCitations(int n) {
    Map<String, Citation> first = new LinkedHashMap<>();
    citations().forEach(citation -> first.putIfAbsent(citation.getPmid(), citation));
    return first.values().stream().limit(n).toList();
  }

  private static RealRecords read(Path data) throws IOException {
    Reading reading = new Reading();
    for (String folder : FOLDERS) {
      try (Stream<Path> files = Files.walk(data.resolve(folder))) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          reading.file(data.relativize(file).toString(), file);
        }
      }
    }
    return new RealRecords(reading.changes, reading.problems);
  }

  /** One pass over the files; parsers are not thread-safe, so each pass has its own. */
  private static final class Reading {
    private final MedlineTextParser textParser = new MedlineTextParser();
    private final PubmedXmlParser xmlParser = new PubmedXmlParser();
    private final Enricher enricher = new Enricher();
    private final Instant now = Instant.now();
    private final List<CitationChange> changes = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    void file(String name, Path file) throws IOException {
      boolean xml = name.endsWith(".xml") || name.endsWith(".xml.gz");
      try (InputStream bytes = Files.newInputStream(file);
          InputStream in = name.endsWith(".gz") ? new GZIPInputStream(bytes) : bytes;
          RecordReader reader = xml ? new PubmedXmlReader(in, name)
              : new MedlineTextReader(in, name)) {
        for (SourceItem item; (item = reader.next()) != null; ) {
          if (item instanceof RawRecord raw) {
            record(name, raw);
          } else {
            RejectedInput refused = (RejectedInput) item;
            problems.add(name + " line " + refused.line() + ": " + refused.reason());
          }
        }
      }
    }

    private void record(String name, RawRecord raw) {
      if (raw.isDelete()) {
        changes.add(CitationChange.delete(raw.pmid()));
        return;
      }
      try {
        Citation parsed = raw.format() == RecordFormat.PUBMED_XML
            ? xmlParser.parse(raw.value()) : textParser.parse(raw.value());
        Citation enriched = enricher.enrich(parsed);
        enriched.setProvenance(Provenance.newBuilder().setFormat(raw.format())
            .setSourceFile(name).setRecordPosition(raw.position()).setEnrichTime(now)
            .setPipelineVersion("sink-tests").build());
        changes.add(CitationChange.upsert(enriched));
      } catch (MalformedRecordException e) {
        problems.add(name + " line " + (raw.line() + e.line() - 1) + ": " + e.getMessage());
      }
    }
  }
}
