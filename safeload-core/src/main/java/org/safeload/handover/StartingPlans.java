package org.safeload.handover;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Constructive plans, given to the stage-1 solver as its starting point (a hint: the solver proves
 * or improves them; no answer comes from them alone): a simple plan within the caps, which gives an
 * upper bound, and a knapsack fill of the receivers at a level of the maximum, usually the capacity
 * bound of {@link LoadBounds#rounded}. Each is a family-by-family plan ({@code plan[family] =
 * receiver index}), or null when its rule finds none.
 */
final class StartingPlans {

  private StartingPlans() {}

  /**
   * A plan whose maximum is at most m, if a constructive rule finds one (used as the solver's hint,
   * never as an answer): receivers one by one, the most restricted first (fewest families they may
   * hold), each filled as full as possible below m by an exact knapsack over the families left (by
   * weight, within their case cap); among the fullest fillings it prefers families that know the
   * receiver, then families few receivers may hold, and avoids families that know another receiver.
   */
  static int[] atLevel(HandoverInstance in, long m) {
    int[] plan = atLevel(in, m, true);
    return plan != null ? plan : atLevel(in, m, false);
  }

  /**
   * As {@link #atLevel(HandoverInstance, long)}; with {@code keepKnown}, each family that knows an
   * eligible receiver is first given to the one it knows best while that receiver has room.
   */
  private static int[] atLevel(HandoverInstance in, long m, boolean keepKnown) {
    long gcd = in.weightGcd;
    if (gcd == 0) {
      return new int[0];
    }
    long[] cap = LoadBounds.capacities(in, m, gcd);
    if (cap == null) {
      return null;
    }
    int[] plan = new int[in.families.size()];
    Arrays.fill(plan, -1);
    long[] roomC = in.roomCases.clone();
    if (keepKnown) {
      for (int f = 0; f < in.families.size(); f++) {
        Family fam = in.families.get(f);
        int best = -1;
        for (int j : fam.eligible()) {
          if (fam.knows()[j] > 0
              && cap[j] >= fam.weight()
              && (roomC[j] < 0 || roomC[j] >= fam.size())
              && (best < 0 || fam.knows()[j] > fam.knows()[best])) {
            best = j;
          }
        }
        if (best >= 0) {
          plan[f] = best;
          cap[best] -= fam.weight();
          if (roomC[best] >= 0) {
            roomC[best] -= fam.size();
          }
        }
      }
    }
    int[] eligibleCount = new int[in.r];
    for (Family f : in.families) {
      for (int j : f.eligible()) {
        eligibleCount[j]++;
      }
    }
    Integer[] order = new Integer[in.r];
    for (int j = 0; j < in.r; j++) {
      order[j] = j;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(eligibleCount[a], eligibleCount[b]));
    // the plain families of each class, for the receiver being filled
    Map<Integer, List<Integer>> plainOf = new HashMap<>();
    for (int j : order) {
      int units = (int) Math.min(cap[j] / gcd, 4000);
      int maxCases = (int) (roomC[j] >= 0 ? Math.min(roomC[j], 400) : 400);
      if (units <= 0 || maxCases <= 0) {
        continue;
      }
      // Items: single families (0/1); plain families of a class grouped in powers of two.
      List<int[]> items = new ArrayList<>(); // {weightUnits, cases, score, first, count, class}
      for (int k = 0; k < in.classes.size(); k++) {
        FamilyClass c = in.classes.get(k);
        if (Arrays.binarySearch(c.eligible, j) < 0) {
          continue;
        }
        List<Integer> plainLeft = new ArrayList<>();
        for (int f : c.families) {
          if (plan[f] >= 0) {
            continue;
          }
          Family fam = in.families.get(f);
          int score = 4 * (in.r - c.eligible.length) + c.size;
          if (fam.knows()[j] > 0) {
            items.add(
                new int[] {(int) (c.weight / gcd), c.size, 1000 * fam.knows()[j] + score, f, 1, k});
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
          int score = (4 * (in.r - c.eligible.length) + c.size) * take;
          items.add(
              new int[] {(int) (c.weight / gcd) * take, c.size * take, score, -1 - start, take, k});
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

  /**
   * A plan within the caps, if a simple rule finds one: heaviest families first, each to the
   * eligible receiver with room whose load per FTE after would be lowest.
   */
  static int[] withinCaps(HandoverInstance in) {
    Integer[] order = new Integer[in.families.size()];
    for (int f = 0; f < order.length; f++) {
      order[f] = f;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int byWeight = Long.compare(in.families.get(b).weight(), in.families.get(a).weight());
          return byWeight != 0
              ? byWeight
              : Integer.compare(
                  in.families.get(a).eligible().length, in.families.get(b).eligible().length);
        });
    long[] w = in.weighted.clone();
    long[] roomC = in.roomCases.clone();
    long[] roomW = in.roomWeight.clone();
    int[] plan = new int[in.families.size()];
    for (int f : order) {
      Family fam = in.families.get(f);
      int best = -1;
      for (int j : fam.eligible()) {
        if ((roomC[j] >= 0 && roomC[j] < fam.size())
            || (roomW[j] >= 0 && roomW[j] < fam.weight())) {
          continue;
        }
        // (w[j] + fam.weight()) / in.fte[j] < (w[best] + fam.weight()) / in.fte[best]
        if (best < 0
            || (w[j] + fam.weight()) * in.fte[best] < (w[best] + fam.weight()) * in.fte[j]) {
          best = j;
        }
      }
      if (best < 0) {
        return null;
      }
      plan[f] = best;
      w[best] += fam.weight();
      if (roomC[best] >= 0) {
        roomC[best] -= fam.size();
      }
      if (roomW[best] >= 0) {
        roomW[best] -= fam.weight();
      }
    }
    return plan;
  }
}
