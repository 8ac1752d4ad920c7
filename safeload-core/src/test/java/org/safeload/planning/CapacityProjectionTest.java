package org.safeload.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.timeliness.CaseType;

class CapacityProjectionTest {

  private static final CaseloadPolicy POLICY = CaseloadPolicy.defaultPolicy();
  private static final YearMonth JAN = YearMonth.of(2026, 1);

  /**
   * No variance anywhere: referrals fixed at 5 a month, every assessment becomes child in need
   * after a month (probability 1), child in need and child protection cases stay (probability 0),
   * no turnover, a fixed registration delay.
   */
  private static ProjectionInput fixedInput(int runs) {
    CaseMoves moves =
        new CaseMoves(Map.of(), Map.of(CaseType.ASSESSMENT, Map.of(CaseType.CIN, 1.0)));
    TeamPlan a =
        new TeamPlan(
            "A",
            Map.of(CaseType.ASSESSMENT, 10, CaseType.CIN, 100, CaseType.CP, 4),
            Referrals.rate(5),
            2,
            new BigDecimal("2"),
            List.of(
                // An experienced starter holding cases from 10 February: month 2.
                TeamPlan.Starter.experienced(LocalDate.of(2026, 2, 10), 1),
                // In the ASYE since 15 February 2025: at ASYE limits at the end of January only.
                TeamPlan.Starter.asye(LocalDate.of(2025, 2, 15), 1)),
            List.of(
                // Registered 45 days after 1 January (15 February), 15 days' induction: holds
                // cases from 2 March, month 3.
                new TeamPlan.Recruits(
                    "international",
                    1,
                    LocalDate.of(2026, 1, 1),
                    Triangular.fixed(45),
                    15,
                    BigDecimal.ONE,
                    false)),
            new TeamPlan.Agency(List.of(), 5, 10, new BigDecimal("8000")));
    TeamPlan b = TeamPlan.of("B", Map.of(CaseType.CIN, 10), Referrals.rate(0), 1);
    return new ProjectionInput(
        JAN, 3, runs, 42, new BigDecimal("20"), 0, false, POLICY, moves, List.of(a, b), List.of());
  }

  @Test
  void withoutVarianceTheBandsCollapseToTheHandWorkedPath() {
    Projection p = CapacityProjection.project(fixedInput(50), ProjectionFixtures.COSTING);
    // Team A, by hand (default policy: weights assessment 1, cin 1, cp 1.5; caps: social worker 22
    // cases per FTE, ASYE 15; the ASYE worker's year ends 15 February 2026).
    // Month 1 (January): 10 assessments → cin; 5 new assessments: 5 A, 110 CIN, 4 CP = 119 cases,
    //   weighted 5 + 110 + 6 = 121. Workers: 2 experienced + 1 ASYE = 3 permanent; agency backfills
    //   5 − 3 = 2. FTE 5: 121 / 5 = 24.20 > 20 (breach). Caps 2·22 + 15 + 2·22 = 103: 16
    //   unallocated. Cost: 2 agency × £8,000 = £16,000.
    // Month 2 (February): 5 A, 115 CIN, 4 CP = 124, weighted 126. The starter joins (3
    //   experienced), the ASYE worker has finished (4 experienced): agency 1. FTE 5: 25.20. Caps
    //   5·22 = 110: 14 unallocated. £8,000.
    // Month 3 (March): 5 A, 120 CIN, 4 CP = 129, weighted 131. The recruit joins: 5 permanent, no
    //   agency. FTE 5: 26.20. Caps 110: 19 unallocated. £0.
    int[] open = {119, 124, 129};
    String[] perFte = {"24.20", "25.20", "26.20"};
    int[] unallocated = {16, 14, 19};
    int[] agency = {2, 1, 0};
    String[] cost = {"16000.00", "8000.00", "0.00"};
    List<Projection.Month> months = p.team("A").months();
    for (int m = 0; m < 3; m++) {
      Projection.Month month = months.get(m);
      assertEquals(JAN.plusMonths(m), month.month());
      collapsed(month.openCases(), new BigDecimal(open[m]));
      collapsed(month.weightedPerFte(), new BigDecimal(perFte[m]));
      collapsed(month.unallocated(), new BigDecimal(unallocated[m]));
      collapsed(month.agencyWorkers(), new BigDecimal(agency[m]));
      collapsed(month.fte(), new BigDecimal("5.00"));
      collapsed(month.cost(), new BigDecimal(cost[m]));
      assertEquals(new BigDecimal("1.0000"), month.breachProbability());
    }
    // Team B: 10 cin cases with 1 worker throughout: 10.00, nothing unallocated, no breach.
    // The service: A + B. Month 1: 129 cases, weighted 131 over 6 FTE = 21.83; month 2: 134, 136/6
    // = 22.67; month 3: 139, 141/6 = 23.50; unallocated 16, 14, 19 (B has none).
    String[] service = {"21.83", "22.67", "23.50"};
    for (int m = 0; m < 3; m++) {
      Projection.Month b = p.team("B").months().get(m);
      collapsed(b.weightedPerFte(), new BigDecimal("10.00"));
      assertEquals(new BigDecimal("0.0000"), b.breachProbability());
      Projection.Month s = p.service().months().get(m);
      collapsed(s.openCases(), new BigDecimal(open[m] + 10));
      collapsed(s.weightedPerFte(), new BigDecimal(service[m]));
      collapsed(s.unallocated(), new BigDecimal(unallocated[m]));
      assertEquals(new BigDecimal("1.0000"), s.breachProbability());
    }
  }

