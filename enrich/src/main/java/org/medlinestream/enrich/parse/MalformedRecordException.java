package org.medlinestream.enrich.parse;

/** A raw record that cannot be parsed into a citation, with the line where the problem is. */
public class MalformedRecordException extends Exception {
  private final long line;

  /**
   * @param message what is wrong, in words a user can act on
   * @param line 1-based line of the record where the problem was found
   */
  public MalformedRecordException(String message, long line) {
    super(message);
    this.line = line;
  }

  /** 1-based line of the record where the problem was found. */
  public long line() {
    return line;
  }
}
