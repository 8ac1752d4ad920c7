package org.safeload.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.safeload.money.Contract;
import org.safeload.money.ContractCosting;
import org.safeload.money.Costing;
import org.safeload.organisation.Role;

/**
 * What a managed-team option costs in each projected month, from the money engine: the contract
 * with its end moved to the option's and, for a taper, its social workers set from the first day of
 * each month. A month's team cost depends only on that month's days (each month is rounded to the
 * penny once, docs/money.md), so a taper's cost is the sum over its months of the cost of a month
 * at that size: {@link #table} costs each size once and {@link #contract} builds the one contract
 * whose costing gives the same months (the tests check both agree).
 *
 * <p>A taper's first month with no social workers is its exit: the contract ends the day before,
 * and later months cost nothing. Social workers are priced by the contract's social-worker roster
 * line; a contract that prices them only in team units is charged for the missing ones as absences
 * (a unit's weekly price less each missing person's share, docs/money.md).
 */
final class ManagedCosts {

  private ManagedCosts() {}

  /** Social workers holding cases in each projected month (0-based) under the option. */
  static int[] workers(ManagedTeam option, YearMonth start, int months) {
    int[] k = new int[months];
    boolean exited = false;
    for (int m = 0; m < months; m++) {
      int n = option.socialWorkersIn(start, m);
      if (option.socialWorkers() != null && planned(option, start, m) == 0) {
        exited = true;
      }
      k[m] = exited ? 0 : n;
    }
    return k;
  }

  /** The taper's number for month m (the list's last for later months), ignoring the end. */
  private static int planned(ManagedTeam option, YearMonth start, int m) {
    List<Integer> list = option.socialWorkers();
    if (list.isEmpty()) {
      return 0;
    }
    LocalDate monthStart = start.plusMonths(m).atDay(1);
    if (monthStart.isAfter(option.end())) {
      return 0;
    }
    return list.get(Math.min(m, list.size() - 1));
  }

  /** The option's cost in each projected month, in pence. */
  static long[] pence(ManagedTeam option, YearMonth start, int months, ContractCosting costing) {
    if (option.socialWorkers() == null) {
      Contract c = option.contract().withEnd(option.end()).withoutInvoices();
      return byMonth(costing.cost(c, c.start()), start, months);
    }
    int[] plan = new int[months];
    for (int m = 0; m < months; m++) {
      plan[m] = planned(option, start, m);
    }
    return pence(table(option, start, months, max(plan), costing), plan);
  }

  /** A schedule's cost from a table: each month at its size, nothing from the first 0 on. */
  static long[] pence(long[][] table, int[] schedule) {
    long[] out = new long[schedule.length];
    for (int m = 0; m < schedule.length; m++) {
      if (schedule[m] == 0) {
        break;
      }
      out[m] = table[m][schedule[m]];
    }
    return out;
  }

  /**
   * The cost of each projected month m with k social workers (k from 0 to {@code most}): {@code
   * table[m][k]} pence. Row k = 0 is the cost with none, the contract still running; a schedule's
   * exit is {@link #pence(long[][], int[])}'s to apply.
   */
  static long[][] table(
      ManagedTeam option, YearMonth start, int months, int most, ContractCosting costing) {
    long[][] table = new long[months][most + 1];
    for (int k = 0; k <= most; k++) {
      Contract c = sized(option, start, k);
      long[] month = byMonth(costing.cost(c, c.start()), start, months);
      for (int m = 0; m < months; m++) {
        table[m][k] = month[m];
      }
    }
    return table;
  }

  /**
   * The contract as a schedule makes it: its end the option's, or the day before the schedule's
   * first month with none; its social workers set on the first day of each month they change
   * (months before the contract starts ignored).
   */
  static Contract contract(ManagedTeam option, YearMonth start, int[] schedule) {
    Contract base = withoutOwnTaper(option, start);
    LocalDate end = option.end();
    List<Contract.RosterChange> changes = new ArrayList<>(base.changes());
    List<Contract.Absence> absences = new ArrayList<>(base.absences());
    int before = -1;
    for (int m = 0; m < schedule.length; m++) {
      LocalDate from = start.plusMonths(m).atDay(1);
      if (from.isAfter(end)) {
        break;
      }
      if (schedule[m] == 0) {
        end = from.minusDays(1);
        break;
      }
      if (schedule[m] != before) {
        LocalDate on = from.isBefore(base.start()) ? base.start() : from;
        LocalDate to = start.plusMonths(m).atEndOfMonth();
        set(option, base, on, to, end, schedule[m], changes, absences);
        before = schedule[m];
      } else if (usesAbsences(option)) {
        set(
            option,
            base,
            from,
            start.plusMonths(m).atEndOfMonth(),
            end,
            schedule[m],
            changes,
            absences);
      }
    }
    return rebuild(base, end, changes, absences);
  }

