package org.medlinestream.reliability;

/** What must become of a hostile input file (besides: no crash, no hang, nothing fetched). */
enum Expect {
  /** Refused with a reason: a dead letter from the file, or the file moved to error/. */
  REFUSED,
  /** Every record of the file arrives exactly as written; nothing is refused. */
  ARRIVES,
  /** Stored or refused, either is right; the good records beside it arrive. */
  ANY
}
