package org.safeload.handover;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpSolverStatus;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.caseload.Limits;

/**
 * Plans a handover with Google OR-Tools CP-SAT (docs/handover.md, docs/adr/0004).
 *
 * <p>Every family group (cases sharing {@code familyGroup}; a case without one is a family of its
 * own) goes to exactly one receiver who may hold all its case types, and after the plan every
 * receiver given cases is within their hard caps (cases and weighted load; a receiver already at or
 * over a cap gets nothing that counts against it). Among those plans it finds, lexicographically:
 *
 * <ol>
 *   <li>the least possible maximum weighted caseload per FTE over all receivers (after the plan);
 *   <li>with that maximum, the fewest cases moved away from a worker the child knows (its current
 *       or a previous worker) although one is a receiver;
 *   <li>with both, the least balance {@code Σ W²/F} over the receivers (W: weighted load after the
 *       plan, F: FTE): the loads per FTE as even as the first two allow.
 * </ol>
 *
 * <p>Exact integers: weights and current weighted loads are hundredths, FTEs are hundredths {@code
 * F}. The maximum is an integer {@code M} in units of {@code 1/S} weighted case per FTE, {@code S =
 * max(100, Fmax)²} (10,000 while no FTE is above 1.00), with {@code S·W ≤ M·F} for every receiver.
 * Two different ratios {@code W1/F1 ≠ W2/F2} differ by at least {@code 1/(F1·F2) ≥ 1/S}, so the
 * least {@code M} is reached exactly by the plans with the least maximum: the resolution of the
 * objective is finer than any difference between two plans.
 *
 * <p>Stage 1 (the maximum) is solved on an aggregated model: families with the same size, weight
 * and eligible receivers are interchangeable for it, so it counts how many of each class go to each
 * receiver (integers), which removes their symmetry. Stage 2 fixes the maximum found and maximises
 * the cases kept with a worker they know, with one yes/no variable per (family that knows a
 * receiver, eligible receiver) and class counts for the other families; it starts from stage 1's
 * plan (a hint). Stage 3 ({@link BalanceStage}) keeps both values as constraints on the same model
 * ({@link AssignmentModel}) and minimises the balance, exactly in integers. The stages run on
 * {@code workers} threads (2 by default); stage 1 gets up to 60% of the time limit, stage 2 half of
 * what is left, stage 3 the rest (stages 2 and 3 at least 5% of the limit each). Families of one
 * class are then given out to receivers in input order, so a plan is reproducible from the solver's
 * counts.
 *
 * <p>When no plan fits, a third model adds one virtual experienced social worker (the policy group
 * of a social worker not in their ASYE), whose caps scale with an FTE variable in steps of 0.01,
 * and minimises that FTE, then the cases it takes: those are the cases that cannot be placed.
 *
 * <p>The planner runs the stages in order and decides the status; each job is its own class in this
 * package: {@link HandoverInstance} (the instance as exact integers), {@link LoadBounds} and {@link
 * StartingPlans} (bounds and hints for stage 1), {@link MaxLoadStage} (stage 1), {@link
 * ContinuityStage} (stage 2), {@link BalanceStage} (stage 3), {@link ExtraWorkerStage} (when no
 * plan fits), {@link ClassCounts} (from class counts to families) and {@link PlanAssembly} (the
 * plan and its figures).
 *
 * <p>Thread-safe: a planner keeps no state between calls; the native library is loaded once.
 */
public final class HandoverPlanner {

  private final int workers;
  private final boolean balance;
  private final Consumer<StageTime> stageTimes;

  /**
   * One stage of one plan, as it ends (for benchmarks): its name ({@code "stage 1"}, {@code "stage
   * 2"}, {@code "stage 3"}, {@code "extra worker"}), how it ended ({@code "optimal"}: proven;
   * {@code "feasible"}: a plan, not proven; {@code "infeasible"}: proven none; {@code "unknown"})
   * and its wall-clock time, model building and starting plans included.
   */
  public record StageTime(String stage, String status, Duration time) {}

  public HandoverPlanner() {
    this(2);
  }

  /** A planner whose solver uses this many threads. */
  public HandoverPlanner(int workers) {
    this(workers, true, t -> {});
  }

  /**
   * A planner whose solver uses this many threads and which tells {@code stageTimes} each stage's
   * outcome and time as it ends (on the planning thread).
   */
  public HandoverPlanner(int workers, Consumer<StageTime> stageTimes) {
    this(workers, true, stageTimes);
  }

