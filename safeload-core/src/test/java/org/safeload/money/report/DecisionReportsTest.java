package org.safeload.money.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.money.Contract;
import org.safeload.money.ContractCosting;
import org.safeload.money.Costing;
import org.safeload.money.Decision;
import org.safeload.money.DecisionFigures;
import org.safeload.money.DecisionKind;
import org.safeload.money.DecisionRoute;
import org.safeload.money.KeyDecisionRule;
import org.safeload.money.PrintedFigures;
import org.safeload.money.ReportType;
import org.safeload.money.ScenarioReader;
import org.safeload.report.Block;
import org.safeload.report.BulletList;
import org.safeload.report.Paragraph;
import org.safeload.report.Report;
import org.safeload.report.Section;
import org.safeload.report.Table;

/** The report's financial table and statements, against figures worked out by hand. */
class DecisionReportsTest {

  private final ContractCosting costing = new ContractCosting(WorkingCalendar.englandAndWales());

  /** Six months: 1 team manager at 500 a day and 4 social workers at 400, 2 from September. */
  static final String SIX =
      """
      id: SIX
      provider: Example Provider Ltd
      route: framework
      start: 2025-04-01
      end: 2025-09-30
      ceiling: 400000
      team: Project Team
      roster:
        - {role: team-manager, count: 1, rate: {amount: 500, per: calendar-day}}
        - {role: social-worker, count: 4, rate: {amount: 400, per: calendar-day}}
      changes:
        - {from: 2025-09-01, role: social-worker, count: 2}
      offsets:
        - {name: Vacant posts not paid, amount: 20000}
      """;

