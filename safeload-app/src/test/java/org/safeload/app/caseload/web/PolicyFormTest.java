package org.safeload.app.caseload.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.caseload.WorkerGroup;
import org.safeload.document.DocumentException;
import org.safeload.organisation.Role;
import org.safeload.timeliness.CaseType;

/**
 * The policy form writes the document the core reads: the built-in policy goes through the form and
 * back unchanged (but for its id), an edit changes only what was edited, and the core's problems
 * come back to the form's fields.
 */
class PolicyFormTest {

  private static final CaseloadPolicy BUILT_IN = CaseloadPolicy.defaultPolicy();

  private static CaseloadPolicy read(PolicyForm form) {
    return CaseloadPolicy.read(form.document().text());
  }

  @Test
  void theBuiltInPolicyComesBackThroughTheFormUnderTheCouncilsOwnId() {
    PolicyForm form = PolicyForm.of(BUILT_IN);
    assertThat(form.getId()).isEqualTo("council");
    assertThat(form.getName()).isEqualTo("Common English practice");
    // three groups and one blank to add
    assertThat(form.getGroups()).hasSize(4);
    assertThat(form.getGroups().get(3).blank()).isTrue();
    PolicyForm.Group asye = form.getGroups().get(0);
    assertThat(asye.getName()).isEqualTo("Newly qualified social worker (ASYE)");
    assertThat(asye.getRoles()).containsExactly("social-worker");
    assertThat(asye.getAsye()).isEqualTo("true");
    assertThat(asye.getMaxCases()).isEqualTo("15");
    assertThat(asye.getExcludeCaseTypes()).containsExactly("cp", "plo", "court");
    // the social workers' group applies in or past the ASYE alike
    assertThat(form.getGroups().get(1).getAsye()).isEqualTo(PolicyForm.EITHER);
    assertThat(form.getWeights()).containsEntry("cp", "1.5").containsEntry("court", "2");
    assertThat(form.getTeamTarget()).isEqualTo("16");

    CaseloadPolicy copy = read(form);
    assertThat(copy.id()).isEqualTo("council");
    assertThat(copy.name()).isEqualTo(BUILT_IN.name());
    assertThat(copy.weights()).isEqualTo(BUILT_IN.weights());
    assertThat(copy.groups()).isEqualTo(BUILT_IN.groups());
    assertThat(copy.teamTargetCasesPerFte()).isEqualByComparingTo(BUILT_IN.teamTargetCasesPerFte());
  }

  @Test
  void anEditChangesWhatWasEditedAndAddsRemovesAndOrdersGroups() {
    PolicyForm form = PolicyForm.of(BUILT_IN);
    form.setId("northbridge");
    form.setName("Northbridge: \"safe\" caseloads # not a comment");
    form.getWeights().put("cin", "1.25");
    form.setTeamTarget("15");
    PolicyForm.Group sw = form.getGroups().get(1);
    sw.setTargetCasesPerFte("17");
    sw.setMaxWeightedPerFte("");
    form.getGroups().get(2).setRemove(true); // advanced practitioners
    PolicyForm.Group senior = form.getGroups().get(3); // the blank one
    senior.setName("Senior social worker");
    senior.setOrder("2");
    senior.setRoles(List.of("social-worker"));
    senior.setAsye("false");
    senior.setMinPqeYears("5");
    senior.setMaxCasesPerFte("24");
    senior.setTargetCasesPerFte("18");

    CaseloadPolicy p = read(form);
    assertThat(p.id()).isEqualTo("northbridge");
    assertThat(p.name()).isEqualTo("Northbridge: \"safe\" caseloads # not a comment");
    assertThat(p.weight(CaseType.CIN)).isEqualByComparingTo("1.25");
    assertThat(p.weight(CaseType.CP)).isEqualByComparingTo("1.5");
    assertThat(p.teamTargetCasesPerFte()).isEqualByComparingTo("15");
    // ASYE (order 1), then the social workers' group and the new senior group, both order 2:
    // equal orders keep the form's order. The advanced practitioners' group is gone.
    assertThat(p.groups())
        .extracting(WorkerGroup::id)
        .containsExactly("asye", "social-worker", "senior-social-worker");
    WorkerGroup s = p.groups().get(2);
    assertThat(s.roles()).containsExactly(Role.SOCIAL_WORKER);
    assertThat(s.asye()).isFalse();
    assertThat(s.minPqeYears()).isEqualTo(5);
    assertThat(s.maxCasesPerFte()).isEqualByComparingTo("24");
    assertThat(s.targetCasesPerFte()).isEqualByComparingTo("18");
    WorkerGroup social = p.groups().get(1);
    assertThat(social.targetCasesPerFte()).isEqualByComparingTo("17");
    assertThat(social.maxWeightedPerFte()).isNull();
    assertThat(social.maxCasesPerFte()).isEqualByComparingTo("22");

    // Order 1 puts the senior group before the social workers' group, which would catch them.
    senior.setOrder("1");
    form.getGroups().get(0).setOrder("1");
    form.getGroups().get(1).setOrder("3");
    assertThat(read(form).groups())
        .extracting(WorkerGroup::id)
        .containsExactly("asye", "senior-social-worker", "social-worker");
  }

