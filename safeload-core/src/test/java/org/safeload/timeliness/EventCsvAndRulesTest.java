package org.safeload.timeliness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeload.document.DocumentException;
import org.safeload.document.FieldProblem;

class EventCsvAndRulesTest {

  private static final String HEADER =
      "event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date\n";

  @Test
  void everyBadRowIsReportedWithItsLineAndField() {
    EventCsv.Result result =
        EventCsv.read(
            new StringReader(
                HEADER
                    + "e1,2024-03-01T09:00,allocated,C1,K1,,T1,,,\n"
                    + "e2,01/03/2024,visit,C1,K1,W1,T1,maybe,,\n"
                    + "e3,2024-03-01T10:00,phone-call,C1,K1,W1,T1,,,\n"
                    + "e1,2024-03-01T11:00,visit-write-up,C1,K1,W1,T1,,nope,\n"
                    + "e5,2024-03-01T12:00,document-submitted,C1,K1,W1,T1,report,,soon\n"
                    + "e6,2024-03-01T12:00,supervision,,,,T1,,,\n"));
    assertThat(result.log()).isNull();
    assertThat(result.problems())
        .extracting(p -> p.line() + " " + p.field())
        .containsExactly(
            "2 worker_id",
            "3 occurred_at",
            "3 detail",
            "4 type",
            "5 event_id",
            "5 ref",
            "6 due_date",
            "7 worker_id");
    assertThat(result.problems().get(1).message())
        .contains("2022-05-03T14:30")
        .contains("01/03/2024");
  }

  @Test
  void aWriteUpMustReferToAVisitOnTheSameCase() {
    EventCsv.Result result =
        EventCsv.read(
            new StringReader(
                HEADER
                    + "m1,2024-03-01T09:00,meeting,C1,K1,W1,T1,core-group,,\n"
                    + "v1,2024-03-01T09:00,visit,C2,K2,W1,T1,seen,,\n"
                    + "w1,2024-03-02T09:00,visit-write-up,C1,K1,W1,T1,,m1,\n"
                    + "w2,2024-03-02T09:00,visit-write-up,C1,K1,W1,T1,,v1,\n"));
    assertThat(result.problems())
        .extracting(FieldProblem::message)
        .containsExactly("Event m1 is a meeting, not a visit", "Event v1 is on another case");
  }

  @Test
  void aGoodFileLoadsEveryRow() {
    EventCsv.Result result =
        EventCsv.read(
            new StringReader(
                "\uFEFF"
                    + HEADER
                    + "v1,2024-03-01T09:00,visit,C1,K1,W1,T1,seen,,\n"
                    + "w1,2024-03-02T09:00,visit-write-up,C1,K1,W1,T1,,v1,\n"));
    assertThat(result.problems()).isEmpty();
    assertThat(result.log().size()).isEqualTo(2);
    assertThat(result.log().cases().size()).isEqualTo(1);
  }

  @Test
  void theBuiltInSetsHaveTheirRules() {
    assertThat(KpiRuleSet.builtIn("contract").rules())
        .extracting(KpiRule::id)
        .containsExactly(
            "oversight-24h",
            "seen-5wd",
            "write-up-48h",
            "review-4w",
            "minutes-72h",
            "documents-3wd",
            "supervision-4w");
    assertThat(KpiRuleSet.builtIn("statutory").rules())
        .extracting(KpiRule::id)
        .containsExactly(
            "referral-decision-1wd",
            "assessment-45wd",
            "icpc-15wd",
            "rcpc-3m-then-6m",
            "cp-visit-10wd",
            "cla-visit-6w");
  }

  @Test
  void aCouncilCopiesASetAndEditsIt() {
    // A local standard: CP visits every 15 working days instead of 10.
    String edited =
        KpiRuleSet.builtInText("statutory")
            .replace("id: statutory", "id: northbridge")
            .replace("every: {workingDays: 10}", "every: {workingDays: 15}");
    KpiRuleSet set = KpiRuleSet.read(edited);
    assertThat(set.id()).isEqualTo("northbridge");
    assertThat(
            set.rules().stream()
                .filter(r -> r.id().equals("cp-visit-10wd"))
                .findFirst()
                .orElseThrow()
                .window())
        .isEqualTo(new KpiRule.Window(KpiRule.Unit.WORKING_DAYS, 15));
  }

  @Test
  void aBadRuleSetNamesItsLinesAndFields() {
    assertThatThrownBy(
            () ->
                KpiRuleSet.read(
                    """
                    id: bad
                    rules:
                      - id: r1
                        anchor: {type: allocation}
                        target: {type: visit}
                        within: {fortnights: 1}
                      - id: r2
                        target: {type: visit}
                        every: {weeks: 0}
                    """))
        .isInstanceOf(DocumentException.class)
        .satisfies(
            e ->
                assertThat(((DocumentException) e).problems())
                    .extracting(p -> p.line() + " " + p.field())
                    .contains(
                        "4 rules[0].anchor.type",
                        "6 rules[0].within.fortnights",
                        "9 rules[1].every.weeks",
                        "7 rules[1].whileCaseType"));
  }

  @Test
  void aRuleMayAimForAShareOnTimeAndAWindowNeedsItsLength() {
    KpiRuleSet set =
        KpiRuleSet.read(
            """
            id: aims
            rules:
              - id: seen
                anchor: {type: allocated}
                target: {type: visit, detail: [seen]}
                within: {workingDays: 5}
                goal: 97.5
              - id: supervision
                scope: worker
                target: {type: supervision}
                every: {weeks: 4}
            """);
    // Found by the long fuzz campaign (seed 744433718, input 376933): a scope that is not a word
    // was a NullPointerException; it is a problem of the rule.
    assertThatThrownBy(
            () ->
                KpiRuleSet.read(
                    """
                    id: odd
                    rules:
                      - id: seen
                        scope: {workingDays: 5}
                        anchor: {type: allocated}
                        target: {type: visit}
                        within: {workingDays: 5}
                    """))
        .isInstanceOf(DocumentException.class)
        .satisfies(
            e ->
                assertThat(((DocumentException) e).problems())
                    .anyMatch(p -> p.field().endsWith("scope")));
    assertThat(set.rules().get(0).goal()).isEqualByComparingTo("97.5");
    assertThat(set.rules().get(1).goal()).isNull();
    assertThatThrownBy(
            () ->
                KpiRuleSet.read(
                    """
                    id: bad
                    rules:
                      - id: seen
                        name: ""
                        anchor: {type: allocated}
                        target: {type: visit}
                        within: {workingDays: }
                        goal: 101
                      - id: seen-2
                        anchor: {type: allocated}
                        target: {type: visit}
                        within: {hours: 4}
                        goal: 95.25
                    """))
        .isInstanceOf(DocumentException.class)
        .satisfies(
            e ->
                assertThat(((DocumentException) e).problems())
                    .extracting(p -> p.line() + " " + p.field() + " " + p.message())
                    .containsExactlyInAnyOrder(
                        "4 rules[0].name is empty: give a name, or leave the field out to use the id",
                        "7 rules[0].within.workingDays is required",
                        "8 rules[0].goal must be a percentage from 0 to 100, like 95 or 97.5"
                            + " (not 101)",
                        "13 rules[1].goal must be a percentage from 0 to 100, like 95 or 97.5"
                            + " (not 95.25)"));
  }

  @Test
  void listsOfProblemsAreAllReturned() {
    List<FieldProblem> problems = EventCsv.read(new StringReader("wrong,header\n")).problems();
    assertThat(problems)
        .extracting(FieldProblem::field)
        .contains("wrong", "header", "event_id", "due_date");
  }
}
