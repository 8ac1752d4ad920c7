package org.safeload.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.document.DocumentException;
import org.safeload.money.Contract.RosterChange;
import org.safeload.money.Costing.Flag;
import org.safeload.organisation.Role;

/**
 * Contracts as they are bought (several teams, linked awards) and the decisions that change them,
 * each against figures worked out by hand in the comments.
 */
public class DecisionsTest {

  private final ContractCosting costing = new ContractCosting(WorkingCalendar.englandAndWales());

  /**
   * The four-team tender in the brief: 28 November 2022 to 31 March 2023, at most £1.2m, an option
   * of 12 months for up to £3.4m more, decided by February 2023. The unit price its first period
   * implies: £1.2m over 4 teams × 124 days / 7 = £16,935.48 a team-week (rounded down).
   */
  public static final String TENDER =
      """
      id: TENDER-4
      provider: Example Social Work Ltd
      route: competitive-tender
      start: 2022-11-28
      end: 2023-03-31
      ceiling: 1200000
      teams:
        - {name: Team A, teamUnit: {pricePerTeamWeek: 16935.48, teams: 1, composition: {team-manager: 1, social-worker: 6}}}
        - {name: Team B, teamUnit: {pricePerTeamWeek: 16935.48, teams: 1, composition: {team-manager: 1, social-worker: 6}}}
        - {name: Team C, teamUnit: {pricePerTeamWeek: 16935.48, teams: 1, composition: {team-manager: 1, social-worker: 6}}}
        - {name: Team D, teamUnit: {pricePerTeamWeek: 16935.48, teams: 1, composition: {team-manager: 1, social-worker: 6}}}
      extensions:
        - {months: 12, maxValue: 3400000, decideBy: 2023-02-28}
      requirements:
        - {role: social-worker, pqeYears: 4}
        - {role: team-manager, pqeYears: 8, managerYears: 5}
      """;

  private static Contract tender() {
    return ScenarioReader.contract(TENDER);
  }

  private static List<String> codes(Costing c) {
    return c.flags().stream().map(Flag::code).toList();
  }

  @Test
  void theFourTeamTenderIsOneContractWithFourTeamsEachCostedToThePenny() {
    // A team's day is 16,935.48 / 7. November (3 days): 50,806.44 / 7 = 7,258.0629 -> 7,258.06 a
    // team; December (31): 524,999.88 / 7 = 74,999.9829 -> 74,999.98; February (28): 67,741.92.
    // Each team's month is rounded, and the month's team cost is the sum of the four.
    Costing c = costing.cost(tender(), LocalDate.of(2022, 11, 28));
    assertThat(c.months().getFirst().byTeam())
        .extracting(BigDecimal::toPlainString)
        .containsExactly("7258.06", "7258.06", "7258.06", "7258.06");
    assertThat(c.months())
        .extracting(m -> m.month() + " " + m.team().toPlainString())
        .containsExactly(
            "2022-11 29032.24",
            "2022-12 299999.92",
            "2023-01 299999.92",
            "2023-02 270967.68",
            "2023-03 299999.92");
    // 29,032.24 + 3 × 299,999.92 + 270,967.68 = 1,199,999.68, 32p under the ceiling.
    assertThat(c.total()).isEqualByComparingTo("1199999.68");
    assertThat(c.headroom()).isEqualByComparingTo("0.32");
    assertThat(ContractCosting.rosterOn(tender(), LocalDate.of(2022, 11, 28)))
        .containsEntry(Role.SOCIAL_WORKER, 24)
        .containsEntry(Role.TEAM_MANAGER, 4);
  }

  @Test
  void itsPotentialValueIsAKeyDecisionAndItsNoticeDateIsFlagged() {
    // Potential value: the ceiling 1,200,000 + the open option 3,400,000 = 4,600,000.
    Costing c = costing.cost(tender(), LocalDate.of(2022, 11, 28));
    assertThat(c.potentialValue()).isEqualByComparingTo("4600000.00");
    assertThat(c.keyDecision()).isTrue();
    assertThat(c.keyDecisionStatement())
        .isEqualTo(
            "This is a key decision because the contract's potential value with its options,"
                + " £4,600,000.00, reaches the £500,000.00 threshold.");
    assertThat(c.flags())
        .extracting(Flag::message)
        .contains("Notice of the 12-month extension must be given by 28 February 2023");
    // Within 30 days of it, the notice is due; after it, passed.
    assertThat(codes(costing.cost(tender(), LocalDate.of(2023, 2, 1))))
        .contains("extension-decision-due")
        .doesNotContain("extension-notice");
    assertThat(codes(costing.cost(tender(), LocalDate.of(2023, 3, 1))))
        .contains("extension-decision-passed");
  }

