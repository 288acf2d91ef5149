package org.medlinestream.schemas;

/** Every topic of the pipeline, named once. Each name can be overridden in configuration. */
public final class Topics {
  /** Raw records as read: key PMID (UTF-8), value the raw MEDLINE text or XML element; see {@link RawHeaders}. */
  public static final String RAW = "medline.raw";
  /** Enriched citations: key PMID (UTF-8), value {@code Citation} in the Confluent wire format; compacted. */
  public static final String CITATIONS = "medline.citations";
  /** Records that could not be processed: original key, value and headers plus error headers. */
  public static final String DLQ = "medline.dlq";
  /**
   * Ingest progress: key the identity of a source file, value JSON {@code {file, position, done,
   * records, deletes, rejected, error}}; written in the same transaction as the records; compacted.
   */
  public static final String INGEST_CHECKPOINTS = "medline.ingest.checkpoints";
  /** The schema registry's store: one partition, compacted, Confluent's key/value format. */
  public static final String SCHEMAS = "_schemas";

  private Topics() {}
}
