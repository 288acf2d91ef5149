package org.medlinestream.schemas.serde;

import java.io.ByteArrayOutputStream;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: byte 0 is the magic byte {@code 0}, bytes 1-4 the schema id (int32
 * big-endian), then the Avro binary encoding of the record (no container header).
 */
public final class WireFormat {
  public static final byte MAGIC_BYTE = 0;
  /** Magic byte and schema id. */
  public static final int HEADER_SIZE = 5;

  private WireFormat() {}

  /** Writes the magic byte and the schema id. */
  static void writeHeader(ByteArrayOutputStream out, int schemaId) {
    out.write(MAGIC_BYTE);
    out.write(schemaId >>> 24);
    out.write(schemaId >>> 16);
    out.write(schemaId >>> 8);
    out.write(schemaId);
  }

  /**
   * The schema id of a record in the wire format; a {@link SerializationException} naming the topic
   * when {@code data} is too short or does not start with the magic byte.
   */
  public static int schemaId(byte[] data, String topic) {
    if (data.length < HEADER_SIZE) {
      throw new SerializationException("a record of topic " + topic + " is " + data.length
          + " bytes long, too short for the Confluent wire format (magic byte 0, 4-byte schema id, Avro data)");
    }
    if (data[0] != MAGIC_BYTE) {
      throw new SerializationException(String.format("unknown magic byte 0x%02x in a record of topic %s: "
          + "it is not in the Confluent wire format (magic byte 0, 4-byte schema id, Avro data); "
          + "was it written by another serializer?", data[0], topic));
    }
    return (data[1] & 0xff) << 24 | (data[2] & 0xff) << 16 | (data[3] & 0xff) << 8 | (data[4] & 0xff);
  }
}
