package org.medlinestream.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.medlinestream.avro.RecordFormat;
import org.medlinestream.ingest.source.RawRecord;
import org.medlinestream.ingest.source.RecordReader;
import org.medlinestream.ingest.source.RejectedInput;
import org.medlinestream.ingest.source.SourceItem;

/**
 * A tiny reader for tests of the publishing side: {@code PMID <n> <text>} is a record, {@code
 * DELETE <n>} a delete, {@code FAIL} an I/O error, any other non-blank line refused input.
 */
final class LineRecordReader implements RecordReader {
  private final BufferedReader lines;
  private long line;
  private long position;

  LineRecordReader(InputStream in, String sourceName) {
    this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  @Override
  public SourceItem next() throws IOException {
    String text;
    do {
      text = lines.readLine();
      line++;
      if (text == null) {
        return null;
      }
    } while (text.isBlank());
    position++;
    String[] words = text.split(" ", 3);
    if (words[0].equals("PMID")) {
      return new RawRecord(words[1], RecordFormat.MEDLINE_TEXT,
          text.getBytes(StandardCharsets.UTF_8), position, line);
    }
    if (words[0].equals("DELETE")) {
      return new RawRecord(words[1], RecordFormat.PUBMED_XML, null, position, line);
    }
    if (words[0].equals("FAIL")) {
      throw new IOException("unexpected end of input at line " + line);
    }
    return new RejectedInput(position, line, "not a record: " + text,
        text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
