package org.safeload.bench;

import java.math.BigDecimal;
import java.time.Duration;
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
 * weighted cases each (not scaled down to make the cases fit).
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

    HandoverPlanner planner = new HandoverPlanner(threads);
    HandoverPlan plan = null;
    for (int run = 0; run < repeat; run++) {
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
    plan.explanation().forEach(line -> System.out.println("  " + line));
    System.out.printf(
        "%nTarget: stages 1 and 2 proven and stage 3 optimal or within a gap of 1%%, within 2 s"
            + " on 2 cores: %s%n",
        targetMet(plan) ? "met" : "NOT met");
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
