package org.medlinestream.enrich.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Dates of PubMed XML ({@code Year}, {@code Month}, {@code Day}, ... children) in the model's
 * forms. A date that cannot be read is released (see {@link XmlElement#release()}): it is then kept
 * whole in the extras.
 */
final class XmlDates {
  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };
  private static final List<DateTimeFormatter> VERSION_DATE_FORMATS =
      List.of(
          DateTimeFormatter.ofPattern("uuuu/MM/dd"),
          DateTimeFormatter.ISO_LOCAL_DATE,
          DateTimeFormatter.BASIC_ISO_DATE);

  private XmlDates() {}

  /** {@code DateCompleted}, {@code DateRevised}, {@code ArticleDate} ... as a date, or null. */
  static LocalDate localDate(XmlElement date) {
    date.use();
    try {
      return LocalDate.of(
          number(date.childText("Year")),
          month(date.childText("Month")),
          number(date.childText("Day")));
    } catch (DateTimeException | IllegalArgumentException e) {
      date.release();
      return null;
    }
  }

  /**
   * {@code PubMedPubDate} as MEDLINE's PHST writes it: {@code YYYY/MM/DD HH:MM}, or {@code
   * YYYY/MM/DD} without an hour; null when not numeric.
   */
  static String historyDate(XmlElement date) {
    date.use();
    try {
      String day =
          String.format(
              Locale.ROOT,
              "%04d/%02d/%02d",
              number(date.childText("Year")),
              month(date.childText("Month")),
              number(date.childText("Day")));
      String hour = date.childText("Hour");
      if (hour == null) {
        return day;
      }
      String minute = date.childText("Minute");
      return String.format(
          Locale.ROOT, "%s %02d:%02d", day, number(hour), minute == null ? 0 : number(minute));
    } catch (IllegalArgumentException e) {
      date.release();
      return null;
    }
  }

  /**
   * {@code PubDate} as MEDLINE's DP writes it: {@code Year Mon Day}, {@code Year Season}, or {@code
   * MedlineDate} verbatim. Months are PubMed's three-letter English names, days have no leading
   * zero.
   */
  static String publicationDate(XmlElement pubDate) {
    pubDate.use();
    String medlineDate = pubDate.childText("MedlineDate");
    if (medlineDate != null) {
      return medlineDate;
    }
    StringBuilder written = new StringBuilder();
    appendWord(written, pubDate.childText("Year"));
    String month = pubDate.childText("Month");
    appendWord(written, month == null ? null : monthName(month));
    String day = pubDate.childText("Day");
    appendWord(written, day == null ? null : stripLeadingZeros(day));
    appendWord(written, pubDate.childText("Season"));
    return written.length() == 0 ? null : written.toString();
  }

  /**
   * A book's {@code ContributionDate} or {@code DateRevised} as MEDLINE's CTDT/DRDT write it:
   * {@code YYYYMMDD} (or as much of it as is given); null when not numeric.
   */
  static String compactDate(XmlElement date) {
    date.use();
    try {
      StringBuilder written = new StringBuilder();
      written.append(String.format(Locale.ROOT, "%04d", number(date.childText("Year"))));
      String month = date.childText("Month");
      if (month != null) {
        written.append(String.format(Locale.ROOT, "%02d", month(month)));
        String day = date.childText("Day");
        if (day != null) {
          written.append(String.format(Locale.ROOT, "%02d", number(day)));
        }
      }
      String season = date.childText("Season");
      if (season != null) {
        written.append(' ').append(season);
      }
      return written.toString();
    } catch (IllegalArgumentException e) {
      date.release();
      return null;
    }
  }

  /** {@code MedlineCitation@VersionDate} ({@code YYYY/MM/DD}, ISO or basic ISO), or null. */
  static LocalDate versionDate(String value) {
    for (DateTimeFormatter format : VERSION_DATE_FORMATS) {
      try {
        return LocalDate.parse(value.strip(), format);
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return null;
  }

  /** Month 1-12 from a number or an English name (full or abbreviated). */
  static int month(String month) {
    if (month == null) {
      throw new IllegalArgumentException("no month");
    }
    if (!month.isEmpty() && Character.isDigit(month.charAt(0))) {
      return number(month);
    }
    for (int i = 0; i < MONTHS.length; i++) {
      if (month.length() >= 3 && month.regionMatches(true, 0, MONTHS[i], 0, 3)) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("not a month: " + month);
  }

  private static String monthName(String month) {
    try {
      int number = month(month);
      return number >= 1 && number <= 12 ? MONTHS[number - 1] : month;
    } catch (IllegalArgumentException e) {
      return month;
    }
  }

  private static int number(String digits) {
    if (digits == null) {
      throw new IllegalArgumentException("missing");
    }
    return Integer.parseInt(digits);
  }

  private static String stripLeadingZeros(String day) {
    int i = 0;
    while (i < day.length() - 1 && day.charAt(i) == '0') {
      i++;
    }
    return day.substring(i);
  }

  private static void appendWord(StringBuilder written, String word) {
    if (word != null) {
      if (written.length() > 0) {
        written.append(' ');
      }
      written.append(word);
    }
  }
}
