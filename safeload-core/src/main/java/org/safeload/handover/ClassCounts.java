package org.safeload.handover;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Between the models' counts ({@code counts[class][receiver]}: how many families of a class go to a
 * receiver) and family-by-family plans ({@code plan[family] = receiver index}). Families of one
 * class are given out in input order, receivers in input order, so a plan is reproducible from the
 * counts.
 */
final class ClassCounts {

  private ClassCounts() {}

  /** How many families of each class a plan gives each receiver. */
  static long[][] of(HandoverInstance in, List<FamilyClass> classes, int[] plan) {
    long[][] counts = new long[classes.size()][in.r];
    for (int k = 0; k < classes.size(); k++) {
      for (int f : classes.get(k).families) {
        counts[k][plan[f]]++;
      }
    }
    return counts;
  }

  /**
   * Gives each class's families to receivers by the counts: families in input order, receivers in
   * input order; with {@code preferKnown}, a family that knows a receiver with a count left goes to
   * them first.
   */
  static int[] toPlan(
      HandoverInstance in, List<FamilyClass> classes, long[][] counts, boolean preferKnown) {
    int[] plan = new int[in.families.size()];
    Arrays.fill(plan, -1);
    fill(in, classes, counts, plan, preferKnown);
    return plan;
  }

  /** As {@link #toPlan}, for the families not yet given a receiver ({@code -1}). */
  static void fill(
      HandoverInstance in,
      List<FamilyClass> classes,
      long[][] counts,
      int[] plan,
      boolean preferKnown) {
    for (int k = 0; k < classes.size(); k++) {
      long[] left = counts[k].clone();
      List<Integer> families = new ArrayList<>();
      for (int f : classes.get(k).families) {
        if (plan[f] < 0) {
          families.add(f);
        }
      }
      if (preferKnown) {
        for (int f : families) {
          int[] knows = in.families.get(f).knows();
          int best = -1;
          for (int r = 0; r < in.r; r++) {
            if (left[r] > 0 && knows[r] > 0 && (best < 0 || knows[r] > knows[best])) {
              best = r;
            }
          }
          if (best >= 0) {
            plan[f] = best;
            left[best]--;
          }
        }
      }
      int r = 0;
      for (int f : families) {
        if (plan[f] >= 0) {
          continue;
        }
        while (left[r] == 0) {
          r++;
        }
        plan[f] = r;
        left[r]--;
      }
    }
  }
}
