package org.safeload.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.money.Contract;
import org.safeload.money.Costing;
import org.safeload.timeliness.CaseType;

class TaperSearchTest {

  private static final YearMonth JAN = YearMonth.of(2026, 1);

  /**
   * Team A: 2 permanent workers and 60 child-in-need cases, each ending with probability 0.15 a
   * month, 5 new a month: the caseload falls towards 5 / 0.15 ≈ 33. The managed team (3 social
   * workers and a manager) runs January to May 2026.
   */
  private static ProjectionInput input(long seed, LocalDate contractEnd) {
    Map<CaseType, Double> exit = new java.util.EnumMap<>(CaseType.class);
    for (CaseType type : CaseType.values()) {
      exit.put(type, 0.15);
    }
    TeamPlan a = TeamPlan.of("A", Map.of(CaseType.CIN, 60), Referrals.rate(5), 2);
    Contract contract = ProjectionFixtures.contract(LocalDate.of(2025, 10, 1), contractEnd, 3);
    return new ProjectionInput(
        JAN,
        6,
        2_000,
        seed,
        new BigDecimal("14"),
        0.01,
        true,
        CaseloadPolicy.defaultPolicy(),
        CaseMoves.exitsOnly(exit),
        List.of(a),
        List.of(ManagedTeam.asContracted("Managed", "A", contract)));
  }

  @ParameterizedTest(name = "seed {0}, level {1}, decided {2}")
  @CsvSource({
    "1, 0.10, 2025-12-20",
    "2, 0.20, 2025-12-01",
    "3, 0.05, 2026-01-10",
    "4, 0.30, 2025-12-31",
    "5, 0.50, 2025-11-01"
  })
  void theSearchFindsTheCheapestSafeScheduleThatEnumerationFinds(
      long seed, String level, LocalDate decidedOn) {
    ProjectionInput in = input(seed, LocalDate.of(2026, 5, 31));
    Simulation sim = CapacityProjection.simulate(in);
    BigDecimal lvl = new BigDecimal(level);
    TaperSearch.Comparison found =
        TaperSearch.cheapestSafe(sim, ProjectionFixtures.COSTING, "Managed", lvl, decidedOn, 28);
    assertEquals(5, found.controlled()); // January to May
    assertEquals(3, found.startingSize());

    // Every non-increasing schedule of 0 to 3 social workers over the 5 months, each costed by the
    // money engine on a contract built for it and judged on the same runs through the public
    // projection; reductions only in months starting at least 28 days after the decision.
    ManagedTeam option = in.managed().getFirst();
    BigDecimal cheapest = null;
    List<Integer> cheapestSchedule = null;
    for (List<Integer> schedule : schedules(5, 3)) {
      if (!noticeKept(schedule, 3, decidedOn, 28)) {
        continue;
      }
      ManagedTeam taper = option.withSocialWorkers(schedule);
      Projection p = sim.project(ProjectionFixtures.COSTING, List.of(taper));
      boolean safe = true;
      for (int m = 0; m < 5; m++) {
        BigDecimal breach =
            BigDecimal.valueOf(p.team("A").months().get(m).breaches())
                .divide(BigDecimal.valueOf(in.runs()));
        safe &= breach.compareTo(lvl) <= 0;
      }
      if (!safe) {
        continue;
      }
      int[] ks = schedule.stream().mapToInt(Integer::intValue).toArray();
      Contract c = ManagedCosts.contract(option, JAN, ks);
      BigDecimal total = costIn(c, JAN, 6);
      if (cheapest == null || total.compareTo(cheapest) < 0) {
        cheapest = total;
        cheapestSchedule = schedule;
      }
    }
    System.out.println(
        "seed "
            + seed
            + ", level "
            + level
            + ": enumeration's cheapest "
            + cheapestSchedule
            + " £"
            + cheapest
            + "; search's "
            + (found.cheapest() == null ? null : found.cheapest().socialWorkers()));
    if (cheapest == null) {
      assertNull(found.cheapest());
      return;
    }
    assertNotNull(found.cheapest(), "enumeration found " + cheapestSchedule);
    assertEquals(cheapest, found.cheapest().total(), "enumeration found " + cheapestSchedule);
    assertTrue(found.cheapest().safe());
    assertTrue(found.cheapest().noticeMet());
    assertEquals(found.council().total().subtract(found.cheapest().total()), found.saving());
  }

