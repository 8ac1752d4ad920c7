package org.safeload.handover;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeload.caseload.Load;

/**
 * A handover plan and what it does, all computed from the assignment (nothing is copied from the
 * solver but the bound).
 *
 * @param status how good the plan is known to be
 * @param assignment case id to receiving worker id, in the cases' input order (empty when {@link
 *     Status#INFEASIBLE} or {@link Status#UNKNOWN})
 * @param receivers each receiver's caseload before and after, in input order
 * @param maxWeightedPerFte the highest weighted caseload per FTE after the plan, over all receivers
 *     (2 dp, half up, as {@link Load#weightedPerFte}); null without a plan
 * @param bound no plan has a lower {@code maxWeightedPerFte} (2 dp); equal to it when {@link
 *     Status#OPTIMAL}; null without a plan
 * @param gap (best − bound) / best for the maximum weighted caseload per FTE (4 dp, rounded up); 0
 *     when the maximum is proven least; null without a plan
 * @param movedFromPreviousWorker cases that go to a worker the child does not know although a
 *     worker it knows (its current or a previous one) is among the receivers
 * @param movedBound no plan with this maximum moves fewer (equal when proven)
 * @param continuityCases cases with a worker they know among the receivers
 * @param balance the plan's {@code Σ W²/F} over the receivers counted for the maximum (W: weighted
 *     load after the plan, F: FTE), in weighted cases² per FTE (2 dp, half up); the third
 *     objective, least when the loads per FTE are as even as the first two allow; null without a
 *     plan
 * @param balanceBound no plan with this maximum and these moves has a lower {@code balance} (2 dp,
 *     rounded down); equal to it when proven; null without a plan
 * @param balanceGap (balance − bound) / balance on the exact values (4 dp, rounded up); 0 when
 *     proven; null without a plan
 * @param unplaced cases that cannot be placed (when {@link Status#INFEASIBLE}), in input order
 * @param extraFteNeeded the least extra capacity, as one experienced social worker's FTE (2 dp),
 *     that would let every case that some worker may hold be placed; null unless infeasible
 * @param explanation why no plan fits, or which stages a feasible plan has not proven; one sentence
 *     a line (empty when optimal)
 * @param solveTime wall-clock time spent in the solver, all stages
 * @param dates case id to the date it moves, in the cases' input order (empty without a plan; a
 *     {@code null} date for an undated plan without a plan date)
 * @param stages the plan stage by stage, by date ascending: one stage for an undated plan (empty
 *     without a plan)
 */
public record HandoverPlan(
    Status status,
    Map<String, String> assignment,
    List<ReceiverLoad> receivers,
    BigDecimal maxWeightedPerFte,
    BigDecimal bound,
    BigDecimal gap,
    int movedFromPreviousWorker,
    int movedBound,
    int continuityCases,
    BigDecimal balance,
    BigDecimal balanceBound,
    BigDecimal balanceGap,
    List<String> unplaced,
    BigDecimal extraFteNeeded,
    List<String> explanation,
    Duration solveTime,
    Map<String, LocalDate> dates,
    List<Stage> stages) {

  public HandoverPlan {
    assignment = Collections.unmodifiableMap(new LinkedHashMap<>(assignment));
    dates = Collections.unmodifiableMap(new LinkedHashMap<>(dates));
    stages = List.copyOf(stages);
    receivers = List.copyOf(receivers);
    unplaced = List.copyOf(unplaced);
    explanation = List.copyOf(explanation);
  }

  /** A plan without dates or stages (as before dated plans). */
  public HandoverPlan(
      Status status,
      Map<String, String> assignment,
      List<ReceiverLoad> receivers,
      BigDecimal maxWeightedPerFte,
      BigDecimal bound,
      BigDecimal gap,
      int movedFromPreviousWorker,
      int movedBound,
      int continuityCases,
      BigDecimal balance,
      BigDecimal balanceBound,
      BigDecimal balanceGap,
      List<String> unplaced,
      BigDecimal extraFteNeeded,
      List<String> explanation,
      Duration solveTime) {
    this(
        status,
        assignment,
        receivers,
        maxWeightedPerFte,
        bound,
        gap,
        movedFromPreviousWorker,
        movedBound,
        continuityCases,
        balance,
        balanceBound,
        balanceGap,
        unplaced,
        extraFteNeeded,
        explanation,
        solveTime,
        Map.of(),
        List.of());
  }

  /** The same plan with its dates and stages. */
  HandoverPlan withStages(Map<String, LocalDate> dates, List<Stage> stages) {
    return new HandoverPlan(
        status,
        assignment,
        receivers,
        maxWeightedPerFte,
        bound,
        gap,
        movedFromPreviousWorker,
        movedBound,
        continuityCases,
        balance,
        balanceBound,
        balanceGap,
        unplaced,
        extraFteNeeded,
        explanation,
        solveTime,
        dates,
        stages);
  }

  /**
   * One stage of a plan: the cases that move on a date and the receivers' loads then.
   *
   * @param date the stage date ({@code null} only for an undated plan without a plan date)
   * @param moves how many cases move on it
   * @param receivers the receivers in post on it, in input order: {@code before} their load before
   *     the stage's moves, {@code after} their load on the date, {@code received} the cases they
   *     get on it
   */
  public record Stage(LocalDate date, int moves, List<ReceiverLoad> receivers) {
    public Stage {
      receivers = List.copyOf(receivers);
    }
  }

  /** How good a plan is known to be. */
  public enum Status {
    /**
     * All three objectives proven best: no plan has a lower maximum, nor fewer moves with it, nor a
     * lower balance with both.
     */
    OPTIMAL,
    /**
     * A plan that keeps every rule, not proven best within the time limit: see the explanation, the
     * bounds and the gaps.
     */
    FEASIBLE,
    /** Proven: no plan keeps every rule. See unplaced, extraFteNeeded and explanation. */
    INFEASIBLE,
    /** No plan was found within the time limit, and none was proven impossible. */
    UNKNOWN;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One receiver's caseload before and after the plan.
   *
   * @param received cases the plan gives them
   */
  public record ReceiverLoad(
      String workerId, String name, BigDecimal fte, Load before, Load after, int received) {

    public BigDecimal weightedPerFteBefore() {
      return before.weightedPerFte(fte);
    }

    public BigDecimal weightedPerFteAfter() {
      return after.weightedPerFte(fte);
    }
  }
}
