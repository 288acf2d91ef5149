package org.medlinestream.enrich.stream;

import org.medlinestream.avro.Citation;

/**
 * What the steps of {@link EnrichTopology} have made of one raw record so far. Each step turns the
 * outcome it handles into the next and passes the others on unchanged.
 */
sealed interface RawOutcome {
  /** A citation parsed (then enriched) from {@code raw}. */
  record Parsed(byte[] raw, Citation citation) implements RawOutcome {}

  /** The citation of {@code pmid} in the wire format, ready for the revision check. */
  record Serialized(String pmid, Revision revision, byte[] value) implements RawOutcome {}

  /** A deletion of {@code pmid}. */
  record Deletion(String pmid) implements RawOutcome {}

  /** A record refused by a step: its original bytes, bound for the dead-letter topic. */
  record Rejected(byte[] raw) implements RawOutcome {}
}
