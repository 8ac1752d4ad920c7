package org.safeload.workforce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.document.FieldProblem;

/**
 * A spell of sickness absence (docs/workforce.md, "Sickness absence"): the worker's first and last
 * day off, the working days lost and the reason in broad words.
 *
 * @param workingDaysLost the working days lost: by default the council's working days from the
 *     first to the last day (both included); recorded instead when the worker's pattern differs
 * @param daysRecorded whether the days lost were recorded rather than counted from the calendar
 */
public record SicknessAbsence(
    long workerId,
    LocalDate from,
    LocalDate to,
    BigDecimal workingDaysLost,
    boolean daysRecorded,
    SicknessReason reason) {

  public SicknessAbsence {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(workingDaysLost, "workingDaysLost");
    Objects.requireNonNull(reason, "reason");
  }

  /** The fields, in the order the form shows them (the API's JSON keys). */
  public static final List<String> FIELDS = List.of("from", "to", "workingDaysLost", "reason");

  /** The absence, or the problems (never both). */
  public record Read(SicknessAbsence absence, List<FieldProblem> problems) {}

  /**
   * Reads an absence from its fields (dates ISO). The first and last days and the reason are
   * needed; the first day is not after today and the last is on or after the first. The working
   * days lost, when given, are a number of whole or half days, at least 0 and at most the calendar
   * days of the absence; when not given, the calendar's working days from the first to the last.
   */
  public static Read read(
      long workerId, Map<String, String> fields, WorkingCalendar calendar, LocalDate today) {
    FieldReader r = new FieldReader(fields);
    LocalDate from = r.requiredDate("from", "First day off", "Enter the first day off sick");
    LocalDate to = r.requiredDate("to", "Last day off", "Enter the last day off sick");
    if (from != null && from.isAfter(today)) {
      r.problem("from", "The first day off must be today or before");
    }
    if (from != null && to != null && to.isBefore(from)) {
      r.problem("to", "The last day off must be on or after the first");
    }
    BigDecimal days =
        r.number("workingDaysLost", "Working days lost must be a number, like 3 or 2.5");
    if (days != null) {
      if (days.signum() < 0) {
        r.problem("workingDaysLost", "Working days lost must be 0 or more");
      } else if (days.multiply(BigDecimal.TWO).stripTrailingZeros().scale() > 0) {
        r.problem("workingDaysLost", "Working days lost must be whole or half days, like 2.5");
      } else if (from != null
          && to != null
          && !to.isBefore(from)
          && days.compareTo(BigDecimal.valueOf(ChronoUnit.DAYS.between(from, to) + 1)) > 0) {
        r.problem(
            "workingDaysLost",
            "Working days lost must be no more than the days from first to last");
      }
    }
    SicknessReason reason = r.code("reason", SicknessReason::fromCode, "Select the reason");
    if (!r.problems.isEmpty()) {
      return new Read(null, List.copyOf(r.problems));
    }
    boolean recorded = days != null;
    BigDecimal lost =
        recorded ? days.setScale(1, RoundingMode.UNNECESSARY) : counted(from, to, calendar);
    return new Read(new SicknessAbsence(workerId, from, to, lost, recorded, reason), List.of());
  }

  /** The calendar's working days from one day to another, both included, to 1 dp. */
  public static BigDecimal counted(LocalDate from, LocalDate to, WorkingCalendar calendar) {
    return BigDecimal.valueOf(calendar.workingDays(from, to)).setScale(1);
  }

  /** The absence as fields (ISO dates; the days lost empty when counted), as read takes them. */
  public Map<String, String> fields() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("from", from.toString());
    f.put("to", to.toString());
    f.put(
        "workingDaysLost",
        daysRecorded ? workingDaysLost.stripTrailingZeros().toPlainString() : "");
    f.put("reason", reason.code());
    return f;
  }

  /**
   * The working days lost between two days (both included): all of them when the absence lies
   * within, none when it lies outside, and for an absence that crosses a bound the share of its
   * days lost that falls within, by the calendar's working days (by calendar days for an absence
   * with no working day), to 2 dp half up. Counted days are thus exactly the working days within.
   */
  public BigDecimal daysLostWithin(LocalDate first, LocalDate last, WorkingCalendar calendar) {
    if (to.isBefore(first) || from.isAfter(last)) {
      return BigDecimal.ZERO;
    }
    if (!from.isBefore(first) && !to.isAfter(last)) {
      return workingDaysLost;
    }
    LocalDate a = from.isBefore(first) ? first : from;
    LocalDate b = to.isAfter(last) ? last : to;
    long whole = calendar.workingDays(from, to);
    long part = calendar.workingDays(a, b);
    if (whole == 0) {
      whole = ChronoUnit.DAYS.between(from, to) + 1;
      part = ChronoUnit.DAYS.between(a, b) + 1;
    }
    return workingDaysLost
        .multiply(BigDecimal.valueOf(part))
        .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
  }
}
