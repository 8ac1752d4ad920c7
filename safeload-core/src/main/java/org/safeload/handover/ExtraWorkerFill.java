package org.safeload.handover;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.safeload.caseload.WorkerGroup;

/**
 * The extra-worker model's combinatorial side ({@link ExtraWorkerStage}): a lower bound on the
 * extra FTE and on the cases the extra worker takes, and a starting plan that fills the receivers
 * to their caps and leaves the rest to the extra worker. When the starting plan meets both bounds
 * it is the answer, proven without search; otherwise it is the solver's hint (never an answer on
 * its own).
 *
 * <p>The bounds, each valid for every plan: (1) a receiver takes at most its case room and its
 * weight room, so the extra worker takes at least what the rooms together leave over; (2) the
 * receivers together hold one set of families within their rooms added up (a knapsack over the
 * pooled rooms, which knows how many heavy families there are); (3) for λ on a grid, {@code e ≥
 * λ·(case term) + (1−λ)·(weight term)}, and each receiver holds at most its own best knapsack
 * valued by λ (which knows that a receiver short of case room cannot use its weight room). The FTE
 * bound is the largest of them; the bound on the extra worker's cases holds at that FTE.
 */
final class ExtraWorkerFill {

  private static final long HUNDRED = HandoverInstance.HUNDRED;

  /** A receiver's knapsack is skipped (the fill gives up) above this many states. */
  private static final long MAX_STATES = 250_000;

  /** The receivers' pooled knapsack (the lower bound) is skipped above this many states. */
  private static final long MAX_POOLED_STATES = 4_000_000;

  private ExtraWorkerFill() {}

  /**
   * A plan in class counts ({@code counts[k][r]}, the extra worker at {@code r == in.r}) and what
   * it puts on the extra worker: cases, hundredths of weight and the least FTE (hundredths) that
   * holds them.
   */
  record Fill(long[][] counts, long cases, long weight, long fte) {}

  /** Lower bounds: {@code {fte, cases}} on the extra worker, in hundredths of FTE and cases. */
  static long[] lowerBound(HandoverInstance in, List<FamilyClass> classes, WorkerGroup group) {
    long totalCases = 0;
    long totalWeight = 0;
    long forcedCases = 0;
    long forcedWeight = 0;
    long[] supplyCases = new long[in.r];
    long[] supplyWeight = new long[in.r];
    for (FamilyClass c : classes) {
      long n = c.families.size();
      totalCases += c.size * n;
      totalWeight += c.weight * n;
      boolean onlyExtra = true;
      for (int r : c.eligible) {
        if (r < in.r) {
          onlyExtra = false;
          supplyCases[r] += c.size * n;
          supplyWeight[r] += c.weight * n;
        }
      }
      if (onlyExtra) {
        forcedCases += c.size * n;
        forcedWeight += c.weight * n;
      }
    }
    long g = weightGcd(classes);
    long holdCases = 0;
    long holdWeight = 0;
    for (int r = 0; r < in.r; r++) {
      holdCases += in.roomCases[r] < 0 ? supplyCases[r] : Math.min(in.roomCases[r], supplyCases[r]);
      // a receiver's new weight is a sum of family weights: a multiple of g
      holdWeight +=
          in.roomWeight[r] < 0
              ? supplyWeight[r]
              : Math.min(in.roomWeight[r] - in.roomWeight[r] % g, supplyWeight[r]);
    }
    long cases = Math.max(forcedCases, totalCases - holdCases);
    long weight = Math.max(forcedWeight, totalWeight - holdWeight);
    long fte = fteFor(group, cases, weight);
    if (fte < 0) {
      return new long[] {fte, cases};
    }
    // The receivers together: the families they hold are one set within their rooms added up.
    long capCases = Math.min(holdCases, totalCases - forcedCases);
    long capUnits = Math.min(holdWeight, totalWeight - forcedWeight) / g;
    long states = (capCases + 1) * (capUnits + 1);
    if (states > MAX_POOLED_STATES) {
      return lagrangian(in, classes, group, g, totalCases, totalWeight, fte, cases);
    }
    int w = (int) capUnits + 1;
    boolean[] reach = new boolean[(int) states];
    reach[0] = true;
    for (FamilyClass c : classes) {
      if (c.eligible.length == 0 || c.eligible[0] == in.r) {
        continue; // only the extra worker may hold it
      }
      long n = c.families.size();
      for (long chunk = 1; n > 0; chunk *= 2) {
        long take = Math.min(chunk, n);
        n -= take;
        int dc = (int) (c.size * take);
        int du = (int) (c.weight / g * take);
        for (int cc = (int) capCases; cc >= dc; cc--) {
          for (int u = (int) capUnits; u >= du; u--) {
            if (!reach[cc * w + u] && reach[(cc - dc) * w + u - du]) {
              reach[cc * w + u] = true;
            }
          }
        }
      }
    }
    long pooledFte = Long.MAX_VALUE;
    for (int s = 0; s < reach.length; s++) {
      if (reach[s]) {
        long f = fteFor(group, totalCases - s / w, totalWeight - (long) (s % w) * g);
        if (f >= 0) {
          pooledFte = Math.min(pooledFte, f);
        }
      }
    }
    if (pooledFte != Long.MAX_VALUE) {
      fte = Math.max(fte, pooledFte);
    }
    // the FTE bound is final here; the case bounds below hold at that FTE
    long[] dual = lagrangian(in, classes, group, g, totalCases, totalWeight, fte, cases);
    fte = dual[0];
    cases = dual[1];
    long pooledCases = Long.MAX_VALUE;
    for (int s = 0; s < reach.length; s++) {
      if (reach[s]) {
        long c = totalCases - s / w;
        long f = fteFor(group, c, totalWeight - (long) (s % w) * g);
        if (f >= 0 && f <= fte) {
          pooledCases = Math.min(pooledCases, c);
        }
      }
    }
    return new long[] {fte, Math.max(cases, pooledCases)};
  }

