package org.medlinestream.sink;

/**
 * Headers the sink adds to a record it sends to the dead-letter topic, beside the record's own key,
 * value and headers. Values are UTF-8 text.
 */
public final class DeadLetterHeaders {
  /** Where it failed: {@value #STAGE_DESERIALIZE} or {@value #STAGE_STORE}. */
  public static final String STAGE = "medline.error.stage";
  /** What went wrong, for a person. */
  public static final String REASON = "medline.error.reason";
  /** Class of the innermost exception, e.g. {@code org.postgresql.util.PSQLException}. */
  public static final String CLASS = "medline.error.class";
  /** Topic, partition and offset the record was consumed from. */
  public static final String TOPIC = "medline.error.topic";
  public static final String PARTITION = "medline.error.partition";
  public static final String OFFSET = "medline.error.offset";

  /** The value is not a citation (or the key is not its PMID). */
  public static final String STAGE_DESERIALIZE = "sink-deserialize";
  /** The store refused the citation. */
  public static final String STAGE_STORE = "sink-store";

  private DeadLetterHeaders() {}
}
