package org.safeload.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.safeload.caseload.Events.ap;
import static org.safeload.caseload.Events.asye;
import static org.safeload.caseload.Events.load;
import static org.safeload.caseload.Events.manager;
import static org.safeload.caseload.Events.sw;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safeload.document.DocumentException;
import org.safeload.document.FieldProblem;
import org.safeload.organisation.Role;
import org.safeload.timeliness.CaseType;

class CaseloadPolicyTest {

  private static final CaseloadPolicy DEFAULT = CaseloadPolicy.defaultPolicy();

  private static List<String> problems(String yaml) {
    DocumentException e =
        catchThrowableOfType(DocumentException.class, () -> CaseloadPolicy.read(yaml));
    assertThat(e).as("expected the policy to be refused").isNotNull();
    return e.problems().stream().map(p -> p.line() + " " + p.field() + ": " + p.message()).toList();
  }

  @Nested
  class TheBuiltInDefault {

    @Test
    void isNamedAndHasATeamTargetOf16() {
      assertThat(DEFAULT.id()).isEqualTo("default");
      assertThat(DEFAULT.name()).isEqualTo("Common English practice");
      assertThat(DEFAULT.teamTargetCasesPerFte()).isEqualByComparingTo("16");
      assertThat(DEFAULT.groups())
          .extracting(WorkerGroup::id)
          .containsExactly("asye", "social-worker", "advanced-practitioner");
    }

    @Test
    void listsAGroupsRolesAndExcludedTypesInTheirOwnOrder() {
      // Written in the file as [cp, plo, court], read back in the case types' order whatever the
      // order written, so pages list them the same way every time.
      WorkerGroup asye = DEFAULT.groups().getFirst();
      assertThat(asye.excludedTypes()).containsExactly(CaseType.CP, CaseType.PLO, CaseType.COURT);
      WorkerGroup both =
          CaseloadPolicy.read(
                  """
                  id: p
                  groups:
                    - id: g
                      when: {role: [advanced-practitioner, social-worker]}
                      excludeCaseTypes: [court, assessment, plo]
                  """)
              .groups()
              .getFirst();
      assertThat(both.roles())
          .containsExactly(
              org.safeload.organisation.Role.SOCIAL_WORKER,
              org.safeload.organisation.Role.ADVANCED_PRACTITIONER);
      assertThat(both.excludedTypes())
          .containsExactly(CaseType.ASSESSMENT, CaseType.PLO, CaseType.COURT);
    }

    @Test
    void weighsCpOneAndAHalfAndCourtTwo() {
      assertThat(DEFAULT.weight(CaseType.ASSESSMENT)).isEqualByComparingTo("1");
      assertThat(DEFAULT.weight(CaseType.CIN)).isEqualByComparingTo("1");
      assertThat(DEFAULT.weight(CaseType.CP)).isEqualByComparingTo("1.5");
      assertThat(DEFAULT.weight(CaseType.PLO)).isEqualByComparingTo("1.5");
      assertThat(DEFAULT.weight(CaseType.COURT)).isEqualByComparingTo("2");
      assertThat(DEFAULT.weight(null)).isEqualByComparingTo("1");
    }

    @Test
    void anUnlistedTypeWeighsOne() {
      CaseloadPolicy policy =
          CaseloadPolicy.read(
              """
              id: heavy-cp
              weights: {cp: 3}
              groups:
                - id: all
              """);
      assertThat(policy.weight(CaseType.CP)).isEqualByComparingTo("3");
      assertThat(policy.weight(CaseType.COURT)).isEqualByComparingTo("1");
      assertThat(policy.weight(CaseType.CIN)).isEqualByComparingTo("1");
      // name defaults to the id; no team target
      assertThat(policy.name()).isEqualTo("heavy-cp");
      assertThat(policy.teamTargetCasesPerFte()).isNull();
    }

    @Test
    void anAsyeHoldsAtMost15Cases() {
      // 15 cases held; a 16th (cin, weight 1) makes 16 > 15.
      Verdict v = DEFAULT.check(asye("A", "T", "1"), load(15, "15"), CaseType.CIN);
      assertThat(v.allowed()).isFalse();
      assertThat(v.needsReason()).isFalse();
      assertThat(v.breaches()).containsExactly("16 cases would be over the cap of 15");
      assertThat(v.overTargets()).isEmpty();
      // the 15th is allowed (14 + 1 = 15, not over) but over the soft target of 13 × 1
      Verdict fifteenth = DEFAULT.check(asye("A", "T", "1"), load(14, "14"), CaseType.CIN);
      assertThat(fifteenth.allowed()).isTrue();
      assertThat(fifteenth.needsReason()).isTrue();
      assertThat(fifteenth.overTargets())
          .containsExactly("15 cases would be over the target of 13");
    }

