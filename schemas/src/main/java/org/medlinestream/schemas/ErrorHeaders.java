package org.medlinestream.schemas;

/**
 * The headers that say why a record is on the dead-letter topic ({@link Topics#DLQ}), in the
 * spirit of Kafka Connect's {@code __connect.errors.*}. Values are UTF-8 text; see {@link
 * RawHeaders#put} and {@link RawHeaders#get}.
 */
public final class ErrorHeaders {
  /** The stage that refused the record: {@code ingest}, {@code enrich}, {@code sink}. */
  public static final String STAGE = "medline.error.stage";
  /** What is wrong, in words a user can act on. */
  public static final String REASON = "medline.error.reason";
  /** File (or {@code -} for standard input) the refused input was read from. */
  public static final String SOURCE = "medline.error.source";
  /** 1-based position of the refused input among the items of its source. */
  public static final String POSITION = "medline.error.position";
  /** 1-based line of the source where the refused input starts. */
  public static final String LINE = "medline.error.line";
  /** 1-based line, within the refused record, where the problem was found. */
  public static final String RECORD_LINE = "medline.error.record.line";
  /** The step of the stage that failed, e.g. {@code parse}, {@code enrich}, {@code serialize}. */
  public static final String STEP = "medline.error.step";
  /** Class name of the exception that refused the record (the sink names the innermost cause). */
  public static final String EXCEPTION = "medline.error.exception";
  /** Topic the refused record was read from. */
  public static final String TOPIC = "medline.error.topic";
  /** Partition the refused record was read from. */
  public static final String PARTITION = "medline.error.partition";
  /** Offset the refused record was read from. */
  public static final String OFFSET = "medline.error.offset";

  public static final String STAGE_INGEST = "ingest";
  public static final String STAGE_ENRICH = "enrich";
  public static final String STAGE_SINK = "sink";

  /** Steps ({@link #STEP}) of the enrich and sink stages. */
  public static final String STEP_KEY = "key";
  public static final String STEP_PARSE = "parse";
  public static final String STEP_ENRICH = "enrich";
  public static final String STEP_SERIALIZE = "serialize";
  /** The value is not a citation in the registry's wire format. */
  public static final String STEP_DESERIALIZE = "deserialize";
  /** The database refused the citation. */
  public static final String STEP_STORE = "store";

  private ErrorHeaders() {}
}
