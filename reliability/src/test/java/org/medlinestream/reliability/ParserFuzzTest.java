package org.medlinestream.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.medlinestream.avro.Citation;
import org.medlinestream.enrich.parse.MalformedRecordException;
import org.medlinestream.enrich.parse.MedlineTextParser;
import org.medlinestream.enrich.parse.PubmedXmlParser;
import org.medlinestream.ingest.source.RawRecord;
import org.medlinestream.ingest.source.RecordReader;
import org.medlinestream.ingest.source.RecordReaders;
import org.medlinestream.ingest.source.RejectedInput;
import org.medlinestream.ingest.source.SourceItem;

/**
 * Fuzzing of both parsers and of ingest's readers with jqwik: random bytes, and valid records
 * mutated (bytes replaced, inserted, deleted, cut, lines repeated). Each input gives a citation
 * or the documented refusal ({@link MalformedRecordException}; a {@link RejectedInput} or an
 * {@link IOException} from a reader), never another exception, and within a time bound. Tries per
 * property: {@code -Dreliability.fuzz.tries} (the pom's {@code jqwik.tries.default}).
 */
class ParserFuzzTest {
  private static final Duration BOUND = Duration.ofSeconds(10);
  private static final String TEXT = MedlineRecords.text("31000001", "20210104",
      "A fuzzed record", "AID - 10.1000/xyz [doi]\nMH  - *Humans\nSI  - ClinicalTrials.gov/"
          + "NCT01234567\nDP  - 2021 Jan\n");
  private static final String XML = MedlineRecords.xmlSet("", MedlineRecords.xml("31000002",
      "A fuzzed <i>article</i> &amp; more") + "<DeleteCitation><PMID Version=\"1\">31000003"
      + "</PMID></DeleteCitation>\n");

  private final MedlineTextParser text = new MedlineTextParser();
  private final PubmedXmlParser xml = new PubmedXmlParser();

  @Property
  void medlineTextParserOnMutatedRecords(@ForAll("mutatedText") byte[] input) {
    parses(() -> text.parse(input));
  }

  @Property
  void medlineTextParserOnRandomBytes(@ForAll("randomBytes") byte[] input) {
    parses(() -> text.parse(input));
  }

  @Property
  void pubmedXmlParserOnMutatedRecords(@ForAll("mutatedXml") byte[] input) {
    parses(() -> xml.parse(input));
  }

  @Property
  void pubmedXmlParserOnRandomBytes(@ForAll("randomBytes") byte[] input) {
    parses(() -> xml.parse(input));
  }

  @Property
  void readersOnMutatedFiles(@ForAll("mutatedFiles") byte[] input) {
    assertTimeoutPreemptively(BOUND, () -> {
      try (RecordReader reader = RecordReaders.open(new ByteArrayInputStream(input), "fuzz")) {
        for (SourceItem item; (item = reader.next()) != null; ) {
          if (item instanceof RejectedInput rejected) {
            assertThat(rejected.reason()).isNotBlank();
          } else {
            assertThat(((RawRecord) item).pmid()).matches("[0-9]+");
          }
        }
      } catch (IOException e) {
        assertThat(e.getMessage()).isNotBlank();
      }
    });
  }

  /** A parse that may only return a citation with a PMID or throw MalformedRecordException. */
  private interface Parse {
    Citation run() throws MalformedRecordException;
  }

  private static void parses(Parse parse) {
    assertTimeoutPreemptively(BOUND, () -> {
      try {
        assertThat(parse.run().getPmid()).matches("[1-9][0-9]*");
      } catch (MalformedRecordException e) {
        assertThat(e.getMessage()).isNotBlank();
      }
    });
  }

  @Provide
  Arbitrary<byte[]> randomBytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000);
  }

  @Provide
  Arbitrary<byte[]> mutatedText() {
    return mutated(TEXT.getBytes(UTF_8));
  }

  @Provide
  Arbitrary<byte[]> mutatedXml() {
    return mutated(XML.getBytes(UTF_8));
  }

  @Provide
  Arbitrary<byte[]> mutatedFiles() {
    return Arbitraries.oneOf(mutated((TEXT + TEXT).getBytes(UTF_8)), mutated(XML.getBytes(UTF_8)));
  }

  /** {@code seed} with 1 to 8 mutations, each at a random place. */
  private static Arbitrary<byte[]> mutated(byte[] seed) {
    Arbitrary<Mutation> mutation = Combinators.combine(
        Arbitraries.of(Mutation.Kind.values()),
        Arbitraries.doubles().between(0, 1),
        Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(16)
            .injectDuplicates(0.1).edgeCases(e -> e.add(
                "<".getBytes(UTF_8), "&".getBytes(UTF_8), "\n\n".getBytes(UTF_8),
                "PMID- ".getBytes(UTF_8), "<!DOCTYPE x [<!ENTITY e \"e\">]>".getBytes(UTF_8),
                new byte[] {(byte) 0xC3}, new byte[] {0}))).as(Mutation::new);
    return mutation.list().ofMinSize(1).ofMaxSize(8).map(mutations -> {
      byte[] bytes = seed;
      for (Mutation m : mutations) {
        bytes = m.apply(bytes);
      }
      return bytes;
    });
  }

  /** One change to a byte array, at a relative place. */
  private record Mutation(Kind kind, double where, byte[] bytes) {
    enum Kind { REPLACE, INSERT, DELETE, CUT, REPEAT_LINE }

    byte[] apply(byte[] input) {
      int at = (int) (where * input.length);
      return switch (kind) {
        case REPLACE -> splice(input, at, Math.min(input.length, at + bytes.length), bytes);
        case INSERT -> splice(input, at, at, bytes);
        case DELETE -> splice(input, at, Math.min(input.length, at + bytes.length), new byte[0]);
        case CUT -> java.util.Arrays.copyOf(input, at);
        case REPEAT_LINE -> repeatLine(input, at);
      };
    }

    private static byte[] repeatLine(byte[] input, int at) {
      String text = new String(input, UTF_8);
      int start = text.lastIndexOf('\n', Math.max(0, Math.min(text.length() - 1, at - 1))) + 1;
      int end = text.indexOf('\n', start);
      String line = text.substring(start, end < 0 ? text.length() : end + 1);
      return (text.substring(0, start) + line + text.substring(start)).getBytes(UTF_8);
    }

    private static byte[] splice(byte[] input, int from, int to, byte[] with) {
      byte[] out = new byte[input.length - (to - from) + with.length];
      System.arraycopy(input, 0, out, 0, from);
      System.arraycopy(with, 0, out, from, with.length);
      System.arraycopy(input, to, out, from + with.length, input.length - to);
      return out;
    }
  }
}