  /**
   * The council's printed table (typed by hand for this test): the same months, but September at
   * the old roster (52,000, 4 social workers) and a total of 373,302, £2 more than its rows.
   */
  static Decision.Printed printed() {
    List<BigDecimal> amounts =
        List.of("63000", "65100", "63000", "65100", "65100", "52000").stream()
            .map(BigDecimal::new)
            .toList();
    List<Decision.PrintedMonth> months = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      months.add(new Decision.PrintedMonth(YearMonth.of(2025, 4 + i), amounts.get(i), 4));
    }
    return new Decision.Printed(months, new BigDecimal("373302"), "Cabinet report, table 2");
  }

  static Decision award() {
    return new Decision(
        DecisionKind.AWARD,
        LocalDate.of(2025, 3, 20),
        "Cllr A. Member",
        "Cabinet Member for Children's Services",
        DecisionRoute.EXECUTIVE,
        null,
        false,
        5,
        new Decision.Narrative(
            "To hold 140 children's cases safely for six months.",
            "Caseloads rose to 24 per social worker.",
            null,
            List.of(new Decision.Risk("The team leaves before cases are handed over", "Taper")),
            "Taper to 2 social workers in September.",
            "From the children's social care budget."),
        List.of(
            new Decision.OptionConsidered("Do nothing", BigDecimal.ZERO, false, null),
            new Decision.OptionConsidered("Managed team", new BigDecimal("360300"), true, null)),
        null,
        null,
        null,
        List.of(),
        null,
        printed());
  }

  private DecisionFigures figures(Contract c, Decision d) {
    Costing cost = costing.cost(c, d.date());
    BigDecimal value = d.valueOf(c, cost.total());
    return new DecisionFigures(
        d.date(),
        "Northbridge Council",
        c,
        cost,
        value,
        KeyDecisionRule.standard().assess(value, cost.potentialValue(), null, false),
        List.of(),
        PrintedFigures.compare(d.printed(), cost, c),
        List.of(),
        null,
        null);
  }

  private static Section section(Report r, String heading) {
    return r.sections().stream().filter(s -> s.heading().equals(heading)).findFirst().orElseThrow();
  }

  private static <T extends Block> List<T> blocks(Section s, Class<T> type) {
    return s.blocks().stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void theFinancialTableAddsUpAndListsWhereThePrintedFiguresDiffer() {
    Contract c = ScenarioReader.contract(SIX);
    Decision d = award();
    Report r = DecisionReports.write(ReportType.AWARD, figures(c, d), d);
    assertThat(r.title()).isEqualTo("Award of a contract for a managed social work team");
    Section money = section(r, "Financial implications");
    Table monthly = blocks(money, Table.class).getFirst();
    // By hand: 63,000, 65,100, 63,000, 65,100, 65,100, 39,000 = 360,300.
    assertThat(monthly.rows())
        .extracting(row -> row.cells().get(0).display() + " " + row.cells().getLast().display())
        .containsExactly(
            "April 2025 £63,000.00",
            "May 2025 £65,100.00",
            "June 2025 £63,000.00",
            "July 2025 £65,100.00",
            "August 2025 £65,100.00",
            "September 2025 £39,000.00");
    assertThat(monthly.total().orElseThrow().cells().getLast().display()).isEqualTo("£360,300.00");
    // The printed total 373,302 against the rows' 360,300: the model's own difference.
    assertThat(monthly.differences())
        .singleElement()
        .satisfies(
            diff -> {
              assertThat(diff.printed()).isEqualByComparingTo("373302");
              assertThat(diff.computed()).isEqualByComparingTo("360300");
            });
    List<String> listed = blocks(money, BulletList.class).getFirst().items();
    assertThat(listed)
        .contains(
            "The printed total, £373,302.00, is not the sum of its months, £373,300.00: £2.00"
                + " more",
            "For September 2025 the report shows 4 social workers; the contract's roster has 2 on"
                + " 30 September 2025");
    // Value: the ceiling, 400,000; potential value the same; below the 500,000 threshold.
    assertThat(blocks(money, Paragraph.class).getLast().text())
        .isEqualTo(
            "This is not a key decision: its value, £400,000.00; and the contract's potential"
                + " value with its options, £400,000.00 are below the £500,000.00 threshold, and"
                + " no significant effect on two or more wards is recorded.");
    assertThat(r.sections())
        .extracting(Section::heading)
        .containsExactly(
            "Summary",
            "Recommendations",
            "Background",
            "Options considered",
            "Financial implications",
            "Evidence of impact",
            "Workforce and vetting",
            "Risks and mitigations",
            "Exit plan",
            "Legal and procurement implications",
            "Appendix: the figures and their sources");
    assertThat(blocks(section(r, "Recommendations"), Paragraph.class).getFirst().text())
        .isEqualTo(
            "That the Cabinet Member for Children's Services approves the option chosen: Managed"
                + " team, at a cost of £360,300.00.");
  }

  @Test
  void aFourTeamContractShowsEachTeamsColumn() {
    Contract tender = ScenarioReader.contract(org.safeload.money.DecisionsTest.TENDER);
    Costing cost = costing.cost(tender, LocalDate.of(2022, 11, 28));
    DecisionFigures f =
        new DecisionFigures(
            LocalDate.of(2022, 11, 28),
            "A council",
            tender,
            cost,
            null,
            KeyDecisionRule.standard().assess(null, cost.potentialValue(), null, false),
            List.of(),
            List.of(),
            List.of(),
            null,
            null);
    Report r = DecisionReports.write(ReportType.AWARD, f, null);
    assertThat(r.status()).startsWith("Draft");
    Table monthly = blocks(section(r, "Financial implications"), Table.class).getFirst();
    assertThat(monthly.columns())
        .extracting(Table.Column::heading)
        .containsExactly(
            "Month", "Team A", "Team B", "Team C", "Team D", "Extras", "Invoiced", "Total");
    // Each team's column adds to 5 months of one team: 7,258.06 + 3 × 74,999.98 + 67,741.92 =
    // 299,999.92; four of them, 1,199,999.68.
    List<String> total =
        monthly.total().orElseThrow().cells().stream().map(cell -> cell.display()).toList();
    assertThat(total.subList(1, 5)).containsOnly("£299,999.92");
    assertThat(total.getLast()).isEqualTo("£1,199,999.68");
  }
}
