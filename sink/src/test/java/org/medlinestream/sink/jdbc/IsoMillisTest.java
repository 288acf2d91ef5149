package org.medlinestream.sink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoMillisTest {
  private static final DateTimeFormatter REFERENCE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  @Test
  void writesWhatTheJdkFormatterWritesFromYearZeroTo9999() {
    Random random = new Random(7);
    long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 100_000; i++) {
      Instant instant = Instant.ofEpochSecond(first + (long) (random.nextDouble() * (last - first)),
          random.nextInt(1_000_000_000));
      assertThat(IsoMillis.format(instant)).isEqualTo(REFERENCE.format(instant));
    }
    assertThat(IsoMillis.format(Instant.parse("2026-01-02T03:04:05.006789Z")))
        .isEqualTo("2026-01-02T03:04:05.006Z");
  }

  @Test
  void yearsBeyondFourDigitsAreLeftToTheJdkFormatter() {
    Instant far = Instant.parse("+12026-01-02T03:04:05Z");

    assertThat(IsoMillis.format(far)).isEqualTo(REFERENCE.format(far));
  }
}