    @Test
    void anAsyeUpToTheTargetNeedsNoReason() {
      // 12 + 1 = 13, the target (13 × 1 FTE) is not exceeded
      Verdict v = DEFAULT.check(asye("A", "T", "1"), load(12, "12"), CaseType.ASSESSMENT);
      assertThat(v.allowed()).isTrue();
      assertThat(v.needsReason()).isFalse();
    }

    @Test
    void aFullTimeAsyeIsCappedAt15EvenAboveOneFte() {
      // maxCases 15 whatever the FTE; 15 × 1.2 = 18 would be higher, the lower one applies
      assertThat(DEFAULT.limitsFor(asye("A", "T", "1.2")).maxCases()).isEqualTo(15);
      assertThat(DEFAULT.limitsFor(asye("A", "T", "1")).maxCases()).isEqualTo(15);
    }

    @ParameterizedTest
    @EnumSource(
        value = CaseType.class,
        names = {"CP", "PLO", "COURT"})
    void anAsyeMayNotHoldComplexWork(CaseType type) {
      Verdict v = DEFAULT.check(asye("A", "T", "1"), Load.NONE, type);
      assertThat(v.allowed()).isFalse();
      assertThat(v.breaches())
          .singleElement()
          .asString()
          .contains("may not hold " + type.label() + " cases")
          .contains("ASYE")
          .contains("policy default");
      // a qualified social worker may
      assertThat(DEFAULT.check(sw("S", "T", "1"), Load.NONE, type).allowed()).isTrue();
    }

    @Test
    void anAsyeAtCapGivenACpCaseBreaksBothRules() {
      Verdict v = DEFAULT.check(asye("A", "T", "1"), load(15, "15"), CaseType.CP);
      assertThat(v.breaches())
          .hasSize(2)
          .anySatisfy(b -> assertThat(b).contains("may not hold Child protection cases"))
          .contains("16 cases would be over the cap of 15");
    }

    @Test
    void aHalfTimeAsyeIsCappedAt7() {
      // min(15, floor(15 × 0.5 = 7.5)) = 7; target 13 × 0.5 = 6.5
      Limits limits = DEFAULT.limitsFor(asye("A", "T", "0.5"));
      assertThat(limits.maxCases()).isEqualTo(7);
      assertThat(limits.maxWeighted()).isNull();
      assertThat(limits.targetCases()).isEqualByComparingTo("6.5");
      assertThat(limits.group().id()).isEqualTo("asye");

      Verdict eighth = DEFAULT.check(asye("A", "T", "0.5"), load(7, "7"), CaseType.CIN);
      assertThat(eighth.breaches()).containsExactly("8 cases would be over the cap of 7");

      Verdict seventh = DEFAULT.check(asye("A", "T", "0.5"), load(6, "6"), CaseType.CIN);
      assertThat(seventh.allowed()).isTrue();
      assertThat(seventh.needsReason()).isTrue();
      assertThat(seventh.overTargets()).containsExactly("7 cases would be over the target of 6.5");
    }

    @Test
    void aSocialWorkersCapIs22TimesFte() {
      Limits full = DEFAULT.limitsFor(sw("S", "T", "1"));
      assertThat(full.group().id()).isEqualTo("social-worker");
      assertThat(full.maxCases()).isEqualTo(22);
      assertThat(full.maxWeighted()).isEqualByComparingTo("26");
      assertThat(full.targetCases()).isEqualByComparingTo("16");
      assertThat(full.targetWeighted()).isEqualByComparingTo("20");
      assertThat(full.excludedTypes()).isEmpty();

      // 0.6 FTE: floor(22 × 0.6 = 13.2) = 13; 26 × 0.6 = 15.6; 16 × 0.6 = 9.6; 20 × 0.6 = 12
      Limits part = DEFAULT.limitsFor(sw("S", "T", "0.6"));
      assertThat(part.maxCases()).isEqualTo(13);
      assertThat(part.maxWeighted()).isEqualByComparingTo("15.6");
      assertThat(part.targetCases()).isEqualByComparingTo("9.6");
      assertThat(part.targetWeighted()).isEqualByComparingTo("12");
    }

