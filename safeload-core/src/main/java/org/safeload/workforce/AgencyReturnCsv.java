package org.safeload.workforce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.safeload.document.CsvCells;
import org.safeload.organisation.EmploymentType;
import org.safeload.organisation.WorkerDetails;
import org.safeload.workforce.WorkforceCensus.Member;

/**
 * The quarterly return on agency social workers (DfE agency rules; docs/workforce.md): UTF-8 CSV,
 * one row for each agency or managed-service social worker, advanced practitioner or team manager
 * engaged on any day of the quarter (project and managed teams included), sorted by team, start
 * date and Social Work England number. Columns ({@link #HEADER}): the team, the role's code, the
 * employment type's code, {@code project_team} ({@code yes} for a managed-service worker), the
 * Social Work England number, the start and end dates (end empty while engaged), the FTE and the
 * days engaged in the quarter; {@code dfe_rules_met} ({@code yes} or {@code no}) and {@code
 * dfe_rules_failed} (the DfE agency rules' failing checks by code, separated by {@code ;}) on the
 * worker's last day in the quarter, both empty when the worker's vetting is not known. No names.
 */
public final class AgencyReturnCsv {

  public static final List<String> HEADER =
      List.of(
          "team",
          "role",
          "employment_type",
          "project_team",
          "swe_number",
          "start_date",
          "end_date",
          "fte",
          "days_in_quarter",
          "dfe_rules_met",
          "dfe_rules_failed");

  private AgencyReturnCsv() {}

  /** Whether a date is the last day of a calendar quarter (31 March, 30 June, ...). */
  public static boolean quarterEnd(LocalDate day) {
    return day.getMonthValue() % 3 == 0 && day.equals(day.withDayOfMonth(day.lengthOfMonth()));
  }

  /** The first day of the quarter that ends on {@code quarterEnd}. */
  public static LocalDate quarterStart(LocalDate quarterEnd) {
    return quarterEnd.plusDays(1).minusMonths(3);
  }

  /** One row of the return. */
  public record Row(Member member, LocalDate from, LocalDate to) {

    /** Days engaged in the quarter, first and last included. */
    public long days() {
      return ChronoUnit.DAYS.between(from, to) + 1;
    }
  }

  /** The rows for the quarter ending {@code quarterEnd}, sorted. */
  public static List<Row> rows(LocalDate quarterEnd, Collection<Member> members) {
    if (!quarterEnd(quarterEnd)) {
      throw new IllegalArgumentException("Not the last day of a quarter: " + quarterEnd);
    }
    LocalDate start = quarterStart(quarterEnd);
    List<Row> rows = new ArrayList<>();
    for (Member m : members) {
      WorkerDetails w = m.worker();
      if (!WorkforceCensus.COUNTED.contains(w.role())
          || WorkforceCensus.employed(w.employmentType())
          || w.startDate().isAfter(quarterEnd)
          || (w.endDate() != null && w.endDate().isBefore(start))) {
        continue;
      }
      LocalDate from = w.startDate().isAfter(start) ? w.startDate() : start;
      LocalDate to =
          w.endDate() != null && w.endDate().isBefore(quarterEnd) ? w.endDate() : quarterEnd;
      rows.add(new Row(m, from, to));
    }
    rows.sort(
        Comparator.comparing((Row r) -> r.member().team().toLowerCase(Locale.ROOT))
            .thenComparing(r -> r.member().worker().startDate())
            .thenComparing(
                r ->
                    r.member().worker().sweRegistration() == null
                        ? ""
                        : r.member().worker().sweRegistration()));
    return rows;
  }

  /** Writes the return for the quarter ending {@code quarterEnd}, the rules' columns empty. */
  public static void write(Writer out, LocalDate quarterEnd, Collection<Member> members) {
    write(out, quarterEnd, members, (m, day) -> null);
  }

  /**
   * Writes the return for the quarter ending {@code quarterEnd}.
   *
   * @param dfeFailures the codes of the DfE agency rules a worker fails on a day (their last in the
   *     quarter), none when they meet them all, or null when not known
   */
  public static void write(
      Writer out,
      LocalDate quarterEnd,
      Collection<Member> members,
      java.util.function.BiFunction<Member, LocalDate, List<String>> dfeFailures) {
    List<Row> rows = rows(quarterEnd, members);
    try {
      out.write(String.join(",", HEADER));
      out.write("\n");
      for (Row r : rows) {
        WorkerDetails w = r.member().worker();
        out.write(
            String.join(
                ",",
                CsvCells.cell(r.member().team()),
                w.role().code(),
                w.employmentType().code(),
                w.employmentType() == EmploymentType.MANAGED_SERVICE ? "yes" : "no",
                CsvCells.cell(w.sweRegistration()),
                w.startDate().toString(),
                w.endDate() == null ? "" : w.endDate().toString(),
                fte(w.fte()),
                String.valueOf(r.days()),
                rules(dfeFailures.apply(r.member(), r.to()), true),
                rules(dfeFailures.apply(r.member(), r.to()), false)));
        out.write("\n");
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String rules(List<String> failures, boolean met) {
    if (failures == null) {
      return "";
    }
    return met ? (failures.isEmpty() ? "yes" : "no") : String.join(";", failures);
  }

  private static String fte(BigDecimal fte) {
    return fte.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
