package org.safeload.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.money.Contract;
import org.safeload.money.ContractCosting;
import org.safeload.money.ContractStatus;
import org.safeload.money.Costing;
import org.safeload.money.Decision;
import org.safeload.money.DecisionDocument;
import org.safeload.money.DecisionKind;
import org.safeload.money.DecisionRoute;
import org.safeload.money.KeyDecisionRule;
import org.safeload.money.OptionState;
import org.safeload.money.PrintedFigures;
import org.safeload.money.ScenarioReader;

/**
 * The demo's two decisions on its managed team's contract (DemoCouncil): the urgent award and the
 * exercise of the 3-month option, against figures worked out by hand.
 */
class DemoDecisionsTest {

  private final ContractCosting costing =
      new ContractCosting(WorkingCalendar.englandAndWales(), KeyDecisionRule.standard());

  private static Contract contract() {
    return ScenarioReader.contract(DemoCouncil.contractDocument());
  }

  @Test
  void theAwardIsAnUrgentKeyDecisionThatChangesNothing() {
    Decision award = DecisionDocument.read(DemoCouncil.awardDecision());
    assertThat(award.kind()).isEqualTo(DecisionKind.AWARD);
    assertThat(award.route()).isEqualTo(DecisionRoute.URGENT);
    assertThat(award.callInDays()).isZero();
    assertThat(award.options()).hasSize(4);
    assertThat(award.chosenOption().name()).startsWith("Managed team");
    assertThat(award.words().risks()).hasSize(4);
    assertThat(contract().withDecision(award)).isEqualTo(contract());
    // Its value is the ceiling, 480,000: below 500,000. The contract's potential value, 480,000 +
    // the open option's 150,000 = 630,000, makes it key.
    Costing cost = costing.cost(contract(), award.date());
    BigDecimal value = award.valueOf(contract(), cost.total());
    assertThat(value).isEqualByComparingTo("480000");
    assertThat(
            costing.keyDecisionRule().assess(value, cost.potentialValue(), null, false).statement())
        .isEqualTo(
            "This is a key decision because the contract's potential value with its options,"
                + " £630,000.00, reaches the £500,000.00 threshold.");
  }

  @Test
  void theAwardsPrintedTableIsComparedWithSafeloads() {
    // Safeload, by hand (a day is 450 + 7 × 340 + 160 = 2,990; mileage 1,200 a month): October
    // invoiced 81,900; November 30 × 2,990 + 1,200 = 90,900; December and January 31 × 2,990 +
    // 1,200 = 93,890; February 28 × 1,970 + 1,200 = 56,360; March 31 × 1,290 + 1,200 = 41,190;
    // 1 to 4 April 4 × 1,290 + 1,200 × 4/30 = 5,320. Total 463,450. The printed rows add up to
    // 463,325 (October at the 81,775 forecast), the printed total says 463,327.
    Decision award = DecisionDocument.read(DemoCouncil.awardDecision());
    Costing cost = costing.cost(contract(), award.date());
    assertThat(cost.months())
        .extracting(m -> m.total().toPlainString())
        .containsExactly(
            "81900.00", "90900.00", "93890.00", "93890.00", "56360.00", "41190.00", "5320.00");
    assertThat(cost.total()).isEqualByComparingTo("463450");
    assertThat(PrintedFigures.compare(award.printed(), cost, contract()))
        .extracting(PrintedFigures.Difference::message)
        .containsExactly(
            "The printed total, £463,327.00, is not the sum of its months, £463,325.00: £2.00"
                + " more",
            "For October 2026 the report prints £81,775.00; Safeload's figure is £81,900.00"
                + " (£125.00 apart)",
            "The printed total, £463,327.00, differs from Safeload's total for the same months,"
                + " £463,450.00");
  }

  @Test
  void theExtensionExercisesTheOptionToFourJuly() {
    Decision extension = DecisionDocument.read(DemoCouncil.extensionDecision());
    Contract before = contract();
    Contract after = before.withDecision(extension);
    // 4 April 2027 + 3 months; 480,000 + 150,000.
    assertThat(after.end()).isEqualTo(LocalDate.of(2027, 7, 4));
    assertThat(after.ceiling()).isEqualByComparingTo("630000");
    assertThat(after.status()).isEqualTo(ContractStatus.EXTENDED);
    assertThat(after.extensions().getFirst().state()).isEqualTo(OptionState.EXERCISED);
    // Decided before its 18 December 2026 notice date, after the award.
    assertThat(extension.date())
        .isBefore(before.extensions().getFirst().decideBy())
        .isAfter(DecisionDocument.read(DemoCouncil.awardDecision()).date());
    // The months added at the tapered roster (1,290 a day and 1,200 a month mileage): 5 to 30 April
    // 26 × 1,290 + 1,200 × 26/30 = 34,580; May 31 × 1,290 + 1,200 = 41,190; June 30 × 1,290 +
    // 1,200 = 39,900; 1 to 4 July 4 × 1,290 + 1,200 × 4/31 = 5,314.84. Sum 120,984.84, as the
    // option's note says, within its 150,000.
    assertThat(costing.costOfMonths(before, 3)).isEqualByComparingTo("120984.84");
    assertThat(extension.options())
        .filteredOn(Decision.OptionConsidered::chosen)
        .singleElement()
        .satisfies(o -> assertThat(o.note()).contains("£120,984.84"));
    Costing cost = costing.cost(after, LocalDate.of(2026, 11, 24));
    // 463,450 - 5,320 (April was 4 days) + 39,900 (all of April) + 41,190 + 39,900 + 5,314.84.
    assertThat(cost.total()).isEqualByComparingTo("584434.84");
    assertThat(cost.months().getLast().month()).isEqualTo(YearMonth.of(2027, 7));
    assertThat(cost.headroom()).isEqualByComparingTo("45565.16");
    // No open option: the potential value is the ceiling, and no extension flag is left.
    assertThat(cost.potentialValue()).isEqualByComparingTo("630000");
    assertThat(cost.flags())
        .extracting(Costing.Flag::code)
        .containsExactly("key-decision")
        .doesNotContain("extension-decision-due");
    assertThat(extension.valueOf(before, costing.cost(before, extension.date()).total()))
        .isEqualByComparingTo("150000");
    assertThat(List.of(extension.route(), extension.callInDays()))
        .containsExactly(DecisionRoute.EXECUTIVE, 5);
  }
}
