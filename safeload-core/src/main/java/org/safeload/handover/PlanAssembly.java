package org.safeload.handover;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.caseload.Load;

/**
 * Turns what the stages found into a {@link HandoverPlan}: every figure computed from the
 * assignment (loads before and after, the highest load per FTE, the cases moved), with the bound
 * and gap from the solver's proven lower bound; the plan without an assignment; and a plan solved
 * without the receivers who could take nothing, with them put back unchanged.
 */
final class PlanAssembly {

  private PlanAssembly() {}

  /**
   * A plan from a family-by-family assignment.
   *
   * @param lowerUnits no plan has a lower maximum, in objective units
   * @param bestUnits this plan's maximum, in objective units
   * @param movedBound no plan with this maximum moves fewer cases
   * @param balanceBound with {@code balanceDenominator}: no plan keeping the first two objectives
   *     has a lower balance (both null when stage 3 did not run)
   * @param explanation which stages are not proven, one sentence each (empty when optimal)
   */
  static HandoverPlan planned(
      HandoverInstance in,
      HandoverPlan.Status status,
      int[] plan,
      long lowerUnits,
      long bestUnits,
      int movedBound,
      BigInteger balanceBound,
      BigInteger balanceDenominator,
      List<String> explanation,
      Duration time) {
    int r = in.r;
    Map<String, String> assignment = new LinkedHashMap<>();
    Load[] after = new Load[r];
    int[] received = new int[r];
    for (int j = 0; j < r; j++) {
      after[j] = in.receivers.get(j).current();
    }
    for (int i = 0; i < in.cases.size(); i++) {
      int j = plan[in.familyOfCase[i]];
      HandoverCase c = in.cases.get(i);
      assignment.put(c.caseId(), in.receivers.get(j).id());
      after[j] = after[j].plus(in.policy.weight(c.type()));
      received[j]++;
    }
    List<HandoverPlan.ReceiverLoad> loads = new ArrayList<>();
    BigDecimal max = null;
    BigDecimal exactMax = null;
    for (int j = 0; j < r; j++) {
      Receiver rec = in.receivers.get(j);
      HandoverPlan.ReceiverLoad load =
          new HandoverPlan.ReceiverLoad(
              rec.id(),
              rec.holder().name(),
              rec.holder().fte(),
              rec.current(),
              after[j],
              received[j]);
      loads.add(load);
      BigDecimal perFte = load.weightedPerFteAfter();
      max = max == null || perFte.compareTo(max) > 0 ? perFte : max;
      BigDecimal exact = after[j].weighted().divide(rec.holder().fte(), 12, RoundingMode.HALF_UP);
      exactMax = exactMax == null || exact.compareTo(exactMax) > 0 ? exact : exactMax;
    }
    BigDecimal bound;
    BigDecimal gap;
    if (r == 0) {
      bound = null;
      gap = null;
    } else if (lowerUnits >= bestUnits) {
      bound = max;
      gap = BigDecimal.ZERO.setScale(4);
    } else {
      // Every plan has M ≥ lower, so its maximum is above (lower − 1)/S.
      BigDecimal exactBound =
          BigDecimal.valueOf(lowerUnits - 1)
              .divide(BigDecimal.valueOf(in.scale), 12, RoundingMode.DOWN);
      bound = exactBound.setScale(2, RoundingMode.HALF_UP).min(max);
      gap =
          exactMax.signum() == 0
              ? BigDecimal.ZERO.setScale(4)
              : exactMax
                  .subtract(exactBound)
                  .max(BigDecimal.ZERO)
                  .divide(exactMax, 4, RoundingMode.UP);
    }
    // Σ W²/F = numerator / (100·L), exactly
    BigInteger numerator = in.balanceNumerator(plan);
    BigInteger denominator = in.fteLcm().multiply(BigInteger.valueOf(HandoverInstance.HUNDRED));
    BigDecimal balance = ratio(numerator, denominator, 2, RoundingMode.HALF_UP);
    BigDecimal balanceBoundOut = null;
    BigDecimal balanceGap = null;
    if (balanceBound != null) {
      // compare a/b with c/d as a·d with c·b
      BigInteger best = numerator.multiply(balanceDenominator);
      BigInteger lower = balanceBound.multiply(denominator);
      if (lower.compareTo(best) >= 0) {
        balanceBoundOut = balance;
        balanceGap = BigDecimal.ZERO.setScale(4);
      } else {
        balanceBoundOut =
            ratio(balanceBound.max(BigInteger.ZERO), balanceDenominator, 2, RoundingMode.FLOOR)
                .min(balance);
        balanceGap = ratio(best.subtract(lower.max(BigInteger.ZERO)), best, 4, RoundingMode.UP);
      }
    }
    return new HandoverPlan(
        status,
        assignment,
        loads,
        max,
        bound,
        gap,
        in.moved(plan),
        movedBound,
        in.continuityCases,
        balance,
        balanceBoundOut,
        balanceGap,
        List.of(),
        null,
        explanation,
        time);
  }

  private static BigDecimal ratio(BigInteger a, BigInteger b, int scale, RoundingMode rounding) {
    return new BigDecimal(a).divide(new BigDecimal(b), scale, rounding);
  }