  private static Contract sized(ManagedTeam option, YearMonth start, int k) {
    Contract base = withoutOwnTaper(option, start);
    LocalDate from = start.atDay(1).isBefore(base.start()) ? base.start() : start.atDay(1);
    List<Contract.RosterChange> changes = new ArrayList<>(base.changes());
    List<Contract.Absence> absences = new ArrayList<>(base.absences());
    if (!from.isAfter(option.end())) {
      set(option, base, from, option.end(), option.end(), k, changes, absences);
    }
    return rebuild(base, option.end(), changes, absences);
  }

  private static boolean usesAbsences(ManagedTeam option) {
    return option.teamPart().roster().stream().noneMatch(l -> l.role() == Role.SOCIAL_WORKER);
  }

  /**
   * Sets k social workers from {@code on} to {@code to} (absences) or from {@code on} (a change).
   */
  private static void set(
      ManagedTeam option,
      Contract base,
      LocalDate on,
      LocalDate to,
      LocalDate end,
      int k,
      List<Contract.RosterChange> changes,
      List<Contract.Absence> absences) {
    if (on.isAfter(end)) {
      return;
    }
    if (!usesAbsences(option)) {
      changes.add(new Contract.RosterChange(on, Role.SOCIAL_WORKER, k, null, option.part()));
      return;
    }
    Contract.TeamUnit unit = option.teamPart().teamUnit();
    if (unit == null) {
      throw new IllegalArgumentException(
          "contract " + base.id() + " has no social workers to taper");
    }
    int units =
        ContractCosting.rosterOn(base, option.teamPart(), on).getOrDefault(Role.SOCIAL_WORKER, 0);
    if (k < units) {
      LocalDate last = to.isAfter(end) ? end : to;
      absences.add(
          new Contract.Absence(Role.SOCIAL_WORKER, on, last, units - k, "vacancy", option.part()));
    }
  }

  /** The contract without its own social-worker changes from the projection's start on. */
  private static Contract withoutOwnTaper(ManagedTeam option, YearMonth start) {
    Contract c = option.contract().withoutInvoices();
    List<Contract.RosterChange> kept = new ArrayList<>();
    for (Contract.RosterChange ch : c.changes()) {
      boolean ours =
          ch.role() == Role.SOCIAL_WORKER
              && java.util.Objects.equals(ch.forTeam(), option.part())
              && !ch.from().isBefore(start.atDay(1));
      if (!ours) {
        kept.add(ch);
      }
    }
    return rebuild(c, option.end(), kept, c.absences());
  }

  private static Contract rebuild(
      Contract c,
      LocalDate end,
      List<Contract.RosterChange> changes,
      List<Contract.Absence> absences) {
    return new Contract(
        c.id(),
        c.provider(),
        c.route(),
        c.justification(),
        c.start(),
        end,
        c.ceiling(),
        c.status(),
        c.team(),
        c.roster(),
        c.teamUnit(),
        changes,
        c.extras(),
        absences,
        c.offsets(),
        c.extensions(),
        List.of(),
        c.requirements(),
        c.follows(),
        c.teams());
  }

  /** Each projected month's total in pence (0 for months outside the contract). */
  static long[] byMonth(Costing costing, YearMonth start, int months) {
    Map<YearMonth, BigDecimal> totals = new HashMap<>();
    for (Costing.MonthCost m : costing.months()) {
      totals.put(m.month(), m.total());
    }
    long[] out = new long[months];
    for (int m = 0; m < months; m++) {
      BigDecimal total = totals.get(start.plusMonths(m));
      out[m] = total == null ? 0 : total.movePointRight(2).longValueExact();
    }
    return out;
  }

  static int max(int[] values) {
    int most = 0;
    for (int v : values) {
      most = Math.max(most, v);
    }
    return most;
  }
}
