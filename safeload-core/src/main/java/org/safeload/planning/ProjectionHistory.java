package org.safeload.planning;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.safeload.caseload.CaseBook;
import org.safeload.timeliness.CaseType;

/**
 * A projection's history-based inputs read from the case activity log ({@link CaseBook}), the same
 * way for the app and the {@code evaluate} command: each team's new cases per month, what happens
 * to open cases by type in a month, and each team's open cases at the end of the last month.
 *
 * <p>Everything is read from month-end states, as the projection works: a team's new cases in a
 * month are its cases open at the month's end that were open nowhere at the end of the month before
 * (a case opened and closed within a month is not counted, nor is a transfer between teams); of the
 * cases open with a type at the end of a month, those not open at the end of the next have ended
 * and those open with another type have changed type. The moves are counted over the last 12 months
 * of the period (the case-months from the end of the month before those 12), pooled across teams.
 */
public final class ProjectionHistory {

  private ProjectionHistory() {}

  /**
   * @param referrals each team's new cases per month over the period, by team (every team with a
   *     case open at a month's end)
   * @param moves the monthly probabilities by type, from the last 12 months
   * @param caseMonths the case-months the moves were counted over, by type
   * @param openCases each team's open cases at the end of the period's last month, by type
   */
  public record Estimates(
      Map<String, Referrals> referrals,
      CaseMoves moves,
      Map<CaseType, Integer> caseMonths,
      Map<String, Map<CaseType, Integer>> openCases) {}

  /** Reads the estimates from the months {@code first} to {@code last}, both included. */
  public static Estimates from(CaseBook book, YearMonth first, YearMonth last) {
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("the period ends before it starts");
    }
    int months = (int) first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1;
    LocalDate[] ends = new LocalDate[months + 1];
    for (int i = 0; i <= months; i++) {
      ends[i] = first.plusMonths(i - 1L).atEndOfMonth();
    }
    int movesFrom = Math.max(1, months - 11);
    Map<String, int[]> arrivals = new TreeMap<>();
    int[] base = new int[CaseMoves.TYPES];
    int[] exits = new int[CaseMoves.TYPES];
    int[][] changes = new int[CaseMoves.TYPES][CaseMoves.TYPES];
    Map<String, Map<CaseType, Integer>> open = new TreeMap<>();
    for (CaseBook.History h : book.cases().values()) {
      CaseBook.Step before = state(h, ends[0]);
      for (int i = 1; i <= months; i++) {
        CaseBook.Step now = state(h, ends[i]);
        boolean wasOpen = before != null && before.open();
        boolean isOpen = now != null && now.open();
        if (isOpen && now.team() != null) {
          int[] counts = arrivals.computeIfAbsent(now.team(), k -> new int[months]);
          if (!wasOpen) {
            counts[i - 1]++;
          }
        }
        if (i >= movesFrom && wasOpen && before.type() != null) {
          int from = before.type().ordinal();
          base[from]++;
          if (!isOpen) {
            exits[from]++;
          } else if (now.type() != null && now.type() != before.type()) {
            changes[from][now.type().ordinal()]++;
          }
        }
        if (i == months && isOpen && now.team() != null && now.type() != null) {
          open.computeIfAbsent(now.team(), k -> new EnumMap<>(CaseType.class))
              .merge(now.type(), 1, Integer::sum);
        }
        before = now;
      }
    }
    Map<CaseType, Double> exit = new EnumMap<>(CaseType.class);
    Map<CaseType, Map<CaseType, Double>> change = new EnumMap<>(CaseType.class);
    Map<CaseType, Integer> caseMonths = new EnumMap<>(CaseType.class);
    for (CaseType from : CaseType.values()) {
      int n = base[from.ordinal()];
      caseMonths.put(from, n);
      if (n == 0) {
        continue;
      }
      exit.put(from, exits[from.ordinal()] / (double) n);
      Map<CaseType, Double> to = new EnumMap<>(CaseType.class);
      for (CaseType d : CaseType.values()) {
        int c = changes[from.ordinal()][d.ordinal()];
        if (c > 0) {
          to.put(d, c / (double) n);
        }
      }
      if (!to.isEmpty()) {
        change.put(from, to);
      }
    }
    Map<String, Referrals> referrals = new LinkedHashMap<>();
    arrivals.forEach(
        (team, counts) -> {
          List<Integer> list = new ArrayList<>();
          for (int c : counts) {
            list.add(c);
          }
          referrals.put(team, Referrals.history(first, list));
        });
    Map<String, Map<CaseType, Integer>> openCopy = new LinkedHashMap<>();
    open.forEach((team, byType) -> openCopy.put(team, Map.copyOf(byType)));
    return new Estimates(
        Map.copyOf(referrals), new CaseMoves(exit, change), Map.copyOf(caseMonths), openCopy);
  }

  /**
   * The first whole month of the case activity (the month after its earliest event's), from which a
   * history may start without counting months before the records as months with no cases; empty
   * without events.
   */
  public static java.util.Optional<YearMonth> firstWholeMonth(CaseBook book) {
    LocalDate earliest = null;
    for (CaseBook.History h : book.cases().values()) {
      if (!h.steps().isEmpty()) {
        LocalDate day = h.steps().getFirst().day();
        if (earliest == null || day.isBefore(earliest)) {
          earliest = day;
        }
      }
    }
    return java.util.Optional.ofNullable(earliest).map(d -> YearMonth.from(d).plusMonths(1));
  }

  private static CaseBook.Step state(CaseBook.History h, LocalDate day) {
    return h.on(day).orElse(null);
  }
}
