package org.safeload.handover;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safeload.caseload.CaseHolder;
import org.safeload.caseload.WorkerGroup;
import org.safeload.organisation.Role;
import org.safeload.timeliness.CaseType;

/**
 * When stage 1 proves that no plan keeps every rule: a third model adds one virtual experienced
 * social worker (the policy group of a social worker not in their ASYE), whose caps scale with an
 * FTE variable in steps of 0.01, and minimises that FTE, then the cases it takes. Those cases
 * (among interchangeable families, the last in input order) are the ones that cannot be placed,
 * with the cases no receiver nor the extra worker may hold; the plan says why, one sentence a line.
 */
final class ExtraWorkerStage {

  private static final long HUNDRED = HandoverInstance.HUNDRED;

  /** The virtual worker: an experienced social worker of 1 FTE (its FTE is the model's). */
  private static final CaseHolder EXTRA =
      new CaseHolder(
          "(extra)", "Extra social worker", null, Role.SOCIAL_WORKER, BigDecimal.ONE, false, 99);

  private ExtraWorkerStage() {}

  /** The infeasible plan: unplaced cases, the least extra FTE and the explanation. */
  static HandoverPlan solve(HandoverInstance in, Solving solving) {
    return solve(in, solving, in.families.size() > ContinuityStage.LARGE_FAMILIES);
  }

