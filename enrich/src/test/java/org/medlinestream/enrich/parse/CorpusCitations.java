package org.medlinestream.enrich.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.medlinestream.avro.Citation;
import org.medlinestream.ingest.source.PubmedXmlCorpus;
import org.medlinestream.ingest.source.PubmedXmlReader;
import org.medlinestream.ingest.source.RawRecord;
import org.medlinestream.ingest.source.SourceItem;

/** Citations of the real files, split by {@link PubmedXmlReader} and parsed (once a file). */
final class CorpusCitations {
  private static final Map<String, List<Citation>> PARSED = new ConcurrentHashMap<>();

  private CorpusCitations() {}

  /** Every citation of {@code file} (relative to the pubmed-xml folder), deletes left out. */
  static List<Citation> all(String file) throws IOException, MalformedRecordException {
    List<Citation> parsed = PARSED.get(file);
    if (parsed == null) {
      parsed = List.copyOf(parse(file));
      PARSED.put(file, parsed);
    }
    return parsed;
  }

  private static List<Citation> parse(String file) throws IOException, MalformedRecordException {
    PubmedXmlParser parser = new PubmedXmlParser();
    List<Citation> citations = new ArrayList<>();
    byte[] xml = PubmedXmlCorpus.bytes(PubmedXmlCorpus.file(file));
    try (PubmedXmlReader reader = new PubmedXmlReader(new ByteArrayInputStream(xml), file)) {
      for (SourceItem item = reader.next(); item != null; item = reader.next()) {
        RawRecord record = (RawRecord) item;
        if (!record.isDelete()) {
          citations.add(parser.parse(record.value()));
        }
      }
    }
    return citations;
  }

  /** The citation {@code pmid} of {@code file}. */
  static Citation one(String file, String pmid) throws IOException, MalformedRecordException {
    return all(file).stream()
        .filter(citation -> citation.getPmid().equals(pmid))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no PMID " + pmid + " in " + file));
  }
}
