package org.medlinestream.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.medlinestream.ingest.source.RawRecord;

/**
 * How far the ingest of one source has come, as committed in the checkpoint topic together with
 * the records it counts. The value is JSON, e.g. {@code {"file":"a.xml","position":5000,
 * "done":false,"records":4998,"deletes":0,"rejected":2,"bytes":31457280,"error":null}}.
 *
 * @param file the source's name
 * @param position the position of the last item (record or refused input) published
 * @param done true once the whole source is published (or refused): it is never read again
 * @param records records published, deletes included
 * @param deletes tombstones published for {@code DeleteCitation}s
 * @param rejected refused inputs sent to the dead-letter topic
 * @param bytes bytes of record values published
 * @param error why the source failed, or null; a done source with an error goes to {@code error/}
 */
public record Checkpoint(
    String file,
    long position,
    boolean done,
    long records,
    long deletes,
    long rejected,
    long bytes,
    String error) {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** Nothing published yet. */
  public static Checkpoint start(String file) {
    return new Checkpoint(file, 0, false, 0, 0, 0, 0, null);
  }

  Checkpoint withRecord(RawRecord record) {
    return new Checkpoint(file, record.position(), false, records + 1,
        deletes + (record.isDelete() ? 1 : 0), rejected, bytes + valueBytes(record), null);
  }

  Checkpoint withRejected(long itemPosition) {
    return new Checkpoint(file, itemPosition, false, records, deletes, rejected + 1, bytes, null);
  }

  Checkpoint finished(String failure) {
    return new Checkpoint(file, position, true, records, deletes, rejected, bytes, failure);
  }

  static long valueBytes(RawRecord record) {
    return record.isDelete() ? 0 : record.value().length;
  }

  byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a checkpoint always serializes", e);
    }
  }

  /** Reads a checkpoint record's value; an unreadable value is an error naming it. */
  static Checkpoint fromJson(byte[] json) {
    try {
      return JSON.readValue(json, Checkpoint.class);
    } catch (java.io.IOException e) {
      throw new IngestException("unreadable ingest checkpoint "
          + new String(json, StandardCharsets.UTF_8) + ": " + e.getMessage(), e);
    }
  }
}
