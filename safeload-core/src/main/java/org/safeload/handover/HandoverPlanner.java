package org.safeload.handover;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.safeload.caseload.CaseHolder;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.caseload.Limits;
import org.safeload.caseload.Load;
import org.safeload.caseload.WorkerGroup;
import org.safeload.organisation.Role;
import org.safeload.timeliness.CaseType;

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
 *       or a previous worker) although one is a receiver.
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
 * plan (a hint). Both stages run on {@code workers} threads (2 by default); stage 1 gets up to
 * three quarters of the time limit, stage 2 the rest. Families of one class are then given out to
 * receivers in input order, so a plan is reproducible from the solver's counts.
 *
 * <p>When no plan fits, a third model adds one virtual experienced social worker (the policy group
 * of a social worker not in their ASYE), whose caps scale with an FTE variable in steps of 0.01,
 * and minimises that FTE, then the cases it takes: those are the cases that cannot be placed.
 *
 * <p>Thread-safe: a planner keeps no state between calls; the native library is loaded once.
 */
public final class HandoverPlanner {

  private static final long HUNDRED = 100;
  private static final boolean DEBUG = Boolean.getBoolean("safeload.handover.debug");

  private final int workers;

  public HandoverPlanner() {
    this(2);
  }

  /** A planner whose solver uses this many threads. */
  public HandoverPlanner(int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1");
    }
    this.workers = workers;
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
   * Plans a handover. Receivers who can take none of the cases (already at a hard cap, with no room
   * for the lightest case they may hold, or covered by no policy group) are listed in the plan
   * unchanged and do not count toward the highest caseload: a worker already overloaded must not
   * make every plan look equally good.
   */
  public HandoverPlan plan(
      List<HandoverCase> cases,
      List<Receiver> receivers,
      CaseloadPolicy policy,
      Duration timeLimit) {
    Objects.requireNonNull(policy, "policy");
    List<Receiver> open = receivers.stream().filter(r -> canTakeAny(r, cases, policy)).toList();
    if (open.size() == receivers.size() || open.isEmpty()) {
      return solve(cases, receivers, policy, timeLimit);
    }
    HandoverPlan plan = solve(cases, open, policy, timeLimit);
    Map<String, HandoverPlan.ReceiverLoad> solved = new java.util.HashMap<>();
    plan.receivers().forEach(l -> solved.put(l.workerId(), l));
    List<HandoverPlan.ReceiverLoad> all = new ArrayList<>();
    for (Receiver r : receivers) {
      all.add(
          solved.getOrDefault(
              r.id(),
              new HandoverPlan.ReceiverLoad(
                  r.id(), r.holder().name(), r.holder().fte(), r.current(), r.current(), 0)));
    }
    // A child who knows only full receivers loses that worker whatever the plan: it counts, the
    // same for every plan, so the solved counts shift by a constant.
    java.util.Set<String> openIds = new java.util.HashSet<>();
    open.forEach(r -> openIds.add(r.id()));
    int onlyFull = 0;
    for (HandoverCase c : cases) {
      boolean knowsFull = false;
      boolean knowsOpen = false;
      for (Receiver r : receivers) {
        if (c.knows(r.id())) {
          knowsOpen |= openIds.contains(r.id());
          knowsFull |= !openIds.contains(r.id());
        }
      }
      if (knowsFull && !knowsOpen) {
        onlyFull++;
      }
    }
    boolean placed = plan.maxWeightedPerFte() != null;
    return new HandoverPlan(
        plan.status(),
        plan.assignment(),
        all,
        plan.maxWeightedPerFte(),
        plan.bound(),
        plan.gap(),
        plan.movedFromPreviousWorker() + (placed ? onlyFull : 0),
        plan.movedBound() + (placed ? onlyFull : 0),
        plan.continuityCases() + onlyFull,
        plan.unplaced(),
        plan.extraFteNeeded(),
        plan.explanation(),
        plan.solveTime());
  }

