package org.medlinestream.ingest.source;

import org.medlinestream.avro.RecordFormat;

/**
 * One raw record exactly as read, keyed by PMID. A {@code DeleteCitation} PMID has a null value.
 *
 * @param pmid the record's PMID
 * @param format the record's format
 * @param value the record's bytes as read (UTF-8), or null for a delete
 * @param position 1-based position among the source's items
 * @param line 1-based line where the record starts
 */
public record RawRecord(String pmid, RecordFormat format, byte[] value, long position, long line)
    implements SourceItem {

  public boolean isDelete() {
    return value == null;
  }
}
