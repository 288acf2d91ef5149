package org.medlinestream.sink.file;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.medlinestream.schemas.json.AvroJson;
import org.medlinestream.sink.CitationChange;

/**
 * JSON Lines: one citation per line as {@link AvroJson} writes it (nulls left out), a delete as
 * {@code {"pmid":"123","deleted":true}}.
 */
final class JsonLinesFormat implements FileFormat {

  @Override
  public String extension() {
    return ".jsonl";
  }

  @Override
  public byte[] encode(CitationChange change) {
    String json;
    if (change.isDelete()) {
      ObjectNode tombstone = JsonNodeFactory.instance.objectNode();
      tombstone.put("pmid", change.pmid());
      tombstone.put("deleted", true);
      json = AvroJson.write(tombstone);
    } else {
      json = AvroJson.omittingNulls().toJson(change.citation());
    }
    return (json + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Output create(Path path) throws IOException {
    FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE);
    return new Output() {
      @Override
      public void append(List<byte[]> encoded) throws IOException {
        for (byte[] line : encoded) {
          ByteBuffer buffer = ByteBuffer.wrap(line);
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
        }
      }

      @Override
      public void sync() throws IOException {
        channel.force(false);
      }

      @Override
      public long size() throws IOException {
        return channel.size();
      }

      @Override
      public void close() throws IOException {
        channel.close();
      }
    };
  }

  /** Keeps everything up to the last line break. */
  @Override
  public void recover(Path damaged, Path target) throws IOException {
    try (FileChannel channel = FileChannel.open(damaged, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      long end = channel.size();
      ByteBuffer one = ByteBuffer.allocate(1);
      while (end > 0) {
        one.clear();
        channel.read(one, end - 1);
        if (one.get(0) == '\n') {
          break;
        }
        end--;
      }
      channel.truncate(end);
      channel.force(true);
    }
    Files.move(damaged, target);
  }
}