  /** Whether a receiver has room, under every hard rule, for at least one of the cases alone. */
  static boolean canTakeAny(Receiver r, List<HandoverCase> cases, CaseloadPolicy policy) {
    org.safeload.caseload.Limits limits = policy.limitsFor(r.holder());
    for (HandoverCase c : cases) {
      if (limits.mayHold(c.type())
          && limits.breaches(r.current().plus(policy.weight(c.type()))).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private HandoverPlan solve(
      List<HandoverCase> cases,
      List<Receiver> receivers,
      CaseloadPolicy policy,
      Duration timeLimit) {
    if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException("the time limit must be more than 0");
    }
    loadNatives();
    long start = System.nanoTime();
    Instance in = new Instance(cases, receivers, policy);
    double limit = timeLimit.toNanos() / 1e9;

    // Stage 1: the least maximum weighted caseload per FTE.
    Stage1 s1 = stage1(in, start, limit);
    if (s1.status == CpSolverStatus.INFEASIBLE) {
      return infeasible(in, limit, start);
    }
    if (s1.status != CpSolverStatus.OPTIMAL && s1.status != CpSolverStatus.FEASIBLE) {
      if (s1.status == CpSolverStatus.MODEL_INVALID) {
        throw new IllegalStateException("the handover model is invalid");
      }
      return in.noPlan(
          HandoverPlan.Status.UNKNOWN,
          List.of(),
          null,
          List.of(
              "No plan was found within the time limit, and none was proven impossible: allow more"
                  + " time."),
          since(start));
    }
    int[] stage1Plan = disaggregate(in, in.classes, s1.counts, true);
    long best = in.maxUnits(stage1Plan);
    if (s1.hint != null
        && in.maxUnits(s1.hint) <= best
        && in.moved(s1.hint) < in.moved(stage1Plan)) {
      stage1Plan = s1.hint;
    }

    // Stage 2: with that maximum, keep as many cases as possible with a worker they know.
    Stage2 s2 = stage2(in, best, stage1Plan, start, limit);
    int[] plan = s2.plan != null ? s2.plan : stage1Plan;
    boolean optimal = s1.status == CpSolverStatus.OPTIMAL && s2.status == CpSolverStatus.OPTIMAL;
    long lowerM = s1.status == CpSolverStatus.OPTIMAL ? best : Math.min(best, s1.bound);
    int moved = in.moved(plan);
    int movedBound =
        s2.status == CpSolverStatus.OPTIMAL
            ? moved
            : (int) Math.min(moved, in.continuityCases - s2.keptBound);
    return in.plan(
        optimal ? HandoverPlan.Status.OPTIMAL : HandoverPlan.Status.FEASIBLE,
        plan,
        lowerM,
        best,
        movedBound,
        since(start));
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** Small instances at or below this many families are solved on one thread. */
  static final int DETERMINISTIC_FAMILIES = 64;

  /**
   * A solver. Small instances (a leaving worker's cases, the documented example) run on one thread,
   * where CP-SAT is deterministic: the same input gives the same plan among equally good ones.
   * Larger ones use the planner's threads, which may pick another of several tied plans.
   */
  private CpSolver solver(double seconds, Instance in) {
    CpSolver solver = new CpSolver();
    int threads = in.families.size() <= DETERMINISTIC_FAMILIES ? 1 : workers;
    solver.getParameters().setNumWorkers(threads).setMaxTimeInSeconds(Math.max(seconds, 0.01));
    if (DEBUG) {
      solver.getParameters().setLogSearchProgress(true);
    }
    return solver;
  }

  // ---------------------------------------------------------------- stage 1

  /**
   * @param hint the constructive plan the solver started from, or null
   */
  private record Stage1(CpSolverStatus status, long[][] counts, long bound, int[] hint) {}

  private Stage1 stage1(Instance in, long start, double limit) {
    CpModel model = new CpModel();
    int g = in.classes.size();
    IntVar[][] n = new IntVar[g][in.r];
    for (int k = 0; k < g; k++) {
      FamilyClass c = in.classes.get(k);
      LinearExprBuilder all = LinearExpr.newBuilder();
      for (int r : c.eligible) {
        n[k][r] = model.newIntVar(0, in.most(c, r), "n" + k + "_" + r);
        all.addTerm(n[k][r], 1);
      }
      model.addEquality(all, c.families.size());
    }
    int[] hint = in.feasibleHint();
    long ub = hint != null ? in.maxUnits(hint) : in.upperBound();
    long lb = in.roundedBound(Math.min(in.lowerBound(), ub), ub);
    int[] atBound = null;
    for (long level = lb, tries = 0;
        level < ub && tries < 8;
        level = in.nextLevel(level), tries++) {
      atBound = in.levelHint(level);
      if (atBound != null) {
        break;
      }
    }
    if (DEBUG) {
      System.err.printf(
          "stage 1: S=%d lb0=%d rounded=%d ub=%d levelHint=%s classes=%d families=%d%n",
          in.scale, in.lowerBound(), lb, ub, atBound != null, g, in.families.size());
    }
    if (atBound != null) {
      hint = atBound;
      ub = in.maxUnits(hint);
    }
    IntVar m = model.newIntVar(lb, Math.max(lb, ub), "max");
    for (int r = 0; r < in.r; r++) {
      LinearExprBuilder cases = LinearExpr.newBuilder();
      LinearExprBuilder weighted = LinearExpr.newBuilder();
      LinearExprBuilder load = LinearExpr.newBuilder();
      boolean any = false;
      for (int k = 0; k < g; k++) {
        if (n[k][r] != null) {
          FamilyClass c = in.classes.get(k);
          cases.addTerm(n[k][r], c.size);
          weighted.addTerm(n[k][r], c.weight);
          load.addTerm(n[k][r], in.scale * c.weight);
          any = true;
        }
      }
      if (!any) {
        continue;
      }
      in.addCaps(model, r, cases, weighted);
      load.addTerm(m, -in.fte[r]);
      model.addLessOrEqual(load, -in.scale * in.weighted[r]);
    }
    model.minimize(m);
    if (hint != null) {
      long[][] counts = in.counts(in.classes, hint);
      for (int k = 0; k < g; k++) {
        for (int r = 0; r < in.r; r++) {
          if (n[k][r] != null) {
            model.addHint(n[k][r], counts[k][r]);
          }
        }
      }
      model.addHint(m, in.maxUnits(hint));
    }
    // three quarters of the time left after building the model; stage 2 gets the rest
    CpSolver solver = solver((limit - (System.nanoTime() - start) / 1e9) * 0.75, in);
    CpSolverStatus status = solver.solve(model);
    if (DEBUG) {
      System.err.printf(
          "stage 1: %s in %.3f s, objective %.0f, bound %.0f%n",
          status, solver.wallTime(), solver.objectiveValue(), solver.bestObjectiveBound());
    }
    if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
      return new Stage1(status, null, 0, null);
    }
    long[][] counts = new long[g][in.r];
    for (int k = 0; k < g; k++) {
      for (int r = 0; r < in.r; r++) {
        counts[k][r] = n[k][r] == null ? 0 : solver.value(n[k][r]);
      }
    }
    return new Stage1(
        status, counts, (long) Math.ceil(solver.bestObjectiveBound() - 1e-6), atBound);
  }

  // ---------------------------------------------------------------- stage 2

  private record Stage2(CpSolverStatus status, int[] plan, long keptBound) {}

  private Stage2 stage2(Instance in, long max, int[] hint, long start, double limit) {
    if (in.continuityCases == 0) {
      return new Stage2(CpSolverStatus.OPTIMAL, hint, 0);
    }
    // A family that knows a receiver either goes to one it knows (y) or joins its class's pool,
    // whose families are interchangeable (n): the same optimum as one variable per family and
    // receiver, with far fewer variables.
    List<FamilyClass> classes = in.classes;
    CpModel model = new CpModel();
    IntVar[][] n = new IntVar[classes.size()][in.r];
    List<int[]> keys = new ArrayList<>(); // {family, receiver, class}
    List<IntVar> ys = new ArrayList<>();
    LinearExprBuilder kept = LinearExpr.newBuilder();
    LinearExprBuilder[] cases = new LinearExprBuilder[in.r];
    LinearExprBuilder[] weighted = new LinearExprBuilder[in.r];
    boolean[] any = new boolean[in.r];
    for (int j = 0; j < in.r; j++) {
      cases[j] = LinearExpr.newBuilder();
      weighted[j] = LinearExpr.newBuilder();
    }
    for (int k = 0; k < classes.size(); k++) {
      FamilyClass c = classes.get(k);
      LinearExprBuilder all = LinearExpr.newBuilder();
      for (int r : c.eligible) {
        n[k][r] = model.newIntVar(0, in.most(c, r), "n" + k + "_" + r);
        all.addTerm(n[k][r], 1);
        cases[r].addTerm(n[k][r], c.size);
        weighted[r].addTerm(n[k][r], c.weight);
        any[r] = true;
      }
      for (int f : c.families) {
        Family fam = in.families.get(f);
        LinearExprBuilder atMostOne = LinearExpr.newBuilder();
        boolean linked = false;
        for (int r : fam.eligible) {
          if (fam.knows[r] > 0) {
            IntVar y = model.newBoolVar("y" + f + "_" + r);
            keys.add(new int[] {f, r, k});
            ys.add(y);
            atMostOne.addTerm(y, 1);
            all.addTerm(y, 1);
            kept.addTerm(y, fam.knows[r]);
            cases[r].addTerm(y, c.size);
            weighted[r].addTerm(y, c.weight);
            linked = true;
          }
        }
        if (linked) {
          model.addLessOrEqual(atMostOne, 1);
        }
      }
      model.addEquality(all, c.families.size());
    }
    for (int r = 0; r < in.r; r++) {
      if (!any[r]) {
        continue;
      }
      in.addCaps(model, r, cases[r], weighted[r]);
      // S·(W + new) ≤ max·F, i.e. new ≤ floor((max·F − S·W) / S)
      long room = Math.floorDiv(max * in.fte[r] - in.scale * in.weighted[r], in.scale);
      model.addLessOrEqual(weighted[r], room);
    }
    model.maximize(kept);
    // Hint: stage 1's plan (its families already given to known receivers where its counts allow).
    long[][] pool = in.counts(classes, hint);
    for (int i = 0; i < keys.size(); i++) {
      int[] key = keys.get(i);
      boolean there = hint[key[0]] == key[1];
      model.addHint(ys.get(i), there ? 1 : 0);
      if (there) {
        pool[key[2]][key[1]]--;
      }
    }
    for (int k = 0; k < classes.size(); k++) {
      for (int r = 0; r < in.r; r++) {
        if (n[k][r] != null) {
          model.addHint(n[k][r], pool[k][r]);
        }
      }
    }
    CpSolver solver = solver(Math.max(limit - (System.nanoTime() - start) / 1e9, limit * 0.05), in);
    CpSolverStatus status = solver.solve(model);
    if (DEBUG) {
      System.err.printf(
          "stage 2: %s in %.3f s, kept %.0f, bound %.0f, y %d, classes %d%n",
          status,
          solver.wallTime(),
          solver.objectiveValue(),
          solver.bestObjectiveBound(),
          ys.size(),
          classes.size());
    }
    if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
      return new Stage2(status, null, in.continuityCases);
    }
    int[] plan = new int[in.families.size()];
    Arrays.fill(plan, -1);
    for (int i = 0; i < keys.size(); i++) {
      if (solver.value(ys.get(i)) == 1) {
        plan[keys.get(i)[0]] = keys.get(i)[1];
      }
    }
    long[][] solved = new long[classes.size()][in.r];
    for (int k = 0; k < classes.size(); k++) {
      for (int r = 0; r < in.r; r++) {
        solved[k][r] = n[k][r] == null ? 0 : solver.value(n[k][r]);
      }
    }
    fill(in, classes, solved, plan, true);
    long keptBound = (long) Math.floor(solver.bestObjectiveBound() + 1e-6);
    return new Stage2(status, plan, keptBound);
  }

  /**
   * Gives each class's families to receivers by the counts: families in input order, receivers in
   * input order; with {@code preferKnown}, a family that knows a receiver with a count left goes to
   * them first.
   */
  private static int[] disaggregate(
      Instance in, List<FamilyClass> classes, long[][] counts, boolean preferKnown) {
    int[] plan = new int[in.families.size()];
    Arrays.fill(plan, -1);
    fill(in, classes, counts, plan, preferKnown);
    return plan;
  }

  /** As {@link #disaggregate}, for the families not yet given a receiver ({@code -1}). */
  private static void fill(
      Instance in, List<FamilyClass> classes, long[][] counts, int[] plan, boolean preferKnown) {
    for (int k = 0; k < classes.size(); k++) {
      long[] left = counts[k].clone();
      List<Integer> families = new ArrayList<>();
      for (int f : classes.get(k).families) {
        if (plan[f] < 0) {
          families.add(f);
        }
      }
      if (preferKnown) {
        for (int f : families) {
          Family fam = in.families.get(f);
          int best = -1;
          for (int r = 0; r < in.r; r++) {
            if (left[r] > 0 && fam.knows[r] > 0 && (best < 0 || fam.knows[r] > fam.knows[best])) {
              best = r;
            }
          }
          if (best >= 0) {
            plan[f] = best;
            left[best]--;
          }
        }
      }
      int r = 0;
      for (int f : families) {
        if (plan[f] >= 0) {
          continue;
        }
        while (left[r] == 0) {
          r++;
        }
        plan[f] = r;
        left[r]--;
      }
    }
  }

  // ---------------------------------------------------------------- infeasible

  private HandoverPlan infeasible(Instance in, double limit, long start) {
    CaseHolder extra =
        new CaseHolder(
            "(extra)", "Extra social worker", null, Role.SOCIAL_WORKER, BigDecimal.ONE, false, 99);
    WorkerGroup group = in.policy.groupOf(extra);
    List<String> explanation = new ArrayList<>();
    List<Integer> holdable = new ArrayList<>();
    Set<Integer> unholdable = new HashSet<>();
    for (int f = 0; f < in.families.size(); f++) {
      Family fam = in.families.get(f);
      boolean extraMay =
          group != null
              && fam.types.stream().noneMatch(group.excludedTypes()::contains)
              && (group.maxCases() == null || fam.size <= group.maxCases());
      if (extraMay) {
        holdable.add(f);
      } else if (fam.eligible.length == 0) {
        unholdable.add(f);
      } else {
        holdable.add(f);
      }
    }
    // Classes with the virtual worker as receiver index in.r.
    List<FamilyClass> classes = new ArrayList<>();
    Map<List<Object>, FamilyClass> byKey = new LinkedHashMap<>();
    for (int f : holdable) {
      Family fam = in.families.get(f);
      boolean extraMay =
          group != null
              && fam.types.stream().noneMatch(group.excludedTypes()::contains)
              && (group.maxCases() == null || fam.size <= group.maxCases());
      int[] eligible = fam.eligible;
      if (extraMay) {
        eligible = Arrays.copyOf(eligible, eligible.length + 1);
        eligible[eligible.length - 1] = in.r;
      }
      int[] e = eligible;
      FamilyClass c =
          byKey.computeIfAbsent(
              List.of(fam.size, fam.weight, Arrays.toString(e)),
              key -> {
                FamilyClass created = new FamilyClass(fam.size, fam.weight, e);
                classes.add(created);
                return created;
              });
      c.families.add(f);
    }
    CpSolverStatus status = CpSolverStatus.OPTIMAL;
    BigDecimal extraFte = null;
    List<Integer> onExtra = new ArrayList<>();
    if (!classes.isEmpty()) {
      long totalCases = 0;
      long totalWeight = 0;
      for (int f : holdable) {
        totalCases += in.families.get(f).size;
        totalWeight += in.families.get(f).weight;
      }
      long maxFte = HUNDRED;
      if (group != null && group.maxCasesPerFte() != null) {
        maxFte = Math.max(maxFte, ceilDiv(totalCases * HUNDRED, group.maxCasesPerFte()) + HUNDRED);
      }
      if (group != null && group.maxWeightedPerFte() != null) {
        maxFte = Math.max(maxFte, ceilDiv(totalWeight, group.maxWeightedPerFte()) + HUNDRED);
      }
      double[] left = {limit};
      long[][] counts = null;
      long fte = 0;
      for (int pass = 0; pass < 2; pass++) {
        CpModel model = new CpModel();
        IntVar e = model.newIntVar(0, maxFte, "extraFte");
        IntVar[][] n = new IntVar[classes.size()][in.r + 1];
        LinearExprBuilder extraCases = LinearExpr.newBuilder();
        LinearExprBuilder extraWeight = LinearExpr.newBuilder();
        for (int k = 0; k < classes.size(); k++) {
          FamilyClass c = classes.get(k);
          LinearExprBuilder all = LinearExpr.newBuilder();
          for (int r : c.eligible) {
            long most = r == in.r ? c.families.size() : in.most(c, r);
            n[k][r] = model.newIntVar(0, most, "n" + k + "_" + r);
            all.addTerm(n[k][r], 1);
            if (r == in.r) {
              extraCases.addTerm(n[k][r], c.size);
              extraWeight.addTerm(n[k][r], c.weight);
              // nothing on the extra worker without some FTE
              model.addLessOrEqual(
                  LinearExpr.newBuilder().addTerm(n[k][r], 1).addTerm(e, -c.families.size()), 0);
            }
          }
          model.addEquality(all, c.families.size());
        }
        for (int r = 0; r < in.r; r++) {
          LinearExprBuilder cases = LinearExpr.newBuilder();
          LinearExprBuilder weighted = LinearExpr.newBuilder();
          for (int k = 0; k < classes.size(); k++) {
            if (n[k][r] != null) {
              cases.addTerm(n[k][r], classes.get(k).size);
              weighted.addTerm(n[k][r], classes.get(k).weight);
            }
          }
          in.addCaps(model, r, cases, weighted);
        }
        if (group != null) {
          IntVar onExtraCases = model.newIntVar(0, totalCases, "extraCases");
          IntVar onExtraWeight = model.newIntVar(0, totalWeight, "extraWeight");
          model.addEquality(extraCases, onExtraCases);
          model.addEquality(extraWeight, onExtraWeight);
          if (group.maxCases() != null) {
            model.addLessOrEqual(onExtraCases, group.maxCases());
          }
          perFteCap(model, onExtraCases, 1, group.maxCasesPerFte(), e);
          perFteCap(model, onExtraWeight, HUNDRED, group.maxWeightedPerFte(), e);
        }
        if (pass == 0) {
          model.minimize(e);
        } else {
          model.addEquality(e, fte);
          model.minimize(extraCases);
        }
        CpSolver solver = solver(left[0] / (pass == 0 ? 2 : 1), in);
        long t = System.nanoTime();
        status = solver.solve(model);
        left[0] = Math.max(0.1, left[0] - (System.nanoTime() - t) / 1e9);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
          break;
        }
        if (pass == 0) {
          fte = solver.value(e);
          if (status != CpSolverStatus.OPTIMAL) {
            explanation.add(
                "The extra FTE below was not proven least within the time limit: allow more time.");
          }
        }
        counts = new long[classes.size()][in.r + 1];
        for (int k = 0; k < classes.size(); k++) {
          for (int r = 0; r <= in.r; r++) {
            counts[k][r] = n[k][r] == null ? 0 : solver.value(n[k][r]);
          }
        }
      }
      if (counts != null) {
        extraFte = BigDecimal.valueOf(fte, 2);
        for (int k = 0; k < classes.size(); k++) {
          List<Integer> families = classes.get(k).families;
          long take = counts[k][in.r];
          // the latest families of a class in input order are the ones left over
          for (int i = families.size() - (int) take; i < families.size(); i++) {
            onExtra.add(families.get(i));
          }
        }
      } else if (status == CpSolverStatus.INFEASIBLE) {
        explanation.add(
            "Not even an extra social worker of any FTE would make the cases fit (their policy"
                + " group's fixed caps are too low).");
      } else {
        explanation.add(
            "No plan fits, and the extra capacity needed was not found within the time limit:"
                + " allow more time.");
      }
    }
    List<Integer> unplacedFamilies = new ArrayList<>(onExtra);
    unplacedFamilies.addAll(unholdable);
    Set<Integer> unplacedSet = new HashSet<>(unplacedFamilies);
    List<String> unplaced = new ArrayList<>();
    List<String> extraCases = new ArrayList<>();
    for (int i = 0; i < in.cases.size(); i++) {
      int f = in.familyOfCase[i];
      if (unplacedSet.contains(f)) {
        unplaced.add(in.cases.get(i).caseId());
        if (!unholdable.contains(f)) {
          extraCases.add(in.cases.get(i).caseId());
        }
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        "No plan keeps every rule: "
            + unplaced.size()
            + " of "
            + in.cases.size()
            + " cases cannot be placed with the receivers' capacity.");
    if (extraFte != null && !extraCases.isEmpty()) {
      lines.add(
          "One more experienced social worker of "
              + extraFte.toPlainString()
              + " FTE ("
              + group.name()
              + ") would take "
              + String.join(", ", extraCases)
              + " and every rule would hold; no less FTE would do.");
    }
    for (int f : unholdable) {
      Family fam = in.families.get(f);
      List<String> ids = new ArrayList<>();
      for (int i : fam.cases) {
        ids.add(in.cases.get(i).caseId());
      }
      lines.add(
          "No receiver may hold "
              + String.join(", ", ids)
              + " ("
              + String.join(", ", fam.types.stream().map(CaseType::code).sorted().toList())
              + (fam.size > 1 ? ", one family" : "")
              + "), nor could an extra social worker: more FTE cannot help.");
    }
    lines.addAll(explanation);
    return in.noPlan(HandoverPlan.Status.INFEASIBLE, unplaced, extraFte, lines, since(start));
  }

  /**
   * amount / unit ≤ perFte × e / 100: a cap per FTE on an amount counted in units of 1/unit (1 for
   * cases, 100 for hundredths of weight), with e in hundredths of FTE.
   */
  private static void perFteCap(
      CpModel model, IntVar amount, long unit, BigDecimal perFte, IntVar e) {
    if (perFte == null) {
      return;
    }
    // amount/unit ≤ perFte·e/100  ⇔  amount·100·10^k ≤ (perFte·10^k)·unit·e
    int k = Math.max(0, perFte.stripTrailingZeros().scale());
    long scaled = perFte.movePointRight(k).longValueExact();
    long factor = HUNDRED * BigDecimal.TEN.pow(k).longValueExact();
    model.addLessOrEqual(
        LinearExpr.newBuilder().addTerm(amount, factor).addTerm(e, -scaled * unit), 0);
  }

  /** ceil(amount / perFte) for an amount in hundredths: hundredths of FTE needed. */
  private static long ceilDiv(long amount, BigDecimal perFte) {
    return BigDecimal.valueOf(amount).divide(perFte, 0, RoundingMode.CEILING).longValueExact();
  }

  // ---------------------------------------------------------------- the instance

  /** A family group: cases that go together. */
  private record Family(
      List<Integer> cases,
      int size,
      long weight,
      Set<CaseType> types,
      int[] eligible,
      int[] knows) {

    boolean linked() {
      for (int r : eligible) {
        if (knows[r] > 0) {
          return true;
        }
      }
      return false;
    }
  }

  /** Families interchangeable for the maximum: same size, weight and eligible receivers. */
  private static final class FamilyClass {
    final int size;
    final long weight;
    final int[] eligible;
    final List<Integer> families = new ArrayList<>();

    FamilyClass(int size, long weight, int[] eligible) {
      this.size = size;
      this.weight = weight;
      this.eligible = eligible;
    }
  }

  private static final class Instance {
    final List<HandoverCase> cases;
    final List<Receiver> receivers;
    final CaseloadPolicy policy;
    final int r;
    final long[] fte;
    final long[] weighted;
    final int[] current;

    /** Headroom in cases and hundredths of weight; -1: no cap. */
    final long[] roomCases;

    final long[] roomWeight;

    /** The heaviest case weight a receiver may be given (hundredths). */
    final long[] heaviestCase;

    final List<Family> families = new ArrayList<>();
    final int[] familyOfCase;
    final List<FamilyClass> classes;
    final long scale;
    final int continuityCases;

    Instance(List<HandoverCase> cases, List<Receiver> receivers, CaseloadPolicy policy) {
      this.cases = List.copyOf(cases);
      this.receivers = List.copyOf(receivers);
      this.policy = policy;
      this.r = receivers.size();
      fte = new long[r];
      weighted = new long[r];
      current = new int[r];
      roomCases = new long[r];
      roomWeight = new long[r];
      List<Limits> limits = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      long maxFte = HUNDRED;
      for (int i = 0; i < r; i++) {
        Receiver rec = receivers.get(i);
        if (!ids.add(rec.id())) {
          throw new IllegalArgumentException("receiver " + rec.id() + " is listed twice");
        }
        fte[i] = hundredths(rec.holder().fte(), "FTE of " + rec.id());
        weighted[i] = hundredths(rec.current().weighted(), "current weighted load of " + rec.id());
        current[i] = rec.current().cases();
        maxFte = Math.max(maxFte, fte[i]);
        Limits l = policy.limitsFor(rec.holder());
        limits.add(l);
        roomCases[i] = l.maxCases() == null ? -1 : Math.max(0, l.maxCases() - current[i]);
        roomWeight[i] =
            l.maxWeighted() == null
                ? -1
                : Math.max(
                    0,
                    l.maxWeighted()
                            .movePointRight(2)
                            .setScale(0, RoundingMode.FLOOR)
                            .longValueExact()
                        - weighted[i]);
      }
      scale = maxFte * maxFte;
      familyOfCase = new int[this.cases.size()];
      Map<String, Integer> familyIndex = new LinkedHashMap<>();
      List<List<Integer>> members = new ArrayList<>();
      Set<String> caseIds = new HashSet<>();
      for (int i = 0; i < this.cases.size(); i++) {
        HandoverCase c = this.cases.get(i);
        if (!caseIds.add(c.caseId())) {
          throw new IllegalArgumentException("case " + c.caseId() + " is listed twice");
        }
        int f = familyIndex.computeIfAbsent(c.familyKey(), k -> members.size());
        if (f == members.size()) {
          members.add(new ArrayList<>());
        }
        members.get(f).add(i);
        familyOfCase[i] = f;
      }
      int continuity = 0;
      for (HandoverCase c : this.cases) {
        if (receivers.stream().anyMatch(rec -> c.knows(rec.id()))) {
          continuity++;
        }
      }
      continuityCases = continuity;
      for (List<Integer> m : members) {
        long w = 0;
        Set<CaseType> types = java.util.EnumSet.noneOf(CaseType.class);
        int[] knows = new int[r];
        for (int i : m) {
          HandoverCase c = this.cases.get(i);
          w += hundredths(policy.weight(c.type()), "weight of " + c.type().code());
          types.add(c.type());
          for (int j = 0; j < r; j++) {
            if (c.knows(receivers.get(j).id())) {
              knows[j]++;
            }
          }
        }
        List<Integer> eligible = new ArrayList<>();
        for (int j = 0; j < r; j++) {
          Limits l = limits.get(j);
          boolean may = types.stream().allMatch(l::mayHold);
          if (may
              && (roomCases[j] < 0 || m.size() <= roomCases[j])
              && (roomWeight[j] < 0 || w <= roomWeight[j])) {
            eligible.add(j);
          }
        }
        families.add(
            new Family(
                List.copyOf(m),
                m.size(),
                w,
                types,
                eligible.stream().mapToInt(Integer::intValue).toArray(),
                knows));
      }
      heaviestCase = new long[r];
      for (Family fam : families) {
        for (int i : fam.cases) {
          long w = hundredths(policy.weight(this.cases.get(i).type()), "weight");
          for (int j : fam.eligible) {
            heaviestCase[j] = Math.max(heaviestCase[j], w);
          }
        }
      }
      List<Integer> all = new ArrayList<>();
      for (int f = 0; f < families.size(); f++) {
        all.add(f);
      }
      classes = classesOf(all);
    }

    private static long hundredths(BigDecimal value, String what) {
      BigDecimal v = value.stripTrailingZeros();
      if (v.scale() > 2) {
        throw new IllegalArgumentException(
            "the " + what + " has more than 2 decimal places: " + value.toPlainString());
      }
      return value.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    List<FamilyClass> classesOf(List<Integer> familyIndexes) {
      Map<List<Object>, FamilyClass> byKey = new LinkedHashMap<>();
      List<FamilyClass> list = new ArrayList<>();
      for (int f : familyIndexes) {
        Family fam = families.get(f);
        FamilyClass c =
            byKey.computeIfAbsent(
                List.of(fam.size, fam.weight, Arrays.toString(fam.eligible)),
                key -> {
                  FamilyClass created = new FamilyClass(fam.size, fam.weight, fam.eligible);
                  list.add(created);
                  return created;
                });
        c.families.add(f);
      }
      return list;
    }

    /** The most families of a class a receiver could take on their own. */
    long most(FamilyClass c, int j) {
      long most = c.families.size();
      if (roomCases[j] >= 0) {
        most = Math.min(most, roomCases[j] / c.size);
      }
      if (roomWeight[j] >= 0) {
        most = Math.min(most, roomWeight[j] / c.weight);
      }
      return most;
    }

    void addCaps(CpModel model, int j, LinearExprBuilder cases, LinearExprBuilder weight) {
      if (roomCases[j] >= 0) {
        model.addLessOrEqual(cases, roomCases[j]);
      }
      if (roomWeight[j] >= 0) {
        model.addLessOrEqual(weight, roomWeight[j]);
      }
    }

    /** ceil(S·W / F): one receiver's weighted load per FTE in objective units. */
    long units(long w, int j) {
      return Math.ceilDiv(scale * w, fte[j]);
    }

    long lowerBound() {
      long lb = 0;
      long totalW = 0;
      long totalF = 0;
      for (int j = 0; j < r; j++) {
        lb = Math.max(lb, units(weighted[j], j));
        totalW += weighted[j];
        totalF += fte[j];
      }
      for (Family f : families) {
        totalW += f.weight;
      }
      if (totalF > 0) {
        lb = Math.max(lb, Math.ceilDiv(scale * totalW, totalF));
      }
      return lb;
    }

    /**
     * The least M in [from, to] that passes a capacity test no plan can beat: at a maximum M,
     * receiver j can take new weight up to (M·F − S·W)/S rounded down to a multiple of the greatest
     * common divisor of the families' weights (a sum of family weights is one) and within their
     * weighted cap; for every set E of receivers that some families are limited to, the families
     * limited to E must fit in E's capacity. Returns {@code to} when none below passes.
     */
    long roundedBound(long from, long to) {
      long gcd = 0;
      for (Family f : families) {
        gcd = gcd(gcd, f.weight);
      }
      if (gcd == 0 || from >= to) {
        return Math.min(from, to);
      }
      List<Set<Integer>> sets = new ArrayList<>();
      List<Long> demand = new ArrayList<>();
      Set<Set<Integer>> seen = new HashSet<>();
      for (FamilyClass c : classes) {
        Set<Integer> set = new HashSet<>();
        for (int j : c.eligible) {
          set.add(j);
        }
        if (seen.add(set)) {
          sets.add(set);
        }
      }
      for (Set<Integer> set : sets) {
        long need = 0;
        for (FamilyClass c : classes) {
          if (Arrays.stream(c.eligible).allMatch(set::contains)) {
            need += c.weight * c.families.size();
          }
        }
        demand.add(need);
      }
      long lo = from;
      long hi = to;
      while (lo < hi) {
        long mid = lo + (hi - lo) / 2;
        if (fitsAt(mid, gcd, sets, demand)) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return lo;
    }

    private boolean fitsAt(long m, long gcd, List<Set<Integer>> sets, List<Long> demand) {
      long[] cap = capacities(m, gcd);
      if (cap == null) {
        return false;
      }
      for (int i = 0; i < sets.size(); i++) {
        long have = 0;
        for (int j : sets.get(i)) {
          have += cap[j];
        }
        if (have < demand.get(i)) {
          return false;
        }
      }
      return true;
    }

    /** What each receiver can take at a maximum m, in hundredths of weight; null: m is too low. */
    long[] capacities(long m, long gcd) {
      long[] cap = new long[r];
      for (int j = 0; j < r; j++) {
        long room = m * fte[j] - scale * weighted[j];
        if (room < 0) {
          return null;
        }
        long c = room / scale;
        if (roomWeight[j] >= 0) {
          c = Math.min(c, roomWeight[j]);
        }
        if (roomCases[j] >= 0) {
          c = Math.min(c, roomCases[j] * heaviestCase[j]);
        }
        cap[j] = c - c % gcd;
      }
      return cap;
    }

    private static long gcd(long a, long b) {
      return b == 0 ? a : gcd(b, a % b);
    }

    /**
     * A plan whose maximum is at most m, if a constructive rule finds one (used as the solver's
     * hint, never as an answer): receivers one by one, the most restricted first (fewest families
     * they may hold), each filled as full as possible below m by an exact knapsack over the
     * families left (by weight, within their case cap); among the fullest fillings it prefers
     * families that know the receiver, then families few receivers may hold, and avoids families
     * that know another receiver.
     */
    int[] levelHint(long m) {
      int[] plan = levelHint(m, true);
      return plan != null ? plan : levelHint(m, false);
    }

    /**
     * As {@link #levelHint(long)}; with {@code keepKnown}, each family that knows an eligible
     * receiver is first given to the one it knows best while that receiver has room.
     */
    int[] levelHint(long m, boolean keepKnown) {
      long gcd = 0;
      for (Family f : families) {
        gcd = gcd(gcd, f.weight);
      }
      if (gcd == 0) {
        return new int[0];
      }
      long[] cap = capacities(m, gcd);
      if (cap == null) {
        return null;
      }
      int[] plan = new int[families.size()];
      Arrays.fill(plan, -1);
      long[] roomC = roomCases.clone();
      if (keepKnown) {
        for (int f = 0; f < families.size(); f++) {
          Family fam = families.get(f);
          int best = -1;
          for (int j : fam.eligible) {
            if (fam.knows[j] > 0
                && cap[j] >= fam.weight
                && (roomC[j] < 0 || roomC[j] >= fam.size)
                && (best < 0 || fam.knows[j] > fam.knows[best])) {
              best = j;
            }
          }
          if (best >= 0) {
            plan[f] = best;
            cap[best] -= fam.weight;
            if (roomC[best] >= 0) {
              roomC[best] -= fam.size;
            }
          }
        }
      }
      int[] eligibleCount = new int[r];
      for (Family f : families) {
        for (int j : f.eligible) {
          eligibleCount[j]++;
        }
      }
      Integer[] order = new Integer[r];
      for (int j = 0; j < r; j++) {
        order[j] = j;
      }
      Arrays.sort(order, (a, b) -> Integer.compare(eligibleCount[a], eligibleCount[b]));
      boolean[] isEligible = new boolean[r];
      for (int j : order) {
        Arrays.fill(isEligible, false);
        int units = (int) Math.min(cap[j] / gcd, 4000);
        int maxCases = (int) (roomC[j] >= 0 ? Math.min(roomC[j], 400) : 400);
        if (units <= 0 || maxCases <= 0) {
          continue;
        }
        // Items: single families (0/1); plain families of a class grouped in powers of two.
        List<int[]> items = new ArrayList<>(); // {weightUnits, cases, score, first, count, class}
        for (int k = 0; k < classes.size(); k++) {
          FamilyClass c = classes.get(k);
          if (Arrays.binarySearch(c.eligible, j) < 0) {
            continue;
          }
          List<Integer> plainLeft = new ArrayList<>();
          for (int f : c.families) {
            if (plan[f] >= 0) {
              continue;
            }
            Family fam = families.get(f);
            int score = 4 * (r - c.eligible.length) + c.size;
            if (fam.knows[j] > 0) {
              items.add(
                  new int[] {(int) (c.weight / gcd), c.size, 1000 * fam.knows[j] + score, f, 1, k});
            } else if (fam.linked()) {
              items.add(new int[] {(int) (c.weight / gcd), c.size, score - 500, f, 1, k});
            } else {
              plainLeft.add(f);
            }
          }
          int left = plainLeft.size();
          int start = 0;
          for (int chunk = 1; left > 0; chunk *= 2) {
            int take = Math.min(chunk, left);
            int score = (4 * (r - c.eligible.length) + c.size) * take;
            items.add(
                new int[] {
                  (int) (c.weight / gcd) * take, c.size * take, score, -1 - start, take, k
                });
            start += take;
            left -= take;
          }
          plainOf.put(k, plainLeft);
        }
        int states = (units + 1) * (maxCases + 1);
        long[] best = new long[states];
        Arrays.fill(best, Long.MIN_VALUE);
        best[0] = 0;
        boolean[][] took = new boolean[items.size()][];
        for (int i = 0; i < items.size(); i++) {
          int[] it = items.get(i);
          took[i] = new boolean[states];
          if (it[0] > units || it[1] > maxCases) {
            continue;
          }
          for (int u = units; u >= it[0]; u--) {
            for (int c = maxCases; c >= it[1]; c--) {
              int from = (u - it[0]) * (maxCases + 1) + (c - it[1]);
              int to = u * (maxCases + 1) + c;
              if (best[from] != Long.MIN_VALUE && best[from] + it[2] > best[to]) {
                best[to] = best[from] + it[2];
                took[i][to] = true;
              }
            }
          }
        }
        int at = -1;
        for (int u = units; u >= 0 && at < 0; u--) {
          for (int c = 0; c <= maxCases; c++) {
            int s = u * (maxCases + 1) + c;
            if (best[s] != Long.MIN_VALUE && (at < 0 || best[s] > best[at])) {
              at = s;
            }
          }
        }
        int u = at / (maxCases + 1);
        int c = at % (maxCases + 1);
        for (int i = items.size() - 1; i >= 0; i--) {
          int s = u * (maxCases + 1) + c;
          if (!took[i][s]) {
            continue;
          }
          int[] it = items.get(i);
          if (it[3] >= 0) {
            plan[it[3]] = j;
          } else {
            List<Integer> plainLeft = plainOf.get(it[5]);
            int first = -1 - it[3];
            for (int x = first; x < first + it[4]; x++) {
              plan[plainLeft.get(x)] = j;
            }
          }
          u -= it[0];
          c -= it[1];
        }
        plainOf.clear();
      }
      for (int f : plan) {
        if (f < 0) {
          return null;
        }
      }
      return plan;
    }

    private final Map<Integer, List<Integer>> plainOf = new java.util.HashMap<>();

    /** The least maximum above m at which some receiver's capacity grows. */
    long nextLevel(long m) {
      long gcd = 0;
      for (Family f : families) {
        gcd = gcd(gcd, f.weight);
      }
      long[] cap = capacities(m, Math.max(gcd, 1));
      long next = Long.MAX_VALUE;
      for (int j = 0; j < r; j++) {
        long have = cap == null ? 0 : cap[j];
        next =
            Math.min(next, Math.ceilDiv(scale * (weighted[j] + have + Math.max(gcd, 1)), fte[j]));
      }
      return Math.max(next, m + 1);
    }

    long upperBound() {
      long totalNew = families.stream().mapToLong(Family::weight).sum();
      long ub = 0;
      for (int j = 0; j < r; j++) {
        ub = Math.max(ub, units(weighted[j] + totalNew, j));
      }
      return ub;
    }

    long maxUnits(int[] plan) {
      long[] w = weighted.clone();
      for (int f = 0; f < families.size(); f++) {
        w[plan[f]] += families.get(f).weight;
      }
      long max = 0;
      for (int j = 0; j < r; j++) {
        max = Math.max(max, units(w[j], j));
      }
      return max;
    }

    long[][] counts(List<FamilyClass> of, int[] plan) {
      long[][] counts = new long[of.size()][r];
      for (int k = 0; k < of.size(); k++) {
        for (int f : of.get(k).families) {
          counts[k][plan[f]]++;
        }
      }
      return counts;
    }

    /**
     * A plan within the caps, if a simple rule finds one: heaviest families first, each to the
     * eligible receiver with room whose load per FTE after would be lowest.
     */
    int[] feasibleHint() {
      Integer[] order = new Integer[families.size()];
      for (int f = 0; f < order.length; f++) {
        order[f] = f;
      }
      Arrays.sort(
          order,
          (a, b) -> {
            int byWeight = Long.compare(families.get(b).weight, families.get(a).weight);
            return byWeight != 0
                ? byWeight
                : Integer.compare(families.get(a).eligible.length, families.get(b).eligible.length);
          });
      long[] w = weighted.clone();
      long[] roomC = roomCases.clone();
      long[] roomW = roomWeight.clone();
      int[] plan = new int[families.size()];
      for (int f : order) {
        Family fam = families.get(f);
        int best = -1;
        for (int j : fam.eligible) {
          if ((roomC[j] >= 0 && roomC[j] < fam.size) || (roomW[j] >= 0 && roomW[j] < fam.weight)) {
            continue;
          }
          // (w[j] + fam.weight) / fte[j] < (w[best] + fam.weight) / fte[best]
          if (best < 0 || (w[j] + fam.weight) * fte[best] < (w[best] + fam.weight) * fte[j]) {
            best = j;
          }
        }
        if (best < 0) {
          return null;
        }
        plan[f] = best;
        w[best] += fam.weight;
        if (roomC[best] >= 0) {
          roomC[best] -= fam.size;
        }
        if (roomW[best] >= 0) {
          roomW[best] -= fam.weight;
        }
      }
      return plan;
    }

    int moved(int[] plan) {
      int kept = 0;
      for (int f = 0; f < families.size(); f++) {
        kept += families.get(f).knows[plan[f]];
      }
      return continuityCases - kept;
    }

    HandoverPlan plan(
        HandoverPlan.Status status,
        int[] plan,
        long lowerUnits,
        long bestUnits,
        int movedBound,
        Duration time) {
      Map<String, String> assignment = new LinkedHashMap<>();
      Load[] after = new Load[r];
      int[] received = new int[r];
      for (int j = 0; j < r; j++) {
        after[j] = receivers.get(j).current();
      }
      for (int i = 0; i < cases.size(); i++) {
        int j = plan[familyOfCase[i]];
        HandoverCase c = cases.get(i);
        assignment.put(c.caseId(), receivers.get(j).id());
        after[j] = after[j].plus(policy.weight(c.type()));
        received[j]++;
      }
      List<HandoverPlan.ReceiverLoad> loads = new ArrayList<>();
      BigDecimal max = null;
      BigDecimal exactMax = null;
      for (int j = 0; j < r; j++) {
        Receiver rec = receivers.get(j);
        HandoverPlan.ReceiverLoad load =
            new HandoverPlan.ReceiverLoad(
                rec.id(),
                rec.holder().name(),
                rec.holder().fte(),
                rec.current(),
                after[j],
                received[j]);
        loads.add(load);
        BigDecimal perFte = load.weightedPerFteAfter();
        max = max == null || perFte.compareTo(max) > 0 ? perFte : max;
        BigDecimal exact = after[j].weighted().divide(rec.holder().fte(), 12, RoundingMode.HALF_UP);
        exactMax = exactMax == null || exact.compareTo(exactMax) > 0 ? exact : exactMax;
      }
      BigDecimal bound;
      BigDecimal gap;
      if (r == 0) {
        bound = null;
        gap = null;
      } else if (lowerUnits >= bestUnits) {
        bound = max;
        gap = BigDecimal.ZERO.setScale(4);
      } else {
        // Every plan has M ≥ lower, so its maximum is above (lower − 1)/S.
        BigDecimal exactBound =
            BigDecimal.valueOf(lowerUnits - 1)
                .divide(BigDecimal.valueOf(scale), 12, RoundingMode.DOWN);
        bound = exactBound.setScale(2, RoundingMode.HALF_UP).min(max);
        gap =
            exactMax.signum() == 0
                ? BigDecimal.ZERO.setScale(4)
                : exactMax
                    .subtract(exactBound)
                    .max(BigDecimal.ZERO)
                    .divide(exactMax, 4, RoundingMode.UP);
      }
      return new HandoverPlan(
          status,
          assignment,
          loads,
          max,
          bound,
          gap,
          moved(plan),
          movedBound,
          continuityCases,
          List.of(),
          null,
          List.of(),
          time);
    }

    HandoverPlan noPlan(
        HandoverPlan.Status status,
        List<String> unplaced,
        BigDecimal extraFte,
        List<String> explanation,
        Duration time) {
      List<HandoverPlan.ReceiverLoad> loads = new ArrayList<>();
      for (Receiver rec : receivers) {
        loads.add(
            new HandoverPlan.ReceiverLoad(
                rec.id(),
                rec.holder().name(),
                rec.holder().fte(),
                rec.current(),
                rec.current(),
                0));
      }
      return new HandoverPlan(
          status,
          Map.of(),
          loads,
          null,
          null,
          null,
          0,
          0,
          continuityCases,
          unplaced,
          extraFte,
          explanation,
          time);
    }
  }
}
