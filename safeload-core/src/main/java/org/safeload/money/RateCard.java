package org.safeload.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One way of buying social work capacity, priced for a year: a permanent post, an agency worker, or
 * a managed team. Each gives its annual cost per FTE and per case-holding FTE.
 */
public sealed interface RateCard {

  String name();

  String kind();

  /** The exact annual cost of one FTE. */
  BigDecimal annualCostPerFte();

  /** The share of an FTE that holds cases (a managed team's manager holds none). */
  BigDecimal caseHoldingShare();

  default BigDecimal annualCostPerCaseHoldingFte() {
    return annualCostPerFte().divide(caseHoldingShare(), 10, RoundingMode.HALF_UP);
  }

  /** A permanent post: salary plus on-costs (employer's National Insurance, pension). */
  record Permanent(
      String name, BigDecimal salary, BigDecimal onCostRate, BigDecimal caseHoldingShare)
      implements RateCard {
    @Override
    public String kind() {
      return "permanent";
    }

    @Override
    public BigDecimal annualCostPerFte() {
      return salary.multiply(BigDecimal.ONE.add(onCostRate));
    }
  }

  /**
   * An agency worker: hourly pay with its on-costs (employer's National Insurance, apprenticeship
   * levy) plus the agency's hourly fee, for the hours of a full-time week, over a year.
   */
  record Agency(
      String name,
      BigDecimal hourlyPay,
      BigDecimal onCostRate,
      BigDecimal hourlyFee,
      BigDecimal hoursPerWeek,
      BigDecimal weeksPerYear,
      BigDecimal caseHoldingShare)
      implements RateCard {
    @Override
    public String kind() {
      return "agency";
    }

    @Override
    public BigDecimal annualCostPerFte() {
      BigDecimal hourly = hourlyPay.multiply(BigDecimal.ONE.add(onCostRate)).add(hourlyFee);
      return hourly.multiply(hoursPerWeek).multiply(weeksPerYear);
    }
  }

  /** A managed team at a price per team per week, of a stated size, some of it holding cases. */
  record ManagedTeam(
      String name,
      BigDecimal pricePerTeamWeek,
      BigDecimal weeksPerYear,
      BigDecimal teamFte,
      BigDecimal caseHoldingFte)
      implements RateCard {
    @Override
    public String kind() {
      return "managed-team";
    }

    @Override
    public BigDecimal annualCostPerFte() {
      return pricePerTeamWeek.multiply(weeksPerYear).divide(teamFte, 10, RoundingMode.HALF_UP);
    }

    @Override
    public BigDecimal caseHoldingShare() {
      return caseHoldingFte.divide(teamFte, 10, RoundingMode.HALF_UP);
    }

    @Override
    public BigDecimal annualCostPerCaseHoldingFte() {
      return pricePerTeamWeek
          .multiply(weeksPerYear)
          .divide(caseHoldingFte, 10, RoundingMode.HALF_UP);
    }
  }
}
