package org.safeload.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeload.handover.HandoverPlannerTest.POLICY;
import static org.safeload.handover.HandoverPlannerTest.asye;
import static org.safeload.handover.HandoverPlannerTest.handover;
import static org.safeload.handover.HandoverPlannerTest.worker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeload.handover.PlanCheck.Breach;
import org.safeload.handover.PlanCheck.Rule;
import org.safeload.timeliness.CaseType;

/** Each breach of an assignment, named for a caller that words it for people. */
class PlanCheckTest {

  /**
   * By hand (default policy: an ASYE worker may not hold cp and holds at most 15 cases). N (ASYE)
   * holds 14 cases; S holds 12. q1 (cp) and q2 (cin) to N: N ends with 16 cases, over the cap of
   * 15, and may not hold q1. q3 and q4 are siblings (F1), split between N and S. q5 goes to X, who
   * is not a receiver; q6 to nobody.
   */
  @Test
  void everyBreachIsNamed() {
    List<Receiver> receivers = List.of(asye("N", "1.0", 14, "14"), worker("S", "1.0", 12, "12"));
    List<HandoverCase> cases =
        List.of(
            handover("q1", null, CaseType.CP),
            handover("q2", null, CaseType.CIN),
            handover("q3", "F1", CaseType.CIN),
            handover("q4", "F1", CaseType.CIN),
            handover("q5", null, CaseType.CIN),
            handover("q6", null, CaseType.CIN));
    Map<String, String> assignment = new LinkedHashMap<>();
    assignment.put("q1", "N");
    assignment.put("q2", "N");
    assignment.put("q3", "S");
    assignment.put("q4", "N");
    assignment.put("q5", "X");

    PlanCheck.Breaches b = PlanCheck.check(cases, receivers, POLICY, assignment);

    assertThat(b.capsExceeded()).isEqualTo(1);
    assertThat(b.excludedTypesHeld()).isEqualTo(1);
    assertThat(b.familiesSplit()).isEqualTo(1);
    assertThat(b.unassigned()).isEqualTo(2);
    assertThat(b.each())
        .containsExactly(
            new Breach(Rule.EXCLUDED_TYPE, "q1", "N", null, null),
            new Breach(Rule.UNASSIGNED, "q5", "X", null, null),
            new Breach(Rule.UNASSIGNED, "q6", null, null, null),
            new Breach(Rule.FAMILY_SPLIT, null, null, "F1", null),
            // 14 + q1, q2, q4 = 17 cases.
            new Breach(Rule.CAP, null, "N", null, "17 cases would be over the cap of 15"));
    assertThat(b.details()).hasSize(5);
  }
}