  /**
   * For every λ = α/(α+β) on a grid: the extra FTE e is at least λ·(its case term) + (1−λ)·(its
   * weight term), and the cases and weight it takes are the totals less what the receivers hold;
   * each receiver holds at most its own best knapsack of the families it may hold (valued by λ,
   * within its rooms), so the sum of those bounds what they hold together. Exact in integers: with
   * the caps per FTE {@code pc = Pc/10^kc} and {@code pw = Pw/10^kw}, {@code e·Pc·Pw ≥
   * 100·10^kc·Pw·C} and {@code e·Pc·Pw ≥ 10^kw·Pc·W}. 0 when a cap per FTE is missing or a
   * receiver's knapsack would be too large.
   */
  private static long[] lagrangian(
      HandoverInstance in,
      List<FamilyClass> classes,
      WorkerGroup group,
      long g,
      long totalCases,
      long totalWeight,
      long fteSoFar,
      long casesSoFar) {
    long[] none = {fteSoFar, casesSoFar};
    if (group.maxCasesPerFte() == null || group.maxWeightedPerFte() == null) {
      return none;
    }
    BigDecimal pc = group.maxCasesPerFte().stripTrailingZeros();
    BigDecimal pw = group.maxWeightedPerFte().stripTrailingZeros();
    int kc = Math.max(0, pc.scale());
    int kw = Math.max(0, pw.scale());
    long bigPc = pc.movePointRight(kc).longValueExact();
    long bigPw = pw.movePointRight(kw).longValueExact();
    long u = HUNDRED * BigDecimal.TEN.pow(kc).longValueExact() * bigPw;
    long v = BigDecimal.TEN.pow(kw).longValueExact() * bigPc;
    // each receiver's most weight (hundredths) for each number of cases it may take
    List<long[]> mostWeight = new ArrayList<>();
    for (int r = 0; r < in.r; r++) {
      List<long[]> items = new ArrayList<>();
      long supplyCases = 0;
      long supplyUnits = 0;
      for (FamilyClass c : classes) {
        if (Arrays.binarySearch(c.eligible, r) < 0) {
          continue;
        }
        long n = c.families.size();
        supplyCases += c.size * n;
        supplyUnits += c.weight / g * n;
        for (long chunk = 1; n > 0; chunk *= 2) {
          long take = Math.min(chunk, n);
          items.add(new long[] {c.size * take, c.weight / g * take});
          n -= take;
        }
      }
      long capCases = in.roomCases[r] < 0 ? supplyCases : Math.min(in.roomCases[r], supplyCases);
      long capUnits =
          in.roomWeight[r] < 0 ? supplyUnits : Math.min(in.roomWeight[r] / g, supplyUnits);
      if ((capCases + 1) * (capUnits + 1) > MAX_STATES) {
        return none;
      }
      int w = (int) capUnits + 1;
      boolean[] reach = new boolean[(int) ((capCases + 1) * w)];
      reach[0] = true;
      for (long[] it : items) {
        int dc = (int) it[0];
        int du = (int) it[1];
        for (int cc = (int) capCases; cc >= dc; cc--) {
          for (int x = (int) capUnits; x >= du; x--) {
            if (reach[(cc - dc) * w + x - du]) {
              reach[cc * w + x] = true;
            }
          }
        }
      }
      long[] most = new long[(int) capCases + 1];
      Arrays.fill(most, -1);
      for (int s = 0; s < reach.length; s++) {
        if (reach[s]) {
          most[s / w] = Math.max(most[s / w], (long) (s % w) * g);
        }
      }
      mostWeight.add(most);
    }
    long best = fteSoFar;
    int steps = 200;
    for (int alpha = 0; alpha <= steps; alpha++) {
      long a = alpha * u;
      long b = (steps - alpha) * v;
      long held = 0;
      for (long[] most : mostWeight) {
        long top = 0;
        for (int c = 0; c < most.length; c++) {
          if (most[c] >= 0) {
            top = Math.max(top, a * c + b * most[c]);
          }
        }
        held += top;
      }
      long need = a * totalCases + b * totalWeight - held;
      if (need > 0) {
        best = Math.max(best, Math.ceilDiv(need, bigPc * bigPw * steps));
      }
    }
    // At that FTE the extra worker holds at most wMax hundredths, so the receivers hold at least
    // totalWeight − wMax: for μ = m/M ≥ 0, C ≥ TC + μ·(TW − wMax) − Σ_r max(c_r + μ·w_r).
    long wMax =
        group
            .maxWeightedPerFte()
            .multiply(BigDecimal.valueOf(best))
            .setScale(0, RoundingMode.FLOOR)
            .longValueExact();
    long need = totalWeight - wMax;
    long leastCases = casesSoFar;
    long scaleM = 10_000;
    for (long m = 0; m <= 1_000 && need > 0; m += 2) {
      long held = 0;
      for (long[] most : mostWeight) {
        long top = 0;
        for (int c = 0; c < most.length; c++) {
          if (most[c] >= 0) {
            top = Math.max(top, scaleM * c + m * most[c]);
          }
        }
        held += top;
      }
      long bound = scaleM * totalCases + m * need - held;
      if (bound > 0) {
        leastCases = Math.max(leastCases, Math.ceilDiv(bound, scaleM));
      }
    }
    return new long[] {best, leastCases};
  }

