package org.medlinestream.sink.file;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.medlinestream.avro.Citation;
import org.medlinestream.sink.CitationChange;

/**
 * Avro object container files (deflate) whose schema is the union of {@code Citation} and {@code
 * org.medlinestream.sink.CitationDeletion {pmid, deleted=true}}: each entry is either a citation or
 * the delete of a PMID.
 */
final class AvroContainerFormat implements FileFormat {
  /** The record that stands for a delete (a tombstone on the citations topic). */
  static final Schema DELETION = SchemaBuilder.record("CitationDeletion")
      .namespace("org.medlinestream.sink")
      .doc("The PMID was deleted (a DeleteCitation, a tombstone on the citations topic).")
      .fields()
      .requiredString("pmid")
      .name("deleted").type().booleanType().booleanDefault(true)
      .endRecord();
  /** The schema of every entry: a citation or a deletion. */
  static final Schema ENTRY = Schema.createUnion(Citation.getClassSchema(), DELETION);

  private final SpecificDatumWriter<Object> datumWriter = new SpecificDatumWriter<>(ENTRY);

  @Override
  public String extension() {
    return ".avro";
  }

  @Override
  public byte[] encode(CitationChange change) {
    Object entry = change.citation();
    if (change.isDelete()) {
      GenericRecord deletion = new GenericData.Record(DELETION);
      deletion.put("pmid", change.pmid());
      deletion.put("deleted", true);
      entry = deletion;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
    try {
      datumWriter.write(entry, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  @Override
  public Output create(Path path) throws IOException {
    DataFileWriter<Object> writer = new DataFileWriter<>(new GenericDatumWriter<>(ENTRY))
        .setCodec(CodecFactory.deflateCodec(6));
    writer.create(ENTRY, path.toFile());
    return new Output() {
      @Override
      public void append(List<byte[]> encoded) throws IOException {
        for (byte[] entry : encoded) {
          writer.appendEncoded(ByteBuffer.wrap(entry));
        }
      }

      @Override
      public void sync() throws IOException {
        writer.fSync();
      }

      @Override
      public long size() throws IOException {
        return Files.size(path);
      }

      @Override
      public void close() throws IOException {
        writer.close();
      }
    };
  }

  private static boolean endsEarly(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof EOFException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Copies entries until the first that cannot be read (a torn block at the end). A file whose
   * header is torn holds no entry (entries are synced after the header) and is deleted.
   */
  @Override
  public void recover(Path damaged, Path target) throws IOException {
    DataFileReader<Object> reader;
    try {
      reader = new DataFileReader<>(damaged.toFile(), new GenericDatumReader<>(ENTRY));
    } catch (IOException e) {
      if (!endsEarly(e)) {
        throw new IOException("Cannot read " + damaged + ", left in progress by an earlier run;"
            + " move it out of the folder to go on", e);
      }
      Files.delete(damaged);
      return;
    }
    try (reader;
        DataFileWriter<Object> writer = new DataFileWriter<>(new GenericDatumWriter<>(ENTRY))
            .setCodec(CodecFactory.deflateCodec(6))) {
      writer.create(ENTRY, target.toFile());
      try {
        while (reader.hasNext()) {
          writer.append(reader.next());
        }
      } catch (RuntimeException tornBlock) {
        // Avro reports a torn block as AvroRuntimeException: everything before it is kept.
      }
      writer.fSync();
    }
    Files.delete(damaged);
  }
}
