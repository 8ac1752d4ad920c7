package org.safeload.handover;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A starting plan for stage 2: from stage 1's plan, gives families to a receiver a child knows by
 * <em>ejection chains</em> of up to three moves, each chain kept only when it keeps more cases with
 * a worker they know and keeps every hard cap and stage 1's maximum (the receiver's room):
 *
 * <ol>
 *   <li>family {@code f} to a receiver {@code j} it knows better than its current one, if it fits;
 *   <li>else a family {@code h} leaves {@code j} for a receiver {@code k} where it fits, making
 *       room;
 *   <li>else, in turn, a family {@code h2} leaves {@code k} for a receiver {@code l} where it fits.
 * </ol>
 *
 * <p>Until no chain improves the plan, or the time given is up. Only a hint: the solver proves or
 * improves it; on the benchmark's realistic instances its plan is usually the optimum, which the
 * solver then only has to prove (its linear relaxation is tight there), instead of searching for it
 * for seconds. Families of one class that know no receiver are interchangeable: only one of them at
 * a receiver is tried as {@code h} or {@code h2}.
 */
final class ContinuitySearch {

  private final HandoverInstance in;
  private final long[] room;
  private final int[] plan;
  private final long[] given;
  private final long[] cases;
  private final List<List<Integer>> at = new ArrayList<>();
  private final int[] classOf;
  private final long deadline;

  private ContinuitySearch(HandoverInstance in, long[] room, int[] plan, long deadline) {
    this.in = in;
    this.room = room;
    this.plan = plan.clone();
    this.deadline = deadline;
    given = new long[in.r];
    cases = new long[in.r];
    for (int j = 0; j < in.r; j++) {
      at.add(new ArrayList<>());
    }
    classOf = new int[in.families.size()];
    for (int k = 0; k < in.classes.size(); k++) {
      for (int f : in.classes.get(k).families) {
        classOf[f] = k;
      }
    }
    for (int f = 0; f < plan.length; f++) {
      Family fam = in.families.get(f);
      given[plan[f]] += fam.weight();
      cases[plan[f]] += fam.size();
      at.get(plan[f]).add(f);
    }
  }

  /**
   * @param room the most hundredths of weight each receiver may be given (caps and stage 1's
   *     maximum)
   * @param deadlineNanos when to stop ({@link System#nanoTime()})
   * @return a plan keeping the caps and the maximum that keeps at least as many cases with a worker
   *     they know as {@code plan}
   */
  static int[] improve(HandoverInstance in, int[] plan, long[] room, long deadlineNanos) {
    ContinuitySearch s = new ContinuitySearch(in, room, plan, deadlineNanos);
    for (int j = 0; j < in.r; j++) {
      if (!s.fits(j)) {
        return plan; // not a plan within the room: nothing to improve from
      }
    }
    boolean improved = true;
    while (improved && System.nanoTime() < deadlineNanos) {
      improved = false;
      for (int f = 0; f < in.families.size() && System.nanoTime() < deadlineNanos; f++) {
        if (in.families.get(f).linked()) {
          improved |= s.improveFamily(f);
        }
      }
    }
    return s.plan;
  }

  private boolean fits(int j) {
    return given[j] <= room[j] && (in.roomCases[j] < 0 || cases[j] <= in.roomCases[j]);
  }

  private void move(int f, int j) {
    Family fam = in.families.get(f);
    int i = plan[f];
    given[i] -= fam.weight();
    cases[i] -= fam.size();
    at.get(i).remove(Integer.valueOf(f));
    given[j] += fam.weight();
    cases[j] += fam.size();
    at.get(j).add(f);
    plan[f] = j;
  }

  /** The families at receiver j worth ejecting: one of each class among those knowing nobody. */
  private List<Integer> candidates(int j, int skip1, int skip2) {
    List<Integer> list = new ArrayList<>();
    Set<Integer> plainClasses = new HashSet<>();
    for (int h : at.get(j)) {
      if (h == skip1 || h == skip2) {
        continue;
      }
      if (in.families.get(h).linked() || plainClasses.add(classOf[h])) {
        list.add(h);
      }
    }
    return list;
  }

  /** The most cases of family f a receiver could keep with a worker they know. */
  private static int bestKnows(Family fam) {
    int best = 0;
    for (int j : fam.eligible()) {
      best = Math.max(best, fam.knows()[j]);
    }
    return best;
  }

  /** Tries one chain giving family f to a receiver it knows better; true if one was kept. */
  private boolean improveFamily(int f) {
    Family fam = in.families.get(f);
    int i = plan[f];
    for (int j : fam.eligible()) {
      int base = fam.knows()[j] - fam.knows()[i];
      if (base <= 0) {
        continue;
      }
      move(f, j);
      if (fits(j) && keepsDateCaps()) {
        return true;
      }
      if (eject(f, j, base)) {
        return true;
      }
      move(f, i);
    }
    return false;
  }

  /** With f just moved to j (over j's room), ejects one family from j (and one more onward). */
  private boolean eject(int f, int j, int base) {
    for (int h : candidates(j, f, -1)) {
      Family fh = in.families.get(h);
      int gainOut = base - fh.knows()[j];
      if (gainOut + bestKnows(fh) <= 0) {
        continue;
      }
      // j must fit once h leaves
      if (given[j] - fh.weight() > room[j]
          || (in.roomCases[j] >= 0 && cases[j] - fh.size() > in.roomCases[j])) {
        continue;
      }
      for (int k : fh.eligible()) {
        int gain = gainOut + fh.knows()[k];
        if (k == j || gain <= 0) {
          continue;
        }
        move(h, k);
        if (fits(k) && fits(j) && keepsDateCaps()) {
          return true;
        }
        if (!fits(k) && fits(j) && ejectOnce(j, k, h, f, gain)) {
          return true;
        }
        move(h, j);
      }
      if (System.nanoTime() >= deadline) {
        return false;
      }
    }
    return false;
  }

  /** With h just moved to k (over k's room), ejects one family h2 from k to a receiver l. */
  private boolean ejectOnce(int j, int k, int h, int f, int gain) {
    for (int h2 : candidates(k, h, f)) {
      Family f2 = in.families.get(h2);
      int gainOut = gain - f2.knows()[k];
      if (gainOut + bestKnows(f2) <= 0) {
        continue;
      }
      if (given[k] - f2.weight() > room[k]
          || (in.roomCases[k] >= 0 && cases[k] - f2.size() > in.roomCases[k])) {
        continue;
      }
      for (int l : f2.eligible()) {
        if (l == k || gainOut + f2.knows()[l] <= 0) {
          continue;
        }
        move(h2, l);
        if (fits(l) && fits(k) && fits(j) && keepsDateCaps()) {
          return true;
        }
        move(h2, k);
      }
    }
    return false;
  }

  private boolean keepsDateCaps() {
    return in.dateCaps.isEmpty() || in.keepsDateCaps(plan);
  }
}