  /**
   * A planner with or without stage 3; without it, the plans of the planner before stage 3 (tests
   * compare the two).
   */
  HandoverPlanner(int workers, boolean balance) {
    this(workers, balance, t -> {});
  }

  private HandoverPlanner(int workers, boolean balance, Consumer<StageTime> stageTimes) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1");
    }
    this.workers = workers;
    this.balance = balance;
    this.stageTimes = Objects.requireNonNull(stageTimes, "stageTimes");
  }

  private void report(String stage, CpSolverStatus status, long startNanos) {
    stageTimes.accept(
        new StageTime(
            stage,
            status.name().toLowerCase(java.util.Locale.ROOT),
            Duration.ofNanos(System.nanoTime() - startNanos)));
  }

  private static final class Natives {
    static final Duration LOAD_TIME;

    static {
      long start = System.nanoTime();
      Loader.loadNativeLibraries();
      LOAD_TIME = Duration.ofNanos(System.nanoTime() - start);
    }
  }

  /** Loads OR-Tools' native library (once per JVM) and returns how long the first load took. */
  public static Duration loadNatives() {
    return Natives.LOAD_TIME;
  }

  /**
   * Plans a handover, undated: every case moves at once, every receiver is in post (their first and
   * last days must not be given) and in their ASYE as {@code holder.asye()} says.
   */
  public HandoverPlan plan(
      List<HandoverCase> cases,
      List<Receiver> receivers,
      CaseloadPolicy policy,
      Duration timeLimit) {
    return plan(cases, receivers, policy, null, timeLimit);
  }

  /**
   * Plans a handover on a date (docs/handover.md, "Dated, staged plans"). Each family moves on the
   * earliest {@code moveBy} of its cases (none, or one before the plan date: the plan date) to a
   * receiver in post from that date to the plan's end (the last such date); the hard caps hold on
   * every stage date (an ASYE worker with the ASYE limits on the dates of their ASYE), and stage
   * 1's highest load per FTE is over every stage date and every receiver in post on it. Without any
   * date in the cases or receivers the plan is the undated one, on the plan date.
   *
   * <p>Receivers who can take none of the cases (already at a hard cap, with no room for the
   * lightest case they may hold, covered by no policy group, or not in post from any case's date to
   * the end) are listed in the plan unchanged and do not count toward the highest caseload: a
   * worker already overloaded must not make every plan look equally good.
   *
   * @param planDate the plan's date (today, in the app); may be null only when nothing is dated
   */
  public HandoverPlan plan(
      List<HandoverCase> cases,
      List<Receiver> receivers,
      CaseloadPolicy policy,
      LocalDate planDate,
      Duration timeLimit) {
    Objects.requireNonNull(policy, "policy");
    Timeline timeline = Timeline.of(cases, receivers, planDate);
    List<Receiver> open =
        receivers.stream().filter(r -> canTakeAny(r, cases, policy, timeline)).toList();
    HandoverPlan plan;
    if (open.size() == receivers.size() || open.isEmpty()) {
      plan = solve(cases, receivers, policy, timeline, timeLimit);
    } else {
      plan =
          PlanAssembly.withReceiversLeftOut(
              solve(cases, open, policy, timeline, timeLimit), cases, receivers, open);
    }
    return PlanAssembly.withStages(plan, cases, receivers, policy, timeline);
  }

  /** Whether a receiver has room, under every hard rule, for at least one of the cases alone. */
  static boolean canTakeAny(Receiver r, List<HandoverCase> cases, CaseloadPolicy policy) {
    return canTakeAny(r, cases, policy, Timeline.of(cases, List.of(r), null));
  }

  /**
   * Whether a receiver has room, under every hard rule on every stage date from the case's date to
   * the plan's end, for at least one of the cases alone, and is in post throughout.
   */
  static boolean canTakeAny(
      Receiver r, List<HandoverCase> cases, CaseloadPolicy policy, Timeline timeline) {
    for (HandoverCase c : cases) {
      int from = timeline.stageOfCase.get(c.caseId());
      if (!timeline.inPostFrom(r, from)) {
        continue;
      }
      boolean fits = true;
      for (int s = from; s <= timeline.last() && fits; s++) {
        Limits limits = timeline.limits(r, s, policy);
        fits =
            limits.mayHold(c.type())
                && limits.breaches(r.current().plus(policy.weight(c.type()))).isEmpty();
      }
      if (fits) {
        return true;
      }
    }
    return false;
  }

  /** Stages 1, 2 and 3 in order (or the extra worker when stage 1 proves none fits). */
  private HandoverPlan solve(
      List<HandoverCase> cases,
      List<Receiver> receivers,
      CaseloadPolicy policy,
      Timeline timeline,
      Duration timeLimit) {
    if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException("the time limit must be more than 0");
    }
    loadNatives();
    long start = System.nanoTime();
    HandoverInstance in = new HandoverInstance(cases, receivers, policy, timeline);
    Solving solving = new Solving(workers, start, timeLimit.toNanos() / 1e9);

    // Stage 1: the least maximum weighted caseload per FTE.
    long t = System.nanoTime();
    MaxLoadStage.Result s1 = MaxLoadStage.solve(in, solving);
    report("stage 1", s1.status(), t);
    if (s1.status() == CpSolverStatus.INFEASIBLE) {
      t = System.nanoTime();
      HandoverPlan none = ExtraWorkerStage.solve(in, solving);
      report(
          "extra worker",
          none.explanation().stream().noneMatch(line -> line.contains("allow more time"))
              ? CpSolverStatus.OPTIMAL
              : none.extraFteNeeded() != null ? CpSolverStatus.FEASIBLE : CpSolverStatus.UNKNOWN,
          t);
      return none;
    }
    if (!s1.found()) {
      if (s1.status() == CpSolverStatus.MODEL_INVALID) {
        throw new IllegalStateException("the handover model is invalid");
      }
      return PlanAssembly.noPlan(
          in,
          HandoverPlan.Status.UNKNOWN,
          List.of(),
          null,
          List.of(
              "No plan was found within the time limit, and none was proven impossible: allow more"
                  + " time."),
          solving.elapsed());
    }
    int[] stage1Plan = ClassCounts.toPlan(in, in.classes, s1.counts(), true);
    long best = in.maxUnits(stage1Plan);
    if (s1.hint() != null
        && in.maxUnits(s1.hint()) <= best
        && in.moved(s1.hint()) < in.moved(stage1Plan)) {
      stage1Plan = s1.hint();
    }

    // Stage 2: with that maximum, keep as many cases as possible with a worker they know.
    t = System.nanoTime();
    ContinuityStage.Result s2 = ContinuityStage.solve(in, best, stage1Plan, solving);
    report("stage 2", s2.status(), t);
    int[] plan = s2.plan() != null ? s2.plan() : stage1Plan;

    // Stage 3: with both, the least Σ W²/F (the most even loads per FTE).
    t = System.nanoTime();
    BalanceStage.Result s3 =
        balance
            ? BalanceStage.solve(in, best, in.continuityCases - in.moved(plan), plan, solving)
            : null;
    if (s3 != null) {
      report("stage 3", s3.status(), t);
    }
    if (s3 != null) {
      plan = s3.plan();
    }
    List<String> unproven = new ArrayList<>();
    if (s1.status() != CpSolverStatus.OPTIMAL) {
      unproven.add(
          "Stage 1 not proven in the time limit: the highest weighted caseload per FTE may not be"
              + " the least possible.");
    }
    if (s2.status() != CpSolverStatus.OPTIMAL) {
      unproven.add(
          "Stage 2 not proven in the time limit: fewer children might lose a worker they know.");
    }
    if (s3 != null && s3.stoppedAtGap()) {
      unproven.add(
          String.format(
              java.util.Locale.ROOT,
              "Stage 3 stopped once proven within %.1f%% of the most even plan (a large"
                  + " instance): the caseloads might be spread a little more evenly.",
              BalanceStage.GAP_LIMIT * 100));
    } else if (s3 != null && s3.status() != CpSolverStatus.OPTIMAL) {
      unproven.add(
          "Stage 3 not proven in the time limit: the caseloads might be spread a little more"
              + " evenly.");
    }
    long lowerM = s1.status() == CpSolverStatus.OPTIMAL ? best : Math.min(best, s1.bound());
    int moved = in.moved(plan);
    int movedBound =
        s2.status() == CpSolverStatus.OPTIMAL
            ? moved
            : (int) Math.min(moved, in.continuityCases - s2.keptBound());
    return PlanAssembly.planned(
        in,
        unproven.isEmpty() ? HandoverPlan.Status.OPTIMAL : HandoverPlan.Status.FEASIBLE,
        plan,
        lowerM,
        best,
        movedBound,
        s3 == null ? null : s3.boundNumerator(),
        s3 == null ? null : s3.boundDenominator(),
        balance ? unproven : List.of(),
        solving.elapsed());
  }
}
