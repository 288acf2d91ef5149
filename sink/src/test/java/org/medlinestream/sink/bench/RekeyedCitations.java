package org.medlinestream.sink.bench;

import java.util.ArrayList;
import java.util.List;
import org.medlinestream.avro.Citation;
import org.medlinestream.sink.pipeline.RealRecords;

/**
 * The real citations of the shared data ({@link RealRecords}), one per PMID, cycled and given
 * PMIDs of their own ({@value #FIRST_PMID}, {@value #FIRST_PMID} + 1, …) until there are as many as
 * asked for: a corpus of distinct PMIDs with real shapes and sizes.
 */
final class RekeyedCitations {
  static final int FIRST_PMID = 60_000_000;

  private RekeyedCitations() {}

  static List<Citation> of(int count) {
    List<Citation> real = RealRecords.get().distinctCitations(Integer.MAX_VALUE);
    List<Citation> corpus = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      corpus.add(Citation.newBuilder(real.get(i % real.size()))
          .setPmid(Integer.toString(FIRST_PMID + i)).build());
    }
    return corpus;
  }
}
