package org.safeload.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.money.Costing.MonthCost;

/** Every pricing form and counting rule, each against figures worked out by hand. */
class ContractCostingTest {

  private static final LocalDate AS_OF = LocalDate.of(2025, 2, 1);
  private final ContractCosting costing = new ContractCosting(WorkingCalendar.englandAndWales());

  static final String EXAMPLE =
      """
      contracts:
        - id: example
          provider: Example Provider Ltd
          start: 2025-01-01
          end: 2025-03-31
          ceiling: 170000
          roster:
            - {role: team-manager, count: 1, rate: {amount: 400, per: calendar-day}}
            - {role: social-worker, count: 5, rate: {amount: 300, per: calendar-day}}
          changes:
            - {from: 2025-03-01, role: social-worker, count: 3}
          extras:
            - {name: Agency backfill, from: 2025-03-01, amount: 10000, per: month, count: 1}
          offsets:
            - {name: Vacant posts, amount: 20000}
      """;

  private Costing cost(String scenario) {
    Scenario s = ScenarioReader.scenario(scenario);
    return new ContractCosting(WorkingCalendar.englandAndWales(), s.keyDecisionThreshold())
        .cost(s.contracts().getFirst(), AS_OF);
  }

  private static String one(String body) {
    return "contracts:\n  - id: c\n    provider: P\n" + body.indent(4);
  }

  private static List<String> totals(Costing c) {
    return c.months().stream().map(m -> m.month() + " " + m.total().toPlainString()).toList();
  }

  @Test
  void theIssuesExampleToThePenny() {
    // By hand: Jan 31 × (400 + 5 × 300) = 58,900; Feb 28 × 1,900 = 53,200; Mar 31 × (400 + 3 ×
    // 300) = 40,300 plus 10,000 extras; total 162,400; net 142,400; headroom 7,600.
    Costing c = cost(EXAMPLE);
    assertThat(c.months())
        .extracting(m -> m.team().toPlainString() + "+" + m.extras().toPlainString())
        .containsExactly("58900.00+0.00", "53200.00+0.00", "40300.00+10000.00");
    assertThat(totals(c))
        .containsExactly("2025-01 58900.00", "2025-02 53200.00", "2025-03 50300.00");
    assertThat(c.total()).isEqualByComparingTo("162400.00");
    assertThat(c.offsets()).isEqualByComparingTo("20000.00");
    assertThat(c.net()).isEqualByComparingTo("142400.00");
    assertThat(c.headroom()).isEqualByComparingTo("7600.00");
    assertThat(c.keyDecision()).isFalse();
    assertThat(c.breachDate()).isNull();
  }

  @Test
  void aTeamUnitPricedPerTeamWeekIsProRatedByCalendarDays() {
    // 2 teams × £16,000 a week, Mon 6 Jan to Sun 2 Feb 2025: 4 weeks = 128,000. January has 26
    // of the 28 days: 128,000 × 26 / 28 = 118,857.142… → 118,857.14; February 2 days → 9,142.86.
    Costing c =
        cost(
            one(
                """
                start: 2025-01-06
                end: 2025-02-02
                teamUnit:
                  pricePerTeamWeek: 16000
                  teams: 2
                  composition: {team-manager: 1, social-worker: 6}
                """));
    assertThat(totals(c)).containsExactly("2025-01 118857.14", "2025-02 9142.86");
    assertThat(c.total()).isEqualByComparingTo("128000.00");
  }

  @Test
  void aWorkingDayRateCountsEnglandAndWalesWorkingDays() {
    // June 2022: 22 weekdays less Thu 2 and Fri 3 June (bank holidays) = 20 × £300 = 6,000.
    Costing c =
        cost(
            one(
                """
                start: 2022-06-01
                end: 2022-06-30
                roster:
                  - {role: social-worker, count: 1, rate: {amount: 300, per: working-day}}
                """));
    assertThat(totals(c)).containsExactly("2022-06 6000.00");
  }

  @Test
  void aWeeklyRateIsProRatedAcrossAMonthEnd() {
    // £2,100 a week, Wed 29 Jan to Tue 4 Feb 2025: 3 days in January (900), 4 in February (1,200).
    Costing c =
        cost(
            one(
                """
                start: 2025-01-29
                end: 2025-02-04
                roster:
                  - {role: team-manager, count: 1, rate: {amount: 2100, per: week}}
                """));
    assertThat(totals(c)).containsExactly("2025-01 900.00", "2025-02 1200.00");
  }

