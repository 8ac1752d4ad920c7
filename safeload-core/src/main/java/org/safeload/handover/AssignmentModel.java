package org.safeload.handover;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The family-level model stages 2 and 3 share: a family that knows a receiver either goes to one it
 * knows (a yes/no variable per such receiver) or joins its class's pool, whose families are
 * interchangeable (counts per receiver); every receiver within their caps and at or below stage 1's
 * maximum. The same optimum as one variable per family and receiver, with far fewer variables.
 */
final class AssignmentModel {

  final HandoverInstance in;
  final CpModel model = new CpModel();

  /** Pool counts per class and receiver (null where the receiver may not take the class). */
  final IntVar[][] n;

  /** {family, receiver, class} of each yes/no variable in {@link #ys}. */
  final List<int[]> keys = new ArrayList<>();

  final List<IntVar> ys = new ArrayList<>();

  /** The cases kept with a worker they know. */
  final LinearExprBuilder kept = LinearExpr.newBuilder();

  /** The hundredths of weight each receiver is given. */
  final LinearExprBuilder[] weighted;

  /** Whether a receiver may be given anything at all. */
  final boolean[] any;

  /** The most hundredths of weight each receiver may be given (caps and the maximum). */
  final long[] room;

  /**
   * @param max stage 1's maximum, in objective units
   */
  AssignmentModel(HandoverInstance in, long max) {
    this.in = in;
    List<FamilyClass> classes = in.classes;
    n = new IntVar[classes.size()][in.r];
    LinearExprBuilder[] cases = new LinearExprBuilder[in.r];
    weighted = new LinearExprBuilder[in.r];
    any = new boolean[in.r];
    room = new long[in.r];
    List<List<IntVar>> vars = new ArrayList<>();
    List<List<FamilyClass>> classOf = new ArrayList<>();
    for (int j = 0; j < in.r; j++) {
      vars.add(new ArrayList<>());
      classOf.add(new ArrayList<>());
      cases[j] = LinearExpr.newBuilder();
      weighted[j] = LinearExpr.newBuilder();
    }
    for (int k = 0; k < classes.size(); k++) {
      FamilyClass c = classes.get(k);
      LinearExprBuilder all = LinearExpr.newBuilder();
      for (int r : c.eligible) {
        n[k][r] = model.newIntVar(0, in.most(c, r), "n" + k + "_" + r);
        all.addTerm(n[k][r], 1);
        cases[r].addTerm(n[k][r], c.size);
        weighted[r].addTerm(n[k][r], c.weight);
        vars.get(r).add(n[k][r]);
        classOf.get(r).add(c);
        any[r] = true;
      }
      for (int f : c.families) {
        Family fam = in.families.get(f);
        LinearExprBuilder atMostOne = LinearExpr.newBuilder();
        boolean linked = false;
        for (int r : fam.eligible()) {
          if (fam.knows()[r] > 0) {
            IntVar y = model.newBoolVar("y" + f + "_" + r);
            keys.add(new int[] {f, r, k});
            ys.add(y);
            atMostOne.addTerm(y, 1);
            all.addTerm(y, 1);
            kept.addTerm(y, fam.knows()[r]);
            cases[r].addTerm(y, c.size);
            weighted[r].addTerm(y, c.weight);
            vars.get(r).add(y);
            classOf.get(r).add(c);
            linked = true;
          }
        }
        if (linked) {
          model.addLessOrEqual(atMostOne, 1);
        }
      }
      model.addEquality(all, c.families.size());
    }
    for (int r = 0; r < in.r; r++) {
      if (!any[r]) {
        continue;
      }
      in.addCaps(model, r, cases[r], weighted[r]);
      in.addDateCaps(model, r, vars.get(r), classOf.get(r));
      // S·(W + new) ≤ max·F, i.e. new ≤ floor((max·F − S·W) / S)
      long belowMax = Math.floorDiv(max * in.fte[r] - in.scale * in.weighted[r], in.scale);
      model.addLessOrEqual(weighted[r], belowMax);
      room[r] = in.roomWeight[r] >= 0 ? Math.min(belowMax, in.roomWeight[r]) : belowMax;
    }
  }

  /** Hints a family-by-family plan: its families at known receivers, the rest as pool counts. */
  void hint(int[] plan) {
    long[][] pool = ClassCounts.of(in, in.classes, plan);
    for (int i = 0; i < keys.size(); i++) {
      int[] key = keys.get(i);
      boolean there = plan[key[0]] == key[1];
      model.addHint(ys.get(i), there ? 1 : 0);
      if (there) {
        pool[key[2]][key[1]]--;
      }
    }
    for (int k = 0; k < in.classes.size(); k++) {
      for (int r = 0; r < in.r; r++) {
        if (n[k][r] != null) {
          model.addHint(n[k][r], pool[k][r]);
        }
      }
    }
  }

  /** The family-by-family plan of a solution. */
  int[] plan(CpSolver solver) {
    List<FamilyClass> classes = in.classes;
    int[] plan = new int[in.families.size()];
    Arrays.fill(plan, -1);
    for (int i = 0; i < keys.size(); i++) {
      if (solver.value(ys.get(i)) == 1) {
        plan[keys.get(i)[0]] = keys.get(i)[1];
      }
    }
    long[][] solved = new long[classes.size()][in.r];
    for (int k = 0; k < classes.size(); k++) {
      for (int r = 0; r < in.r; r++) {
        solved[k][r] = n[k][r] == null ? 0 : solver.value(n[k][r]);
      }
    }
    ClassCounts.fill(in, classes, solved, plan, true);
    return plan;
  }
}
