package org.safeload.app.caseload.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeload.app.platform.Chart;
import org.safeload.caseload.Throughput.Month;

/** The caseload-per-FTE chart plots the core's monthly figures where hand working puts them. */
class CaseloadChartsTest {

  private static Month month(int m, String fte, int cases, String perFte) {
    YearMonth ym = YearMonth.of(2026, m);
    return new Month(
        ym,
        ym.atEndOfMonth(),
        cases,
        new BigDecimal(fte),
        perFte == null ? null : new BigDecimal(perFte));
  }

  @Test
  void theMonthsArePlottedAgainstTheTeamTarget() {
    // June 25 cases on 2 FTE = 12.5; July 36 on 2 = 18; August 32 on 2 = 16; target 16.
    Chart chart =
        CaseloadCharts.perFte(
            "c",
            "Cases per case-holding FTE by month",
            List.of(
                month(6, "2", 25, "12.50"), month(7, "2", 36, "18.00"), month(8, "2", 32, "16.00")),
            new BigDecimal("16"));

    assertThat(chart.xTitle()).isEqualTo("Month");
    assertThat(chart.yTitle()).isEqualTo("Cases per FTE");
    // The data table: one row a month, in words.
    assertThat(chart.rows())
        .containsExactly(
            new Chart.Row("Jun 2026", List.of("12.5")),
            new Chart.Row("Jul 2026", List.of("18")),
            new Chart.Row("Aug 2026", List.of("16")));
    // The y axis: the largest value 18 over 5 ticks gives a step of 5 (3.6 rounded up to 1, 2 or 5
    // × 10ⁿ), so 0 to 20. The plot is 232 px high (320 − 24 − 64) from y = 24: a value v is at
    // 256 − round(v × 232 / 20).
    assertThat(chart.yTicks())
        .extracting(Chart.Tick::label)
        .containsExactly("0", "5", "10", "15", "20");
    assertThat(chart.yTicks()).extracting(Chart.Tick::at).containsExactly(256, 198, 140, 82, 24);
    // x: 592 px wide (720 − 80 − 48) from x = 80, three months at 0, 296 and 592 px.
    // 12.5 → 256 − 145 = 111; 18 → 256 − round(208.8) = 47; 16 → 256 − round(185.6) = 70.
    assertThat(chart.series()).hasSize(1);
    Chart.Series s = chart.series().getFirst();
    assertThat(s.name()).isEqualTo("Cases per case-holding FTE");
    assertThat(s.points())
        .containsExactly(
            new Chart.Point(80, 111, "Jun 2026", "12.5"),
            new Chart.Point(376, 47, "Jul 2026", "18"),
            new Chart.Point(672, 70, "Aug 2026", "16"));
    assertThat(s.polyline()).isEqualTo("80,111 376,47 672,70");
    // The team target of 16 as a line at the same height as August's 16.
    assertThat(chart.references()).containsExactly(new Chart.Reference("Team target", 70, "16"));
  }

  @Test
  void aMonthWithoutCaseHoldingFteIsLeftOutOfTheLineAndThereIsNoTargetWithoutOne() {
    Chart chart =
        CaseloadCharts.perFte(
            "c", "t", List.of(month(6, "0", 0, null), month(7, "1", 9, "9.00")), null);
    assertThat(chart.rows())
        .containsExactly(
            new Chart.Row("Jun 2026", List.of(Chart.NO_FIGURE)),
            new Chart.Row("Jul 2026", List.of("9")));
    assertThat(chart.series().getFirst().points())
        .extracting(Chart.Point::category)
        .containsExactly("Jul 2026");
    assertThat(chart.references()).isEmpty();
    assertThat(LocalDate.of(2026, 7, 31)).isEqualTo(month(7, "1", 9, "9.00").on());
  }
}