  @Test
  void aMonthlyRateIsProRatedAtContractEdgesIncludingALeapYearFebruary() {
    // £7,250 a month from 10 Feb to 20 Mar 2024. February 2024 has 29 days: 20 of them are in the
    // contract, 7,250 × 20 / 29 = 5,000.00. March: 7,250 × 20 / 31 = 4,677.419… → 4,677.42.
    Costing c =
        cost(
            one(
                """
                start: 2024-02-10
                end: 2024-03-20
                roster:
                  - {role: social-worker, count: 1, rate: {amount: 7250, per: month}}
                """));
    assertThat(totals(c)).containsExactly("2024-02 5000.00", "2024-03 4677.42");
    assertThat(c.total()).isEqualByComparingTo("9677.42");
  }

  @Test
  void eachMonthIsRoundedHalfUpOnceAndTotalsAddTheRoundedMonths() {
    // £50.05 a month for 3 of April's 30 days is exactly £5.005: half up gives 5.01 (half even
    // would give 5.00).
    assertThat(
            totals(
                cost(
                    one(
                        """
                        start: 2025-04-28
                        end: 2025-04-30
                        roster:
                          - {role: social-worker, count: 1, rate: {amount: 50.05, per: month}}
                        """))))
        .containsExactly("2025-04 5.01");
    // £1 a week, one day in January and one in February: 1/7 = 0.142… → 0.14 each month; the total
    // is 0.28, the sum of the rounded months (rounding the exact 2/7 would give 0.29).
    Costing c =
        cost(
            one(
                """
                start: 2025-01-31
                end: 2025-02-01
                roster:
                  - {role: social-worker, count: 1, rate: {amount: 1, per: week}}
                """));
    assertThat(totals(c)).containsExactly("2025-01 0.14", "2025-02 0.14");
    assertThat(c.total()).isEqualByComparingTo("0.28");
  }

  @Test
  void absencesAndVacanciesAreNotPaidFor() {
    // The example with one social worker absent 10-14 Jan (5 days × £300): January 57,400.
    String withAbsence =
        EXAMPLE.replace(
            "    offsets:",
            "    absences:\n      - {role: social-worker, from: 2025-01-10, to: 2025-01-14, count: 1}\n    offsets:");
    assertThat(totals(cost(withAbsence)).getFirst()).isEqualTo("2025-01 57400.00");
    // A team unit of 7 people: a social worker vacant for 7 days takes 16,000 / 7 / 7 a day off:
    // 118,857.142857 − 2,285.714286 = 116,571.428571 → 116,571.43.
    Costing unit =
        cost(
            one(
                """
                start: 2025-01-06
                end: 2025-02-02
                teamUnit:
                  pricePerTeamWeek: 16000
                  teams: 2
                  composition: {team-manager: 1, social-worker: 6}
                absences:
                  - {role: social-worker, from: 2025-01-20, to: 2025-01-26, reason: vacancy}
                """));
    assertThat(totals(unit).getFirst()).isEqualTo("2025-01 116571.43");
  }

  @Test
  void aTaperOfTeamUnitsAndExtrasFromMidMonth() {
    // 2 teams until 31 Jan, then 1: Jan 26 days × 2 × 16,000 / 7 = 118,857.14; Feb 1-2 at one
    // team: 2 × 16,000 / 7 = 4,571.43. Extras: £10,000 a month from 16 Jan (16 of 31 days) =
    // 5,161.29 in January and 10,000 × 2 / 28 = 714.29 in February; a one-off £2,500 on 1 Feb.
    Costing c =
        cost(
            one(
                """
                start: 2025-01-06
                end: 2025-02-02
                teamUnit:
                  pricePerTeamWeek: 16000
                  teams: 2
                  composition: {team-manager: 1, social-worker: 6}
                changes:
                  - {from: 2025-02-01, teams: 1}
                extras:
                  - {name: Backfill, from: 2025-01-16, amount: 10000, per: month}
                  - {name: Recruitment, from: 2025-02-01, amount: 2500, per: one-off}
                """));
    List<MonthCost> months = c.months();
    assertThat(months.get(0).team()).isEqualByComparingTo("118857.14");
    assertThat(months.get(0).extras()).isEqualByComparingTo("5161.29");
    assertThat(months.get(1).team()).isEqualByComparingTo("4571.43");
    assertThat(months.get(1).extras()).isEqualByComparingTo("3214.29");
  }