  /**
   * An exit judged on the whole service: team A as above with its managed team, and team B with 4
   * workers and 30 cases, which takes A's cases when the managed team goes. Enumeration judges each
   * schedule on the service's breaches (the projection's service figures), and the search on the
   * service must find the same cheapest cost.
   */
  @ParameterizedTest(name = "seed {0}, level {1}")
  @CsvSource({"1, 0.10", "2, 0.25", "3, 0.02"})
  void anExitJudgedOnTheWholeServiceFindsWhatEnumerationFinds(long seed, String level) {
    ProjectionInput one = input(seed, LocalDate.of(2026, 5, 31));
    TeamPlan b = TeamPlan.of("B", Map.of(CaseType.CIN, 30), Referrals.rate(3), 4);
    List<TeamPlan> teams = new java.util.ArrayList<>(one.teams());
    teams.add(b);
    ProjectionInput in =
        new ProjectionInput(
            one.start(),
            one.months(),
            one.runs(),
            seed,
            one.target(),
            one.monthlyTurnover(),
            true,
            one.policy(),
            one.moves(),
            teams,
            one.managed());
    Simulation sim = CapacityProjection.simulate(in);
    BigDecimal lvl = new BigDecimal(level);
    LocalDate decided = LocalDate.of(2025, 12, 1);
    TaperSearch.Comparison found =
        TaperSearch.cheapestSafe(
            sim, ProjectionFixtures.COSTING, "Managed", lvl, decided, 28, true);
    assertTrue(found.wholeService());
    ManagedTeam option = in.managed().getFirst();
    BigDecimal cheapest = null;
    for (List<Integer> schedule : schedules(5, 3)) {
      if (!noticeKept(schedule, 3, decided, 28)) {
        continue;
      }
      Projection p =
          sim.project(ProjectionFixtures.COSTING, List.of(option.withSocialWorkers(schedule)));
      boolean safe = true;
      for (int m = 0; m < 5; m++) {
        safe &=
            BigDecimal.valueOf(p.service().months().get(m).breaches())
                    .divide(BigDecimal.valueOf(in.runs()))
                    .compareTo(lvl)
                <= 0;
      }
      if (safe) {
        int[] ks = schedule.stream().mapToInt(Integer::intValue).toArray();
        BigDecimal total = costIn(ManagedCosts.contract(option, JAN, ks), JAN, 6);
        if (cheapest == null || total.compareTo(cheapest) < 0) {
          cheapest = total;
        }
      }
    }
    System.out.println(
        "service seed "
            + seed
            + ", level "
            + level
            + ": enumeration £"
            + cheapest
            + ", search "
            + (found.cheapest() == null ? null : found.cheapest().socialWorkers()));
    if (cheapest == null) {
      assertNull(found.cheapest());
    } else {
      assertNotNull(found.cheapest());
      assertEquals(cheapest, found.cheapest().total());
      assertTrue(found.cheapest().safe());
      // The plan's own chances are the service's, as the projection counts them with its taper.
      Projection with =
          sim.project(
              ProjectionFixtures.COSTING,
              List.of(option.withSocialWorkers(found.cheapest().socialWorkers())));
      for (int m = 0; m < 6; m++) {
        assertEquals(
            with.service().months().get(m).breachProbability(),
            found.cheapest().breachProbability().get(m),
            "month " + m);
      }
    }
  }

  @Test
  void theTableCostsATaperAsTheMoneyEngineCostsItsContract() {
    ProjectionInput in = input(1, LocalDate.of(2026, 5, 31));
    ManagedTeam option = in.managed().getFirst();
    long[][] table = ManagedCosts.table(option, JAN, 6, 3, ProjectionFixtures.COSTING);
    int[] schedule = {3, 2, 2, 1, 0, 0};
    long[] fromTable = ManagedCosts.pence(table, schedule);
    Contract c = ManagedCosts.contract(option, JAN, schedule);
    // The contract ends on 30 April, the day before the first month with none.
    assertEquals(LocalDate.of(2026, 4, 30), c.end());
    long sum = 0;
    for (long p : fromTable) {
      sum += p;
    }
    assertEquals(costIn(c, JAN, 6), BigDecimal.valueOf(sum, 2));
    // January by hand: 31 days of 3 social workers at £1,400 a week and a manager at £1,750:
    // (3·1400 + 1750) · 31 / 7 = 5950 · 31 / 7 = £26,350.00.
    assertEquals(2_635_000, fromTable[0]);
    // February: 28 days of 2 and the manager: (2800 + 1750) · 4 = £18,200.00.
    assertEquals(1_820_000, fromTable[1]);
  }

