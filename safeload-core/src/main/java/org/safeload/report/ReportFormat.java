package org.safeload.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How reports write values, in one place, so the preview, the DOCX and the PDF say the same:
 *
 * <ul>
 *   <li>money to the penny, rounded half up (away from zero), with the pound sign and thousands
 *       separators: "£1,234.56"; a negative amount with a true minus sign (U+2212) before the pound
 *       sign: "−£12.00" (screen readers say "minus", and it is as wide as a digit's plus);
 *   <li>numbers with thousands separators and up to two decimal places, no trailing zeros: "1,234",
 *       "18.5", "−3";
 *   <li>percentages to one decimal place: "17.4%";
 *   <li>dates in words: "14 July 2026".
 * </ul>
 *
 * <p>{@link #rounded} gives the value as written; tables add up those values, so a total always
 * equals the sum of the figures printed above it.
 */
public final class ReportFormat {

  /** The minus sign used for negative money and numbers (U+2212). */
  public static final String MINUS = "\u2212";

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private ReportFormat() {}

  /** "£1,234.56", "−£12.00". */
  public static String money(BigDecimal amount) {
    BigDecimal pence = rounded(ValueKind.MONEY, amount);
    return (pence.signum() < 0 ? MINUS : "") + "£" + format("#,##0.00", pence.abs());
  }

  /** "1,234", "18.5", "−0.25". */
  public static String number(BigDecimal value) {
    BigDecimal shown = rounded(ValueKind.NUMBER, value);
    return (shown.signum() < 0 ? MINUS : "") + format("#,##0.##", shown.abs());
  }

  /** "17.4%". */
  public static String percent(BigDecimal value) {
    BigDecimal shown = rounded(ValueKind.PERCENT, value);
    return (shown.signum() < 0 ? MINUS : "") + format("#,##0.0", shown.abs()) + "%";
  }

  /** "14 July 2026". */
  public static String date(LocalDate date) {
    return DATE.format(date);
  }

  /** A numeric value written as its kind writes it. */
  public static String of(ValueKind kind, BigDecimal value) {
    return switch (kind) {
      case MONEY -> money(value);
      case NUMBER -> number(value);
      case PERCENT -> percent(value);
      case TEXT, DATE -> throw new IllegalArgumentException(kind + " is not numeric");
    };
  }

  /**
   * The value as written: money to the penny, numbers to two places, percentages to one, each
   * rounded half up (away from zero, so −£0.005 is written −£0.01).
   */
  public static BigDecimal rounded(ValueKind kind, BigDecimal value) {
    return switch (kind) {
      case MONEY, NUMBER -> value.setScale(2, RoundingMode.HALF_UP);
      case PERCENT -> value.setScale(1, RoundingMode.HALF_UP);
      case TEXT, DATE -> throw new IllegalArgumentException(kind + " is not numeric");
    };
  }

  private static String format(String pattern, BigDecimal value) {
    DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.UK));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(value);
  }
}
