package org.safeload.planning;

/**
 * A triangular distribution of days: lowest {@code min}, most likely {@code mode}, highest {@code
 * max} (a registration delay the user estimates). {@code min = mode = max} is a fixed delay.
 */
public record Triangular(double min, double mode, double max) {

  /** Days in an average month (365.25 / 12), to enter a delay in months. */
  public static final double DAYS_PER_MONTH = 365.25 / 12;

  public Triangular {
    if (!(min >= 0 && min <= mode && mode <= max) || Double.isInfinite(max)) {
      throw new IllegalArgumentException(
          "a triangular distribution needs 0 ≤ min ≤ mode ≤ max (not "
              + min
              + ", "
              + mode
              + ", "
              + max
              + ")");
    }
  }

  /** A fixed number of days. */
  public static Triangular fixed(double days) {
    return new Triangular(days, days, days);
  }

  /** A delay entered in months, kept in days. */
  public static Triangular months(double min, double mode, double max) {
    return new Triangular(min * DAYS_PER_MONTH, mode * DAYS_PER_MONTH, max * DAYS_PER_MONTH);
  }

  /** The mean: (min + mode + max) / 3. */
  public double mean() {
    return (min + mode + max) / 3;
  }

  /** The value at the share {@code u} of the distribution (its inverse distribution function). */
  public double at(double u) {
    return Sampling.triangular(u, min, mode, max);
  }
}
