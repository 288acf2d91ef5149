package org.medlinestream.enrich.parse;

/**
 * A raw record that cannot become a citation (no PMID, a PMID that is not a positive integer,
 * bytes that are not UTF-8 text, broken XML), with the line of the record where the problem is.
 */
public class MalformedRecordException extends Exception {
  private static final long serialVersionUID = 1L;

  private final long line;
  private final String problem;

  /**
   * @param problem what is wrong, in words a user can act on
   * @param line 1-based line of the record where the problem was found
   */
  public MalformedRecordException(String problem, long line) {
    super(problem);
    this.line = line;
    this.problem = problem;
  }

  /** 1-based line of the record where the problem was found. */
  public long line() {
    return line;
  }

  /** What is wrong (the message); {@link #line()} says where. */
  public String problem() {
    return problem;
  }
}
