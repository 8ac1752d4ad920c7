package org.safeload.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartTest {

  private static List<BigDecimal> values(String... v) {
    return Arrays.stream(v).map(s -> s == null ? null : new BigDecimal(s)).toList();
  }

  @Test
  void theFiguresAreATableWithTheReferenceLineInTheCaption() {
    Chart chart =
        Chart.line("Cumulative spend against the ceiling")
            .categories("Month", List.of("Apr 2026", "May 2026", "Jun 2026"))
            .values("Spend (£)", ValueKind.MONEY)
            .series("Actual and forecast", values("41550.50", "84444.33", null))
            .reference("Ceiling", new BigDecimal("250000"))
            .describedAs("Spend rises to £84,444.33 by May 2026, well under the £250,000 ceiling.")
            .build();

    Table table = chart.asTable();
    assertThat(table.caption())
        .isEqualTo("Cumulative spend against the ceiling (Ceiling: £250,000.00)");
    assertThat(table.columns())
        .extracting(Table.Column::heading)
        .containsExactly("Month", "Actual and forecast");
    assertThat(table.rows())
        .extracting(r -> r.cells().get(0).display() + " " + r.cells().get(1).display())
        .containsExactly("Apr 2026 £41,550.50", "May 2026 £84,444.33", "Jun 2026 ");
    assertThat(table.hasTotal()).isFalse();
  }

  @Test
  void needsATextAlternativeAndOneValuePerCategory() {
    assertThatThrownBy(
            () ->
                Chart.bar("Caseload")
                    .categories("Team", List.of("Before", "After"))
                    .values("Cases per FTE", ValueKind.NUMBER)
                    .series("Caseload", values("24", "17"))
                    .build())
        .hasMessageContaining("needs a text alternative");
    assertThatThrownBy(
            () ->
                Chart.bar("Caseload")
                    .categories("Team", List.of("Before", "After"))
                    .values("Cases per FTE", ValueKind.NUMBER)
                    .series("Caseload", values("24"))
                    .describedAs("Caseloads fell.")
                    .build())
        .hasMessageContaining("has 1 values for 2 categories");
  }

  @Test
  void sectionTitlesNumberTopLevelSectionsWithAFullStop() {
    assertThat(Section.of("4", "Financial implications").title())
        .isEqualTo("4. Financial implications");
    assertThat(Section.of("4.1", "Monthly cost").title()).isEqualTo("4.1 Monthly cost");
    assertThat(Section.of("", "Appendix").title()).isEqualTo("Appendix");
  }
}
