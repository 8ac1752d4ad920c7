package org.safeload.workforce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Year;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.organisation.Worker;

/**
 * Sickness absence as the children's social work workforce census counts it (docs/workforce.md,
 * "Sickness absence"), for a census year ending on a date (30 September): the working days lost in
 * the year by employed social workers (permanent or secondee, in the roles the census counts,
 * leavers included), divided by the employed FTE in post at the year end.
 */
public final class Sickness {

  private Sickness() {}

  /**
   * The year's figures.
   *
   * @param daysLost working days lost in the year by the employed workers counted
   * @param inPostFte employed FTE in post at the year end (as {@link WorkforceCensus})
   * @param daysPerFte days lost / FTE, 1 dp half up; null when the FTE is 0
   * @param absenceRate days lost / (FTE × 253, or 254 when the year has a 29 February), in percent
   *     to 1 dp half up; null when the FTE is 0
   */
  public record Figures(
      LocalDate yearStart,
      LocalDate yearEnd,
      BigDecimal daysLost,
      BigDecimal inPostFte,
      BigDecimal daysPerFte,
      BigDecimal absenceRate) {}

  /**
   * Working days lost in the census year ending on {@code yearEnd}, by worker id: every worker with
   * an absence in the year (whatever their role or employment), each absence's days inside the year
   * ({@link SicknessAbsence#daysLostWithin}).
   */
  public static Map<Long, BigDecimal> daysLostByWorker(
      LocalDate yearEnd, Collection<SicknessAbsence> absences, WorkingCalendar calendar) {
    LocalDate yearStart = WorkforceCensus.yearStart(yearEnd);
    Map<Long, BigDecimal> byWorker = new TreeMap<>();
    for (SicknessAbsence a : absences) {
      BigDecimal days = a.daysLostWithin(yearStart, yearEnd, calendar);
      if (days.signum() > 0) {
        byWorker.merge(a.workerId(), days, BigDecimal::add);
      }
    }
    return byWorker;
  }

  /**
   * The census figures for the year ending on {@code yearEnd}: days lost by employed workers in the
   * counted roles, over the employed FTE in post at the year end.
   */
  public static Figures of(
      LocalDate yearEnd,
      Collection<Worker> workers,
      Collection<SicknessAbsence> absences,
      WorkingCalendar calendar) {
    Map<Long, BigDecimal> lost = daysLostByWorker(yearEnd, absences, calendar);
    // The census's sickness measure is WorkforceMeasures's: the same employed workers, the same
    // FTE in post, the same rounding.
    WorkforceMeasures m =
        WorkforceMeasures.of(
            yearEnd,
            workers.stream()
                .map(
                    w ->
                        new WorkforceMeasures.Member(
                            w.details(), 0, lost.getOrDefault(w.id(), BigDecimal.ZERO), null))
                .toList());
    return new Figures(
        WorkforceCensus.yearStart(yearEnd),
        yearEnd,
        m.daysLost(),
        m.employedFte(),
        m.sicknessDaysPerFte(),
        m.absenceRate());
  }

  /** Days lost per FTE, 1 dp half up; null when the FTE is 0. */
  public static BigDecimal daysPerFte(BigDecimal daysLost, BigDecimal fte) {
    if (fte.signum() == 0) {
      return null;
    }
    return daysLost.divide(fte, 1, RoundingMode.HALF_UP);
  }

  /**
   * The census's fixed working days a year: 253, or 254 in a year (1 October to 30 September)
   * containing a 29 February.
   */
  public static int workingDaysInYear(LocalDate yearEnd) {
    LocalDate yearStart = WorkforceCensus.yearStart(yearEnd);
    for (int y = yearStart.getYear(); y <= yearEnd.getYear(); y++) {
      if (Year.isLeap(y)) {
        LocalDate leap = LocalDate.of(y, 2, 29);
        if (!leap.isBefore(yearStart) && !leap.isAfter(yearEnd)) {
          return 254;
        }
      }
    }
    return 253;
  }
}
