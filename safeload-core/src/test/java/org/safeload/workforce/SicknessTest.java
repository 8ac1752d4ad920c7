package org.safeload.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.document.FieldProblem;
import org.safeload.organisation.EmploymentType;
import org.safeload.organisation.Role;
import org.safeload.organisation.Worker;
import org.safeload.organisation.WorkerDetails;

/** Sickness absence counted as the census does, on a register worked out by hand. */
class SicknessTest {

  private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();
  private static final LocalDate YEAR_END = LocalDate.of(2025, 9, 30);
  private static final LocalDate TODAY = LocalDate.of(2025, 11, 1);

  private static Worker worker(long id, Role role, EmploymentType type, String fte, String end) {
    return new Worker(
        id,
        new WorkerDetails(
            "Worker " + id,
            role,
            type,
            new BigDecimal(fte),
            LocalDate.of(2020, 1, 6),
            end == null ? null : LocalDate.parse(end),
            null,
            null,
            null));
  }

  private static SicknessAbsence absence(long worker, String from, String to, String days) {
    SicknessAbsence.Read read =
        SicknessAbsence.read(
            worker,
            Map.of(
                "from",
                from,
                "to",
                to,
                "workingDaysLost",
                days == null ? "" : days,
                "reason",
                "infection"),
            CALENDAR,
            TODAY);
    assertThat(read.problems()).isEmpty();
    return read.absence();
  }

  @Test
  void theDaysLostAreTheCalendarsWorkingDaysUnlessRecorded() {
    // Monday 23 December 2024 to Friday 3 January 2025: 23, 24, 27, 30, 31 December, 2 and 3
    // January; Christmas Day, Boxing Day and New Year's Day are bank holidays.
    SicknessAbsence christmas = absence(1, "2024-12-23", "2025-01-03", null);
    assertThat(christmas.workingDaysLost()).isEqualByComparingTo("7");
    assertThat(christmas.daysRecorded()).isFalse();
    SicknessAbsence partTime = absence(2, "2024-09-23", "2024-10-04", "5");
    assertThat(partTime.workingDaysLost()).isEqualByComparingTo("5");
    assertThat(partTime.daysRecorded()).isTrue();
    assertThat(partTime.fields()).containsEntry("workingDaysLost", "5");
    assertThat(christmas.fields()).containsEntry("workingDaysLost", "");
  }

  @Test
  void badFieldsAreEachNamed() {
    assertThat(
            SicknessAbsence.read(1, Map.of(), CALENDAR, TODAY).problems().stream()
                .map(FieldProblem::field))
        .containsExactly("from", "to", "reason");
    List<FieldProblem> problems =
        SicknessAbsence.read(
                1,
                Map.of(
                    "from", "2025-11-02",
                    "to", "2025-11-01",
                    "workingDaysLost", "1.25",
                    "reason", "broken-heart"),
                CALENDAR,
                TODAY)
            .problems();
    assertThat(problems)
        .extracting(FieldProblem::message)
        .containsExactly(
            "The first day off must be today or before",
            "The last day off must be on or after the first",
            "Working days lost must be whole or half days, like 2.5",
            "Select the reason");
    assertThat(
            SicknessAbsence.read(
                    1,
                    Map.of(
                        "from",
                        "2025-10-06",
                        "to",
                        "2025-10-07",
                        "workingDaysLost",
                        "3",
                        "reason",
                        "other"),
                    CALENDAR,
                    TODAY)
                .problems())
        .extracting(FieldProblem::message)
        .containsExactly("Working days lost must be no more than the days from first to last");
  }