  /** A plan without an assignment ({@code infeasible} or {@code unknown}): every load unchanged. */
  static HandoverPlan noPlan(
      HandoverInstance in,
      HandoverPlan.Status status,
      List<String> unplaced,
      BigDecimal extraFte,
      List<String> explanation,
      Duration time) {
    List<HandoverPlan.ReceiverLoad> loads = new ArrayList<>();
    for (Receiver rec : in.receivers) {
      loads.add(unchanged(rec));
    }
    return new HandoverPlan(
        status,
        Map.of(),
        loads,
        null,
        null,
        null,
        0,
        0,
        in.continuityCases,
        null,
        null,
        null,
        unplaced,
        extraFte,
        explanation,
        time);
  }

  /**
   * A plan solved for the {@code open} receivers only, with every receiver listed in input order
   * (the others unchanged). A child who knows only receivers left out loses that worker whatever
   * the plan: they count, the same for every plan, so the solved counts shift by a constant.
   */
  static HandoverPlan withReceiversLeftOut(
      HandoverPlan plan, List<HandoverCase> cases, List<Receiver> receivers, List<Receiver> open) {
    Map<String, HandoverPlan.ReceiverLoad> solved = new HashMap<>();
    plan.receivers().forEach(l -> solved.put(l.workerId(), l));
    List<HandoverPlan.ReceiverLoad> all = new ArrayList<>();
    for (Receiver r : receivers) {
      all.add(solved.getOrDefault(r.id(), unchanged(r)));
    }
    Set<String> openIds = new HashSet<>();
    open.forEach(r -> openIds.add(r.id()));
    int onlyFull = 0;
    for (HandoverCase c : cases) {
      boolean knowsFull = false;
      boolean knowsOpen = false;
      for (Receiver r : receivers) {
        if (c.knows(r.id())) {
          knowsOpen |= openIds.contains(r.id());
          knowsFull |= !openIds.contains(r.id());
        }
      }
      if (knowsFull && !knowsOpen) {
        onlyFull++;
      }
    }
    boolean placed = plan.maxWeightedPerFte() != null;
    return new HandoverPlan(
        plan.status(),
        plan.assignment(),
        all,
        plan.maxWeightedPerFte(),
        plan.bound(),
        plan.gap(),
        plan.movedFromPreviousWorker() + (placed ? onlyFull : 0),
        plan.movedBound() + (placed ? onlyFull : 0),
        plan.continuityCases() + onlyFull,
        plan.balance(),
        plan.balanceBound(),
        plan.balanceGap(),
        plan.unplaced(),
        plan.extraFteNeeded(),
        plan.explanation(),
        plan.solveTime());
  }

  /**
   * The plan with each case's date and its stages: on each stage date, the cases that move then and
   * the loads of the receivers in post on it (before: after the earlier stages). A plan without an
   * assignment ({@code infeasible}, {@code unknown}) gets none.
   */
  static HandoverPlan withStages(
      HandoverPlan plan,
      List<HandoverCase> cases,
      List<Receiver> receivers,
      CaseloadPolicy policy,
      Timeline timeline) {
    if (plan.status() == HandoverPlan.Status.INFEASIBLE
        || plan.status() == HandoverPlan.Status.UNKNOWN) {
      return plan;
    }
    Map<String, LocalDate> dates = new LinkedHashMap<>();
    for (HandoverCase c : cases) {
      dates.put(c.caseId(), timeline.dates.get(timeline.stageOfCase.get(c.caseId())));
    }
    Map<String, Load> load = new HashMap<>();
    receivers.forEach(r -> load.put(r.id(), r.current()));
    List<HandoverPlan.Stage> stages = new ArrayList<>();
    for (int s = 0; s <= timeline.last(); s++) {
      LocalDate date = timeline.dates.get(s);
      Map<String, Load> before = new HashMap<>(load);
      Map<String, Integer> received = new HashMap<>();
      int moves = 0;
      for (HandoverCase c : cases) {
        String to = plan.assignment().get(c.caseId());
        if (to != null && timeline.stageOfCase.get(c.caseId()) == s && load.containsKey(to)) {
          load.put(to, load.get(to).plus(policy.weight(c.type())));
          received.merge(to, 1, Integer::sum);
          moves++;
        }
      }
      List<HandoverPlan.ReceiverLoad> loads = new ArrayList<>();
      for (Receiver r : receivers) {
        if (r.inPostOn(date)) {
          loads.add(
              new HandoverPlan.ReceiverLoad(
                  r.id(),
                  r.holder().name(),
                  r.holder().fte(),
                  before.get(r.id()),
                  load.get(r.id()),
                  received.getOrDefault(r.id(), 0)));
        }
      }
      stages.add(new HandoverPlan.Stage(date, moves, loads));
    }
    return plan.withStages(dates, stages);
  }

  private static HandoverPlan.ReceiverLoad unchanged(Receiver r) {
    return new HandoverPlan.ReceiverLoad(
        r.id(), r.holder().name(), r.holder().fte(), r.current(), r.current(), 0);
  }
}
