package org.safeload.app.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.safeload.organisation.EmploymentType;
import org.safeload.organisation.Role;
import org.safeload.timeliness.CaseType;
import org.safeload.timeliness.EventType;
import org.springframework.stereotype.Component;

/**
 * How pages show values, in one place: dates as "14 July 2026", instants in London time, money as
 * "£1,234.56", and codes (case types, event types, roles) as words. Templates call it as {@code
 * ${@show.date(d)}}; files and the API keep the codes and ISO dates.
 */
@Component("show")
public class Show {

  public static final Locale EN_GB = Locale.UK;
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", EN_GB);
  private static final DateTimeFormatter SHORT_DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", EN_GB);
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", EN_GB);
  private static final DateTimeFormatter SHORT_MONTH =
      DateTimeFormatter.ofPattern("MMM yyyy", EN_GB);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", EN_GB);

  /** "14 July 2026"; an empty string for no date. */
  public String date(LocalDate date) {
    return inWords(date);
  }

  /** "14 July 2026", for text written outside a page (an audit summary, a message). */
  public static String inWords(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  /** "July 2026", for text written outside a page. */
  public static String inWords(YearMonth month) {
    return month == null ? "" : MONTH.format(month);
  }

  /** A date as it goes back into a date box: "24/11/2026". */
  public String inputDate(LocalDate date) {
    return PageDates.input(date);
  }

  /** "14 Jul 2026", for dense tables. */
  public String shortDate(LocalDate date) {
    return date == null ? "" : SHORT_DATE.format(date);
  }

  /** "July 2026". */
  public String month(YearMonth month) {
    return inWords(month);
  }

  /** "Jul 2026", for chart axes. */
  public String shortMonth(YearMonth month) {
    return month == null ? "" : SHORT_MONTH.format(month);
  }

  /** An instant in London time: "14 July 2026 at 9:05am". */
  public String dateTime(Instant instant) {
    return instant == null
        ? ""
        : DATE_TIME
            .format(instant.atZone(TimeConfig.LONDON))
            .replace("AM", "am")
            .replace("PM", "pm");
  }

  /** Money to the penny with the pound sign and thousands separators: "£1,234.50", "-£20.00". */
  public String money(BigDecimal amount) {
    return inMoney(amount);
  }

  /** As {@link #money}, for code that is not a page. */
  public static String inMoney(BigDecimal amount) {
    if (amount == null) {
      return "";
    }
    BigDecimal pence = amount.setScale(2, RoundingMode.HALF_UP);
    return (pence.signum() < 0 ? "-£" : "£") + grouped("#,##0.00").format(pence.abs());
  }

  /** Whole pounds for chart labels and large totals: "£740,000". */
  public String pounds(BigDecimal amount) {
    if (amount == null) {
      return "";
    }
    BigDecimal whole = amount.setScale(0, RoundingMode.HALF_UP);
    return (whole.signum() < 0 ? "-£" : "£") + grouped("#,##0").format(whole.abs());
  }

  /** A count or decimal with thousands separators and no trailing zeros: "12,000", "6.5". */
  public String number(Number value) {
    if (value == null) {
      return "";
    }
    BigDecimal n = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    return grouped("#,##0.##").format(n);
  }

  /** A percentage to one decimal place: "17.4%". */
  public String percent(BigDecimal value) {
    return value == null ? "" : grouped("#,##0.0").format(value) + "%";
  }

  public String caseType(String code) {
    return CaseType.fromCode(code).map(CaseType::label).orElse(code == null ? "" : code);
  }

  public String eventType(String code) {
    return EventType.fromCode(code).map(EventType::label).orElse(code == null ? "" : code);
  }

  public String role(String code) {
    return Role.fromCode(code).map(Role::label).orElse(code == null ? "" : code);
  }

  public String employment(String code) {
    return EmploymentType.fromCode(code)
        .map(EmploymentType::label)
        .orElse(code == null ? "" : code);
  }

  private static DecimalFormat grouped(String pattern) {
    DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(EN_GB));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format;
  }
}
