package org.medlinestream.enrich.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.medlinestream.avro.Citation;

/** A {@code YYYYMMDD} date (DA, DCOM, LR, DEP); a value that is no such date is kept in extras. */
final class DateMapping implements TagMapping {
  private final Function<Citation, LocalDate> get;
  private final BiConsumer<Citation, LocalDate> set;

  DateMapping(Function<Citation, LocalDate> get, BiConsumer<Citation, LocalDate> set) {
    this.get = get;
    this.set = set;
  }

  @Override
  public void read(CitationDraft draft, MedlineTag tag, String value) {
    LocalDate date = parse(value);
    if (date == null || get.apply(draft.citation()) != null) {
      draft.extra(tag.code(), value);
    } else {
      set.accept(draft.citation(), date);
    }
  }

  @Override
  public void write(Citation citation, MedlineTag tag, MedlineLines out) {
    LocalDate date = get.apply(citation);
    if (date != null) {
      out.field(tag, DateTimeFormatter.BASIC_ISO_DATE.format(date));
    }
  }

  /** {@code 20220920} as a date, or null when it is not eight digits of a real date. */
  static LocalDate parse(String value) {
    if (value.length() != 8) {
      return null;
    }
    for (int i = 0; i < 8; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    int number = Integer.parseInt(value);
    try {
      return LocalDate.of(number / 10000, number / 100 % 100, number % 100);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
