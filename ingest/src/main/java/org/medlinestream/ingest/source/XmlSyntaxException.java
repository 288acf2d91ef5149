package org.medlinestream.ingest.source;

/** Markup that {@link XmlByteScanner} cannot read: not well-formed, not UTF-8, or too large. */
final class XmlSyntaxException extends Exception {
  private final long line;

  XmlSyntaxException(String message, long line) {
    super(message, null, false, false);
    this.line = line;
  }

  /** 1-based line where the problem was found. */
  long line() {
    return line;
  }
}
