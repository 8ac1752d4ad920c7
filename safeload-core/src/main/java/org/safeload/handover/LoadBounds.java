package org.safeload.handover;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Bounds on stage 1's objective, the highest weighted load per FTE in units of {@code 1/S}, that
 * hold for every plan of an instance: a simple lower bound, the capacity bound that narrows it
 * (given to the solver as the least value its objective may take), an upper bound, and the levels
 * at which a receiver's room grows (docs/handover.md, "How it is solved").
 */
final class LoadBounds {

  private LoadBounds() {}

  /**
   * No plan is below: the highest current load per FTE, and everyone's load (current and new)
   * spread over everyone's FTE.
   */
  static long lower(HandoverInstance in) {
    long lb = 0;
    long totalW = 0;
    long totalF = 0;
    for (int j = 0; j < in.r; j++) {
      lb = Math.max(lb, in.units(in.weighted[j], j));
      totalW += in.weighted[j];
      totalF += in.fte[j];
    }
    for (Family f : in.families) {
      totalW += f.weight();
    }
    if (totalF > 0) {
      lb = Math.max(lb, Math.ceilDiv(in.scale * totalW, totalF));
    }
    return lb;
  }

  /** Every plan is at or below: all the new weight on any one receiver. */
  static long upper(HandoverInstance in) {
    long totalNew = in.families.stream().mapToLong(Family::weight).sum();
    long ub = 0;
    for (int j = 0; j < in.r; j++) {
      ub = Math.max(ub, in.units(in.weighted[j] + totalNew, j));
    }
    return ub;
  }

  /**
   * The least M in [from, to] that passes a capacity test no plan can beat: at a maximum M,
   * receiver j can take new weight up to (M·F − S·W)/S rounded down to a multiple of the greatest
   * common divisor of the families' weights (a sum of family weights is one) and within their
   * weighted cap; for every set E of receivers that some families are limited to, the families
   * limited to E must fit in E's capacity. Returns {@code to} when none below passes.
   */
  static long rounded(HandoverInstance in, long from, long to) {
    long gcd = in.weightGcd;
    if (gcd == 0 || from >= to) {
      return Math.min(from, to);
    }
    List<Set<Integer>> sets = new ArrayList<>();
    List<Long> demand = new ArrayList<>();
    Set<Set<Integer>> seen = new HashSet<>();
    for (FamilyClass c : in.classes) {
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
      for (FamilyClass c : in.classes) {
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
      if (fitsAt(in, mid, gcd, sets, demand)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  private static boolean fitsAt(
      HandoverInstance in, long m, long gcd, List<Set<Integer>> sets, List<Long> demand) {
    long[] cap = capacities(in, m, gcd);
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

  /**
   * What each receiver can take at a maximum m, in hundredths of weight rounded down to a multiple
   * of {@code gcd}; null: m is too low for someone's current load.
   */
  static long[] capacities(HandoverInstance in, long m, long gcd) {
    long[] cap = new long[in.r];
    for (int j = 0; j < in.r; j++) {
      long room = m * in.fte[j] - in.scale * in.weighted[j];
      if (room < 0) {
        return null;
      }
      long c = room / in.scale;
      if (in.roomWeight[j] >= 0) {
        c = Math.min(c, in.roomWeight[j]);
      }
      if (in.roomCases[j] >= 0) {
        c = Math.min(c, in.roomCases[j] * in.heaviestCase[j]);
      }
      cap[j] = c - c % gcd;
    }
    return cap;
  }

  /** The least maximum above m at which some receiver's capacity grows. */
  static long nextLevel(HandoverInstance in, long m) {
    long gcd = in.weightGcd;
    long[] cap = capacities(in, m, Math.max(gcd, 1));
    long next = Long.MAX_VALUE;
    for (int j = 0; j < in.r; j++) {
      long have = cap == null ? 0 : cap[j];
      next =
          Math.min(
              next, Math.ceilDiv(in.scale * (in.weighted[j] + have + Math.max(gcd, 1)), in.fte[j]));
    }
    return Math.max(next, m + 1);
  }
}
