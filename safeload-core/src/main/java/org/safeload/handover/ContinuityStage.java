package org.safeload.handover;

import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Stage 2: with stage 1's maximum fixed, the most cases kept with a worker the child knows (so the
 * fewest moved away from one), on the {@link AssignmentModel} it shares with stage 3. Starts from
 * stage 1's plan; gets half the time left (at least 5% of the limit), stage 3 the rest.
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

  /**
   * Instances with more families than this (as for stage 3's gap limit) use the knapsack bound and
   * the search for a plan at it; smaller ones are solved exactly as before, deterministically.
   */
  static final int LARGE_FAMILIES = BalanceStage.GAP_LIMITED_FAMILIES;

  private ContinuityStage() {}

  /**
   * No plan keeps more: for each receiver, the most cases of families that know them that fit in
   * their room (a knapsack by weight and cases), summed over receivers.
   */
  static long keptBound(HandoverInstance in, long[] room) {
    long g = Math.max(1, in.weightGcd);
    long total = 0;
    for (int j = 0; j < in.r; j++) {
      List<Integer> known = new ArrayList<>();
      long weight = 0;
      long size = 0;
      for (int f = 0; f < in.families.size(); f++) {
        Family fam = in.families.get(f);
        if (fam.knows()[j] > 0 && Arrays.binarySearch(fam.eligible(), j) >= 0) {
          known.add(f);
          weight += fam.weight();
          size += fam.size();
        }
      }
      if (known.isEmpty()) {
        continue;
      }
      int units = (int) Math.min(Math.max(0, room[j]) / g, weight / g);
      int most = (int) (in.roomCases[j] >= 0 ? Math.min(in.roomCases[j], size) : size);
      // best[u][c]: the most cases kept with weight at most u·g and at most c cases
      long[][] best = new long[units + 1][most + 1];
      for (int i = 0; i < known.size(); i++) {
        Family fam = in.families.get(known.get(i));
        int wu = (int) (fam.weight() / g);
        for (int u = units; u >= wu; u--) {
          for (int c = most; c >= fam.size(); c--) {
            best[u][c] = Math.max(best[u][c], best[u - wu][c - fam.size()] + fam.knows()[j]);
          }
        }
      }
      total += best[units][most];
    }
    return total;
  }

  /**
   * @param max stage 1's maximum, in objective units
   * @param hint stage 1's plan, which has that maximum
   */
  static Result solve(HandoverInstance in, long max, int[] hint, Solving solving) {
    if (in.continuityCases == 0) {
      return new Result(CpSolverStatus.OPTIMAL, hint, 0);
    }
    if (in.families.size() > LARGE_FAMILIES) {
      return solveLarge(in, max, hint, solving);
    }
    AssignmentModel m = new AssignmentModel(in, max);
    m.model.maximize(m.kept);
    // Hint: stage 1's plan (its families already given to known receivers where its counts allow).
    m.hint(hint);
    // half the time left (at least 5% of the limit); stage 3 gets the rest
    CpSolver solver =
        solving.solver(Math.max(solving.secondsLeft() * 0.5, solving.limit() * 0.05), in);
    CpSolverStatus status = solver.solve(m.model);
    debug("maximise", status, solver, m);
    if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
      return new Result(status, null, in.continuityCases);
    }
    long keptBound = (long) Math.floor(solver.bestObjectiveBound() + 1e-6);
    return new Result(status, m.plan(solver), keptBound);
  }

  /**
   * Large instances: the knapsack bound {@link #keptBound}, a starting plan from {@link
   * ContinuitySearch}, then a search for a plan keeping exactly the bound (proven optimal if
   * found); only if none exists (proven) or none is found in half the stage's time, the maximum
   * below it.
   */
  private static Result solveLarge(HandoverInstance in, long max, int[] hint, Solving solving) {
    double budget = Math.max(solving.secondsLeft() * 0.5, solving.limit() * 0.05);
    long end = System.nanoTime() + (long) (budget * 1e9);
    AssignmentModel probe = new AssignmentModel(in, max);
    long bound = Math.min(in.continuityCases, keptBound(in, probe.room));
    long t0 = System.nanoTime();
    int[] start = ContinuitySearch.improve(in, hint, probe.room, t0 + (long) (budget * 0.1e9));
    long keptNow = in.continuityCases - in.moved(start);
    if (Solving.DEBUG) {
      System.err.printf(
          "stage 2: knapsack bound %d; search kept %d -> %d in %.3f s%n",
          bound, in.continuityCases - in.moved(hint), keptNow, (System.nanoTime() - t0) / 1e9);
    }
    if (keptNow >= bound) {
      return new Result(CpSolverStatus.OPTIMAL, start, bound);
    }
    probe.model.addGreaterOrEqual(probe.kept, bound);
    probe.hint(start);
    CpSolver solver = solving.solver(budget * 0.5, in);
    CpSolverStatus status = solver.solve(probe.model);
    debug("at the bound", status, solver, probe);
    if (status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE) {
      return new Result(CpSolverStatus.OPTIMAL, probe.plan(solver), bound);
    }
    if (status == CpSolverStatus.INFEASIBLE) {
      bound--; // proven: no plan keeps the bound
    }
    AssignmentModel m = new AssignmentModel(in, max);
    m.model.maximize(m.kept);
    m.model.addLessOrEqual(m.kept, bound);
    m.hint(start);
    solver = solving.solver(Math.max((end - System.nanoTime()) / 1e9, solving.limit() * 0.02), in);
    status = solver.solve(m.model);
    debug("maximise below the bound", status, solver, m);
    if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
      return new Result(CpSolverStatus.FEASIBLE, start, bound);
    }
    long keptBound = Math.min(bound, (long) Math.floor(solver.bestObjectiveBound() + 1e-6));
    return new Result(status, m.plan(solver), keptBound);
  }

  private static void debug(
      String what, CpSolverStatus status, CpSolver solver, AssignmentModel m) {
    if (Solving.DEBUG) {
      System.err.printf(
          "stage 2 (%s): %s in %.3f s, kept %.0f, bound %.0f, y %d, classes %d%n",
          what,
          status,
          solver.wallTime(),
          solver.objectiveValue(),
          solver.bestObjectiveBound(),
          m.ys.size(),
          m.in.classes.size());
    }
  }
}
