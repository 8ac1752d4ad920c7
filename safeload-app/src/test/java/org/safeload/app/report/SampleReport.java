package org.safeload.app.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.safeload.report.BulletList;
import org.safeload.report.Cell;
import org.safeload.report.Chart;
import org.safeload.report.KeyValues;
import org.safeload.report.Paragraph;
import org.safeload.report.Report;
import org.safeload.report.Section;
import org.safeload.report.Sources;
import org.safeload.report.Table;
import org.safeload.report.ValueKind;

/**
 * A realistic extension report, built by hand: six months of a managed team's cost, cumulative
 * spend against a £250,000 ceiling (passed in September), caseload per FTE before and after.
 *
 * <p>Monthly cost (team + extras = month):
 *
 * <pre>
 * April 2026      40,300.00 + 1,250.50 = 41,550.50   cumulative  41,550.50
 * May 2026        41,643.33 + 1,250.50 = 42,893.83   cumulative  84,444.33
 * June 2026       40,300.00 +     0.00 = 40,300.00   cumulative 124,744.33
 * July 2026       41,643.34 −   312.25 = 41,331.09   cumulative 166,075.42
 * August 2026     41,643.33 + 1,250.50 = 42,893.83   cumulative 208,969.25
 * September 2026  40,300.00 + 1,250.50 = 41,550.50   cumulative 250,519.75
 * Total          245,830.00 + 4,689.75 = 250,519.75
 * </pre>
 *
 * The council's report prints the team cost total as £245,828.00: £2.00 less than the rows.
 */
final class SampleReport {

  static final List<String> MONTHS =
      List.of("Apr 2026", "May 2026", "Jun 2026", "Jul 2026", "Aug 2026", "Sep 2026");

  private SampleReport() {}

  static Table monthlyCost() {
    return Table.builder("Monthly cost, April to September 2026")
        .column("Month", ValueKind.TEXT)
        .summed("Team cost", ValueKind.MONEY)
        .summed("Extras", ValueKind.MONEY)
        .column("Social workers", ValueKind.NUMBER)
        .row(Cell.text("April 2026"), Cell.money("40300.00"), Cell.money("1250.50"), Cell.number(6))
        .row(Cell.text("May 2026"), Cell.money("41643.33"), Cell.money("1250.50"), Cell.number(6))
        .row(Cell.text("June 2026"), Cell.money("40300.00"), Cell.money("0.00"), Cell.number(6))
        .row(
            Cell.text("July 2026"),
            Cell.money("41643.34"),
            Cell.money("-312.25").withNote("Credit for a vacant post, 1 to 10 July 2026"),
            Cell.number(6))
        .row(
            Cell.text("August 2026"), Cell.money("41643.33"), Cell.money("1250.50"), Cell.number(5))
        .row(
            Cell.text("September 2026"),
            Cell.money("40300.00"),
            Cell.money("1250.50"),
            Cell.number(new BigDecimal("4.5")))
        .printedTotal("Team cost", new BigDecimal("245828.00"), "The council's report")
        .build();
  }

  static Chart cumulativeSpend() {
    return Chart.line("Cumulative spend against the ceiling")
        .categories("Month", MONTHS)
        .values("Spend (£)", ValueKind.MONEY)
        .series(
            "Cumulative spend",
            money("41550.50", "84444.33", "124744.33", "166075.42", "208969.25", "250519.75"))
        .reference("Ceiling", new BigDecimal("250000"))
        .describedAs(
            "Cumulative spend rises steadily from £41,550.50 in April to £250,519.75 in September"
                + " 2026, passing the £250,000.00 ceiling in September.")
        .build();
  }

  static Chart caseload() {
    return Chart.bar("Caseload per FTE before and after the team")
        .categories("Period", List.of("March 2026 (before)", "September 2026 (after)"))
        .values("Cases per FTE", ValueKind.NUMBER)
        .series("Caseload per FTE", money("24.5", "17.2"))
        .reference("Target", new BigDecimal("18"))
        .describedAs(
            "Caseload per FTE fell from 24.5 in March 2026 to 17.2 in September 2026, below the"
                + " target of 18.")
        .build();
  }

  static Report report() {
    return new Report(
        "Extension of the managed social work team contract",
        List.of(
            "Northbridge Council",
            "Decision maker: Director of Children's Services",
            "Date of decision: 14 December 2026"),
        "Draft",
        List.of(
            Section.of(
                "1",
                "Summary",
                Paragraph.of(
                    "This report asks the Director to extend the contract with Brightpath Social"
                        + " Care Ltd for 6 months & to note the spend <so far>."),
                KeyValues.of(
                    "Decision maker",
                    "Director of Children's Services",
                    "Key decision",
                    "No: the value is under £500,000.00")),
            Section.of(
                "2",
                "Recommendations",
                BulletList.of(
                    "Extend the contract to 31 March 2027.",
                    "Taper the team from 6 to 4 social workers from February 2027."),
                Paragraph.strong("The extension is recommended.")),
            Section.of(
                    "3",
                    "Financial implications",
                    Paragraph.warning("Spend passed the contract ceiling in September 2026."))
                .with(
                    Section.of("3.1", "Monthly cost", monthlyCost(), cumulativeSpend()),
                    Section.of("3.2", "Evidence of impact", caseload())),
            Section.of(
                "",
                "Appendix: figures",
                new Sources(
                    "Figures used in this report",
                    List.of(
                        new Sources.Figure(
                            "Contract ceiling",
                            Cell.money("250000"),
                            "Contract terms",
                            LocalDate.of(2026, 4, 1)),
                        new Sources.Figure(
                            "Spend to date",
                            Cell.money("250519.75"),
                            "Safeload costing with invoices",
                            LocalDate.of(2026, 11, 24)))))));
  }

  private static List<BigDecimal> money(String... values) {
    return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
  }
}
