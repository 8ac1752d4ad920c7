package org.safeload.app.money.appraisal;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The council's own figures for the team options appraisal (docs/money.md): the regional agency
 * price caps per role, the agency's fee and hours, the salary scale point per role and the on-cost
 * rate. Nothing is built in: unset, the appraisal page says so (the demo council has example
 * figures of its own, under {@code safeload.demo.appraisal}, used only with the demo).
 *
 * <pre>
 * safeload:
 *   appraisal:
 *     source: "Regional price caps 2026-27; NJC pay scales April 2026"   # shown on the page
 *     region: North West
 *     agency:
 *       hourly-caps: {team-manager: 50.00, social-worker: 41.00}    # pay + employer NI + levy
 *       hourly-fee: 3.00
 *       hours-per-week: 37
 *       weeks-per-year: 52
 *     permanent:
 *       salaries: {team-manager: 52000, social-worker: 39500}
 *       on-cost-rate: 0.3
 *       recruitment-cost-per-post: 0
 * </pre>
 *
 * A role's key is its code ({@code social-worker}); from the environment, without the hyphen
 * ({@code SAFELOAD_APPRAISAL_AGENCY_HOURLYCAPS_SOCIALWORKER=41.00}).
 *
 * @param source where the figures come from, shown with the appraisal
 * @param region the region whose price caps these are
 */
@ConfigurationProperties("safeload.appraisal")
public record AppraisalProperties(
    String source, String region, Agency agency, Permanent permanent) {

  /**
   * Agency workers: the cap per role an hour, the agency's fee an hour, hours a week, weeks paid.
   */
  public record Agency(
      Map<String, BigDecimal> hourlyCaps,
      BigDecimal hourlyFee,
      BigDecimal hoursPerWeek,
      BigDecimal weeksPerYear) {}

  /** Permanent staff: the salary per role a year, the on-cost rate, a recruitment cost per post. */
  public record Permanent(
      Map<String, BigDecimal> salaries, BigDecimal onCostRate, BigDecimal recruitmentCostPerPost) {}

  /** Whether anything at all is set. */
  boolean isSet() {
    return (source != null && !source.isBlank())
        || (region != null && !region.isBlank())
        || agency != null
        || permanent != null;
  }
}
