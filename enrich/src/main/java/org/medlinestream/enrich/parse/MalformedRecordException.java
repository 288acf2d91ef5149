package org.medlinestream.enrich.parse;

/**
 * A record that cannot become a citation: no PMID, a PMID that is not a positive integer, more than
 * one record in one value, or bytes that are not UTF-8 text. Names the line of the record (1 = its
 * first line) and what is wrong.
 */
public class MalformedRecordException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final String problem;

  public MalformedRecordException(int line, String problem) {
    super("line " + line + " of the record: " + problem);
    this.line = line;
    this.problem = problem;
  }

  /** Line of the record where the problem is, 1-based from the record's first line. */
  public int line() {
    return line;
  }

  /** What is wrong, without the line. */
  public String problem() {
    return problem;
  }
}