  @Test
  void theExtensionCannotBeBoughtAtTheUnitPriceTheFirstPeriodImplies() {
    // April 2023 to March 2024 at 16,935.48 a team-week, a team's month rounded: four 30-day months
    // at 72,580.63 (508,064.40 / 7 = 72,580.6286), seven 31-day months at 74,999.98 and February
    // 2024 (29 days) at 70,161.27 (491,128.92 / 7 = 70,161.2743): 290,322.52 + 524,999.86 +
    // 70,161.27 = 885,483.65 a team, 3,541,934.60 for four: more than the option's 3,400,000.
    assertThat(costing.costOfMonths(tender(), 12)).isEqualByComparingTo("3541934.60");
    Costing c = costing.cost(tender(), LocalDate.of(2022, 11, 28));
    assertThat(c.extensionDecisions().getFirst().costAtCurrentPrices())
        .isEqualByComparingTo("3541934.60");
    assertThat(c.flags())
        .filteredOn(f -> f.code().equals("extension-underpriced"))
        .extracting(Flag::message)
        .containsExactly(
            "The 12-month extension would cost £3,541,934.60 at the prices in force on the"
                + " contract's last day, more than its £3,400,000.00 limit");
  }

  private static Decision decide(DecisionKind kind, Integer option) {
    return new Decision(
        kind,
        LocalDate.of(2023, 2, 20),
        "A. Director",
        "Director of Children's Services",
        DecisionRoute.EXECUTIVE,
        null,
        false,
        5,
        null,
        List.of(),
        option,
        null,
        null,
        List.of(),
        null,
        null);
  }

  @Test
  void exercisingTheExtensionClearsItsFlagAndExtendsTheContract() {
    Contract extended = tender().withDecision(decide(DecisionKind.EXERCISE_OPTION, 1));
    // 31 March 2023 + 12 months; ceiling 1,200,000 + 3,400,000.
    assertThat(extended.end()).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(extended.ceiling()).isEqualByComparingTo("4600000");
    assertThat(extended.status()).isEqualTo(ContractStatus.EXTENDED);
    assertThat(extended.extensions().getFirst().state()).isEqualTo(OptionState.EXERCISED);
    Costing c = costing.cost(extended, LocalDate.of(2023, 2, 21));
    assertThat(codes(c)).noneMatch(code -> code.startsWith("extension-"));
    // Total 1,199,999.68 + 3,541,934.60 = 4,741,934.28: over the 4.6m ceiling, as the price
    // implied; the potential value is the larger, the total.
    assertThat(c.total()).isEqualByComparingTo("4741934.28");
    assertThat(codes(c)).contains("ceiling-breach");
    assertThat(c.potentialValue()).isEqualByComparingTo("4741934.28");
    // The record round-trips with the option's state.
    assertThat(ScenarioReader.contract(ContractDocument.toYaml(extended))).isEqualTo(extended);
    // An option cannot be decided twice.
    assertThatThrownBy(() -> extended.withDecision(decide(DecisionKind.DECLINE_OPTION, 1)))
        .isInstanceOf(DocumentException.class)
        .hasMessageContaining("option 1 is already exercised");
  }

  /** A £300,000 contract with a £250,000 option: 550,000 potential, a key decision. */
  private static Contract small(String id, String follows) {
    return ScenarioReader.contract(
        """
        id: %s
        provider: P
        route: framework
        start: 2025-04-01
        end: 2025-09-30
        ceiling: 300000
        %s
        roster:
          - {role: social-worker, count: 1, rate: {amount: 100, per: calendar-day}}
        extensions:
          - {months: 6, maxValue: 250000, decideBy: 2025-08-01}
        """
            .formatted(id, follows == null ? "" : "follows: " + follows));
  }

