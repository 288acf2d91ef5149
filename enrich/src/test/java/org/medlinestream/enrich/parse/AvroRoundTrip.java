package org.medlinestream.enrich.parse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.medlinestream.avro.Citation;

/** Writes a citation with its Avro schema and reads it back: proves it is a valid record. */
final class AvroRoundTrip {
  private AvroRoundTrip() {}

  static Citation of(Citation citation) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
      new SpecificDatumWriter<>(Citation.class).write(citation, encoder);
      encoder.flush();
      return new SpecificDatumReader<>(Citation.class)
          .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
