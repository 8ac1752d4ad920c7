package org.safeload.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.money.Contract;
import org.safeload.money.ContractCosting;
import org.safeload.money.ContractStatus;
import org.safeload.money.ProcurementRoute;
import org.safeload.money.RatePer;
import org.safeload.organisation.Role;
import org.safeload.planning.CapacityProjection;
import org.safeload.planning.CaseMoves;
import org.safeload.planning.ManagedTeam;
import org.safeload.planning.Projection;
import org.safeload.planning.ProjectionInput;
import org.safeload.planning.Referrals;
import org.safeload.planning.Simulation;
import org.safeload.planning.TaperSearch;
import org.safeload.planning.TeamPlan;
import org.safeload.planning.Triangular;
import org.safeload.timeliness.CaseType;

/**
 * {@code java -jar safeload-bench.jar projection --runs 10000 --months 24 --teams 10}: a capacity
 * projection of a service of realistic teams (about 150 open cases and 8 workers each, recruits,
 * turnover, agency backfill; the first team busier, with a managed team of 6), timed end to end:
 * the runs, the bands, and the cheapest safe taper. Repeats ({@code --repeat}) show the time once
 * the JIT has compiled the loop.
 */
public final class ProjectionBench {

  private ProjectionBench() {}

  public static void main(String[] args) {
    int runs = 10_000;
    int months = 24;
    int teams = 10;
    long seed = 1;
    int repeat = 3;
    boolean serial = false;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        case "--months" -> months = Integer.parseInt(args[i + 1]);
        case "--teams" -> teams = Integer.parseInt(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        case "--repeat" -> repeat = Integer.parseInt(args[i + 1]);
        case "--serial" -> serial = Boolean.parseBoolean(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    ProjectionInput in = input(runs, months, teams, seed);
    ContractCosting costing = new ContractCosting(WorkingCalendar.englandAndWales());
    System.out.printf(
        "Projection: %d teams, %d months, %d runs, seed %d, %d threads in the common pool + caller%n",
        teams, months, runs, seed, java.util.concurrent.ForkJoinPool.getCommonPoolParallelism());
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long best = Long.MAX_VALUE;
    for (int k = 1; k <= repeat; k++) {
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      Simulation sim = CapacityProjection.simulate(in, !serial);
      long t1 = System.nanoTime();
      Projection p = sim.project(costing);
      long t2 = System.nanoTime();
      TaperSearch.Comparison taper =
          TaperSearch.cheapestSafe(
              sim,
              costing,
              "Managed",
              new BigDecimal("0.10"),
              in.start().atDay(1).minusDays(30),
              28);
      long t3 = System.nanoTime();
      long cpu = os.getProcessCpuTime() - cpu0;
      if (k > 1 || repeat == 1) {
        best = Math.min(best, t3 - t0); // the first run of several warms the JIT
      }
      System.out.printf(
          "  run %d: simulate %d ms, bands %d ms, taper search %d ms; total %d ms (CPU time %d ms:"
              + " with the machine to itself, 2 cores take about half)%n",
          k,
          (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000,
          (t3 - t2) / 1_000_000,
          (t3 - t0) / 1_000_000,
          cpu / 1_000_000);
      if (k == repeat) {
        Projection.Month last = p.service().months().getLast();
        System.out.printf(
            "  service in %s: open cases %s (P10 %s, P90 %s), weighted per FTE %s (P10 %s, P90"
                + " %s), breach probability %s%n",
            last.month(),
            last.openCases().p50(),
            last.openCases().p10(),
            last.openCases().p90(),
            last.weightedPerFte().p50(),
            last.weightedPerFte().p10(),
            last.weightedPerFte().p90(),
            last.breachProbability());
        System.out.printf(
            "  taper of the managed team: council's plan %s £%s; cheapest safe %s £%s%n",
            taper.council().socialWorkers(),
            taper.council().total(),
            taper.cheapest() == null ? "none" : taper.cheapest().socialWorkers(),
            taper.cheapest() == null ? "-" : taper.cheapest().total());
      }
    }
    System.out.printf(
        "Target: simulate, bands and taper search within %d ms (issue #14, 10,000 runs, 24"
            + " months, 10 teams, 2 cores); best run after the first: %d ms: %s%n",
        TARGET_MS, best / 1_000_000, best <= TARGET_MS * 1_000_000L ? "met" : "NOT met");
  }

  /** The target for 10,000 runs over 24 months and 10 teams on 2 cores. */
  static final long TARGET_MS = 1_000;

  static ProjectionInput input(int runs, int months, int teams, long seed) {
    YearMonth start = YearMonth.of(2026, 4);
    CaseMoves moves =
        new CaseMoves(
            Map.of(
                CaseType.ASSESSMENT, 0.35,
                CaseType.CIN, 0.10,
                CaseType.CP, 0.03,
                CaseType.PLO, 0.02,
                CaseType.COURT, 0.07),
            Map.of(
                CaseType.ASSESSMENT, Map.of(CaseType.CIN, 0.25, CaseType.CP, 0.05),
                CaseType.CIN, Map.of(CaseType.CP, 0.02),
                CaseType.CP, Map.of(CaseType.CIN, 0.07, CaseType.PLO, 0.02),
                CaseType.PLO, Map.of(CaseType.COURT, 0.10, CaseType.CP, 0.08),
                CaseType.COURT, Map.of(CaseType.CIN, 0.01)));
    List<TeamPlan> plans = new ArrayList<>();
    for (int t = 0; t < teams; t++) {
      int shift = t % 4;
      Map<CaseType, Integer> open =
          Map.of(
              CaseType.ASSESSMENT, 30 + shift,
              CaseType.CIN, t == 0 ? 110 : 60 + 2 * shift,
              CaseType.CP, 40,
              CaseType.PLO, 8,
              CaseType.COURT, 12);
      plans.add(
          new TeamPlan(
              "team-" + (t + 1),
              open,
              Referrals.rate(t == 0 ? 22 : 16 + shift),
              7,
              new BigDecimal("6.6"),
              List.of(TeamPlan.Starter.asye(LocalDate.of(2025, 10, 1), 1)),
              List.of(
                  new TeamPlan.Recruits(
                      "international",
                      3,
                      LocalDate.of(2026, 3, 1),
                      Triangular.months(2, 4, 9),
                      28,
                      BigDecimal.ONE,
                      false)),
              new TeamPlan.Agency(List.of(1), 10, 3, new BigDecimal("7800"))));
    }
    Contract contract =
        new Contract(
            "mt-bench",
            "Provider Ltd",
            ProcurementRoute.DIRECT_AWARD,
            "urgent",
            LocalDate.of(2025, 10, 1),
            start.plusMonths(8).atEndOfMonth(),
            null,
            ContractStatus.ACTIVE,
            "team-1",
            List.of(
                new Contract.RosterLine(
                    Role.SOCIAL_WORKER, 6, new Contract.Rate(new BigDecimal("1400"), RatePer.WEEK)),
                new Contract.RosterLine(
                    Role.TEAM_MANAGER, 1, new Contract.Rate(new BigDecimal("1750"), RatePer.WEEK))),
            null,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    return new ProjectionInput(
        start,
        months,
        runs,
        seed,
        new BigDecimal("20"),
        0.015,
        true,
        CaseloadPolicy.defaultPolicy(),
        moves,
        plans,
        List.of(ManagedTeam.asContracted("Managed", "team-1", contract)));
  }
}