  @Test
  void invoicesReplaceTheForecastAndShowTheVariance() {
    String withInvoice =
        EXAMPLE.replace(
            "    offsets:",
            "    actuals:\n      - {month: 2025-01, amount: 58000, reference: INV-1}\n    offsets:");
    Costing c = cost(withInvoice);
    MonthCost january = c.months().getFirst();
    assertThat(january.forecast()).isEqualByComparingTo("58900.00");
    assertThat(january.actual()).isEqualByComparingTo("58000.00");
    assertThat(january.variance()).isEqualByComparingTo("-900.00");
    assertThat(january.total()).isEqualByComparingTo("58000.00");
    assertThat(c.months().get(1).actual()).isNull();
    // 58,000 + 53,200 + 50,300 = 161,500; headroom 8,500.
    assertThat(c.total()).isEqualByComparingTo("161500.00");
    assertThat(c.headroom()).isEqualByComparingTo("8500.00");
  }

  @Test
  void theDayTheCeilingIsBreachedIsProjected() {
    // Ceiling 100,000: £1,900 a day; 31 January days make 58,900; 21 February days more make
    // 98,800, the 22nd makes 100,700: breached on 22 February 2025.
    Costing c = cost(EXAMPLE.replace("ceiling: 170000", "ceiling: 100000"));
    assertThat(c.breachDate()).isEqualTo(LocalDate.of(2025, 2, 22));
    assertThat(c.headroom()).isEqualByComparingTo("-62400.00");
    assertThat(c.flags()).extracting(Costing.Flag::code).contains("ceiling-breach");
  }

  @Test
  void extensionsMakeAKeyDecisionAndTheirDecisionDateIsCountedDown() {
    String withExtension =
        EXAMPLE.replace(
            "    offsets:",
            "    extensions:\n      - {months: 6, maxValue: 400000, decideBy: 2025-02-28}\n    offsets:");
    Costing c = cost(withExtension);
    // 170,000 ceiling + 400,000 option = 570,000, at or above 500,000.
    assertThat(c.potentialValue()).isEqualByComparingTo("570000.00");
    assertThat(c.keyDecision()).isTrue();
    // 1 February to 28 February: 27 days.
    assertThat(c.extensionDecisions())
        .singleElement()
        .satisfies(d -> assertThat(d.daysLeft()).isEqualTo(27));
    assertThat(c.flags())
        .extracting(Costing.Flag::code)
        // Headroom 7,600 is under 5% of the 170,000 ceiling (8,500): close to the ceiling too.
        .containsExactly("key-decision", "ceiling-close", "extension-decision-due");
    Costing lowerThreshold = cost("settings: {keyDecisionThreshold: 150000}\n" + EXAMPLE);
    assertThat(lowerThreshold.keyDecision()).isTrue();
  }

  @Test
  void theOptionsAppraisalPutsEachWayOfBuyingSideBySide() {
    Scenario s =
        ScenarioReader.scenario(
            """
            appraisal:
              - {name: Permanent social worker, kind: permanent, salary: 42000, onCostRate: 0.3}
              - {name: Agency social worker, kind: agency, hourlyPay: 40, onCostRate: 0.14, hourlyFee: 6}
              - {name: Managed team, kind: managed-team, pricePerTeamWeek: 16000, teamFte: 7, caseHoldingFte: 6}
            """);
    // Permanent: 42,000 × 1.3 = 54,600. Agency: (40 × 1.14 + 6) × 37 × 52 = 51.6 × 1,924 =
    // 99,278.40. Managed: 16,000 × 52 = 832,000 a year, / 7 FTE = 118,857.14, / 6 case-holding
    // FTE = 138,666.67.
    assertThat(Appraisal.of(s.appraisal()))
        .extracting(
            l ->
                l.kind()
                    + " "
                    + l.annualCostPerFte().toPlainString()
                    + " "
                    + l.annualCostPerCaseHoldingFte().toPlainString())
        .containsExactly(
            "permanent 54600.00 54600.00",
            "agency 99278.40 99278.40",
            "managed-team 118857.14 138666.67");
  }

  @Test
  void aContractWithNoCeilingHasNoHeadroom() {
    Costing c =
        cost(
            one(
                """
                start: 2025-01-01
                end: 2025-01-31
                roster:
                  - {role: social-worker, count: 2, rate: {amount: 100, per: calendar-day}}
                """));
    assertThat(c.ceiling()).isNull();
    assertThat(c.headroom()).isNull();
    assertThat(c.total()).isEqualByComparingTo(new BigDecimal("6200.00"));
  }
}