  private static void collapsed(Projection.Band band, BigDecimal value) {
    assertEquals(0, band.p10().compareTo(value), () -> "p10 " + band + " vs " + value);
    assertEquals(0, band.p50().compareTo(value), () -> "p50 " + band);
    assertEquals(0, band.p90().compareTo(value), () -> "p90 " + band);
    assertEquals(0, band.mean().compareTo(value), () -> "mean " + band);
  }

  @Test
  void theMeanOfTenThousandRunsIsWithinOnePercentOfTheClosedForm() {
    // Every open case ends in a month with probability p = 0.1, whatever its type; λ = 5 new
    // cases a month (Poisson). With N_t = Binomial(N_{t−1}, 1 − p) + Poisson(λ):
    //   E[N_t] = (1 − p)·E[N_{t−1}] + λ, so E[N_t] = N_0·(1 − p)^t + λ·Σ_{k=0}^{t−1} (1 − p)^k.
    double p = 0.1;
    double lambda = 5;
    int n0 = 100;
    Map<CaseType, Double> exit = new java.util.EnumMap<>(CaseType.class);
    for (CaseType type : CaseType.values()) {
      exit.put(type, p);
    }
    TeamPlan team = TeamPlan.of("A", Map.of(CaseType.CIN, n0), Referrals.rate(lambda), 5);
    ProjectionInput in =
        new ProjectionInput(
            JAN,
            24,
            10_000,
            7,
            new BigDecimal("20"),
            0,
            true,
            POLICY,
            CaseMoves.exitsOnly(exit),
            List.of(team),
            List.of());
    Projection projection = CapacityProjection.project(in, ProjectionFixtures.COSTING);
    for (int t = 1; t <= 24; t++) {
      double expected = n0 * Math.pow(1 - p, t);
      for (int k = 0; k < t; k++) {
        expected += lambda * Math.pow(1 - p, k);
      }
      double mean = projection.team("A").months().get(t - 1).openCases().mean().doubleValue();
      assertEquals(expected, mean, expected * 0.01, "month " + t);
    }
  }

  @Test
  void theSameSeedGivesTheSameProjectionOnAnyNumberOfThreads() {
    ProjectionInput in = randomInput(2_000, 11);
    Projection parallel = CapacityProjection.simulate(in, true).project(ProjectionFixtures.COSTING);
    Projection serial = CapacityProjection.simulate(in, false).project(ProjectionFixtures.COSTING);
    Projection again = CapacityProjection.simulate(in, true).project(ProjectionFixtures.COSTING);
    assertEquals(parallel, serial);
    assertEquals(parallel, again);
    Projection other =
        CapacityProjection.simulate(in.withRuns(2_000, 12), true)
            .project(ProjectionFixtures.COSTING);
    assertNotEquals(parallel, other);
  }

  @Test
  void turnoverAndRegistrationDelaysVaryTheWorkforce() {
    Projection p = CapacityProjection.project(randomInput(4_000, 3), ProjectionFixtures.COSTING);
    Projection.Month last = p.team("A").months().getLast();
    // 6 workers at 2% a month for 12 months, plus 4 recruits registered within 3 to 9 months: the
    // FTE spreads, and its mean lies below 10 (6 + 4) by the expected leavers.
    assertTrue(last.fte().p10().compareTo(last.fte().p90()) < 0, last.fte().toString());
    assertTrue(last.fte().mean().doubleValue() < 10 && last.fte().mean().doubleValue() > 8);
    // Bands are ordered.
    for (Projection.Month m : p.service().months()) {
      assertTrue(m.openCases().p10().compareTo(m.openCases().p50()) <= 0);
      assertTrue(m.openCases().p50().compareTo(m.openCases().p90()) <= 0);
    }
  }

  static ProjectionInput randomInput(int runs, long seed) {
    CaseMoves moves =
        new CaseMoves(
            Map.of(CaseType.ASSESSMENT, 0.4, CaseType.CIN, 0.1, CaseType.CP, 0.05),
            Map.of(
                CaseType.ASSESSMENT, Map.of(CaseType.CIN, 0.3, CaseType.CP, 0.05),
                CaseType.CP, Map.of(CaseType.CIN, 0.08)));
    TeamPlan a =
        new TeamPlan(
            "A",
            Map.of(CaseType.ASSESSMENT, 20, CaseType.CIN, 60, CaseType.CP, 25),
            Referrals.rate(14),
            6,
            new BigDecimal("6"),
            List.of(),
            List.of(
                new TeamPlan.Recruits(
                    "international",
                    4,
                    LocalDate.of(2026, 1, 1),
                    Triangular.months(2, 3, 8),
                    30,
                    BigDecimal.ONE,
                    false)),
            null);
    return new ProjectionInput(
        JAN,
        12,
        runs,
        seed,
        new BigDecimal("20"),
        0.02,
        true,
        POLICY,
        moves,
        List.of(a),
        List.of());
  }
}
