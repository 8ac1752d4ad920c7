package org.safeload.handover;

import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.math.BigInteger;

/**
 * Stage 3: with stage 1's maximum and stage 2's cases kept with a known worker both held (as
 * constraints), the most even plan: the least {@code Σ W²/F} over the receivers (W: weighted load
 * after the plan, F: FTE). Its continuous optimum gives every receiver the same load per FTE.
 *
 * <p>Exact integers. A receiver's load changes only in steps of {@code g}, the greatest common
 * divisor of the families' weights (hundredths), so it is {@code w = w0 + g·x} with a small integer
 * {@code x} (the weight given, in steps of {@code g}; at most about 50 values under the default
 * policy) and {@code w² = w0² + 2·w0·g·x + g²·x²}. The square is one CP-SAT product constraint
 * {@code s = x·x} ({@code addMultiplicationEquality}), which CP-SAT propagates on bounds and
 * relaxes with its square cuts (tangents and secants of {@code x²} over the small domain of a
 * non-negative {@code x}) in its linear relaxation. The objective is {@code Σ c·(2·w0·x + g·s)}
 * with {@code c = L/f}, {@code L} the least common multiple of the FTEs in hundredths, so {@code Σ
 * W²/F = (Σ c·w0² + g·objective) / (100·L)} exactly. The constant {@code Σ c·w0²} is left out of
 * the model. (Writing the square as its secants instead, {@code s ≥ (2a+1)·x − a(a+1)} for every
 * integer {@code a}, which is exact for integer {@code x}, gave the same bounds and times on the
 * benchmark instances; the product is the smaller model.)
 *
 * <p>The solver starts from stage 2's plan improved by {@link BalanceSearch} (single moves and
 * swaps of families). On instances of hundreds of families the solver's bound (its linear
 * relaxation) is typically within 0.01% of that plan at once, but closing the last gap can take
 * longer than the time limit: the plan is then reported with its bound and gap.
 *
 * <p>Every value the model can reach is kept at most 2⁵³ (exact in the solver's double objective
 * and bound): always for usual FTEs (tenths, quarters: {@code L} at most a few thousand). When an
 * unusual mix of FTEs makes {@code L} too large, {@code c = floor(K/f)} with the largest {@code K}
 * that fits: the plan is then optimal for weights within about one part in a million of the exact
 * ones, the bound {@code (Σ c·w0² + g·bound) / (100·K)} is still a proven lower bound on the exact
 * value (since {@code c ≤ K/f}), and the stage is reported as not proven.
 */
final class BalanceStage {

  /** Objective values stay below this, so the solver's doubles hold them exactly. */
  private static final double BUDGET = 0x1p53;

  /**
   * What stage 3 found.
   *
   * @param status the solver's status ({@code OPTIMAL} only when proven on the exact objective)
   * @param plan the family-by-family plan (the given one when the solver found none)
   * @param boundNumerator with {@link #boundDenominator}: no plan keeping stages 1–2 has a lower
   *     {@code Σ W²/F}
   */
  record Result(
      CpSolverStatus status,
      int[] plan,
      BigInteger boundNumerator,
      BigInteger boundDenominator,
      boolean stoppedAtGap) {

    Result(
        CpSolverStatus status, int[] plan, BigInteger boundNumerator, BigInteger boundDenominator) {
      this(status, plan, boundNumerator, boundDenominator, false);
    }
  }

  /**
   * On instances of more than {@link #GAP_LIMITED_FAMILIES} families, stage 3 stops once its plan
   * is proven within this fraction of the least balance (the exact {@code Σ W²/F}, constant
   * included); smaller instances run to a proof.
   */
  static final double GAP_LIMIT = 0.001;

  /** Instances with more families than this stop stage 3 at {@link #GAP_LIMIT}. */
  static final int GAP_LIMITED_FAMILIES = 200;

  private BalanceStage() {}

