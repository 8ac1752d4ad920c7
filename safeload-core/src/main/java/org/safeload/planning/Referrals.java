package org.safeload.planning;

import java.time.YearMonth;
import java.util.List;

/**
 * A team's new cases per month: either a history of monthly counts or a rate.
 *
 * <p>From a history (oldest first, {@code first} its first month): the mean is the mean of its last
 * 12 months (all of them if fewer). With 24 months or more, each calendar month has a factor: the
 * mean of that calendar month's counts over the whole history divided by the mean of all of them (1
 * for a calendar month the history lacks, and for all when the mean is 0); the mean for a projected
 * month is the mean times its calendar month's factor. From a rate: the rate every month.
 *
 * @param first the first month of {@code history} (null with a rate)
 * @param history counts per month, oldest first, or empty with a rate
 * @param perMonth the rate, or null with a history
 */
public record Referrals(YearMonth first, List<Integer> history, Double perMonth) {

  /** Month-of-year factors apply from this many months of history. */
  public static final int SEASONAL_MONTHS = 24;

  public Referrals {
    history = history == null ? List.of() : List.copyOf(history);
    if (perMonth != null
        && !(perMonth >= 0 && perMonth <= ProjectionInput.MAX_REFERRALS_PER_MONTH)) {
      throw new IllegalArgumentException(
          "new cases a month are 0 to 100,000 (not " + perMonth + ")");
    }
    if (history.stream().anyMatch(n -> n > ProjectionInput.MAX_REFERRALS_PER_MONTH)) {
      throw new IllegalArgumentException("a month's new cases are at most 100,000");
    }
    if (perMonth == null) {
      if (history.isEmpty() || first == null) {
        throw new IllegalArgumentException(
            "referrals need a rate or a history and its first month");
      }
      if (history.stream().anyMatch(n -> n < 0)) {
        throw new IllegalArgumentException("a month's referrals cannot be negative");
      }
    } else if (!(perMonth >= 0) || Double.isInfinite(perMonth) || !history.isEmpty()) {
      throw new IllegalArgumentException(
          "referrals per month must be 0 or more, without a history");
    }
  }

  public static Referrals rate(double perMonth) {
    return new Referrals(null, List.of(), perMonth);
  }

  public static Referrals history(YearMonth first, List<Integer> counts) {
    return new Referrals(first, counts, null);
  }

  /** The mean of the last 12 months of the history (or the rate). */
  public double mean() {
    if (perMonth != null) {
      return perMonth;
    }
    int from = Math.max(0, history.size() - 12);
    double sum = 0;
    for (int i = from; i < history.size(); i++) {
      sum += history.get(i);
    }
    return sum / (history.size() - from);
  }

  /**
   * The month-of-year factor of a calendar month (1 to 12): 1 with a rate or under {@link
   * #SEASONAL_MONTHS} months of history.
   */
  public double factor(int calendarMonth) {
    if (perMonth != null || history.size() < SEASONAL_MONTHS) {
      return 1;
    }
    double all = 0;
    double sum = 0;
    int n = 0;
    for (int i = 0; i < history.size(); i++) {
      all += history.get(i);
      if (first.plusMonths(i).getMonthValue() == calendarMonth) {
        sum += history.get(i);
        n++;
      }
    }
    double overall = all / history.size();
    return n == 0 || overall == 0 ? 1 : (sum / n) / overall;
  }

  /** The mean for each of {@code months} months from {@code start}. */
  public double[] means(YearMonth start, int months) {
    double mean = mean();
    double[] means = new double[months];
    for (int m = 0; m < months; m++) {
      means[m] = mean * factor(start.plusMonths(m).getMonthValue());
    }
    return means;
  }
}