  @Test
  void aDeclinedOptionLeavesThePotentialValue() {
    Contract c = small("S-1", null);
    assertThat(costing.cost(c, LocalDate.of(2025, 5, 1)).potentialValue())
        .isEqualByComparingTo("550000");
    assertThat(costing.cost(c, LocalDate.of(2025, 5, 1)).keyDecision()).isTrue();
    Contract declined = c.withDecision(decide(DecisionKind.DECLINE_OPTION, 1));
    Costing after = costing.cost(declined, LocalDate.of(2025, 5, 1));
    assertThat(after.potentialValue()).isEqualByComparingTo("300000");
    assertThat(after.keyDecision()).isFalse();
    assertThat(declined.end()).isEqualTo(c.end());
    assertThat(codes(after)).noneMatch(code -> code.startsWith("extension-"));
  }

  @Test
  void theLinkedAwardsTotalDrivesTheKeyDecision() {
    // Two awards of 300,000 for the same need, each declined to 300,000 potential: alone neither
    // is key; linked, 600,000 reaches the 500,000 threshold.
    Contract first = small("S-1", null).withDecision(decide(DecisionKind.DECLINE_OPTION, 1));
    Contract second = small("S-2", "S-1").withDecision(decide(DecisionKind.DECLINE_OPTION, 1));
    assertThat(second.follows()).isEqualTo("S-1");
    BigDecimal linked = costing.value(first).add(costing.value(second));
    assertThat(linked).isEqualByComparingTo("600000");
    assertThat(costing.cost(second, LocalDate.of(2025, 5, 1)).keyDecision()).isFalse();
    Costing withLinks = costing.cost(second, LocalDate.of(2025, 5, 1), linked);
    assertThat(withLinks.keyDecision()).isTrue();
    assertThat(withLinks.keyDecisionStatement())
        .contains("the linked awards' total, £600,000.00, reaches the £500,000.00 threshold");
    // A council whose rule does not count linked awards: not key.
    ContractCosting potentialOnly =
        new ContractCosting(
            WorkingCalendar.englandAndWales(),
            new KeyDecisionRule(
                new BigDecimal("500000"), EnumSet.of(KeyDecisionTest.POTENTIAL_VALUE)));
    assertThat(potentialOnly.cost(second, LocalDate.of(2025, 5, 1), linked).keyDecision())
        .isFalse();
  }

  @Test
  void theWardsJudgementMakesAnyDecisionKey() {
    KeyDecisionRule.Assessment a =
        KeyDecisionRule.standard()
            .assess(new BigDecimal("1000"), new BigDecimal("2000"), null, true);
    assertThat(a.key()).isTrue();
    assertThat(a.statement()).contains("significant effect on two or more wards");
    KeyDecisionRule.Assessment not =
        KeyDecisionRule.standard()
            .assess(new BigDecimal("1000.00"), new BigDecimal("2000.00"), null, false);
    assertThat(not.statement())
        .isEqualTo(
            "This is not a key decision: its value, £1,000.00; and the contract's potential value"
                + " with its options, £2,000.00 are below the £500,000.00 threshold, and no"
                + " significant effect on two or more wards is recorded.");
  }

  @Test
  void aTaperAndAnEarlyExitChangeTheRosterAndTheEnd() {
    Contract c = small("S-1", null);
    Decision taper =
        new Decision(
            DecisionKind.TAPER,
            LocalDate.of(2025, 6, 1),
            "Head of Service",
            null,
            DecisionRoute.DELEGATED,
            null,
            false,
            0,
            null,
            List.of(),
            null,
            null,
            null,
            List.of(new RosterChange(LocalDate.of(2025, 9, 1), Role.SOCIAL_WORKER, 0, null)),
            null,
            null);
    Contract tapered = c.withDecision(taper);
    // September: 30 days at nothing; before, 100 a day: 183 - 30 = 153 days, 15,300.
    assertThat(costing.cost(tapered, LocalDate.of(2025, 6, 1)).total())
        .isEqualByComparingTo("15300.00");
    Decision exit =
        new Decision(
            DecisionKind.EARLY_EXIT,
            LocalDate.of(2025, 6, 1),
            "Head of Service",
            null,
            DecisionRoute.DELEGATED,
            null,
            false,
            0,
            null,
            List.of(),
            null,
            LocalDate.of(2025, 6, 30),
            null,
            List.of(),
            null,
            null);
    // April to June: 91 days, 9,100.
    assertThat(costing.cost(c.withDecision(exit), LocalDate.of(2025, 6, 1)).total())
        .isEqualByComparingTo("9100.00");
    Decision late =
        new Decision(
            DecisionKind.EARLY_EXIT,
            LocalDate.of(2025, 6, 1),
            "H",
            null,
            DecisionRoute.URGENT,
            null,
            false,
            0,
            null,
            List.of(),
            null,
            LocalDate.of(2025, 12, 1),
            null,
            List.of(),
            null,
            null);
    assertThatThrownBy(() -> c.withDecision(late))
        .isInstanceOf(DocumentException.class)
        .satisfies(
            e ->
                assertThat(((DocumentException) e).problems())
                    .extracting(p -> p.field())
                    .containsExactlyInAnyOrder("urgencyReason", "newEnd"));
  }

