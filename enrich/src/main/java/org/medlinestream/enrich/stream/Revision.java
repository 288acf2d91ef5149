package org.medlinestream.enrich.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.medlinestream.avro.Citation;

/**
 * The last revision of a PMID the topology applied: the raw record's content hash, the citation's
 * {@code pmidVersion} and {@code dateRevised}, or a deletion. Revisions are ordered by {@code
 * pmidVersion}, then by {@code dateRevised} (a citation without one is older than any with one).
 *
 * @param contentHash SHA-256 (hex) of the raw record, null for a deletion
 * @param pmidVersion the citation's {@code pmidVersion}, 0 for a deletion
 * @param dateRevised the citation's {@code dateRevised}, or null
 */
record Revision(String contentHash, int pmidVersion, LocalDate dateRevised) {
  private static final Revision DELETION = new Revision(null, 0, null);
  private static final Comparator<Revision> ORDER = Comparator.comparingInt(Revision::pmidVersion)
      .thenComparing(Revision::dateRevised, Comparator.nullsFirst(Comparator.naturalOrder()));
  private static final long NO_DATE = Long.MIN_VALUE;

  static Revision of(Citation citation) {
    return new Revision(citation.getProvenance().getContentHash(), citation.getPmidVersion(),
        citation.getDateRevised());
  }

  static Revision deletion() {
    return DELETION;
  }

  boolean isDeletion() {
    return contentHash == null;
  }

  /** This is the same raw record again (or the same deletion again). */
  boolean repeats(Revision applied) {
    return Objects.equals(contentHash, applied.contentHash);
  }

  /** This citation is older than the applied one; a deletion, or anything after one, never is. */
  boolean isOlderThan(Revision applied) {
    return !isDeletion() && !applied.isDeletion() && ORDER.compare(this, applied) < 0;
  }

  /** The state store's serde: version, epoch day (or none) and hash in a few bytes. */
  static Serde<Revision> serde() {
    return Serdes.serdeFrom(SERIALIZER, DESERIALIZER);
  }

  private static final Serializer<Revision> SERIALIZER = (topic, revision) -> {
    if (revision == null) {
      return null;
    }
    byte[] hash = revision.contentHash == null ? new byte[0]
        : revision.contentHash.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(Integer.BYTES + Long.BYTES + hash.length)
        .putInt(revision.pmidVersion)
        .putLong(revision.dateRevised == null ? NO_DATE : revision.dateRevised.toEpochDay())
        .put(hash)
        .array();
  };

  private static final Deserializer<Revision> DESERIALIZER = (topic, bytes) -> {
    if (bytes == null) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    int pmidVersion = buffer.getInt();
    long epochDay = buffer.getLong();
    String hash = buffer.hasRemaining()
        ? new String(bytes, buffer.position(), buffer.remaining(), StandardCharsets.UTF_8)
        : null;
    return new Revision(hash, pmidVersion, epochDay == NO_DATE ? null : LocalDate.ofEpochDay(epochDay));
  };
}
