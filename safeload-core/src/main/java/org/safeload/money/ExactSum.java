package org.safeload.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * A sum of fractions (an amount over a whole-number denominator: per day, per week of 7 days, per
 * month of 28 to 31 days) kept exact, so that rounding to the penny happens once, on the true
 * value.
 */
final class ExactSum {

  private final Map<Long, BigDecimal> numerators = new HashMap<>();

  void add(BigDecimal numerator, long denominator) {
    if (numerator.signum() != 0) {
      numerators.merge(denominator, numerator, BigDecimal::add);
    }
  }

  void add(ExactSum other) {
    other.numerators.forEach((denominator, numerator) -> add(numerator, denominator));
  }

  boolean isZero() {
    return numerators.values().stream().allMatch(n -> n.signum() == 0);
  }

  /** The sum rounded to the penny, half up. */
  BigDecimal toPence() {
    long common = 1;
    for (long denominator : numerators.keySet()) {
      common = lcm(common, denominator);
    }
    BigDecimal numerator = BigDecimal.ZERO;
    for (Map.Entry<Long, BigDecimal> e : numerators.entrySet()) {
      numerator = numerator.add(e.getValue().multiply(BigDecimal.valueOf(common / e.getKey())));
    }
    return numerator.divide(BigDecimal.valueOf(common), 2, RoundingMode.HALF_UP);
  }

  /** The sum to 34 significant digits (for running totals, where pennies are not the point). */
  BigDecimal approximately() {
    BigDecimal sum = BigDecimal.ZERO;
    for (Map.Entry<Long, BigDecimal> e : numerators.entrySet()) {
      sum =
          sum.add(
              e.getValue()
                  .divide(BigDecimal.valueOf(e.getKey()), java.math.MathContext.DECIMAL128));
    }
    return sum;
  }

  private static long lcm(long a, long b) {
    return a / BigInteger.valueOf(a).gcd(BigInteger.valueOf(b)).longValue() * b;
  }
}
