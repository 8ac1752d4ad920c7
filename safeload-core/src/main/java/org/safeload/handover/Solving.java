package org.safeload.handover;

import com.google.ortools.sat.CpSolver;
import java.time.Duration;

/**
 * One plan's solving, shared by its stages: the solver threads and the time limit for all stages
 * together, counted from {@code startNanos}.
 *
 * @param threads the planner's solver threads (instances of at most {@link #DETERMINISTIC_FAMILIES}
 *     families use one)
 * @param startNanos when solving started ({@link System#nanoTime()})
 * @param limit the time limit for all stages, in seconds
 */
record Solving(int threads, long startNanos, double limit) {

  /** Small instances at or below this many families are solved on one thread. */
  static final int DETERMINISTIC_FAMILIES = 64;

  /**
   * With {@code -Dsafeload.handover.debug=true}, the solver's search log and each stage's figures.
   */
  static final boolean DEBUG = Boolean.getBoolean("safeload.handover.debug");

  /** Seconds of the time limit left now (negative when it has passed). */
  double secondsLeft() {
    return limit - (System.nanoTime() - startNanos) / 1e9;
  }

  /** Wall-clock time since solving started. */
  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /**
   * A solver. Small instances (a leaving worker's cases, the documented example) run on one thread,
   * where CP-SAT is deterministic: the same input gives the same plan among equally good ones.
   * Larger ones use the planner's threads, which may pick another of several tied plans.
   */
  CpSolver solver(double seconds, HandoverInstance in) {
    CpSolver solver = new CpSolver();
    int n = in.families.size() <= DETERMINISTIC_FAMILIES ? 1 : threads;
    solver.getParameters().setNumWorkers(n).setMaxTimeInSeconds(Math.max(seconds, 0.01));
    if (DEBUG) {
      solver.getParameters().setLogSearchProgress(true);
    }
    return solver;
  }
}