  /**
   * The least FTE (hundredths) of the extra worker that holds {@code cases} cases weighing {@code
   * weight} hundredths under its group's caps per FTE, as the model counts it (any case needs some
   * FTE); -1 when its fixed case cap is too low.
   */
  static long fteFor(WorkerGroup group, long cases, long weight) {
    if (cases == 0) {
      return 0;
    }
    if (group == null || (group.maxCases() != null && cases > group.maxCases())) {
      return -1;
    }
    long fte = 1;
    if (group.maxCasesPerFte() != null) {
      fte = Math.max(fte, ceilDiv(cases * HUNDRED, group.maxCasesPerFte()));
    }
    if (group.maxWeightedPerFte() != null) {
      fte = Math.max(fte, ceilDiv(weight, group.maxWeightedPerFte()));
    }
    return fte;
  }

  /** The greatest common divisor of the classes' family weights (1 without weight). */
  private static long weightGcd(List<FamilyClass> classes) {
    long g = 0;
    for (FamilyClass c : classes) {
      g = HandoverInstance.gcd(g, c.weight);
    }
    return g == 0 ? 1 : g;
  }

  private static long ceilDiv(long amount, BigDecimal perFte) {
    return BigDecimal.valueOf(amount).divide(perFte, 0, RoundingMode.CEILING).longValueExact();
  }

  /**
   * The best of the greedy fills (least FTE, then fewest cases on the extra worker), or null when
   * none is found (caps on earlier dates, a receiver without caps whose knapsack would be too
   * large, or a family the extra worker may not hold left over).
   */
  static Fill best(HandoverInstance in, List<FamilyClass> classes, WorkerGroup group) {
    if (!in.dateCaps.isEmpty() || group == null) {
      return null;
    }
    Fill best = null;
    // receivers valued by cases first, by weight first, and by cases + μ·weight between
    List<long[]> values = new ArrayList<>();
    values.add(new long[] {1_000_000_000L, 1});
    values.add(new long[] {1, 1_000_000_000L});
    for (long m = 25; m <= 400; m += 25) {
      values.add(new long[] {10_000, m});
    }
    for (long[] value : values) {
      Fill f = fill(in, classes, group, value[0], value[1]);
      if (f != null
          && (best == null
              || f.fte() < best.fte()
              || (f.fte() == best.fte() && f.cases() < best.cases()))) {
        best = f;
      }
    }
    return best;
  }

