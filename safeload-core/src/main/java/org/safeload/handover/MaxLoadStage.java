package org.safeload.handover;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Stage 1: the least highest weighted caseload per FTE. An aggregated CP-SAT model (how many
 * families of each {@link FamilyClass} go to each receiver, within their caps) minimises the
 * maximum {@code M} in units of {@code 1/S}, with {@code S·W ≤ M·F} for every receiver. The
 * capacity bound of {@link LoadBounds} is its least value, and a {@link StartingPlans starting
 * plan} at that level (or else one within the caps) its hint. Gets 60% of the time left.
 */
final class MaxLoadStage {

  /**
   * What stage 1 found.
   *
   * @param status the solver's status
   * @param counts families of each class per receiver (null unless a plan was found)
   * @param bound the solver's proven lower bound on {@code M}
   * @param hint the constructive plan at the capacity bound the solver started from, or null
   */
  record Result(CpSolverStatus status, long[][] counts, long bound, int[] hint) {

    boolean found() {
      return status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE;
    }
  }

  private MaxLoadStage() {}

  static Result solve(HandoverInstance in, Solving solving) {
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
    int[] hint = StartingPlans.withinCaps(in);
    if (hint != null && !in.keepsDateCaps(hint)) {
      hint = null; // the starting rules know only the caps at the plan's end
    }
    long ub = hint != null ? in.maxUnits(hint) : LoadBounds.upper(in);
    long lb = LoadBounds.rounded(in, Math.min(LoadBounds.lower(in), ub), ub);
    int[] atBound = null;
    for (long level = lb, tries = 0;
        level < ub && tries < 8;
        level = LoadBounds.nextLevel(in, level), tries++) {
      atBound = StartingPlans.atLevel(in, level);
      if (atBound != null && !in.keepsDateCaps(atBound)) {
        atBound = null;
      }
      if (atBound != null) {
        break;
      }
    }
    if (Solving.DEBUG) {
      System.err.printf(
          "stage 1: S=%d lb0=%d rounded=%d ub=%d levelHint=%s classes=%d families=%d%n",
          in.scale, LoadBounds.lower(in), lb, ub, atBound != null, g, in.families.size());
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
      List<IntVar> vars = new ArrayList<>();
      List<FamilyClass> classOf = new ArrayList<>();
      boolean any = false;
      for (int k = 0; k < g; k++) {
        if (n[k][r] != null) {
          FamilyClass c = in.classes.get(k);
          vars.add(n[k][r]);
          classOf.add(c);
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
      in.addDateCaps(model, r, vars, classOf);
      load.addTerm(m, -in.fte[r]);
      model.addLessOrEqual(load, -in.scale * in.weighted[r]);
    }
    model.minimize(m);
    if (hint != null) {
      long[][] counts = ClassCounts.of(in, in.classes, hint);
      for (int k = 0; k < g; k++) {
        for (int r = 0; r < in.r; r++) {
          if (n[k][r] != null) {
            model.addHint(n[k][r], counts[k][r]);
          }
        }
      }
      model.addHint(m, in.maxUnits(hint));
    }
    // 60% of the time left after building the model; stages 2 and 3 share the rest
    CpSolver solver = solving.solver(solving.secondsLeft() * 0.6, in);
    CpSolverStatus status = solver.solve(model);
    if (Solving.DEBUG) {
      System.err.printf(
          "stage 1: %s in %.3f s, objective %.0f, bound %.0f%n",
          status, solver.wallTime(), solver.objectiveValue(), solver.bestObjectiveBound());
    }
    if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
      return new Result(status, null, 0, null);
    }
    long[][] counts = new long[g][in.r];
    for (int k = 0; k < g; k++) {
      for (int r = 0; r < in.r; r++) {
        counts[k][r] = n[k][r] == null ? 0 : solver.value(n[k][r]);
      }
    }
    return new Result(
        status, counts, (long) Math.ceil(solver.bestObjectiveBound() - 1e-6), atBound);
  }
}
