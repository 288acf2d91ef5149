package org.medlinestream.schemas;

import org.apache.avro.Schema;

/** Small schemas of one record type in three versions, as JSON with spaces (as users send them). */
public final class TinySchemas {
  /** {@code Tiny{pmid: string}}. */
  public static final String V1 = """
      { "type": "record", "name": "Tiny", "namespace": "test",
        "fields": [ { "name": "pmid", "type": "string" } ] }""";
  /** V1 plus an optional title: BACKWARD and FORWARD compatible with V1. */
  public static final String V2 = """
      { "type": "record", "name": "Tiny", "namespace": "test",
        "fields": [ { "name": "pmid", "type": "string" },
                    { "name": "title", "type": ["null", "string"], "default": null } ] }""";
  /** V1 plus a required year without default: new readers cannot read V1 data. */
  public static final String BREAKING = """
      { "type": "record", "name": "Tiny", "namespace": "test",
        "fields": [ { "name": "pmid", "type": "string" }, { "name": "year", "type": "int" } ] }""";

  private TinySchemas() {}

  /** The compact JSON the registry stores and answers with. */
  public static String compact(String schema) {
    return new Schema.Parser().parse(schema).toString();
  }
}
