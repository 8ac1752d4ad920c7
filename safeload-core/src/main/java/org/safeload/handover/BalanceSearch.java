package org.safeload.handover;

/**
 * A starting plan for stage 3: from stage 2's plan, moves of one family to another receiver and
 * swaps of two families between receivers, each kept only when it lowers {@code Σ c·w²} and keeps
 * every hard cap, stage 1's maximum (the receiver's room) and stage 2's cases kept with a known
 * worker; until no such move or swap is left, or the time given is up. Only a hint: the solver
 * proves or improves it.
 */
final class BalanceSearch {

  private final HandoverInstance in;
  private final long[] room;
  private final long[] coef;
  private final int[] plan;
  private final long[] w;
  private final long[] cases;
  private long slack;

  /** Cases and hundredths of weight given under each of the instance's date caps. */
  private final long[] capCases;

  private final long[] capWeight;

  private BalanceSearch(HandoverInstance in, long[] room, long[] coef, int[] plan, long kept) {
    this.in = in;
    this.room = room;
    this.coef = coef;
    this.plan = plan.clone();
    w = in.loadsAfter(plan);
    cases = new long[in.r]; // cases given
    for (int f = 0; f < in.families.size(); f++) {
      cases[plan[f]] += in.families.get(f).size();
    }
    slack = kept;
    capCases = new long[in.dateCaps.size()];
    capWeight = new long[in.dateCaps.size()];
    for (int f = 0; f < in.families.size(); f++) {
      Family fam = in.families.get(f);
      for (int k = 0; k < capCases.length; k++) {
        HandoverInstance.DateCap cap = in.dateCaps.get(k);
        if (cap.receiver() == plan[f] && fam.stage() <= cap.stage()) {
          capCases[k] += fam.size();
          capWeight[k] += fam.weight();
        }
      }
    }
  }

  /**
   * Whether receiver j keeps their caps on earlier stage dates when given family {@code given}
   * instead of family {@code taken} (either may be null).
   */
  private boolean keepsDateCaps(int j, Family given, Family taken) {
    for (int k = 0; k < capCases.length; k++) {
      HandoverInstance.DateCap cap = in.dateCaps.get(k);
      if (cap.receiver() != j) {
        continue;
      }
      long c = capCases[k];
      long w = capWeight[k];
      if (given != null && given.stage() <= cap.stage()) {
        c += given.size();
        w += given.weight();
      }
      if (taken != null && taken.stage() <= cap.stage()) {
        c -= taken.size();
        w -= taken.weight();
      }
      if ((cap.cases() >= 0 && c > cap.cases()) || (cap.weight() >= 0 && w > cap.weight())) {
        return false;
      }
    }
    return true;
  }

  /**
   * @param room the most hundredths of weight each receiver may be given
   * @param coef each receiver's coefficient {@code c} of {@code w²}
   * @param keptAtLeast the cases kept with a known worker the plan must keep
   * @param deadlineNanos when to stop ({@link System#nanoTime()})
   */
  static int[] improve(
      HandoverInstance in,
      int[] plan,
      long[] room,
      long[] coef,
      long keptAtLeast,
      long deadlineNanos) {
    long kept = 0;
    for (int f = 0; f < in.families.size(); f++) {
      kept += in.families.get(f).knows()[plan[f]];
    }
    BalanceSearch s = new BalanceSearch(in, room, coef, plan, kept - keptAtLeast);
    if (s.slack < 0) {
      return plan;
    }
    boolean improved = true;
    while (improved && System.nanoTime() < deadlineNanos) {
      improved = s.moves();
      improved |= s.swaps(deadlineNanos);
    }
    return s.plan;
  }

  /** The change of {@code c·w²} when receiver j's load changes by d. */
  private long delta(int j, long d) {
    return coef[j] * (2 * w[j] * d + d * d);
  }

  private boolean fits(int j, long addCases, long addWeight) {
    long given = w[j] - in.weighted[j] + addWeight;
    return given <= room[j] && (in.roomCases[j] < 0 || cases[j] + addCases <= in.roomCases[j]);
  }

  private boolean moves() {
    boolean any = false;
    for (int f = 0; f < in.families.size(); f++) {
      Family fam = in.families.get(f);
      int i = plan[f];
      long out = delta(i, -fam.weight());
      int bestJ = -1;
      long best = 0;
      for (int j : fam.eligible()) {
        if (j == i
            || fam.knows()[j] - fam.knows()[i] + slack < 0
            || !fits(j, fam.size(), fam.weight())
            || !keepsDateCaps(j, fam, null)) {
          continue;
        }
        long change = out + delta(j, fam.weight());
        if (change < best) {
          best = change;
          bestJ = j;
        }
      }
      if (bestJ >= 0) {
        apply(f, bestJ);
        any = true;
      }
    }
    return any;
  }

  private boolean swaps(long deadlineNanos) {
    boolean any = false;
    int n = in.families.size();
    for (int f = 0; f < n && System.nanoTime() < deadlineNanos; f++) {
      Family a = in.families.get(f);
      for (int h = f + 1; h < n; h++) {
        Family b = in.families.get(h);
        int i = plan[f];
        int j = plan[h];
        long d = b.weight() - a.weight(); // i gets b instead of a, j a instead of b
        if (i == j || d == 0 || !eligible(b, i) || !eligible(a, j)) {
          continue;
        }
        int keptChange = a.knows()[j] + b.knows()[i] - a.knows()[i] - b.knows()[j];
        if (keptChange + slack < 0
            || !fits(i, b.size() - a.size(), d)
            || !fits(j, a.size() - b.size(), -d)
            || !keepsDateCaps(i, b, a)
            || !keepsDateCaps(j, a, b)) {
          continue;
        }
        if (delta(i, d) + delta(j, -d) < 0) {
          apply(f, j);
          apply(h, i);
          any = true;
        }
      }
    }
    return any;
  }

  private static boolean eligible(Family fam, int j) {
    for (int e : fam.eligible()) {
      if (e == j) {
        return true;
      }
    }
    return false;
  }

  private void apply(int f, int j) {
    Family fam = in.families.get(f);
    int i = plan[f];
    slack += fam.knows()[j] - fam.knows()[i];
    w[i] -= fam.weight();
    cases[i] -= fam.size();
    w[j] += fam.weight();
    cases[j] += fam.size();
    plan[f] = j;
    for (int k = 0; k < capCases.length; k++) {
      HandoverInstance.DateCap cap = in.dateCaps.get(k);
      if (fam.stage() <= cap.stage() && (cap.receiver() == i || cap.receiver() == j)) {
        long sign = cap.receiver() == j ? 1 : -1;
        capCases[k] += sign * fam.size();
        capWeight[k] += sign * fam.weight();
      }
    }
  }
}
