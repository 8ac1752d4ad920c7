package org.safeload.handover;

import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;

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

  private ContinuityStage() {}

  /**
   * @param max stage 1's maximum, in objective units
   * @param hint stage 1's plan, which has that maximum
   */
  static Result solve(HandoverInstance in, long max, int[] hint, Solving solving) {
    if (in.continuityCases == 0) {
      return new Result(CpSolverStatus.OPTIMAL, hint, 0);
    }
    AssignmentModel m = new AssignmentModel(in, max);
    m.model.maximize(m.kept);
    // Hint: stage 1's plan (its families already given to known receivers where its counts allow).
    m.hint(hint);
    // half the time left (at least 5% of the limit); stage 3 gets the rest
    CpSolver solver =
        solving.solver(Math.max(solving.secondsLeft() * 0.5, solving.limit() * 0.05), in);
    CpSolverStatus status = solver.solve(m.model);
    if (Solving.DEBUG) {
      System.err.printf(
          "stage 2: %s in %.3f s, kept %.0f, bound %.0f, y %d, classes %d%n",
          status,
          solver.wallTime(),
          solver.objectiveValue(),
          solver.bestObjectiveBound(),
          m.ys.size(),
          in.classes.size());
    }
    if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
      return new Result(status, null, in.continuityCases);
    }
    long keptBound = (long) Math.floor(solver.bestObjectiveBound() + 1e-6);
    return new Result(status, m.plan(solver), keptBound);
  }
}