    @Test
    void aPartTimeSocialWorkerIsRefusedOverTheirCaps() {
      CaseHolder s = sw("S", "T", "0.6");
      assertThat(DEFAULT.check(s, load(13, "13"), CaseType.CIN).breaches())
          .containsExactly("14 cases would be over the cap of 13");
      // 12 cases weighing 15 (e.g. 6 cp + 6 cin); a cp makes 13 cases (at the cap, fine)
      // and 16.5 weighted > 15.6
      assertThat(DEFAULT.check(s, load(12, "15"), CaseType.CP).breaches())
          .containsExactly("a weighted load of 16.5 would be over the cap of 15.6");
      // both at once
      assertThat(DEFAULT.check(s, load(13, "15"), CaseType.COURT).breaches())
          .containsExactly(
              "14 cases would be over the cap of 13",
              "a weighted load of 17 would be over the cap of 15.6");
    }

    @Test
    void exceedingASoftTargetNeedsAReason() {
      CaseHolder s = sw("S", "T", "1");
      Verdict byCount = DEFAULT.check(s, load(16, "16"), CaseType.CIN);
      assertThat(byCount.allowed()).isTrue();
      assertThat(byCount.needsReason()).isTrue();
      assertThat(byCount.overTargets()).containsExactly("17 cases would be over the target of 16");

      // 10 cases weighing 19; a cp: 11 cases (under 16), weighted 20.5 > 20
      Verdict byWeight = DEFAULT.check(s, load(10, "19"), CaseType.CP);
      assertThat(byWeight.needsReason()).isTrue();
      assertThat(byWeight.overTargets())
          .containsExactly("a weighted load of 20.5 would be over the target of 20");

      // exactly on target is not over it: 15 + 1 = 16 cases, 19 + 1 = 20 weighted
      Verdict onTarget = DEFAULT.check(s, load(15, "19"), CaseType.CIN);
      assertThat(onTarget.allowed()).isTrue();
      assertThat(onTarget.needsReason()).isFalse();
    }

    @Test
    void aRefusedAllocationAsksForNoReason() {
      // over the hard cap and over the target: refused, soft targets are not listed
      Verdict v = DEFAULT.check(sw("S", "T", "1"), load(22, "22"), CaseType.CIN);
      assertThat(v.allowed()).isFalse();
      assertThat(v.needsReason()).isFalse();
      assertThat(v.overTargets()).isEmpty();
    }

    @Test
    void anAdvancedPractitionerHasTheirOwnLimits() {
      Limits limits = DEFAULT.limitsFor(ap("P", "T", "1"));
      assertThat(limits.group().id()).isEqualTo("advanced-practitioner");
      assertThat(limits.maxCases()).isEqualTo(15);
      assertThat(limits.maxWeighted()).isEqualByComparingTo("20");
      assertThat(limits.targetCases()).isEqualByComparingTo("10");
      assertThat(limits.targetWeighted()).isEqualByComparingTo("13");
    }

    @Test
    void aTeamManagerHoldsNoCases() {
      CaseHolder m = manager("M", "T");
      assertThat(DEFAULT.groupOf(m)).isNull();
      Verdict v = DEFAULT.check(m, Load.NONE, CaseType.CIN);
      assertThat(v.allowed()).isFalse();
      assertThat(v.breaches())
          .containsExactly("Team managers do not hold cases under policy default");
      assertThat(DEFAULT.limitsFor(m).mayHold(CaseType.CIN)).isFalse();
    }

    @Test
    void headroomCountsCasesUnderTheCap() {
      Limits limits = DEFAULT.limitsFor(sw("S", "T", "1"));
      assertThat(limits.headroom(load(18, "20"))).isEqualTo(4);
      assertThat(limits.headroom(load(25, "25"))).isZero();
    }
  }

  @Nested
  class Groups {

    private final CaseloadPolicy policy =
        CaseloadPolicy.read(
            """
            id: by-experience
            groups:
              - id: senior
                when: {role: social-worker, minPqeYears: 3}
                maxCasesPerFte: 20
              - id: any-sw
                when: {role: social-worker}
                maxCasesPerFte: 18
              - id: very-senior
                when: {role: social-worker, minPqeYears: 5}
                maxCasesPerFte: 25
              - id: anyone
                maxCases: 9
            """);

