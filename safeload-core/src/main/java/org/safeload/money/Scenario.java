package org.safeload.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A scenario document: contracts to cost, and ways of buying capacity to compare.
 *
 * @param asOf the date to report as of, if the document names one
 * @param teamAppraisal the team options appraisal to cost, if the document has one
 */
public record Scenario(
    LocalDate asOf,
    BigDecimal keyDecisionThreshold,
    List<Contract> contracts,
    List<RateCard> appraisal,
    TeamAppraisal.Inputs teamAppraisal) {

  /** A scenario with no team options appraisal. */
  public Scenario(
      LocalDate asOf,
      BigDecimal keyDecisionThreshold,
      List<Contract> contracts,
      List<RateCard> appraisal) {
    this(asOf, keyDecisionThreshold, contracts, appraisal, null);
  }
}
