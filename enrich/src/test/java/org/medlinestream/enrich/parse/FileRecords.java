package org.medlinestream.enrich.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medlinestream.avro.Citation;
import org.medlinestream.ingest.source.MedlineTextReader;
import org.medlinestream.ingest.source.RawRecord;
import org.medlinestream.ingest.source.RejectedInput;
import org.medlinestream.ingest.source.SourceItem;

/** A file split by {@link MedlineTextReader} and parsed: citations, refused input, parse errors. */
record FileRecords(List<Citation> citations, List<RejectedInput> refused, List<String> errors) {

  static FileRecords read(Path file) throws IOException {
    List<Citation> citations = new ArrayList<>();
    List<RejectedInput> refused = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    MedlineTextParser parser = new MedlineTextParser();
    try (InputStream in = Files.newInputStream(file);
        MedlineTextReader reader = new MedlineTextReader(in, file.getFileName().toString())) {
      for (SourceItem item; (item = reader.next()) != null; ) {
        if (item instanceof RawRecord raw) {
          try {
            citations.add(parser.parse(raw.value()));
          } catch (MalformedRecordException e) {
            errors.add(
                file.getFileName() + " line " + (raw.line() + e.line() - 1) + ": " + e.problem());
          }
        } else {
          refused.add((RejectedInput) item);
        }
      }
    }
    return new FileRecords(citations, refused, errors);
  }
}