  @Test
  void whatIsTypedCannotChangeTheDocumentsShape() {
    PolicyForm form = PolicyForm.of(BUILT_IN);
    form.setName("x\nid: hacked\ngroups: []");
    form.getGroups().get(1).setName("Social worker\"\n    maxCases: 1\n#");
    form.getGroups().get(1).setTargetCasesPerFte("null");
    assertThatThrownBy(() -> read(form))
        .isInstanceOf(DocumentException.class)
        .satisfies(
            e ->
                assertThat(((DocumentException) e).problems())
                    .singleElement()
                    .satisfies(
                        p -> {
                          assertThat(p.field()).isEqualTo("groups[1].targetCasesPerFte");
                          assertThat(p.message()).contains("must be a number");
                        }));
    form.getGroups().get(1).setTargetCasesPerFte("16");
    CaseloadPolicy p = read(form);
    assertThat(p.id()).isEqualTo("council");
    assertThat(p.name()).isEqualTo("x\nid: hacked\ngroups: []");
    assertThat(p.groups()).hasSize(3);
    assertThat(p.groups().get(1).name()).isEqualTo("Social worker\"\n    maxCases: 1\n#");
    assertThat(p.groups().get(1).maxCases()).isNull();
  }

  @Test
  void theCoresProblemsComeBackToTheFormsFields() {
    PolicyForm form = PolicyForm.of(BUILT_IN);
    form.setId("Our Policy");
    form.getWeights().put("cp", "heavy");
    form.getGroups().get(2).setRemove(true);
    // the social workers' group is second in the document and in the form...
    form.getGroups().get(1).setMaxCasesPerFte("lots");
    form.getGroups().get(1).setRoles(List.of("team-manager"));
    // ...the new group fourth in the form but third in the document (the third was removed)
    form.getGroups().get(3).setName("Extra");
    form.getGroups().get(3).setMaxCases("3.5");
    form.setTeamTarget("0");
    PolicyForm.Document document = form.document();
    List<org.safeload.document.FieldProblem> problems;
    try {
      CaseloadPolicy.read(document.text());
      throw new AssertionError("the policy has problems");
    } catch (DocumentException e) {
      problems = e.problems();
    }
    Map<String, String> errors = form.errors(document, problems);
    assertThat(errors)
        .containsEntry(
            "id",
            "Policy id must be 1 to 64 lower-case letters, digits or hyphens (not Our Policy)")
        .containsEntry(
            "weights-cp", "Weight of Child protection cases must be a number, like 1.5 (not heavy)")
        .containsEntry(
            "groups-1-maxCasesPerFte",
            "Social worker: cap on cases per FTE must be a number, like 1.5 (not lots)")
        .containsEntry("teamTarget", "Team target must be more than 0")
        .containsEntry(
            "groups-3-maxCases",
            "Extra: most cases whatever the FTE must be a whole number (not 3.5)");
    assertThat(errors.get("groups-1-roles"))
        .startsWith("Social worker: roles it applies to must be a case-holding role");
    assertThat(errors).hasSize(6);

    // A new group without a name has no id: the core asks for it, and the form at the name.
    PolicyForm nameless = PolicyForm.of(BUILT_IN);
    nameless.getGroups().get(3).setMaxCases("3");
    PolicyForm.Document d = nameless.document();
    assertThatThrownBy(() -> CaseloadPolicy.read(d.text()))
        .isInstanceOfSatisfying(
            DocumentException.class,
            e ->
                assertThat(nameless.errors(d, e.problems()))
                    .containsExactly(
                        Map.entry("groups-3-name", "The new group: name is required")));
  }

  @Test
  void anOrderThatIsNotANumberIsTheFormsOwnProblem() {
    PolicyForm form = PolicyForm.of(BUILT_IN);
    form.getGroups().get(0).setOrder("first");
    assertThat(form.formProblems())
        .containsExactly(
            Map.entry(
                "groups-0-order",
                "Newly qualified social worker (ASYE): enter the order as a whole number, like 2 (not first)"));
    assertThat(PolicyForm.slug(" Senior (5+ years) social worker "))
        .isEqualTo("senior-5-years-social-worker");
    assertThat(new BigDecimal(PolicyForm.scalar("1.50"))).isEqualByComparingTo("1.5");
    assertThat(PolicyForm.scalar("null")).isEqualTo("\"null\"");
    assertThat(PolicyForm.scalar("-1")).isEqualTo("\"-1\"");
  }
}