    private CaseHolder withPqe(int years) {
      return new CaseHolder("W", "W", "T", Role.SOCIAL_WORKER, BigDecimal.ONE, false, years);
    }

    @Test
    void theFirstMatchingGroupWins() {
      // 6 years matches senior (listed first) and very-senior: senior applies
      assertThat(policy.groupOf(withPqe(6)).id()).isEqualTo("senior");
      assertThat(policy.limitsFor(withPqe(6)).maxCases()).isEqualTo(20);
    }

    @Test
    void minPqeYearsIsInclusive() {
      assertThat(policy.groupOf(withPqe(3)).id()).isEqualTo("senior");
      assertThat(policy.groupOf(withPqe(2)).id()).isEqualTo("any-sw");
      assertThat(policy.limitsFor(withPqe(2)).maxCases()).isEqualTo(18);
    }

    @Test
    void aGroupWithoutRolesAppliesToAnyCaseHoldingRoleOnly() {
      assertThat(policy.groupOf(ap("P", "T", "1")).id()).isEqualTo("anyone");
      assertThat(policy.groupOf(manager("M", "T"))).isNull();
      assertThat(
              policy.groupOf(
                  new CaseHolder("B", null, "T", Role.BUSINESS_SUPPORT, BigDecimal.ONE, false, 0)))
          .isNull();
    }

    @Test
    void asyeFalseAppliesOnlyToQualifiedWorkersPastTheirFirstYear() {
      CaseloadPolicy p =
          CaseloadPolicy.read(
              """
              id: two
              groups:
                - id: experienced
                  when: {asye: false}
                  maxCases: 20
                - id: newly-qualified
                  when: {asye: true}
                  maxCases: 12
              """);
      assertThat(p.groupOf(sw("S", "T", "1")).id()).isEqualTo("experienced");
      assertThat(p.groupOf(asye("A", "T", "1")).id()).isEqualTo("newly-qualified");
      assertThat(p.groups().get(0).asye()).isFalse();
      assertThat(p.groups().get(0).roles()).isEmpty();
    }

    @Test
    void aCapPerFteAloneIsRoundedDown() {
      // 18 × 0.75 = 13.5 → 13
      CaseHolder h =
          new CaseHolder("W", "W", "T", Role.SOCIAL_WORKER, new BigDecimal("0.75"), false, 1);
      assertThat(policy.limitsFor(h).maxCases()).isEqualTo(13);
    }
  }

  @Nested
  class Problems {

    @Test
    void everyProblemNamesItsLineAndField() {
      List<String> problems =
          problems(
              """
              id: mine
              weights: {cp: 1.5, cpp: 2}
              groups:
                - id: sw
                  when: {role: social-worker}
                  maxCasesPerFte: -3
                  targetCasesPerFte: lots
                  colour: red
                - id: sw
                  when: {role: team-manager}
              """);
      assertThat(problems)
          .containsExactlyInAnyOrder(
              "2 weights.cpp: is not a case type; expected one of: assessment, cin, cp, plo, court, cla",
              "8 groups[0].colour: unknown field; expected one of: id, name, when, maxCases,"
                  + " maxCasesPerFte, maxWeightedPerFte, excludeCaseTypes, targetCasesPerFte,"
                  + " targetWeightedPerFte",
              "6 groups[0].maxCasesPerFte: must not be negative (not -3)",
              "7 groups[0].targetCasesPerFte: must be a number, like 1.5 (not lots)",
              "10 groups[1].when.role: must be a case-holding role: social-worker,"
                  + " advanced-practitioner (not team-manager)",
              "9 groups[1].id: another group has the id sw");
    }

    @Test
    void theExceptionMessageNamesTheFirstProblem() {
      DocumentException e =
          catchThrowableOfType(
              DocumentException.class,
              () -> CaseloadPolicy.read("id: x\ngroups:\n  - id: a\n    maxCases: many\n"));
      assertThat(e.problems())
          .containsExactly(
              new FieldProblem(4, "groups[0].maxCases", "must be a whole number (not many)"));
      assertThat(e)
          .hasMessage(
              "1 problem(s), first: line 4, groups[0].maxCases: "
                  + "must be a whole number (not many)");
    }

