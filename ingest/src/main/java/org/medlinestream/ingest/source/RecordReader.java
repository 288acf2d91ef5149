package org.medlinestream.ingest.source;

import java.io.Closeable;
import java.io.IOException;

/**
 * Splits one source (a file or a stream) into raw records without building the citation model.
 * Memory stays flat whatever the source's size: one record at a time.
 */
public interface RecordReader extends Closeable {
  /**
   * The next record or refused input, or null at the end of the source.
   *
   * @throws IOException when the source cannot be read any further (truncated gzip, I/O error);
   *     the items already returned stand
   */
  SourceItem next() throws IOException;
}
