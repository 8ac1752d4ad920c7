package org.safeload.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A scenario document: contracts to cost, and ways of buying capacity to compare.
 *
 * @param asOf the date to report as of, if the document names one
 */
public record Scenario(
    LocalDate asOf,
    BigDecimal keyDecisionThreshold,
    List<Contract> contracts,
    List<RateCard> appraisal) {}
