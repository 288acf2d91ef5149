package org.medlinestream.sink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medlinestream.sink.jdbc.BatchPlan.Action.DELETE;
import static org.medlinestream.sink.jdbc.BatchPlan.Action.REPLACE;
import static org.medlinestream.sink.jdbc.BatchPlan.Action.UPSERT_IF_NOT_OLDER;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medlinestream.avro.Citation;
import org.medlinestream.sink.CitationChange;
import org.medlinestream.sink.TestCitations;

class BatchPlanTest {
  private static final Citation OLD = version(2020, "old");
  private static final Citation NEW = version(2023, "new");
  private static final CitationChange DELETE_SEED = CitationChange.delete(TestCitations.SEED_PMID);

  private static Citation version(int year, String title) {
    return TestCitations.revised(TestCitations.seed(), LocalDate.of(year, 1, 1), title);
  }

  private static BatchPlan.Step only(CitationChange... changes) {
    List<BatchPlan.Step> steps = BatchPlan.of(List.of(changes));
    assertThat(steps).hasSize(1);
    return steps.get(0);
  }

  @Test
  void keepsOneStepPerPmidInFirstSeenOrder() {
    List<BatchPlan.Step> steps = BatchPlan.of(List.of(CitationChange.upsert(TestCitations.sygma()),
        CitationChange.upsert(OLD), CitationChange.upsert(TestCitations.group()),
        CitationChange.upsert(NEW)));

    assertThat(steps).extracting(BatchPlan.Step::pmid).containsExactly(TestCitations.SYGMA_PMID,
        TestCitations.SEED_PMID, TestCitations.GROUP_PMID);
  }

  @Test
  void theNewerOfTwoUpsertsSurvivesAndTheLaterOnATie() {
    assertThat(only(CitationChange.upsert(NEW), CitationChange.upsert(OLD)))
        .isEqualTo(new BatchPlan.Step(TestCitations.SEED_PMID, UPSERT_IF_NOT_OLDER, NEW));
    assertThat(only(CitationChange.upsert(OLD), CitationChange.upsert(NEW)).citation()).isEqualTo(NEW);
    Citation sameRevision = version(2023, "again");
    assertThat(only(CitationChange.upsert(NEW), CitationChange.upsert(sameRevision)).citation())
        .isEqualTo(sameRevision);
  }

  @Test
  void aDeleteWinsOverWhatCameBefore() {
    assertThat(only(CitationChange.upsert(NEW), DELETE_SEED).action()).isEqualTo(DELETE);
    assertThat(only(DELETE_SEED, CitationChange.upsert(NEW), DELETE_SEED).action()).isEqualTo(DELETE);
  }

  @Test
  void anUpsertAfterADeleteReplacesWhateverItsRevision() {
    assertThat(only(DELETE_SEED, CitationChange.upsert(OLD)))
        .isEqualTo(new BatchPlan.Step(TestCitations.SEED_PMID, REPLACE, OLD));
    assertThat(only(DELETE_SEED, CitationChange.upsert(NEW), CitationChange.upsert(OLD)))
        .isEqualTo(new BatchPlan.Step(TestCitations.SEED_PMID, REPLACE, NEW));
  }
}
