package org.medlinestream.enrich.enrichment;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.medlinestream.avro.PartialDate;

/**
 * Parses a publication date as MEDLINE writes it (DP, XML PubDate or MedlineDate) into a
 * {@link PartialDate}: {@code 2022}, {@code 2019 Mar 15}, {@code 2013 06 10}, {@code 2016 Spring},
 * ranges such as {@code 2017 Jan-Feb}, {@code 1998 Dec-1999 Jan}, {@code 1965 Dec-Jan} (into the
 * next year), {@code 1998-1999}, {@code 2000 Nov 30-Dec 6}, {@code 2013 Apr 2-5}, {@code Winter-Spring}.
 *
 * <p>{@code iso} is ISO 8601 to the precision written; a range is an ISO 8601 interval
 * ({@code 2017-01/2017-02}). A season keeps the year's precision in {@code iso} and maps to its
 * first month in {@code month} and {@code sortDate}: Winter January (the winter a year's issue
 * names is the one it opens with), Spring March, Summer June, Fall/Autumn September.
 * Stateless and thread-safe.
 */
public final class PublicationDates {

    private static final Pattern TOKEN =
            Pattern.compile("(?<!\\d)(?:(\\d{4})|(\\d{1,2}))(?!\\d)|(\\p{L}+)|([-\\p{Pd}/])");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    private static final Map<String, Integer> SEASONS = Map.of(
            "winter", 1, "spring", 3, "summer", 6, "fall", 9, "autumn", 9);

    private PublicationDates() {
    }

    /** The parsed date, or null where {@code written} is null or names no year. */
    public static PartialDate parse(String written) {
        if (written == null) {
            return null;
        }
        Part start = new Part();
        Part end = null;
        Matcher m = TOKEN.matcher(written);
        while (m.find()) {
            if (m.group(4) != null) {
                if (end != null) {
                    break;
                }
                end = new Part();
            } else {
                (end == null ? start : end).read(m, end == null ? null : start);
            }
        }
        return start.year == null ? null : toPartialDate(start, end);
    }

    private static PartialDate toPartialDate(Part start, Part end) {
        int year = start.year;
        Integer month = start.month != null ? start.month
                : start.season == null ? null : SEASONS.get(key(start.season));
        Integer day = start.month != null ? validDay(year, start.month, start.day) : null;
        String season = start.season;
        String iso = start.season != null ? String.valueOf(year) : iso(year, month, day);
        Integer endYear = null;
        if (end != null && !end.isEmpty()) {
            int lastYear = end.year != null ? end.year : year;
            Integer endMonth = end.month != null ? end.month : end.day != null ? start.month : null;
            if (end.year == null && end.month != null && start.month != null && end.month < start.month) {
                lastYear++;
            }
            if (end.season != null) {
                season = season == null ? end.season : season + "-" + end.season;
            }
            String endIso = season != null ? String.valueOf(lastYear)
                    : iso(lastYear, endMonth, endMonth == null ? null : validDay(lastYear, endMonth, end.day));
            if (!endIso.equals(iso)) {
                iso = iso + "/" + endIso;
            }
            endYear = lastYear != year ? lastYear : null;
        }
        return PartialDate.newBuilder()
                .setIso(iso).setYear(year).setMonth(month).setDay(day).setSeason(season).setEndYear(endYear)
                .setSortDate(LocalDate.of(year, month == null ? 1 : month, day == null ? 1 : day))
                .build();
    }

    private static String iso(int year, Integer month, Integer day) {
        StringBuilder iso = new StringBuilder(10).append(year);
        if (month != null) {
            iso.append(month < 10 ? "-0" : "-").append(month);
            if (day != null) {
                iso.append(day < 10 ? "-0" : "-").append(day);
            }
        }
        return iso.toString();
    }

    private static Integer validDay(int year, int month, Integer day) {
        if (day == null) {
            return null;
        }
        try {
            LocalDate.of(year, month, day);
            return day;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String key(String word) {
        return word.toLowerCase(Locale.ROOT);
    }

    /** One side of a date range, as read. */
    private static final class Part {
        Integer year;
        Integer month;
        Integer day;
        String season;

        boolean isEmpty() {
            return year == null && month == null && day == null && season == null;
        }

        /**
         * Reads one token. A 1-2 digit number is a day after a month; before any month it is a
         * numeric month ({@code 2013 06 10}), except on the right of a range that started with a
         * day ({@code 2013 Apr 2-5}).
         */
        void read(Matcher token, Part rangeStart) {
            if (token.group(1) != null) {
                if (year == null) {
                    year = Integer.parseInt(token.group(1));
                }
            } else if (token.group(2) != null) {
                int number = Integer.parseInt(token.group(2));
                boolean monthPosition = month == null && season == null
                        && (rangeStart == null ? year != null : rangeStart.day == null);
                if (monthPosition && number >= 1 && number <= 12) {
                    month = number;
                } else if (day == null && (month != null || rangeStart != null)) {
                    day = number;
                }
            } else {
                readWord(token.group(3));
            }
        }

        private void readWord(String word) {
            String lower = key(word);
            Integer monthOfWord = lower.length() >= 3 ? MONTHS.get(lower.substring(0, 3)) : null;
            if (monthOfWord != null && month == null && isMonthName(lower)) {
                month = monthOfWord;
            } else if (SEASONS.containsKey(lower) && season == null) {
                season = word;
            }
        }

        private static boolean isMonthName(String lower) {
            return Month.of(MONTHS.get(lower.substring(0, 3))).name().toLowerCase(Locale.ROOT).startsWith(lower);
        }
    }
}
