package org.safeload.timeliness;

import java.util.Arrays;

/**
 * Every item a rule set creates, as columns: which rule, whose case, child, worker and team, the
 * deadline (the last second it can be met, epoch seconds), when it was done (or {@link #NOT_DONE})
 * and its status as of the date evaluated.
 */
public final class KpiItems {

  public static final long NOT_DONE = Long.MIN_VALUE;
  public static final byte MET = 0;
  public static final byte LATE = 1;
  public static final byte OVERDUE = 2;
  public static final byte PENDING = 3;

  int size;
  int[] rule = new int[256];
  int[] caseOf = new int[256];
  int[] childOf = new int[256];
  int[] workerOf = new int[256];
  int[] teamOf = new int[256];
  int[] anchorRow = new int[256];
  long[] deadline = new long[256];
  int[] deadlineDay = new int[256];
  long[] done = new long[256];
  byte[] status = new byte[256];
  boolean[] dueSoon = new boolean[256];

  void add(
      int ruleIndex,
      int caseIdx,
      int child,
      int worker,
      int team,
      int anchor,
      long deadlineSecond,
      long doneSecond,
      byte itemStatus,
      boolean soon) {
    if (size == rule.length) {
      ensure(size * 2);
    }
    int i = size++;
    rule[i] = ruleIndex;
    caseOf[i] = caseIdx;
    childOf[i] = child;
    workerOf[i] = worker;
    teamOf[i] = team;
    anchorRow[i] = anchor;
    deadline[i] = deadlineSecond;
    deadlineDay[i] = London.dayOf(deadlineSecond);
    done[i] = doneSecond;
    status[i] = itemStatus;
    dueSoon[i] = soon;
  }

  private void ensure(int capacity) {
    if (capacity <= rule.length) {
      return;
    }
    rule = Arrays.copyOf(rule, capacity);
    caseOf = Arrays.copyOf(caseOf, capacity);
    childOf = Arrays.copyOf(childOf, capacity);
    workerOf = Arrays.copyOf(workerOf, capacity);
    teamOf = Arrays.copyOf(teamOf, capacity);
    anchorRow = Arrays.copyOf(anchorRow, capacity);
    deadline = Arrays.copyOf(deadline, capacity);
    deadlineDay = Arrays.copyOf(deadlineDay, capacity);
    done = Arrays.copyOf(done, capacity);
    status = Arrays.copyOf(status, capacity);
    dueSoon = Arrays.copyOf(dueSoon, capacity);
  }

  /** The items of each part, one part after another, in arrays of exactly their total size. */
  static KpiItems concat(KpiItems[] parts) {
    if (parts.length == 1) {
      return parts[0];
    }
    int total = 0;
    for (KpiItems part : parts) {
      total += part.size;
    }
    KpiItems all = new KpiItems();
    all.ensure(total);
    for (KpiItems part : parts) {
      all.append(part);
    }
    return all;
  }

  /** Adds another set of items after these. */
  void append(KpiItems other) {
    int n = size + other.size;
    if (n > rule.length) {
      ensure(Math.max(n, rule.length * 2));
    }
    System.arraycopy(other.rule, 0, rule, size, other.size);
    System.arraycopy(other.caseOf, 0, caseOf, size, other.size);
    System.arraycopy(other.childOf, 0, childOf, size, other.size);
    System.arraycopy(other.workerOf, 0, workerOf, size, other.size);
    System.arraycopy(other.teamOf, 0, teamOf, size, other.size);
    System.arraycopy(other.anchorRow, 0, anchorRow, size, other.size);
    System.arraycopy(other.deadline, 0, deadline, size, other.size);
    System.arraycopy(other.deadlineDay, 0, deadlineDay, size, other.size);
    System.arraycopy(other.done, 0, done, size, other.size);
    System.arraycopy(other.status, 0, status, size, other.size);
    System.arraycopy(other.dueSoon, 0, dueSoon, size, other.size);
    size = n;
  }

  public int size() {
    return size;
  }

  public int rule(int i) {
    return rule[i];
  }

  public int caseOf(int i) {
    return caseOf[i];
  }

  public int childOf(int i) {
    return childOf[i];
  }

  public int workerOf(int i) {
    return workerOf[i];
  }

  public int teamOf(int i) {
    return teamOf[i];
  }

  public long deadline(int i) {
    return deadline[i];
  }

  public int deadlineDay(int i) {
    return deadlineDay[i];
  }

  public long done(int i) {
    return done[i];
  }

  public byte status(int i) {
    return status[i];
  }

  public boolean dueSoon(int i) {
    return dueSoon[i];
  }
}
