package org.safeload.timeliness;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
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
