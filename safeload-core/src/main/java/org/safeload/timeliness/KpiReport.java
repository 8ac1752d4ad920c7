package org.safeload.timeliness;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * KPI results for a period: for each rule, items counted by status, the rate, and the same by group
 * (team, worker or provider). An item falls in the period by its deadline.
 *
 * <p>{@code rate = met / (met + late + overdue)}; {@code null} when nothing was due.
 */
public record KpiReport(LocalDate asOf, LocalDate from, LocalDate to, List<Kpi> kpis) {

  /** What to group by. */
  public enum GroupBy {
    NONE,
    TEAM,
    WORKER,
    PROVIDER
  }

  /** Counts for a rule, or for one group of it. */
  public record Counts(
      String key, int met, int late, int overdue, int pending, int dueSoon, BigDecimal rate) {}

  /** A rule's counts, in all and by group. */
  public record Kpi(
      String id,
      String name,
      int met,
      int late,
      int overdue,
      int pending,
      int dueSoon,
      BigDecimal rate,
      List<Counts> groups) {}

  /**
   * Summarises items.
   *
   * @param providerOfTeam the provider of each managed team, by team id (for grouping by provider)
   */
  public static KpiReport of(
      KpiItems items,
      KpiRuleSet set,
      EventLog log,
      LocalDate asOf,
      LocalDate from,
      LocalDate to,
      GroupBy by,
      Map<String, String> providerOfTeam) {
    int fromDay = from == null ? Integer.MIN_VALUE : (int) from.toEpochDay();
    int toDay = to == null ? Integer.MAX_VALUE : (int) to.toEpochDay();
    int rules = set.rules().size();
    int[][] totals = new int[rules][5];
    List<Map<String, int[]>> groups = new ArrayList<>();
    for (int r = 0; r < rules; r++) {
      groups.add(new TreeMap<>());
    }
    IntFunction<String> key =
        switch (by) {
          case NONE -> i -> null;
          case TEAM -> i -> orNone(log.teams.get(items.teamOf[i]));
          case WORKER -> i -> orNone(log.workers.get(items.workerOf[i]));
          case PROVIDER ->
              i -> {
                String team = log.teams.get(items.teamOf[i]);
                String provider = team == null ? null : providerOfTeam.get(team);
                return provider == null ? "(council)" : provider;
              };
        };
    for (int i = 0; i < items.size; i++) {
      int day = items.deadlineDay[i];
      if (day < fromDay || day > toDay) {
        continue;
      }
      int r = items.rule[i];
      count(totals[r], items, i);
      String k = key.apply(i);
      if (k != null) {
        count(groups.get(r).computeIfAbsent(k, x -> new int[5]), items, i);
      }
    }
    List<Kpi> kpis = new ArrayList<>();
    for (int r = 0; r < rules; r++) {
      KpiRule rule = set.rules().get(r);
      int[] t = totals[r];
      List<Counts> byGroup = new ArrayList<>();
      groups
          .get(r)
          .forEach((k, c) -> byGroup.add(new Counts(k, c[0], c[1], c[2], c[3], c[4], rate(c))));
      kpis.add(new Kpi(rule.id(), rule.name(), t[0], t[1], t[2], t[3], t[4], rate(t), byGroup));
    }
    return new KpiReport(asOf, from, to, kpis);
  }

  /** A rule's counts for the items whose deadline falls in one calendar month. */
  public record Month(
      YearMonth month, int met, int late, int overdue, int pending, BigDecimal rate) {

    /** Items due in the month and already decided (met, late or overdue): the rate's base. */
    public int due() {
      return met + late + overdue;
    }
  }

  /** A rule's result month by month, with the goal it is measured against (or null). */
  public record Trend(String id, String name, BigDecimal goal, List<Month> months) {}

  /**
   * Each rule's result in each calendar month from {@code first} to {@code last}, an item falling
   * in the month of its deadline (its London date), counted as of the date the items were
   * evaluated: the same counts and rate as {@link #of} over that month.
   */
  public static List<Trend> byMonth(
      KpiItems items, KpiRuleSet set, YearMonth first, YearMonth last) {
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("The months run from " + first + " to " + last);
    }
    int months = (int) java.time.temporal.ChronoUnit.MONTHS.between(first, last) + 1;
    int rules = set.rules().size();
    int[][][] counts = new int[rules][months][5];
    for (int i = 0; i < items.size; i++) {
      YearMonth month = YearMonth.from(LocalDate.ofEpochDay(items.deadlineDay[i]));
      int m = (int) java.time.temporal.ChronoUnit.MONTHS.between(first, month);
      if (m >= 0 && m < months) {
        count(counts[items.rule[i]][m], items, i);
      }
    }
    List<Trend> trends = new ArrayList<>();
    for (int r = 0; r < rules; r++) {
      KpiRule rule = set.rules().get(r);
      List<Month> byMonth = new ArrayList<>();
      for (int m = 0; m < months; m++) {
        int[] c = counts[r][m];
        byMonth.add(new Month(first.plusMonths(m), c[0], c[1], c[2], c[3], rate(c)));
      }
      trends.add(new Trend(rule.id(), rule.name(), rule.goal(), List.copyOf(byMonth)));
    }
    return List.copyOf(trends);
  }

  private static String orNone(String value) {
    return value == null ? "(none)" : value;
  }

  private static void count(int[] c, KpiItems items, int i) {
    c[items.status[i]]++;
    if (items.dueSoon[i]) {
      c[4]++;
    }
  }

  /** met / (met + late + overdue) to four places, or null when nothing was due. */
  static BigDecimal rate(int[] c) {
    int due = c[0] + c[1] + c[2];
    return due == 0
        ? null
        : BigDecimal.valueOf(c[0]).divide(BigDecimal.valueOf(due), 4, RoundingMode.HALF_UP);
  }
}