  /**
   * As {@link #solve(HandoverInstance, Solving)}; with {@code fill}, the receivers are first filled
   * to their caps ({@link ExtraWorkerFill}): a fill that meets the lower bounds on the extra FTE
   * and its cases is the answer, proven without search, and otherwise the solver's starting plan.
   * Without, the solver alone (as on small instances, whose pinned plans it keeps).
   */
  static HandoverPlan solve(HandoverInstance in, Solving solving, boolean fill) {
    WorkerGroup group = group(in);
    List<String> explanation = new ArrayList<>();
    List<Integer> holdable = new ArrayList<>();
    Set<Integer> unholdable = new HashSet<>();
    for (int f = 0; f < in.families.size(); f++) {
      Family fam = in.families.get(f);
      if (extraMay(group, fam)) {
        holdable.add(f);
      } else if (fam.eligible().length == 0) {
        unholdable.add(f);
      } else {
        holdable.add(f);
      }
    }
    List<FamilyClass> classes = classes(in, group, holdable);
    CpSolverStatus status = CpSolverStatus.OPTIMAL;
    BigDecimal extraFte = null;
    List<Integer> onExtra = new ArrayList<>();
    if (!classes.isEmpty()) {
      long totalCases = 0;
      long totalWeight = 0;
      for (int f : holdable) {
        totalCases += in.families.get(f).size();
        totalWeight += in.families.get(f).weight();
      }
      long maxFte = HUNDRED;
      if (group != null && group.maxCasesPerFte() != null) {
        maxFte = Math.max(maxFte, ceilDiv(totalCases * HUNDRED, group.maxCasesPerFte()) + HUNDRED);
      }
      if (group != null && group.maxWeightedPerFte() != null) {
        maxFte = Math.max(maxFte, ceilDiv(totalWeight, group.maxWeightedPerFte()) + HUNDRED);
      }
      double[] left = {solving.limit()};
      long[][] counts = null;
      long fte = 0;
      long[] bound = {0, 0};
      ExtraWorkerFill.Fill start = null;
      int firstPass = 0;
      if (fill) {
        bound = ExtraWorkerFill.lowerBound(in, classes, group);
        start = ExtraWorkerFill.best(in, classes, group);
        if (start != null && start.fte() == bound[0]) {
          // the least FTE is proven by the bound; so are the fewest cases if the fill meets theirs
          fte = start.fte();
          counts = start.counts();
          firstPass = start.cases() == bound[1] ? 2 : 1;
        }
        if (Solving.DEBUG) {
          System.err.printf(
              "extra worker: bound %d FTE/100, %d cases; fill %s%n",
              bound[0],
              bound[1],
              start == null ? "none" : start.fte() + " FTE/100, " + start.cases() + " cases");
        }
      }
      for (int pass = firstPass; pass < 2; pass++) {
        CpModel model = new CpModel();
        IntVar e = model.newIntVar(Math.max(0, Math.min(bound[0], maxFte)), maxFte, "extraFte");
        IntVar[][] n = new IntVar[classes.size()][in.r + 1];
        LinearExprBuilder extraCases = LinearExpr.newBuilder();
        LinearExprBuilder extraWeight = LinearExpr.newBuilder();
        for (int k = 0; k < classes.size(); k++) {
          FamilyClass c = classes.get(k);
          LinearExprBuilder all = LinearExpr.newBuilder();
          for (int r : c.eligible) {
            long most = r == in.r ? c.families.size() : in.most(c, r);
            n[k][r] = model.newIntVar(0, most, "n" + k + "_" + r);
            all.addTerm(n[k][r], 1);
            if (r == in.r) {
              extraCases.addTerm(n[k][r], c.size);
              extraWeight.addTerm(n[k][r], c.weight);
              // nothing on the extra worker without some FTE
              model.addLessOrEqual(
                  LinearExpr.newBuilder().addTerm(n[k][r], 1).addTerm(e, -c.families.size()), 0);
            }
          }
          model.addEquality(all, c.families.size());
        }
        for (int r = 0; r < in.r; r++) {
          LinearExprBuilder cases = LinearExpr.newBuilder();
          LinearExprBuilder weighted = LinearExpr.newBuilder();
          List<IntVar> vars = new ArrayList<>();
          List<FamilyClass> classOf = new ArrayList<>();
          for (int k = 0; k < classes.size(); k++) {
            if (n[k][r] != null) {
              cases.addTerm(n[k][r], classes.get(k).size);
              weighted.addTerm(n[k][r], classes.get(k).weight);
              vars.add(n[k][r]);
              classOf.add(classes.get(k));
            }
          }
          in.addCaps(model, r, cases, weighted);
          in.addDateCaps(model, r, vars, classOf);
        }
        if (group != null) {
          IntVar onExtraCases = model.newIntVar(0, totalCases, "extraCases");
          IntVar onExtraWeight = model.newIntVar(0, totalWeight, "extraWeight");
          model.addEquality(extraCases, onExtraCases);
          model.addEquality(extraWeight, onExtraWeight);
          if (group.maxCases() != null) {
            model.addLessOrEqual(onExtraCases, group.maxCases());
          }
          perFteCap(model, onExtraCases, 1, group.maxCasesPerFte(), e);
          perFteCap(model, onExtraWeight, HUNDRED, group.maxWeightedPerFte(), e);
        }
        if (pass == 0) {
          model.minimize(e);
          if (start != null) {
            // the fill as the starting plan
            model.addHint(e, start.fte());
            for (int k = 0; k < classes.size(); k++) {
              for (int r = 0; r <= in.r; r++) {
                if (n[k][r] != null) {
                  model.addHint(n[k][r], start.counts()[k][r]);
                }
              }
            }
          }
        } else {
          model.addEquality(e, fte);
          model.minimize(extraCases);
          if (fill && fte == bound[0]) {
            // at the bound's FTE, the bound on its cases holds too
            model.addGreaterOrEqual(extraCases, bound[1]);
          }
          if (fill || in.families.size() > ContinuityStage.LARGE_FAMILIES) {
            // large instances: pass 0's plan, which has that FTE, as the starting point
            for (int k = 0; k < classes.size(); k++) {
              for (int r = 0; r <= in.r; r++) {
                if (n[k][r] != null) {
                  model.addHint(n[k][r], counts[k][r]);
                }
              }
            }
          }
        }
        CpSolver solver = solving.solver(left[0] / (pass == 0 ? 2 : 1), in);
        long t = System.nanoTime();
        status = solver.solve(model);
        left[0] = Math.max(0.1, left[0] - (System.nanoTime() - t) / 1e9);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
          break;
        }
        if (pass == 0) {
          fte = solver.value(e);
          if (status != CpSolverStatus.OPTIMAL) {
            explanation.add(
                "The extra FTE below was not proven least within the time limit: allow more time.");
          }
        }
        counts = new long[classes.size()][in.r + 1];
        for (int k = 0; k < classes.size(); k++) {
          for (int r = 0; r <= in.r; r++) {
            counts[k][r] = n[k][r] == null ? 0 : solver.value(n[k][r]);
          }
        }
      }
      if (counts != null) {
        extraFte = BigDecimal.valueOf(fte, 2);
        for (int k = 0; k < classes.size(); k++) {
          List<Integer> families = classes.get(k).families;
          long take = counts[k][in.r];
          // the latest families of a class in input order are the ones left over
          for (int i = families.size() - (int) take; i < families.size(); i++) {
            onExtra.add(families.get(i));
          }
        }
      } else if (status == CpSolverStatus.INFEASIBLE) {
        explanation.add(
            "Not even an extra social worker of any FTE would make the cases fit (their policy"
                + " group's fixed caps are too low).");
      } else {
        explanation.add(
            "No plan fits, and the extra capacity needed was not found within the time limit:"
                + " allow more time.");
      }
    }
    List<Integer> unplacedFamilies = new ArrayList<>(onExtra);
    unplacedFamilies.addAll(unholdable);
    Set<Integer> unplacedSet = new HashSet<>(unplacedFamilies);
    List<String> unplaced = new ArrayList<>();
    List<String> extraCases = new ArrayList<>();
    for (int i = 0; i < in.cases.size(); i++) {
      int f = in.familyOfCase[i];
      if (unplacedSet.contains(f)) {
        unplaced.add(in.cases.get(i).caseId());
        if (!unholdable.contains(f)) {
          extraCases.add(in.cases.get(i).caseId());
        }
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        "No plan keeps every rule: "
            + unplaced.size()
            + " of "
            + in.cases.size()
            + " cases cannot be placed with the receivers' capacity.");
    if (extraFte != null && !extraCases.isEmpty()) {
      lines.add(
          "One more experienced social worker of "
              + extraFte.toPlainString()
              + " FTE ("
              + group.name()
              + ") would take "
              + String.join(", ", extraCases)
              + " and every rule would hold; no less FTE would do.");
    }
    for (int f : unholdable) {
      Family fam = in.families.get(f);
      List<String> ids = new ArrayList<>();
      for (int i : fam.cases()) {
        ids.add(in.cases.get(i).caseId());
      }
      lines.add(
          "No receiver may hold "
              + String.join(", ", ids)
              + " ("
              + String.join(", ", fam.types().stream().map(CaseType::code).sorted().toList())
              + (fam.size() > 1 ? ", one family" : "")
              + "), nor could an extra social worker: more FTE cannot help.");
    }
    lines.addAll(explanation);
    return PlanAssembly.noPlan(
        in, HandoverPlan.Status.INFEASIBLE, unplaced, extraFte, lines, solving.elapsed());
  }

