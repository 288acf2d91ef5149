package org.medlinestream.enrich.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.medlinestream.ingest.source.PubmedXmlCorpus;
import org.medlinestream.ingest.source.PubmedXmlReader;
import org.medlinestream.ingest.source.RawRecord;
import org.medlinestream.ingest.source.SourceItem;

/** The PubMed XML records of {@code shared.data.dir}/pubmed-xml, for benchmarks. */
final class PubmedXmlRecords {
  private PubmedXmlRecords() {}

  /** Every file, decompressed into memory. */
  static List<byte[]> files() {
    return PubmedXmlCorpus.files().stream().map(PubmedXmlCorpus::bytes).toList();
  }

  /** The records of {@code files} (deletions left out), split as ingest splits them. */
  static List<byte[]> split(List<byte[]> files) {
    List<byte[]> records = new ArrayList<>();
    for (byte[] file : files) {
      try (PubmedXmlReader reader = new PubmedXmlReader(new ByteArrayInputStream(file), "bench")) {
        for (SourceItem item = reader.next(); item != null; item = reader.next()) {
          RawRecord record = (RawRecord) item;
          if (!record.isDelete()) {
            records.add(record.value());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return records;
  }
}