  @Test
  void noScheduleIsSafeWhenEvenTheWholeTeamBreaches() {
    ProjectionInput in = input(1, LocalDate.of(2026, 5, 31));
    ProjectionInput tight =
        new ProjectionInput(
            in.start(),
            in.months(),
            in.runs(),
            in.seed(),
            new BigDecimal("5"),
            in.monthlyTurnover(),
            in.referralsVary(),
            in.policy(),
            in.moves(),
            in.teams(),
            in.managed());
    TaperSearch.Comparison c =
        TaperSearch.cheapestSafe(
            CapacityProjection.simulate(tight),
            ProjectionFixtures.COSTING,
            "Managed",
            new BigDecimal("0.1"),
            LocalDate.of(2025, 12, 1),
            28);
    assertNull(c.cheapest());
    assertNull(c.saving());
    assertEquals(5, c.unsafeEvenAtStartingSize().size());
    assertTrue(!c.council().safe());
  }

  @Test
  void monthsStartingWithinTheNoticeKeepTheTeam() {
    // Decided on 20 December with 4 weeks' notice: the earliest reduction is from 1 February.
    assertEquals(1, TaperSearch.frozen(JAN, 5, LocalDate.of(2025, 12, 20), 28));
    // Decided on 4 December: 1 January is exactly 28 days later, so January may already change.
    assertEquals(0, TaperSearch.frozen(JAN, 5, LocalDate.of(2025, 12, 4), 28));
    assertEquals(1, TaperSearch.frozen(JAN, 5, LocalDate.of(2025, 12, 5), 28));
    // With a loose target the cheapest taper exits as soon as notice allows.
    ProjectionInput in = input(1, LocalDate.of(2026, 5, 31));
    ProjectionInput loose =
        new ProjectionInput(
            in.start(),
            in.months(),
            in.runs(),
            in.seed(),
            new BigDecimal("100"),
            in.monthlyTurnover(),
            in.referralsVary(),
            in.policy(),
            in.moves(),
            in.teams(),
            in.managed());
    TaperSearch.Comparison c =
        TaperSearch.cheapestSafe(
            CapacityProjection.simulate(loose),
            ProjectionFixtures.COSTING,
            "Managed",
            new BigDecimal("0.1"),
            LocalDate.of(2025, 12, 20),
            28);
    assertEquals(List.of(3, 0, 0, 0, 0, 0), c.cheapest().socialWorkers());
    assertEquals(
        List.of(new TaperSearch.Reduction(JAN.plusMonths(1), 3, 0, LocalDate.of(2026, 1, 4))),
        c.cheapest().reductions());
  }

  private static BigDecimal costIn(Contract c, YearMonth start, int months) {
    Costing costing = ProjectionFixtures.COSTING.cost(c, c.start());
    BigDecimal sum = BigDecimal.ZERO;
    for (Costing.MonthCost m : costing.months()) {
      if (!m.month().isBefore(start) && m.month().isBefore(start.plusMonths(months))) {
        sum = sum.add(m.total());
      }
    }
    return sum;
  }

  /** Whether every reduction's month starts at least the notice after the decision. */
  private static boolean noticeKept(List<Integer> schedule, int size, LocalDate decided, int days) {
    int before = size;
    for (int m = 0; m < schedule.size(); m++) {
      if (schedule.get(m) < before && JAN.plusMonths(m).atDay(1).isBefore(decided.plusDays(days))) {
        return false;
      }
      before = schedule.get(m);
    }
    return true;
  }

  /** Every non-increasing list of {@code months} numbers from {@code most} down to 0. */
  private static List<List<Integer>> schedules(int months, int most) {
    List<List<Integer>> all = new ArrayList<>();
    extend(new ArrayList<>(), months, most, all);
    return all;
  }

  private static void extend(List<Integer> prefix, int months, int most, List<List<Integer>> all) {
    if (prefix.size() == months) {
      all.add(List.copyOf(prefix));
      return;
    }
    for (int k = most; k >= 0; k--) {
      prefix.add(k);
      extend(prefix, months, k, all);
      prefix.removeLast();
    }
  }
}
