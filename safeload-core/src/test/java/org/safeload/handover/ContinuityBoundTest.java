package org.safeload.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safeload.caseload.CaseHolder;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.caseload.Load;
import org.safeload.organisation.Role;
import org.safeload.timeliness.CaseType;

/**
 * Stage 2 on large instances: the knapsack bound on the cases kept with a worker they know ({@link
 * ContinuityStage#keptBound}), the ejection-chain search ({@link ContinuitySearch}) and the plan at
 * the bound.
 */
class ContinuityBoundTest {

  private static final CaseloadPolicy POLICY = CaseloadPolicy.defaultPolicy();

  private static HandoverCase known(String id, String family, CaseType type) {
    return new HandoverCase(id, "CH-" + id, family, type, "MT1", Set.of("A"));
  }

  /**
   * One receiver A known by three families: C1 (one cin, weight 1.00, 1 case kept), F1 (two cp,
   * 3.00, 2 kept) and F2 (two cin, 2.00, 2 kept). By hand, the most kept within a room of: 2.00 →
   * F2 (2); 3.50 → F2 + C1 (3.00 of weight, 3 kept; F1 + C1 would need 4.00); 5.00 → F1 + F2 (4
   * kept; all three would need 6.00). With 6.00, all five.
   */
  @Test
  void knapsackBoundByHand() {
    HandoverPlanner.loadNatives();
    Receiver a =
        new Receiver(
            new CaseHolder("A", "A", null, Role.SOCIAL_WORKER, BigDecimal.ONE, false, 5),
            new Load(0, BigDecimal.ZERO));
    List<HandoverCase> cases =
        List.of(
            known("C1", null, CaseType.CIN),
            known("C2", "F1", CaseType.CP),
            known("C3", "F1", CaseType.CP),
            known("C4", "F2", CaseType.CIN),
            known("C5", "F2", CaseType.CIN));
    HandoverInstance in = new HandoverInstance(cases, List.of(a), POLICY);
    assertThat(in.continuityCases).isEqualTo(5);
    assertThat(ContinuityStage.keptBound(in, new long[] {200})).isEqualTo(2);
    assertThat(ContinuityStage.keptBound(in, new long[] {350})).isEqualTo(3);
    assertThat(ContinuityStage.keptBound(in, new long[] {500})).isEqualTo(4);
    assertThat(ContinuityStage.keptBound(in, new long[] {600})).isEqualTo(5);
    assertThat(ContinuityStage.keptBound(in, new long[] {0})).isZero();
  }

  /**
   * From a plan within the caps, the search keeps every rule (eligible receivers, case caps, the
   * room below the plan's own maximum), never keeps fewer cases with a known worker, and never more
   * than the knapsack bound allows.
   */
  @ParameterizedTest(name = "realistic 500 cases to 100 workers, seed {0}")
  @ValueSource(longs = {1, 2, 3, 4})
  void searchKeepsTheRulesAndOnlyImproves(long seed) {
    HandoverPlanner.loadNatives();
    var inst = HandoverInstances.realistic(500, 100, seed, 8, 18);
    HandoverInstance in = new HandoverInstance(inst.cases(), inst.receivers(), inst.policy());
    int[] start = StartingPlans.withinCaps(in);
    assertThat(start).as("seed %d", seed).isNotNull();
    long max = in.maxUnits(start);
    long[] room = new AssignmentModel(in, max).room;
    int[] plan = ContinuitySearch.improve(in, start, room, System.nanoTime() + 5_000_000_000L);
    long[] given = new long[in.r];
    long[] cases = new long[in.r];
    for (int f = 0; f < plan.length; f++) {
      Family fam = in.families.get(f);
      assertThat(fam.eligible()).as("family %d", f).contains(plan[f]);
      given[plan[f]] += fam.weight();
      cases[plan[f]] += fam.size();
    }
    for (int j = 0; j < in.r; j++) {
      assertThat(given[j]).as("receiver %d", j).isLessThanOrEqualTo(room[j]);
      if (in.roomCases[j] >= 0) {
        assertThat(cases[j]).as("receiver %d", j).isLessThanOrEqualTo(in.roomCases[j]);
      }
    }
    assertThat(in.maxUnits(plan)).isLessThanOrEqualTo(max);
    long kept = in.continuityCases - in.moved(plan);
    assertThat(kept).isGreaterThanOrEqualTo(in.continuityCases - in.moved(start));
    assertThat(kept).isLessThanOrEqualTo(ContinuityStage.keptBound(in, room));
  }

  /**
   * 500 cases to 80 realistic receivers, seed 1: before the knapsack bound, CP-SAT alone proved (in
   * 1.5–3.5 s of stage 2) that the least maximum is 25.50 and that 24 of the 126 cases with a known
   * receiver must move; the planner now proves the same values through the bound.
   */
  @Test
  void largeRealisticInstanceProvenAtTheBound() {
    var inst = HandoverInstances.realistic(500, 80, 1, 8, 18);
    HandoverPlan plan =
        new HandoverPlanner(2)
            .plan(inst.cases(), inst.receivers(), inst.policy(), Duration.ofSeconds(30));
    assertThat(plan.maxWeightedPerFte()).isEqualByComparingTo("25.50");
    assertThat(plan.gap()).isEqualByComparingTo("0");
    assertThat(plan.continuityCases()).isEqualTo(126);
    assertThat(plan.movedFromPreviousWorker()).isEqualTo(24);
    assertThat(plan.movedBound()).isEqualTo(24);
    assertThat(plan.balanceGap()).isLessThanOrEqualTo(new BigDecimal("0.0010"));
  }
}