  @Test
  void changesAndInvoicesAreTheContractsOwnOperations() {
    Contract t = tender();
    Contract tapered =
        t.withChange(new RosterChange(LocalDate.of(2023, 3, 1), null, null, 0, "Team D"));
    // March without Team D: 3 × 74,999.98 = 224,999.94.
    assertThat(costing.cost(tapered, LocalDate.of(2023, 3, 1)).months().getLast().team())
        .isEqualByComparingTo("224999.94");
    assertThatThrownBy(
            () -> t.withChange(new RosterChange(LocalDate.of(2023, 3, 1), null, null, 0, null)))
        .isInstanceOf(DocumentException.class)
        .hasMessageContaining("name one of: Team A, Team B, Team C, Team D");
    Contract invoiced =
        t.withInvoice(
                new Contract.Invoice(YearMonth.of(2022, 12), new BigDecimal("300000"), "INV-1"))
            .withInvoice(
                new Contract.Invoice(YearMonth.of(2022, 12), new BigDecimal("299000"), "INV-2"));
    assertThat(invoiced.actuals()).extracting(Contract.Invoice::reference).containsExactly("INV-2");
    assertThatThrownBy(
            () ->
                t.withInvoice(
                    new Contract.Invoice(YearMonth.of(2024, 1), new BigDecimal("1.005"), null)))
        .isInstanceOf(DocumentException.class)
        .satisfies(
            e ->
                assertThat(((DocumentException) e).problems())
                    .extracting(p -> p.field())
                    .containsExactly("month", "amount"));
  }

  @Test
  void aMultiTeamContractRoundTripsAndItsMistakesAreNamed() {
    assertThat(ScenarioReader.contract(ContractDocument.toYaml(tender()))).isEqualTo(tender());
    String bad =
        TENDER.replace("end: 2023-03-31", "end: 2023-03-31\nteam: Somewhere")
            + "changes:\n  - {from: 2023-01-01, teams: 0, forTeam: Team E}\n";
    assertThatThrownBy(() -> ScenarioReader.contract(bad))
        .isInstanceOf(DocumentException.class)
        .hasMessageContaining("team: a contract for several teams names each one's team")
        .satisfies(
            e ->
                assertThat(DocumentException.describe(((DocumentException) e).problems().get(1)))
                    .contains(
                        "changes[0].forTeam: is not one of the contract's teams: Team A, Team B,"
                            + " Team C, Team D"));
  }

