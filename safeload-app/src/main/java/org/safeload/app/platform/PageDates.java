package org.safeload.app.platform;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;

/**
 * Dates typed into a page's single date box, as people in England write them: "24/11/2026", "24 11
 * 2026", "24 November 2026", "24 Nov 2026", or ISO "2026-11-24". One place, so every page reads
 * them alike and shows them back alike ({@link #input}).
 */
public final class PageDates {

  private static final List<DateTimeFormatter> FORMATS =
      List.of(
          DateTimeFormatter.ISO_LOCAL_DATE,
          pattern("d/M/uuuu"),
          pattern("d M uuuu"),
          pattern("d-M-uuuu"),
          pattern("d.M.uuuu"),
          pattern("d MMMM uuuu"),
          pattern("d MMM uuuu"));

  private static final DateTimeFormatter INPUT = pattern("d/M/uuuu");

  private PageDates() {}

  /** The date typed, or empty when it is not a real date in a form above. */
  public static Optional<LocalDate> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip().replaceAll("\\s+", " ");
    for (DateTimeFormatter f : FORMATS) {
      try {
        return Optional.of(LocalDate.parse(t, f));
      } catch (DateTimeParseException e) {
        // the next form
      }
    }
    return Optional.empty();
  }

  /** The value to put back in a date box: "24/11/2026". */
  public static String input(LocalDate date) {
    return date == null ? "" : INPUT.format(date);
  }

  private static DateTimeFormatter pattern(String p) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(p)
        .toFormatter(Show.EN_GB)
        .withResolverStyle(ResolverStyle.STRICT);
  }
}
