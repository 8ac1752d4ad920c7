package org.safeload.caseload;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A caseload: the number of cases (one per child) and their weighted sum.
 *
 * @param weighted the sum of the cases' weights (exact)
 */
public record Load(int cases, BigDecimal weighted) {

  public static final Load NONE = new Load(0, BigDecimal.ZERO);

  public Load plus(BigDecimal weight) {
    return new Load(cases + 1, weighted.add(weight));
  }

  public Load plus(Load other) {
    return new Load(cases + other.cases, weighted.add(other.weighted));
  }

  public Load minus(BigDecimal weight) {
    return new Load(cases - 1, weighted.subtract(weight));
  }

  /** Cases per FTE, to 2 decimal places (half up); {@code null} for no FTE. */
  public BigDecimal casesPerFte(BigDecimal fte) {
    return perFte(BigDecimal.valueOf(cases), fte);
  }

  /** Weighted cases per FTE, to 2 decimal places (half up); {@code null} for no FTE. */
  public BigDecimal weightedPerFte(BigDecimal fte) {
    return perFte(weighted, fte);
  }

  static BigDecimal perFte(BigDecimal amount, BigDecimal fte) {
    if (fte == null || fte.signum() <= 0) {
      return null;
    }
    return amount.divide(fte, 2, RoundingMode.HALF_UP);
  }
}
