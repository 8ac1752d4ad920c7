package org.safeload.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeload.money.TeamAppraisal;
import org.safeload.organisation.EmploymentType;
import org.safeload.organisation.Role;
import org.safeload.organisation.WorkerDetails;
import org.safeload.timeliness.CaseType;

/** A team's worker records as the projection counts them, each figure worked out by hand. */
class TeamWorkforceTest {

  private static final LocalDate ON = LocalDate.of(2026, 11, 24);

  private static WorkerDetails w(
      Role role, EmploymentType type, String fte, String start, String end, String asye) {
    return new WorkerDetails(
        "Worker",
        role,
        type,
        new BigDecimal(fte),
        LocalDate.parse(start),
        end == null ? null : LocalDate.parse(end),
        role.caseHolding() ? LocalDate.parse("2010-07-01") : null,
        asye == null ? null : LocalDate.parse(asye),
        null);
  }

  @Test
  void eachKindOfWorkerIsCountedWhereTheModelWantsIt() {
    List<WorkerDetails> team =
        List.of(
            // Experienced: two permanent social workers (1 and 0.8), a seconded advanced
            // practitioner (1): 3 workers, 2.8 FTE.
            w(Role.SOCIAL_WORKER, EmploymentType.PERMANENT, "1", "2015-01-05", null, null),
            w(Role.SOCIAL_WORKER, EmploymentType.PERMANENT, "0.8", "2019-03-04", null, null),
            w(Role.ADVANCED_PRACTITIONER, EmploymentType.SECONDEE, "1", "2020-01-06", null, null),
            // In the ASYE since September: a starter in post, at ASYE limits.
            w(Role.SOCIAL_WORKER, EmploymentType.PERMANENT, "1", "2026-09-07", null, "2026-09-07"),
            // Starts on 4 January 2027.
            w(Role.SOCIAL_WORKER, EmploymentType.PERMANENT, "1", "2027-01-04", null, null),
            // Two agency workers in post, one who left in October (not counted).
            w(Role.SOCIAL_WORKER, EmploymentType.AGENCY, "1", "2025-10-06", null, null),
            w(Role.SOCIAL_WORKER, EmploymentType.AGENCY, "1", "2026-02-02", null, null),
            w(Role.SOCIAL_WORKER, EmploymentType.AGENCY, "1", "2025-02-03", "2026-10-30", null),
            // The managed team's worker and a team manager: not counted.
            w(Role.SOCIAL_WORKER, EmploymentType.MANAGED_SERVICE, "1", "2026-10-05", null, null),
            w(Role.TEAM_MANAGER, EmploymentType.PERMANENT, "1", "2012-01-02", null, null));
    TeamPlan plan =
        TeamWorkforce.plan(
            "North",
            Map.of(CaseType.CIN, 40),
            Referrals.rate(12),
            team,
            ON,
            6,
            new BigDecimal("7054.67"),
            List.of(),
            null);
    assertThat(plan.workers()).isEqualTo(3);
    assertThat(plan.fte()).isEqualByComparingTo("2.8");
    assertThat(plan.starters())
        .containsExactly(
            new TeamPlan.Starter(ON, 1, BigDecimal.ONE, true, LocalDate.of(2026, 9, 7)),
            new TeamPlan.Starter(LocalDate.of(2027, 1, 4), 1, BigDecimal.ONE, false, null));
    assertThat(plan.agency().fixed()).containsExactly(2, 2, 2, 2, 2, 2);
    assertThat(plan.agency().monthlyRate()).isEqualByComparingTo("7054.67");
  }

  @Test
  void withBackfillAgencyWorkersFillTheVacanciesInsteadOfThoseInPost() {
    List<WorkerDetails> team =
        List.of(
            w(Role.SOCIAL_WORKER, EmploymentType.PERMANENT, "1", "2015-01-05", null, null),
            w(Role.SOCIAL_WORKER, EmploymentType.AGENCY, "1", "2025-10-06", null, null));
    TeamPlan plan =
        TeamWorkforce.plan(
            "North",
            Map.of(),
            Referrals.rate(1),
            team,
            ON,
            3,
            new BigDecimal("7054.67"),
            List.of(),
            6);
    assertThat(plan.agency().fixed()).containsExactly(0, 0, 0);
    assertThat(plan.agency().establishment()).isEqualTo(6);
    assertThat(plan.agency().maxBackfill()).isNull();
  }

  @Test
  void monthlyTurnoverIsLeaversOverTheAverageHeadcountOverTwelve() {
    // Four permanent social workers in post all year; a fifth leaves on 31 May 2026, so is in
    // post at the start of 7 of the 12 months (25 Nov 2025 … 25 May 2026): average headcount
    // (4 × 12 + 7) / 12 = 55 / 12; one leaver: 1 / (55 / 12) / 12 = 1 / 55 a month.
    List<WorkerDetails> workers =
        List.of(
            w(Role.SOCIAL_WORKER, EmploymentType.PERMANENT, "1", "2015-01-05", null, null),
            w(Role.SOCIAL_WORKER, EmploymentType.PERMANENT, "1", "2015-01-05", null, null),
            w(Role.SOCIAL_WORKER, EmploymentType.PERMANENT, "1", "2015-01-05", null, null),
            w(Role.SOCIAL_WORKER, EmploymentType.PERMANENT, "1", "2015-01-05", null, null),
            w(Role.SOCIAL_WORKER, EmploymentType.PERMANENT, "1", "2015-01-05", "2026-05-31", null),
            // An agency leaver and a leaver before the year: not counted.
            w(Role.SOCIAL_WORKER, EmploymentType.AGENCY, "1", "2025-01-06", "2026-03-31", null),
            w(Role.SOCIAL_WORKER, EmploymentType.PERMANENT, "1", "2015-01-05", "2025-06-30", null));
    assertThat(TeamWorkforce.monthlyTurnover(workers, ON)).isCloseTo(1.0 / 55, within(1e-12));
    assertThat(TeamWorkforce.monthlyTurnover(List.of(), ON)).isZero();
  }

  @Test
  void anAgencyMonthIsTheHourlyCostTimesAYearsHoursOverTwelve() {
    // (41.00 + 3.00) × 37 × 52 / 12 = 84,656 / 12 = 7,054.666… → £7,054.67.
    TeamAppraisal.Agency agency =
        new TeamAppraisal.Agency(
            Map.of(Role.SOCIAL_WORKER, new BigDecimal("41.00")),
            new BigDecimal("3.00"),
            new BigDecimal("37"),
            new BigDecimal("52"));
    assertThat(agency.monthly(Role.SOCIAL_WORKER)).isEqualByComparingTo("7054.67");
    assertThat(agency.monthly(Role.TEAM_MANAGER)).isNull();
  }
}
