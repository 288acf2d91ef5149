package org.medlinestream.ingest.source;

import java.io.IOException;

/** A source that holds no record at all: empty, only blank, or in a format ingest cannot read. */
public final class UnreadableSourceException extends IOException {
  public UnreadableSourceException(String message) {
    super(message);
  }
}