  @Test
  void printedFiguresThatDoNotAddUpAreListed() {
    // Six months, 1 team manager at 500 a day and 4 social workers at 400, tapered to 2 social
    // workers from September: April 30 × 2,100 = 63,000; May 31 × 2,100 = 65,100; June 63,000;
    // July and August 65,100; September 30 × 1,300 = 39,000. Sum 360,300.
    Contract c =
        ScenarioReader.contract(
            """
            id: SIX
            provider: P
            start: 2025-04-01
            end: 2025-09-30
            roster:
              - {role: team-manager, count: 1, rate: {amount: 500, per: calendar-day}}
              - {role: social-worker, count: 4, rate: {amount: 400, per: calendar-day}}
            changes:
              - {from: 2025-09-01, role: social-worker, count: 2}
            """);
    Costing cost = costing.cost(c, LocalDate.of(2025, 4, 1));
    assertThat(cost.total()).isEqualByComparingTo("360300");
    // The council's printed table: September at the old roster (52,000 with 4 social workers,
    // while its text says 2) and a total 2 pounds more than its rows (373,300).
    Decision.Printed printed =
        new Decision.Printed(
            List.of(
                new Decision.PrintedMonth(YearMonth.of(2025, 4), new BigDecimal("63000"), 4),
                new Decision.PrintedMonth(YearMonth.of(2025, 5), new BigDecimal("65100"), 4),
                new Decision.PrintedMonth(YearMonth.of(2025, 6), new BigDecimal("63000"), 4),
                new Decision.PrintedMonth(YearMonth.of(2025, 7), new BigDecimal("65100"), 4),
                new Decision.PrintedMonth(YearMonth.of(2025, 8), new BigDecimal("65100"), 4),
                new Decision.PrintedMonth(YearMonth.of(2025, 9), new BigDecimal("52000"), 4)),
            new BigDecimal("373302"),
            "Cabinet report, table 2");
    List<PrintedFigures.Difference> d = PrintedFigures.compare(printed, cost, c);
    assertThat(d)
        .extracting(PrintedFigures.Difference::message)
        .containsExactly(
            "The printed total, £373,302.00, is not the sum of its months, £373,300.00: £2.00"
                + " more",
            "For September 2025 the report prints £52,000.00; Safeload's figure is £39,000.00"
                + " (£13,000.00 apart)",
            "For September 2025 the report shows 4 social workers; the contract's roster has 2 on"
                + " 30 September 2025",
            "The printed total, £373,302.00, differs from Safeload's total for the same months,"
                + " £360,300.00");
    assertThat(d.getFirst().difference()).isEqualByComparingTo("2");
  }

  @Test
  void procurementRulesFlagWhatApplies() {
    ProcurementRules rules =
        new ProcurementRules(
            List.of(
                new ProcurementRules.Regime(
                    "the light-touch regime of the Public Contracts Regulations 2015",
                    LocalDate.of(2016, 1, 1),
                    LocalDate.of(2025, 2, 23),
                    new BigDecimal("663540")),
                new ProcurementRules.Regime(
                    "the Procurement Act 2023 (light-touch contracts)",
                    LocalDate.of(2025, 2, 24),
                    null,
                    new BigDecimal("663540"))),
            List.of(
                new ProcurementRules.CouncilRule(
                    new BigDecimal("100000"),
                    EnumSet.of(ProcurementRoute.COMPETITIVE_TENDER, ProcurementRoute.FRAMEWORK),
                    "Rule 5.2: a tender or a framework call-off above £100,000")));
    assertThat(rules.regimeOn(LocalDate.of(2025, 2, 23)).name()).contains("2015");
    assertThat(rules.regimeOn(LocalDate.of(2025, 2, 24)).name()).contains("2023");
    List<Flag> tenderFlags =
        rules.flags(tender(), new BigDecimal("1200000.00"), LocalDate.of(2022, 11, 28));
    assertThat(tenderFlags).extracting(Flag::code).containsExactly("procurement-regime");
    assertThat(tenderFlags.getFirst().message())
        .isEqualTo(
            "Awarded on 28 November 2022 under the light-touch regime of the Public Contracts"
                + " Regulations 2015: its value, £1,200,000.00, is at or above the £663,540.00"
                + " threshold");
    Contract direct =
        ScenarioReader.contract(
            TENDER.replace(
                "route: competitive-tender",
                "route: direct-award\njustification: Children without a worker since March"));
    assertThat(rules.flags(direct, new BigDecimal("1200000.00"), LocalDate.of(2025, 3, 3)))
        .extracting(Flag::code)
        .containsExactly(
            "procurement-regime", "direct-award-justification", "contract-procedure-rule");
    Contract noRoute = ScenarioReader.contract(TENDER.replace("route: competitive-tender\n", ""));
    assertThat(rules.flags(noRoute, new BigDecimal("150000.00"), LocalDate.of(2025, 3, 3)))
        .extracting(Flag::message)
        .contains(
            "The contract's value, £150,000.00, reaches the £100,000.00 threshold but no"
                + " procurement route is recorded");
  }
}
