package org.medlinestream.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.medlinestream.enrich.enrichment.Enricher;
import org.medlinestream.enrich.parse.MalformedRecordException;
import org.medlinestream.enrich.stream.RawRecordParser;
import org.medlinestream.ingest.source.RawRecord;
import org.medlinestream.ingest.source.RecordReader;
import org.medlinestream.ingest.source.RecordReaders;
import org.medlinestream.ingest.source.RejectedInput;
import org.medlinestream.ingest.source.SourceItem;

/**
 * Each input of the hostile corpus through ingest's reader, enrich's parser and the enricher, in
 * this JVM: every item is a citation, a refusal with a reason ({@link RejectedInput}, {@link
 * MalformedRecordException}) or a whole-file refusal ({@link IOException} with a message), never
 * another exception; within a time bound; contacting nothing (a {@link Canary} counts).
 */
class HostileInputReadersTest {
  private static final Duration BOUND = Duration.ofSeconds(60);
  private final RawRecordParser parser = new RawRecordParser("reliability");
  private final Enricher enricher = new Enricher();

  private static Canary canary;

  @BeforeAll
  static void openCanary() throws IOException {
    canary = new Canary();
  }

  @AfterAll
  static void nothingWasFetched() throws IOException {
    canary.close();
    assertThat(canary.connections()).as("connections to the canary").isZero();
  }

  @TestFactory
  Stream<DynamicTest> everyInputIsReadOrRefusedWithAReason() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (HostileInput input : HostileCorpusTest.all()) {
      tests.add(DynamicTest.dynamicTest(input.name(),
          () -> assertTimeoutPreemptively(BOUND, () -> readAndParse(input))));
    }
    return tests.stream();
  }

  private void readAndParse(HostileInput input) {
    byte[] bytes = canary.pointedAt(input.bytes());
    List<String> refusals = new ArrayList<>();
    List<String> parsed = new ArrayList<>();
    try (RecordReader reader = RecordReaders.open(new ByteArrayInputStream(bytes), input.name())) {
      for (SourceItem item; (item = reader.next()) != null; ) {
        if (item instanceof RejectedInput rejected) {
          assertThat(rejected.reason()).isNotBlank();
          refusals.add(rejected.reason());
        } else if (((RawRecord) item).isDelete()) {
          parsed.add(((RawRecord) item).pmid());
        } else {
          parse((RawRecord) item, parsed, refusals);
        }
      }
    } catch (IOException e) {
      assertThat(e.getMessage()).as("the reason a file is refused").isNotBlank();
      refusals.add(e.getMessage());
    }
    if (input.expect() == Expect.REFUSED) {
      assertThat(refusals).as("refusals of " + input.name()).isNotEmpty();
    }
    if (input.expect() == Expect.ARRIVES) {
      assertThat(refusals).as("refusals of " + input.name()).isEmpty();
    }
    assertThat(parsed).as("parsed records of " + input.name())
        .containsAll(input.arrives().keySet());
  }

  private void parse(RawRecord raw, List<String> parsed, List<String> refusals) {
    try {
      parsed.add(enricher.enrich(parser.parse(raw.value(), new RecordHeaders(), 0, null, 0))
          .getPmid());
    } catch (MalformedRecordException e) {
      assertThat(e.getMessage()).isNotBlank();
      refusals.add(e.getMessage());
    }
  }
}