  /**
   * @param max stage 1's maximum, in objective units
   * @param keptAtLeast stage 2's cases kept with a worker they know
   * @param hint stage 2's plan, which keeps both
   */
  static Result solve(
      HandoverInstance in, long max, long keptAtLeast, int[] hint, Solving solving) {
    long g = in.weightGcd;
    BigInteger lcm = in.fteLcm();
    BigInteger hundredL = lcm.multiply(BigInteger.valueOf(HandoverInstance.HUNDRED));
    if (g == 0 || in.r == 0) {
      // nothing to hand over: every plan is the same
      return new Result(CpSolverStatus.OPTIMAL, hint, in.balanceNumerator(hint), hundredL);
    }
    AssignmentModel m = new AssignmentModel(in, max);
    long[] xMax = new long[in.r];
    long[] total = new long[in.r];
    for (FamilyClass c : in.classes) {
      for (int r : c.eligible) {
        total[r] += c.weight * c.families.size();
      }
    }
    double perK = 0; // Σ (2·w0·xMax + g·xMax²) / f: the objective's reach per unit of K
    for (int r = 0; r < in.r; r++) {
      if (m.any[r]) {
        xMax[r] = Math.max(0, Math.min(m.room[r], total[r]) / g);
        perK += (2.0 * in.weighted[r] * xMax[r] + (double) g * xMax[r] * xMax[r]) / in.fte[r];
      }
    }
    boolean exact = lcm.doubleValue() * perK <= BUDGET;
    long k;
    if (exact) {
      k = lcm.longValueExact();
    } else {
      k = (long) Math.floor(BUDGET / 2 / Math.max(perK, 1));
      if (k < HandoverInstance.HUNDRED * 1000) {
        // far beyond any real team: keep stage 2's plan, bounded by the loads before the plan
        return new Result(CpSolverStatus.UNKNOWN, hint, constant(in, lcm), hundredL);
      }
    }
    long[] coef = new long[in.r];
    for (int r = 0; r < in.r; r++) {
      coef[r] = k / in.fte[r]; // exact when k = L
    }
    LinearExprBuilder objective = LinearExpr.newBuilder();
    IntVar[] x = new IntVar[in.r];
    IntVar[] s = new IntVar[in.r];
    for (int r = 0; r < in.r; r++) {
      if (!m.any[r]) {
        continue;
      }
      x[r] = m.model.newIntVar(0, xMax[r], "x" + r);
      s[r] = m.model.newIntVar(0, xMax[r] * xMax[r], "s" + r);
      m.model.addEquality(LinearExpr.newBuilder().add(m.weighted[r].build()).addTerm(x[r], -g), 0);
      m.model.addMultiplicationEquality(s[r], x[r], x[r]);
      objective.addTerm(x[r], coef[r] * 2 * in.weighted[r]);
      objective.addTerm(s[r], coef[r] * g);
    }
    if (!m.ys.isEmpty()) {
      m.model.addGreaterOrEqual(m.kept, keptAtLeast);
    }
    m.model.minimize(objective);
    // a starting plan: single moves and swaps from stage 2's plan, for at most a tenth of the time
    long deadline = System.nanoTime() + (long) (Math.max(solving.secondsLeft(), 0) * 0.1e9);
    hint = BalanceSearch.improve(in, hint, m.room, coef, keptAtLeast, deadline);
    m.hint(hint);
    long[] after = in.loadsAfter(hint);
    for (int r = 0; r < in.r; r++) {
      if (x[r] != null) {
        long xr = (after[r] - in.weighted[r]) / g;
        m.model.addHint(x[r], xr);
        m.model.addHint(s[r], xr * xr);
      }
    }
    BigInteger base = constant(in, BigInteger.valueOf(k));
    CpSolver solver = solving.solver(Math.max(solving.secondsLeft(), solving.limit() * 0.05), in);
    boolean gapLimited = in.families.size() > GAP_LIMITED_FAMILIES;
    if (gapLimited) {
      // The model's objective O leaves out the constant Σ c·w0² (base): the balance is
      // (base + g·O) / (100·K). Both limits keep g·(O − B) ≤ GAP_LIMIT · (base + g·O): the absolute
      // one since base ≤ base + g·O, the relative one (|O − B| / max(1, |O|)) since g·O ≤ it.
      solver
          .getParameters()
          .setAbsoluteGapLimit(GAP_LIMIT * base.doubleValue() / g)
          .setRelativeGapLimit(GAP_LIMIT);
    }
    CpSolverStatus status = solver.solve(m.model);
    if (Solving.DEBUG) {
      System.err.printf(
          "stage 3: %s in %.3f s, objective %.0f, bound %.0f, exact %s%n",
          status, solver.wallTime(), solver.objectiveValue(), solver.bestObjectiveBound(), exact);
    }
    BigInteger denominator = BigInteger.valueOf(k).multiply(BigInteger.valueOf(100));
    if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
      // no solution in the time: stage 2's plan; every load is at least its load before the plan
      return new Result(status, hint, base, denominator);
    }
    long bound = (long) Math.ceil(solver.bestObjectiveBound() - 1e-6);
    BigInteger boundNumerator = base.add(BigInteger.valueOf(g).multiply(BigInteger.valueOf(bound)));
    // CP-SAT says OPTIMAL when a gap limit is reached: proven only when the bound meets the plan
    boolean atGap =
        status == CpSolverStatus.OPTIMAL
            && (long) Math.floor(solver.objectiveValue() + 1e-6) > bound;
    CpSolverStatus proven = exact && !atGap ? status : CpSolverStatus.FEASIBLE;
    return new Result(proven, m.plan(solver), boundNumerator, denominator, atGap);
  }

  /** {@code Σ c·w0²}: the objective's constant, with {@code c = K/f} rounded down. */
  private static BigInteger constant(HandoverInstance in, BigInteger k) {
    BigInteger sum = BigInteger.ZERO;
    for (int r = 0; r < in.r; r++) {
      BigInteger w0 = BigInteger.valueOf(in.weighted[r]);
      sum = sum.add(w0.multiply(w0).multiply(k.divide(BigInteger.valueOf(in.fte[r]))));
    }
    return sum;
  }
}
