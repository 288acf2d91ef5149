package org.medlinestream.ingest.source;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Runs a {@link PubmedXmlReader} to the end and sorts what it gave. */
final class ReaderRuns {
  private ReaderRuns() {}

  static List<SourceItem> readAll(String xml) throws IOException {
    return readAll(xml.getBytes(StandardCharsets.UTF_8));
  }

  static List<SourceItem> readAll(byte[] xml) throws IOException {
    return readAll(new ByteArrayInputStream(xml), PubmedXmlReader.DEFAULT_MAX_RECORD_BYTES);
  }

  static List<SourceItem> readAll(InputStream in, int maxRecordBytes) throws IOException {
    List<SourceItem> items = new ArrayList<>();
    try (PubmedXmlReader reader = new PubmedXmlReader(in, "test.xml", maxRecordBytes)) {
      for (SourceItem item = reader.next(); item != null; item = reader.next()) {
        items.add(item);
      }
    }
    return items;
  }

  static List<RawRecord> records(List<SourceItem> items) {
    return items.stream()
        .filter(RawRecord.class::isInstance)
        .map(RawRecord.class::cast)
        .collect(Collectors.toList());
  }

  static List<String> pmids(List<SourceItem> items) {
    return records(items).stream().map(RawRecord::pmid).collect(Collectors.toList());
  }

  static List<RejectedInput> rejects(List<SourceItem> items) {
    return items.stream()
        .filter(RejectedInput.class::isInstance)
        .map(RejectedInput.class::cast)
        .collect(Collectors.toList());
  }

  /** An input stream that hands out at most {@code chunk} bytes a read. */
  static InputStream inChunks(byte[] bytes, int chunk) {
    return new FilterInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }
}
