package org.safeload.handover;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Stage 2: with stage 1's maximum fixed, the most cases kept with a worker the child knows (so the
 * fewest moved away from one). A family that knows a receiver either goes to one it knows (a yes/no
 * variable per such receiver) or joins its class's pool, whose families are interchangeable (counts
 * per receiver): the same optimum as one variable per family and receiver, with far fewer
 * variables. Starts from stage 1's plan; gets the rest of the time limit (at least 5% of it).
 */
final class ContinuityStage {

  /**
   * What stage 2 found.
   *
   * @param status the solver's status
   * @param plan the family-by-family plan (null unless a plan was found)
   * @param keptBound no plan with the maximum keeps more cases with a worker they know
   */
  record Result(CpSolverStatus status, int[] plan, long keptBound) {}

  private ContinuityStage() {}

  /**
   * @param max stage 1's maximum, in objective units
   * @param hint stage 1's plan, which has that maximum
   */
  static Result solve(HandoverInstance in, long max, int[] hint, Solving solving) {
    if (in.continuityCases == 0) {
      return new Result(CpSolverStatus.OPTIMAL, hint, 0);
    }
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
        for (int r : fam.eligible()) {
          if (fam.knows()[r] > 0) {
            IntVar y = model.newBoolVar("y" + f + "_" + r);
            keys.add(new int[] {f, r, k});
            ys.add(y);
            atMostOne.addTerm(y, 1);
            all.addTerm(y, 1);
            kept.addTerm(y, fam.knows()[r]);
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
    long[][] pool = ClassCounts.of(in, classes, hint);
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
    CpSolver solver = solving.solver(Math.max(solving.secondsLeft(), solving.limit() * 0.05), in);
    CpSolverStatus status = solver.solve(model);
    if (Solving.DEBUG) {
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
      return new Result(status, null, in.continuityCases);
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
    ClassCounts.fill(in, classes, solved, plan, true);
    long keptBound = (long) Math.floor(solver.bestObjectiveBound() + 1e-6);
    return new Result(status, plan, keptBound);
  }
}
