package org.medlinestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
  @Test
  void theBarShowsTheShareReadFilesRecordsAndThroughput() {
    IngestSummary half = new IngestSummary(4, 2, 0, 0, 12_345, 3, 1, 50_000_000, 500, 1000,
        "pubmed25n0002.xml.gz", Duration.ofSeconds(10));
    assertThat(ProgressReporter.bar(half)).isEqualTo("[############            ]  50% 2/4 files,"
        + " 12,345 records, 1 rejected, 5.0 MB/s, pubmed25n0002.xml.gz");
  }

  @Test
  void withoutAKnownTotalItIsAPlainLineAndTheSummarySaysEverything() {
    IngestSummary watching = new IngestSummary(-1, 7, 1, 2, 1000, 10, 4, 2_000_000, 9, -1,
        "x.xml", Duration.ofSeconds(65));
    assertThat(ProgressReporter.bar(watching))
        .isEqualTo("7 files, 1,000 records, 4 rejected, 0.0 MB/s, x.xml");
    assertThat(watching.describe()).isEqualTo("7 file(s) (1 failed, 2 already done), 1,000"
        + " records (10 deletes), 4 rejected, 2.0 MB in 0:01:05: 15 records/s, 0.0 MB/s");
  }
}
