package org.safeload.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.safeload.handover.GreedyHandover;
import org.safeload.handover.HandoverInstances;
import org.safeload.handover.HandoverPlan;
import org.safeload.handover.HandoverPlanner;
import org.safeload.handover.PlanCheck;

/**
 * {@code java -jar safeload-bench.jar handover --cases 500 --workers 40 --seed 1}: generates a
 * handover instance ({@link HandoverInstances}), plans it with the CP-SAT planner on 2 threads and
 * with the greedy baseline, and prints both side by side: the maximum weighted caseload per FTE,
 * the planner's status, each stage's value, bound and gap (stage 1 the maximum, stage 2 the cases
 * moved away from a worker the child knows, stage 3 the balance), and the rule breaches {@link
 * PlanCheck} finds in each. {@code --held 8-18}: realistic receivers who already hold 8 to 18
 * weighted cases each (not scaled down to make the cases fit). Each stage's outcome and time is
 * printed. {@code --suite}: the instance and the realistic instances that fit, several
 * seeds, one summary each with its target line ({@link #suite}).
 */
public final class HandoverBench {

  private HandoverBench() {}

  public static void main(String[] args) {
    int cases = 500;
    int workers = 40;
    long seed = 1;
    double limit = 10;
    int threads = 2;
    int repeat = 1;
    String heldRange = null;
    if (args.length > 0 && args[0].equals("--suite")) {
      suite(args);
      return;
    }
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--cases" -> cases = Integer.parseInt(args[i + 1]);
        case "--workers" -> workers = Integer.parseInt(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        case "--time-limit" -> limit = Double.parseDouble(args[i + 1]);
        case "--threads" -> threads = Integer.parseInt(args[i + 1]);
        case "--repeat" -> repeat = Integer.parseInt(args[i + 1]);
        case "--held" -> heldRange = args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Duration natives = HandoverPlanner.loadNatives();
    System.out.printf("Loading OR-Tools natives: %d ms (once per JVM)%n", natives.toMillis());
    long t0 = System.nanoTime();
    HandoverInstances.Instance in;
    if (heldRange == null) {
      in = HandoverInstances.generate(cases, workers, seed);
    } else {
      String[] range = heldRange.split("-", 2);
      in =
          HandoverInstances.realistic(
              cases,
              workers,
              seed,
              Integer.parseInt(range[0]),
              Integer.parseInt(range[range.length - 1]));
    }
    long families =
        in.cases().stream()
            .map(c -> c.familyGroup() == null ? "case:" + c.caseId() : c.familyGroup())
            .distinct()
            .count();
    long asye = in.receivers().stream().filter(r -> r.holder().asye()).count();
    BigDecimal heldWeighted =
        in.receivers().stream()
            .map(r -> r.current().weighted())
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal fte =
        in.receivers().stream().map(r -> r.holder().fte()).reduce(BigDecimal.ZERO, BigDecimal::add);
    int held = in.receivers().stream().mapToInt(r -> r.current().cases()).sum();
    System.out.printf(
        "Instance (seed %d): %d cases in %d family groups to %d receivers (%d ASYE, %s FTE,"
            + " already holding %d cases, %s weighted%s); generated in %d ms%n",
        seed,
        in.cases().size(),
        families,
        in.receivers().size(),
        asye,
        fte.toPlainString(),
        held,
        heldWeighted.toPlainString(),
        heldRange == null ? ", scaled to fit" : ", " + heldRange + " weighted each",
        (System.nanoTime() - t0) / 1_000_000);

    List<HandoverPlanner.StageTime> times = new ArrayList<>();
    HandoverPlanner planner = new HandoverPlanner(threads, times::add);
    HandoverPlan plan = null;
    for (int run = 0; run < repeat; run++) {
      times.clear();
      plan =
          planner.plan(
              in.cases(), in.receivers(), in.policy(), Duration.ofMillis((long) (limit * 1000)));
      if (repeat > 1) {
        System.out.printf(
            "  run %d: %s, max %s, bound %s, moved %d, balance %s (gap %s), %d ms%n",
            run + 1,
            plan.status().code(),
            plan.maxWeightedPerFte(),
            plan.bound(),
            plan.movedFromPreviousWorker(),
            plan.balance(),
            plan.balanceGap(),
            plan.solveTime().toMillis());
      }
    }
    long g0 = System.nanoTime();
    Map<String, String> greedy = GreedyHandover.assign(in.cases(), in.receivers(), in.policy());
    long greedyMicros = (System.nanoTime() - g0) / 1000;

    PlanCheck.Breaches planned =
        PlanCheck.check(in.cases(), in.receivers(), in.policy(), plan.assignment());
    PlanCheck.Breaches baseline = PlanCheck.check(in.cases(), in.receivers(), in.policy(), greedy);
    System.out.println();
    System.out.printf("%-44s %16s %16s%n", "", "CP-SAT planner", "greedy");
    row("status", plan.status().code(), "-");
    if (plan.extraFteNeeded() != null) {
      row("no plan fits: extra FTE needed", plan.extraFteNeeded(), "-");
      row("cases that cannot be placed", plan.unplaced().size(), "-");
    }
    row(
        "stage 1: max weighted caseload per FTE",
        String.valueOf(plan.maxWeightedPerFte()),
        String.valueOf(
            PlanCheck.maxWeightedPerFte(in.cases(), in.receivers(), in.policy(), greedy)));
    row("  lower bound (no plan is below)", String.valueOf(plan.bound()), "-");
    row("  gap (best - bound) / best", String.valueOf(plan.gap()), "-");
    row(
        "stage 2: moved away from a known worker",
        plan.movedFromPreviousWorker() + " of " + plan.continuityCases(),
        PlanCheck.movedFromPreviousWorker(in.cases(), in.receivers(), greedy)
            + " of "
            + plan.continuityCases());
    row("  lower bound", plan.extraFteNeeded() != null ? "-" : plan.movedBound(), "-");
    row("stage 3: balance, sum of W^2/F", String.valueOf(plan.balance()), "-");
    row("  lower bound", String.valueOf(plan.balanceBound()), "-");
    row("  gap (best - bound) / best", String.valueOf(plan.balanceGap()), "-");
    row("rule breaches: receivers over a cap", planned.capsExceeded(), baseline.capsExceeded());
    row(
        "rule breaches: excluded case types held",
        planned.excludedTypesHeld(),
        baseline.excludedTypesHeld());
    row("rule breaches: family groups split", planned.familiesSplit(), baseline.familiesSplit());
    row("cases not placed", planned.unassigned(), baseline.unassigned());
    row(
        "solve time",
        plan.solveTime().toMillis() + " ms",
        String.format("%.1f ms", greedyMicros / 1000.0));
    for (HandoverPlanner.StageTime t : times) {
      row("  " + t.stage() + " (" + t.status() + ")", t.time().toMillis() + " ms", "-");
    }
    plan.explanation().forEach(line -> System.out.println("  " + line));
    System.out.printf("%nTarget: %s%n", targetLine(plan));
  }

  /**
   * The target line (issue 14, item 8): for a plan, "optimal, or stage-3 gap ≤ 1%, within 2 s"
   * (stages 1 and 2 proven); when no plan fits, the extra FTE proven least within 2 s.
   */
  static String targetLine(HandoverPlan plan) {
    if (plan.status() == HandoverPlan.Status.INFEASIBLE) {
      boolean proven =
          plan.extraFteNeeded() != null
              && plan.explanation().stream().noneMatch(l -> l.contains("allow more time"));
      return "no plan fits; the extra FTE ("
          + plan.extraFteNeeded()
          + ") proven least within 2 s on 2 cores: "
          + (proven && plan.solveTime().toMillis() <= 2000 ? "met" : "NOT met");
    }
    return "optimal, or stages 1 and 2 proven and stage-3 gap <= 1%, within 2 s on 2 cores: "
        + (targetMet(plan) ? "met" : "NOT met");
  }

  /**
   * {@code --suite [--seeds 3] [--time-limit 10] [--threads 2]}: the instance (500 cases to
   * 40 realistic receivers holding 8–18 weighted cases each) and the realistic instances that fit
   * (500 cases to 80 and to 100 such receivers), each seed; one line per instance with every
   * stage's value, bound, gap and time, and the target line. One plan of a small instance first
   * warms the JVM up (not reported).
   */
  private static void suite(String[] args) {
    int seeds = 3;
    double limit = 10;
    int threads = 2;
    String workerList = "40,80,100";
    for (int i = 1; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--seeds" -> seeds = Integer.parseInt(args[i + 1]);
        case "--time-limit" -> limit = Double.parseDouble(args[i + 1]);
        case "--threads" -> threads = Integer.parseInt(args[i + 1]);
        case "--workers" -> workerList = args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Duration natives = HandoverPlanner.loadNatives();
    System.out.printf("Loading OR-Tools natives: %d ms (once per JVM)%n", natives.toMillis());
    HandoverInstances.Instance warm = HandoverInstances.realistic(200, 40, 99, 8, 18);
    new HandoverPlanner(threads)
        .plan(warm.cases(), warm.receivers(), warm.policy(), Duration.ofSeconds(2));
    Duration timeLimit = Duration.ofMillis((long) (limit * 1000));
    int met = 0;
    int total = 0;
    for (String w : workerList.split(",")) {
      int workers = Integer.parseInt(w.trim());
      for (long seed = 1; seed <= seeds; seed++) {
        HandoverInstances.Instance in = HandoverInstances.realistic(500, workers, seed, 8, 18);
        List<HandoverPlanner.StageTime> times = new ArrayList<>();
        HandoverPlan plan =
            new HandoverPlanner(threads, times::add)
                .plan(in.cases(), in.receivers(), in.policy(), timeLimit);
        StringBuilder stages = new StringBuilder();
        for (HandoverPlanner.StageTime t : times) {
          stages.append(String.format(" %s %s %d ms;", t.stage(), t.status(), t.time().toMillis()));
        }
        System.out.printf(
            "%n500 cases to %d workers, held 8-18, seed %d: %s in %d ms;%s%n",
            workers, seed, plan.status().code(), plan.solveTime().toMillis(), stages);
        if (plan.status() == HandoverPlan.Status.INFEASIBLE) {
          System.out.printf(
              "  no plan fits: extra FTE %s, %d cases unplaced%n",
              plan.extraFteNeeded(), plan.unplaced().size());
        } else if (plan.maxWeightedPerFte() != null) {
          System.out.printf(
              "  stage 1 max %s (bound %s, gap %s); stage 2 moved %d of %d (bound %d);"
                  + " stage 3 balance %s (bound %s, gap %s)%n",
              plan.maxWeightedPerFte(),
              plan.bound(),
              plan.gap(),
              plan.movedFromPreviousWorker(),
              plan.continuityCases(),
              plan.movedBound(),
              plan.balance(),
              plan.balanceBound(),
              plan.balanceGap());
        }
        String line = targetLine(plan);
        System.out.println("  Target: " + line);
        total++;
        if (line.endsWith(": met")) {
          met++;
        }
      }
    }
    double[] load = new double[1];
    load[0] =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    System.out.printf(
        "%nTargets met: %d of %d (system load average now %.2f)%n", met, total, load[0]);
  }

  /**
   * The benchmark's target (issue 14): a plan whose stages 1 and 2 are proven and whose stage 3 is
   * proven or within 1% of its bound, in at most 2 s.
   */
  static boolean targetMet(HandoverPlan plan) {
    return plan.solveTime().toMillis() <= 2000
        && plan.gap() != null
        && plan.gap().signum() == 0
        && plan.movedBound() == plan.movedFromPreviousWorker()
        && plan.balanceGap() != null
        && plan.balanceGap().compareTo(new BigDecimal("0.01")) <= 0;
  }

  private static void row(String what, Object planner, Object greedy) {
    System.out.printf("%-44s %16s %16s%n", what, planner, greedy);
  }
}