    @Test
    void anUnknownTopLevelFieldIsRefused() {
      assertThat(problems("id: x\ngroups:\n  - id: a\nteams: {targetCasesPerFte: 16}\n"))
          .containsExactly(
              "4 teams: unknown field; expected one of: id, name, weights, groups, team");
      assertThat(problems("id: x\ngroups:\n  - id: a\nteam: {target: 16}\n"))
          .containsExactly("4 team.target: unknown field; expected one of: targetCasesPerFte");
      assertThat(problems("id: x\ngroups:\n  - id: a\n    when: {grade: senior}\n"))
          .containsExactly(
              "4 groups[0].when.grade: unknown field; expected one of: role, asye, minPqeYears");
    }

    @Test
    void weightsMustBePositiveWithTwoDecimalsAtMost() {
      assertThat(
              problems(
                  "id: x\nweights:\n  cp: -1\n  court: 0\n  plo: 1.255\n  cin: one\n"
                      + "groups:\n  - id: a\n"))
          .containsExactlyInAnyOrder(
              "3 weights.cp: must not be negative (not -1)",
              "4 weights.court: must be more than 0, with at most 2 decimal places",
              "5 weights.plo: must be more than 0, with at most 2 decimal places",
              "6 weights.cin: must be a number, like 1.5 (not one)");
      // 1.25 is fine, and so is 2.50 (2.5)
      CaseloadPolicy ok =
          CaseloadPolicy.read("id: x\nweights: {cp: 1.25, court: 2.50}\ngroups:\n  - id: a\n");
      assertThat(ok.weight(CaseType.CP)).isEqualByComparingTo("1.25");
      assertThat(ok.weight(CaseType.COURT)).isEqualByComparingTo("2.5");
    }

    @Test
    void limitsMustBeMoreThanZero() {
      assertThat(
              problems(
                  """
                  id: x
                  groups:
                    - id: a
                      maxCases: -1
                      maxWeightedPerFte: 0
                      targetWeightedPerFte: 0
                  team: {targetCasesPerFte: -16}
                  """))
          .containsExactlyInAnyOrder(
              "4 groups[0].maxCases: must be at least 0 (not -1)",
              "5 groups[0].maxWeightedPerFte: must be more than 0",
              "6 groups[0].targetWeightedPerFte: must be more than 0",
              "7 team.targetCasesPerFte: must not be negative (not -16)");
    }

    @Test
    void groupValuesAreChecked() {
      assertThat(
              problems(
                  """
                  id: x
                  groups:
                    - id: a
                      when: {role: [social-worker, chief], asye: maybe, minPqeYears: -2}
                      excludeCaseTypes: [cp, section-47]
                  """))
          .containsExactlyInAnyOrder(
              "4 groups[0].when.role: must be a case-holding role: social-worker,"
                  + " advanced-practitioner (not chief)",
              "4 groups[0].when.asye: must be true or false (not maybe)",
              "4 groups[0].when.minPqeYears: must be at least 0 (not -2)",
              "5 groups[0].excludeCaseTypes: must be case types: assessment, cin, cp, plo, court, cla"
                  + " (not section-47)");
    }

    @Test
    void theIdAndGroupsAreRequired() {
      assertThat(problems("name: Mine\ngroups:\n  - id: a\n")).containsExactly("1 id: is required");
      assertThat(problems("id: Bad_Id\ngroups:\n  - id: a\n"))
          .containsExactly(
              "1 id: must be 1 to 64 lower-case letters, digits or hyphens (not Bad_Id)");
      assertThat(problems("id: x\n"))
          .containsExactly("1 groups: must list at least one group of workers");
      assertThat(problems("id: x\ngroups:\n  - name: No id\n"))
          .containsExactly("3 groups[0].id: is required");
    }

    @Test
    void aDocumentThatIsNotAPolicyIsRefused() {
      assertThat(problems("")).containsExactly("1 (document): is empty");
      assertThat(problems("- a\n- b\n"))
          .containsExactly("1 (document): must be a mapping of names to values");
      assertThat(problems("id: x\ngroups: [\n"))
          .singleElement()
          .asString()
          .startsWith("3 (document): is not valid YAML");
      assertThat(problems("id: x\nid: y\ngroups:\n  - id: a\n"))
          .containsExactly("2 id: appears twice");
    }

    @Test
    void theBuiltInTextReadsBackToTheSamePolicy() {
      assertThat(CaseloadPolicy.read(CaseloadPolicy.defaultText())).isEqualTo(DEFAULT);
    }
  }
}
