package org.safeload.app.timeliness.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeload.document.DocumentException;
import org.safeload.timeliness.KpiRule;
import org.safeload.timeliness.KpiRuleSet;

/**
 * The rule forms write the YAML the core reads (one validation), and the core's problems come back
 * as the form's fields in words.
 */
class RuleSetDocumentTest {

  private static List<RuleForm> forms(KpiRuleSet set) {
    List<RuleForm> forms = new ArrayList<>();
    set.rules().forEach(r -> forms.add(RuleForm.of(r)));
    return forms;
  }

  @Test
  void everyBuiltInRuleSurvivesTheFormsUnchanged() {
    for (String id : KpiRuleSet.BUILT_IN) {
      KpiRuleSet set = KpiRuleSet.builtIn(id);
      String yaml = RuleSetDocument.write("copy-of-" + id, set.name() + ": a copy", forms(set));
      KpiRuleSet copy = KpiRuleSet.read(yaml);
      assertThat(copy.id()).isEqualTo("copy-of-" + id);
      assertThat(copy.name()).isEqualTo(set.name() + ": a copy");
      assertThat(copy.rules()).isEqualTo(set.rules());
    }
  }

  @Test
  void aNewKpiIsWrittenAsTheGuideShowsIt() {
    RuleForm f = new RuleForm();
    f.setRuleId("cp-visit-15wd");
    f.setName("Child on a protection plan seen every 15 working days");
    f.setKind(RuleForm.RECURRING);
    f.setTargetType("visit");
    f.setTargetDetails(List.of("seen"));
    f.setAmount("15");
    f.setUnit("workingDays");
    f.setCaseTypes(List.of("cp"));
    f.setGoal("95%");
    assertThat(RuleSetDocument.write("northbridge", "Northbridge local standards", List.of(f)))
        .isEqualTo(
            """
            id: northbridge
            name: Northbridge local standards
            rules:
              - id: cp-visit-15wd
                name: Child on a protection plan seen every 15 working days
                target: {type: visit, detail: [seen]}
                every: {workingDays: 15}
                whileCaseType: [cp]
                goal: 95
            """);
    KpiRule rule = KpiRuleSet.read(RuleSetDocument.write("n", "N", List.of(f))).rules().get(0);
    assertThat(rule.kind()).isEqualTo(KpiRule.Kind.RECURRING);
    assertThat(rule.window()).isEqualTo(new KpiRule.Window(KpiRule.Unit.WORKING_DAYS, 15));
    assertThat(rule.goal()).isEqualByComparingTo("95");
  }

  @Test
  void whatPeopleTypeIsQuotedWhenYamlWouldReadItOtherwise() {
    for (String name :
        List.of(
            "Seen: within 5 days",
            "# not a comment",
            "null",
            "No",
            "\"quoted\" and \\ back",
            "- a dash",
            "trailing space ",
            "line\nbreak",
            "[brackets], {braces}")) {
      RuleForm f = new RuleForm();
      f.setRuleId("r1");
      f.setName(name);
      f.setAnchorType("allocated");
      f.setTargetType("visit");
      f.setAmount("5");
      String yaml = RuleSetDocument.write("s", name, List.of(f));
      KpiRuleSet set = KpiRuleSet.read(yaml);
      assertThat(set.name()).as(yaml).isEqualTo(name.strip());
      assertThat(set.rules().get(0).name()).as(yaml).isEqualTo(name.strip());
    }
    assertThat(RuleSetDocument.scalar("Visit written up within 48 hours"))
        .isEqualTo("Visit written up within 48 hours");
    assertThat(RuleSetDocument.scalar("yes")).isEqualTo("\"yes\"");
  }

  @Test
  void theCoresProblemsComeBackAsTheFormsFieldsInWords() {
    RuleForm good = RuleForm.of(KpiRuleSet.builtIn("contract").rules().get(0));
    RuleForm bad = new RuleForm();
    bad.setRuleId("oversight-24h"); // the first rule's short code
    bad.setName("");
    bad.setKind(RuleForm.AFTER);
    bad.setAnchorType("allocated");
    bad.setTargetType("");
    bad.setAmount("two");
    bad.setGoal("101");
    DocumentException e =
        catchThrowableOfType(
            DocumentException.class,
            () -> KpiRuleSet.read(RuleSetDocument.write("s", "S", List.of(good, bad))));
    Map<String, String> errors = RuleSetDocument.ruleErrors(e.problems(), 1);
    assertThat(errors)
        .containsEntry("name", "Enter the KPI's name")
        .containsEntry("amount", "The time limit must be a whole number (not two)")
        .containsEntry("targetType", "Select the event that must follow")
        .containsEntry(
            "goal", "The target must be a percentage from 0 to 100, like 95 or 97.5 (not 101)")
        .containsEntry("ruleId", "Another KPI in this set has that short code: choose another")
        .hasSize(5);

    RuleForm late = new RuleForm();
    late.setRuleId("docs");
    late.setName("Documents");
    late.setKind(RuleForm.BEFORE_DUE);
    late.setAnchorType("document-submitted");
    late.setAmount("3");
    late.setUnit("hours");
    DocumentException e2 =
        catchThrowableOfType(
            DocumentException.class,
            () -> KpiRuleSet.read(RuleSetDocument.write("s", "S", List.of(late))));
    assertThat(RuleSetDocument.ruleErrors(e2.problems(), 0))
        .containsExactly(Map.entry("unit", "A time before a due date is counted in working days"));

    RuleForm blank = new RuleForm();
    blank.setRuleId("r");
    blank.setName("R");
    blank.setKind(RuleForm.RECURRING);
    blank.setTargetType("meeting");
    blank.setAmount("");
    DocumentException e3 =
        catchThrowableOfType(
            DocumentException.class,
            () -> KpiRuleSet.read(RuleSetDocument.write("s", "S", List.of(blank))));
    assertThat(RuleSetDocument.ruleErrors(e3.problems(), 0))
        .containsEntry("amount", "Enter the time limit")
        .containsEntry(
            "caseTypes", "Select the case types it applies to, or the event that starts it");
  }
}
