package org.safeload.caseload;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import org.safeload.caseload.CaseBook.History;
import org.safeload.caseload.CaseBook.Step;
import org.safeload.timeliness.EventType;

/**
 * A team's flow of cases over a period, the evidence for an extension report: open at the start,
 * received (new and transferred in), stepped down, closed, transferred out, open at the end;
 * changes of social worker per child; caseload per case-holding FTE month by month.
 *
 * <p>The counts balance: {@code openAtEnd = openAtStart + receivedNew + transferredIn −
 * transferredOut − closed − steppedDownOut}. {@code steppedDown} counts every step-down in the team
 * (to a lower type, the case staying open, or out of children's social care, ending it: the latter
 * are also {@code steppedDownOut}).
 */
public final class Throughput {

  /**
   * The counts for one team and period (both days included).
   *
   * @param children children whose case was open in the team at some time in the period
   * @param workerChanges changes of allocated social worker in the team in the period (a first
   *     allocation is not a change)
   * @param childrenByChanges children by their number of changes: [0], [1], [2], [3 or more]
   */
  public record Flow(
      String team,
      LocalDate from,
      LocalDate to,
      int openAtStart,
      int receivedNew,
      int transferredIn,
      int steppedDown,
      int steppedDownOut,
      int closed,
      int transferredOut,
      int openAtEnd,
      int children,
      int workerChanges,
      List<Integer> childrenByChanges,
      List<Month> months) {

    public int received() {
      return receivedNew + transferredIn;
    }

    /** Changes of social worker per child (2 decimal places), or null with no children. */
    public BigDecimal changesPerChild() {
      return Load.perFte(BigDecimal.valueOf(workerChanges), BigDecimal.valueOf(children));
    }
  }

  /**
   * Caseload at the end of a month (or of the period, if sooner).
   *
   * @param fte the team's case-holding FTE on that day
   */
  public record Month(
      YearMonth month, LocalDate on, int cases, BigDecimal fte, BigDecimal casesPerFte) {}

  private Throughput() {}

  /**
   * @param staff the team's workers on a day (only case-holding roles count)
   */
  public static Flow of(
      CaseBook book,
      String team,
      LocalDate from,
      LocalDate to,
      BiFunction<String, LocalDate, List<CaseHolder>> staff) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("The period ends before it starts");
    }
    int openAtStart = 0;
    int openAtEnd = 0;
    int receivedNew = 0;
    int transferredIn = 0;
    int transferredOut = 0;
    int steppedDown = 0;
    int steppedDownOut = 0;
    int closed = 0;
    Map<String, Integer> changesOfChild = new HashMap<>();
    LocalDate dayBefore = from.minusDays(1);
    for (History h : book.cases().values()) {
      Step before = h.on(dayBefore).orElse(null);
      if (inTeam(before, team)) {
        openAtStart++;
        changesOfChild.putIfAbsent(h.childId(), 0);
      }
      Step state = before;
      // The last worker while the case stays open: a change through an unallocated spell counts.
      String lastWorker = before != null && before.open() ? before.worker() : null;
      for (Step s : h.steps()) {
        if (!s.day().isAfter(dayBefore)) {
          continue;
        }
        if (s.day().isAfter(to)) {
          break;
        }
        boolean wasHere = inTeam(state, team);
        boolean wasOpen = state != null && state.open();
        boolean nowHere = inTeam(s, team);
        if (!wasOpen && nowHere) {
          receivedNew++;
        } else if (wasOpen && !wasHere && nowHere) {
          if (state.team() == null) {
            receivedNew++; // opened without a team, then given this one
          } else {
            transferredIn++;
          }
        } else if (wasHere && s.open() && !nowHere) {
          transferredOut++;
        }
        if (wasHere && s.event() == EventType.STEPPED_DOWN) {
          steppedDown++;
          if (!s.open()) {
            steppedDownOut++;
          }
        }
        if (wasHere && s.event() == EventType.CLOSED) {
          closed++;
        }
        if (!s.open()) {
          lastWorker = null;
        }
        if (nowHere) {
          changesOfChild.putIfAbsent(h.childId(), 0);
          if (wasOpen
              && lastWorker != null
              && s.worker() != null
              && !lastWorker.equals(s.worker())) {
            changesOfChild.merge(h.childId(), 1, Integer::sum);
          }
        }
        if (s.open() && s.worker() != null) {
          lastWorker = s.worker();
        }
        state = s;
      }
      if (inTeam(state, team)) {
        openAtEnd++;
      }
    }
    int[] byChanges = new int[4];
    int changes = 0;
    for (int n : changesOfChild.values()) {
      byChanges[Math.min(n, 3)]++;
      changes += n;
    }
    List<Month> months = months(book, team, from, to, staff);
    return new Flow(
        team,
        from,
        to,
        openAtStart,
        receivedNew,
        transferredIn,
        steppedDown,
        steppedDownOut,
        closed,
        transferredOut,
        openAtEnd,
        changesOfChild.size(),
        changes,
        Arrays.stream(byChanges).boxed().toList(),
        List.copyOf(months));
  }

  /**
   * A team's caseload per case-holding FTE at the end of each month from {@code from} to {@code to}
   * (the last month at {@code to} when it ends sooner): the cases held then by the team's
   * case-holding workers on that day, over the sum of their FTE. The same figure as the team's
   * board ({@link Caseloads#group}) on each of those days.
   *
   * @param staff the team's workers on a day (only case-holding roles count)
   */
  public static List<Month> months(
      CaseBook book,
      String team,
      LocalDate from,
      LocalDate to,
      BiFunction<String, LocalDate, List<CaseHolder>> staff) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("The period ends before it starts");
    }
    List<Month> months = new ArrayList<>();
    for (LocalDate on : monthEnds(from, to)) {
      months.add(month(book, YearMonth.from(on), on, staff.apply(team, on)));
    }
    return List.copyOf(months);
  }

  /**
   * The days {@link #months} counts on: the end of each month from {@code from}'s to {@code to}'s,
   * the last being {@code to} itself when it ends sooner (what the staff function is asked for).
   */
  public static List<LocalDate> monthEnds(LocalDate from, LocalDate to) {
    List<LocalDate> ends = new ArrayList<>();
    for (YearMonth m = YearMonth.from(from); !m.atDay(1).isAfter(to); m = m.plusMonths(1)) {
      ends.add(m.atEndOfMonth().isAfter(to) ? to : m.atEndOfMonth());
    }
    return List.copyOf(ends);
  }

  private static boolean inTeam(Step s, String team) {
    return s != null && s.open() && Objects.equals(s.team(), team);
  }

  private static Month month(CaseBook book, YearMonth m, LocalDate on, List<CaseHolder> staff) {
    Map<String, Boolean> holders = new HashMap<>();
    BigDecimal fte = BigDecimal.ZERO;
    for (CaseHolder h : staff) {
      if (h.role().caseHolding()) {
        holders.put(h.id(), true);
        fte = fte.add(h.fte());
      }
    }
    int cases = 0;
    for (CaseBook.OpenCase c : book.openOn(on)) {
      if (c.worker() != null && holders.containsKey(c.worker())) {
        cases++;
      }
    }
    return new Month(m, on, cases, fte, Load.perFte(BigDecimal.valueOf(cases), fte));
  }
}