  /**
   * Fills the receivers one by one, the most restricted first (fewest classes they may hold), each
   * with an exact knapsack over the families left, worth {@code perCase} a case and {@code perW} a
   * hundredth of weight (within their rooms). What is left goes to the extra worker.
   */
  static Fill fill(
      HandoverInstance in, List<FamilyClass> classes, WorkerGroup group, long perCase, long perW) {
    int kn = classes.size();
    long[] left = new long[kn];
    for (int k = 0; k < kn; k++) {
      left[k] = classes.get(k).families.size();
    }
    long g = weightGcd(classes);
    int[] eligibleClasses = new int[in.r];
    for (FamilyClass c : classes) {
      for (int r : c.eligible) {
        if (r < in.r) {
          eligibleClasses[r]++;
        }
      }
    }
    Integer[] order = new Integer[in.r];
    for (int r = 0; r < in.r; r++) {
      order[r] = r;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(eligibleClasses[a], eligibleClasses[b]));
    long[][] counts = new long[kn][in.r + 1];
    for (int r : order) {
      // items: a class's families left, in chunks of powers of two {class, families}
      List<long[]> items = new ArrayList<>();
      long supplyCases = 0;
      long supplyUnits = 0;
      for (int k = 0; k < kn; k++) {
        FamilyClass c = classes.get(k);
        if (left[k] == 0 || Arrays.binarySearch(c.eligible, r) < 0) {
          continue;
        }
        long n = left[k];
        supplyCases += c.size * n;
        supplyUnits += c.weight / g * n;
        for (long chunk = 1; n > 0; chunk *= 2) {
          long take = Math.min(chunk, n);
          items.add(new long[] {k, take});
          n -= take;
        }
      }
      long capCases = in.roomCases[r] < 0 ? supplyCases : Math.min(in.roomCases[r], supplyCases);
      long capUnits =
          in.roomWeight[r] < 0 ? supplyUnits : Math.min(in.roomWeight[r] / g, supplyUnits);
      long states = (capCases + 1) * (capUnits + 1);
      if (states > MAX_STATES) {
        return null;
      }
      int w = (int) capUnits + 1;
      int size = (int) states;
      boolean[] reach = new boolean[size];
      reach[0] = true;
      boolean[][] took = new boolean[items.size()][];
      for (int i = 0; i < items.size(); i++) {
        long[] it = items.get(i);
        FamilyClass c = classes.get((int) it[0]);
        int dc = (int) (c.size * it[1]);
        int du = (int) (c.weight / g * it[1]);
        took[i] = new boolean[size];
        for (int cc = (int) capCases; cc >= dc; cc--) {
          for (int u = (int) capUnits; u >= du; u--) {
            int to = cc * w + u;
            if (!reach[to] && reach[to - dc * w - du]) {
              reach[to] = true;
              took[i][to] = true;
            }
          }
        }
      }
      int at = 0;
      for (int s = 0; s < size; s++) {
        if (reach[s] && better(s, at, w, g, perCase, perW)) {
          at = s;
        }
      }
      for (int i = items.size() - 1; i >= 0 && at != 0; i--) {
        if (!took[i][at]) {
          continue;
        }
        long[] it = items.get(i);
        FamilyClass c = classes.get((int) it[0]);
        counts[(int) it[0]][r] += it[1];
        left[(int) it[0]] -= it[1];
        at -= (int) (c.size * it[1]) * w + (int) (c.weight / g * it[1]);
      }
    }
    long cases = 0;
    long weight = 0;
    for (int k = 0; k < kn; k++) {
      if (left[k] == 0) {
        continue;
      }
      FamilyClass c = classes.get(k);
      if (c.eligible[c.eligible.length - 1] != in.r) {
        return null; // a family the extra worker may not hold is left over
      }
      counts[k][in.r] = left[k];
      cases += c.size * left[k];
      weight += c.weight * left[k];
    }
    long fte = fteFor(group, cases, weight);
    return fte < 0 ? null : new Fill(counts, cases, weight, fte);
  }

  /**
   * Whether state s (cases·w + units of g hundredths) is worth more than state t, valued {@code
   * perCase} a case and {@code perW} a hundredth of weight (ties: more cases, then more weight).
   */
  private static boolean better(int s, int t, int w, long g, long perCase, long perW) {
    long sc = s / w;
    long su = s % w;
    long tc = t / w;
    long tu = t % w;
    long vs = perCase * sc + perW * g * su;
    long vt = perCase * tc + perW * g * tu;
    return vs > vt || (vs == vt && (sc > tc || (sc == tc && su > tu)));
  }
}
