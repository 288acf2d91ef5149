package org.medlinestream.sink.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medlinestream.avro.Citation;
import org.medlinestream.sink.CitationChange;

/**
 * The net effect of a batch on each PMID, with the batch's changes folded in order, so that each
 * PMID is touched once. The same outcome as applying the changes one by one:
 * a delete wins over everything before it; an upsert after a delete replaces unconditionally; of
 * two upserts the newer revision (the later one on a tie) survives; an upsert with nothing before
 * it in the batch is compared with what the store holds.
 */
final class BatchPlan {

  enum Action {
    /** Delete every row of the PMID. */
    DELETE,
    /** Delete every row of the PMID, then insert the citation. */
    REPLACE,
    /** Insert or replace the citation unless the store holds a newer revision or the same content. */
    UPSERT_IF_NOT_OLDER
  }

  /** What to do with one PMID. */
  record Step(String pmid, Action action, Citation citation) {}

  private BatchPlan() {}

  static List<Step> of(List<CitationChange> changes) {
    Map<String, Step> steps = new LinkedHashMap<>();
    for (CitationChange change : changes) {
      steps.merge(change.pmid(), first(change), (before, next) -> fold(before, next));
    }
    return new ArrayList<>(steps.values());
  }

  private static Step first(CitationChange change) {
    return change.isDelete()
        ? new Step(change.pmid(), Action.DELETE, null)
        : new Step(change.pmid(), Action.UPSERT_IF_NOT_OLDER, change.citation());
  }

  private static Step fold(Step before, Step next) {
    if (next.action() == Action.DELETE) {
      return next;
    }
    if (before.action() == Action.DELETE) {
      return new Step(next.pmid(), Action.REPLACE, next.citation());
    }
    return Revision.isOlder(next.citation(), before.citation())
        ? before
        : new Step(next.pmid(), before.action(), next.citation());
  }
}
