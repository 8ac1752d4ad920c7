package org.safeload.app.caseload.web;

import java.math.BigDecimal;
import java.util.List;
import org.safeload.app.platform.Chart;
import org.safeload.app.platform.Show;
import org.safeload.caseload.Throughput;

/**
 * The caseload charts: a team's cases per case-holding FTE at the end of each month (the figures
 * the core's {@link Throughput#months} gives), with the policy's team target as a reference line.
 */
final class CaseloadCharts {

  static final String SERIES = "Cases per case-holding FTE";

  private CaseloadCharts() {}

  /**
   * @param target the policy's team target for cases per case-holding FTE, or null (no line)
   */
  static Chart perFte(String id, String title, List<Throughput.Month> months, BigDecimal target) {
    Show show = new Show();
    return Chart.line(id, title)
        .x("Month", months.stream().map(m -> show.shortMonth(m.month())).toList())
        .y("Cases per FTE", show::number, BigDecimal.ONE)
        .series(SERIES, months.stream().map(Throughput.Month::casesPerFte).toList())
        .reference("Team target", target)
        .build();
  }
}