  /** The extra worker's policy group (null: no group covers it). */
  static WorkerGroup group(HandoverInstance in) {
    return in.policy.groupOf(EXTRA);
  }

  /** The families that a receiver or the extra worker may hold (input order). */
  static List<Integer> holdable(HandoverInstance in, WorkerGroup group) {
    List<Integer> holdable = new ArrayList<>();
    for (int f = 0; f < in.families.size(); f++) {
      Family fam = in.families.get(f);
      if (extraMay(group, fam) || fam.eligible().length > 0) {
        holdable.add(f);
      }
    }
    return holdable;
  }

  /** Classes of the holdable families, with the virtual worker as receiver index {@code in.r}. */
  static List<FamilyClass> classes(HandoverInstance in, WorkerGroup group, List<Integer> holdable) {
    List<FamilyClass> classes = new ArrayList<>();
    Map<List<Object>, FamilyClass> byKey = new LinkedHashMap<>();
    for (int f : holdable) {
      Family fam = in.families.get(f);
      int[] eligible = fam.eligible();
      if (extraMay(group, fam)) {
        eligible = Arrays.copyOf(eligible, eligible.length + 1);
        eligible[eligible.length - 1] = in.r;
      }
      int[] e = eligible;
      FamilyClass c =
          byKey.computeIfAbsent(
              List.of(fam.size(), fam.weight(), Arrays.toString(e), fam.stage()),
              key -> {
                FamilyClass created = new FamilyClass(fam.size(), fam.weight(), e, fam.stage());
                classes.add(created);
                return created;
              });
      c.families.add(f);
    }
    return classes;
  }

  /** Whether the extra worker's policy group (null: none) may hold the whole family. */
  private static boolean extraMay(WorkerGroup group, Family fam) {
    return group != null
        && fam.types().stream().noneMatch(group.excludedTypes()::contains)
        && (group.maxCases() == null || fam.size() <= group.maxCases());
  }

  /**
   * amount / unit ≤ perFte × e / 100: a cap per FTE on an amount counted in units of 1/unit (1 for
   * cases, 100 for hundredths of weight), with e in hundredths of FTE.
   */
  private static void perFteCap(
      CpModel model, IntVar amount, long unit, BigDecimal perFte, IntVar e) {
    if (perFte == null) {
      return;
    }
    // amount/unit ≤ perFte·e/100  ⇔  amount·100·10^k ≤ (perFte·10^k)·unit·e
    int k = Math.max(0, perFte.stripTrailingZeros().scale());
    long scaled = perFte.movePointRight(k).longValueExact();
    long factor = HUNDRED * BigDecimal.TEN.pow(k).longValueExact();
    model.addLessOrEqual(
        LinearExpr.newBuilder().addTerm(amount, factor).addTerm(e, -scaled * unit), 0);
  }

  /** ceil(amount / perFte) for an amount in hundredths: hundredths of FTE needed. */
  private static long ceilDiv(long amount, BigDecimal perFte) {
    return BigDecimal.valueOf(amount).divide(perFte, 0, RoundingMode.CEILING).longValueExact();
  }
}