  /**
   * The year 1 October 2024 to 30 September 2025 (no 29 February: 253 days):
   *
   * <ul>
   *   <li>1, permanent, 1 FTE: 3 to 7 March (5 days) and the Christmas fortnight (7): 12;
   *   <li>2, permanent, 0.5 FTE: 23 September to 4 October 2024 recorded as 5 days, 10 working days
   *       of which 4 (1 to 4 October) are in the year: 5 × 4 / 10 = 2;
   *   <li>3, agency, 1 FTE: 10 days, not counted (not employed);
   *   <li>4, permanent, left 30 June 2025: 6 to 9 May (4 days; 5 May is a bank holiday), counted in
   *       the days, not in the FTE;
   *   <li>5, business support, permanent: 3 days, not counted (not a social worker);
   *   <li>6, secondee, 0.8 FTE: 29 September to 3 October 2025 (5 days), 2 in the year.
   * </ul>
   *
   * Days lost 12 + 2 + 4 + 2 = 20, FTE in post 1 + 0.5 + 0.8 = 2.3: 8.695… → 8.7 days per FTE;
   * absence rate 20 / (2.3 × 253) = 3.437…% → 3.4%.
   */
  @Test
  void daysPerFteFollowTheCensus() {
    List<Worker> workers =
        List.of(
            worker(1, Role.SOCIAL_WORKER, EmploymentType.PERMANENT, "1", null),
            worker(2, Role.ADVANCED_PRACTITIONER, EmploymentType.PERMANENT, "0.5", null),
            worker(3, Role.SOCIAL_WORKER, EmploymentType.AGENCY, "1", null),
            worker(4, Role.SOCIAL_WORKER, EmploymentType.PERMANENT, "1", "2025-06-30"),
            worker(5, Role.BUSINESS_SUPPORT, EmploymentType.PERMANENT, "1", null),
            worker(6, Role.TEAM_MANAGER, EmploymentType.SECONDEE, "0.8", null));
    List<SicknessAbsence> absences =
        List.of(
            absence(1, "2025-03-03", "2025-03-07", null),
            absence(1, "2024-12-23", "2025-01-03", null),
            absence(2, "2024-09-23", "2024-10-04", "5"),
            absence(3, "2025-02-03", "2025-02-14", null),
            absence(4, "2025-05-06", "2025-05-09", null),
            absence(5, "2025-04-01", "2025-04-03", null),
            absence(6, "2025-09-29", "2025-10-03", null),
            absence(1, "2024-09-02", "2024-09-06", null));

    Map<Long, BigDecimal> byWorker = Sickness.daysLostByWorker(YEAR_END, absences, CALENDAR);
    assertThat(byWorker.keySet()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(byWorker.get(1L)).isEqualByComparingTo("12");
    assertThat(byWorker.get(2L)).isEqualByComparingTo("2");
    assertThat(byWorker.get(3L)).isEqualByComparingTo("10");
    assertThat(byWorker.get(4L)).isEqualByComparingTo("4");
    assertThat(byWorker.get(6L)).isEqualByComparingTo("2");

    Sickness.Figures figures = Sickness.of(YEAR_END, workers, absences, CALENDAR);
    assertThat(figures.yearStart()).isEqualTo(LocalDate.of(2024, 10, 1));
    assertThat(figures.daysLost()).isEqualByComparingTo("20");
    assertThat(figures.inPostFte()).isEqualByComparingTo("2.3");
    assertThat(figures.daysPerFte()).isEqualByComparingTo("8.7");
    assertThat(figures.absenceRate()).isEqualByComparingTo("3.4");
  }

  @Test
  void noEmployedFteGivesNoRate() {
    Sickness.Figures figures =
        Sickness.of(
            YEAR_END,
            List.of(worker(3, Role.SOCIAL_WORKER, EmploymentType.AGENCY, "1", null)),
            List.of(absence(3, "2025-02-03", "2025-02-14", null)),
            CALENDAR);
    assertThat(figures.daysLost()).isEqualByComparingTo("0");
    assertThat(figures.daysPerFte()).isNull();
    assertThat(figures.absenceRate()).isNull();
  }

  @Test
  void theNationalFiguresGiveThePublishedRate() {
    // DOMAIN.md: 270,751 working days lost, 33,119.1 FTE in post in 2023: 3.2%, 8.2 days per FTE.
    BigDecimal days = new BigDecimal("270751");
    BigDecimal fte = new BigDecimal("33119.1");
    assertThat(Sickness.daysPerFte(days, fte)).isEqualByComparingTo("8.2");
    assertThat(
            WorkforceCensus.percent(
                days,
                fte.multiply(
                    BigDecimal.valueOf(Sickness.workingDaysInYear(LocalDate.of(2023, 9, 30))))))
        .isEqualByComparingTo("3.2");
    assertThat(Sickness.workingDaysInYear(LocalDate.of(2024, 9, 30))).isEqualTo(254);
    assertThat(Sickness.workingDaysInYear(LocalDate.of(2023, 9, 30))).isEqualTo(253);
  }
}
