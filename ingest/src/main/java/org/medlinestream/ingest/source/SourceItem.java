package org.medlinestream.ingest.source;

/** What a {@link RecordReader} yields: a raw record, or input it refused with the reason. */
public sealed interface SourceItem permits RawRecord, RejectedInput {
  /** 1-based position of the item among the items of its source. */
  long position();

  /** 1-based line of the source where the item starts. */
  long line();
}
