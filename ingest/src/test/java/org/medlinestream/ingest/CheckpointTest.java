package org.medlinestream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.medlinestream.avro.RecordFormat;
import org.medlinestream.ingest.source.RawRecord;

class CheckpointTest {
  @Test
  void countsRecordsDeletesRefusalsAndBytesAndRoundTripsAsJson() {
    Checkpoint checkpoint = Checkpoint.start("a.xml")
        .withRecord(new RawRecord("1", RecordFormat.PUBMED_XML, new byte[10], 1, 1))
        .withRejected(2)
        .withRecord(new RawRecord("2", RecordFormat.PUBMED_XML, null, 3, 9))
        .finished(null);

    assertThat(checkpoint).isEqualTo(new Checkpoint("a.xml", 3, true, 2, 1, 1, 10, null));
    assertThat(new String(checkpoint.toJson(), StandardCharsets.UTF_8)).isEqualTo(
        "{\"file\":\"a.xml\",\"position\":3,\"done\":true,\"records\":2,\"deletes\":1,"
            + "\"rejected\":1,\"bytes\":10,\"error\":null}");
    assertThat(Checkpoint.fromJson(checkpoint.toJson())).isEqualTo(checkpoint);
  }

  @Test
  void anUnreadableCheckpointIsAnErrorThatShowsIt() {
    assertThatThrownBy(() -> Checkpoint.fromJson("{not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IngestException.class)
        .hasMessageStartingWith("unreadable ingest checkpoint {not json");
  }
}
