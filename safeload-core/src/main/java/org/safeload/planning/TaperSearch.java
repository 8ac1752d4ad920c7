package org.safeload.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.safeload.money.ContractCosting;

/**
 * The cheapest safe taper of a managed team (docs/projection.md): over the months the option runs
 * in the projection, the non-increasing whole numbers of social workers, from the number the
 * contract has at the projection's start, whose probability of breaching the target in their team
 * is at most a chosen level in every one of those months, at the least cost from the money engine.
 * A reduction taking effect in a month must be notified at least the notice period before the
 * month's first day, counting from the day the search is made: months that start sooner keep the
 * team as it is.
 *
 * <p>Every candidate is judged against the same runs (common random numbers): nothing random in the
 * projection depends on the managed team, so a month's breach probability depends only on that
 * month's number of social workers, and falls as it rises. The search is therefore exact: a dynamic
 * programme over (month, social workers) with the cost of each month at each size (one costing per
 * size, {@link ManagedCosts#table}), allowing only safe sizes, non-increasing steps and no
 * reduction inside the notice period. The tests confirm it against every schedule on small cases.
 */
public final class TaperSearch {

  /** The notice period when the contract does not say: 4 weeks. */
  public static final int DEFAULT_NOTICE_DAYS = 28;

  private TaperSearch() {}

  /**
   * A reduction: from {@code month}, {@code to} social workers instead of {@code from}, to be
   * notified by {@code noticeBy} (the month's first day less the notice period).
   */
  public record Reduction(YearMonth month, int from, int to, LocalDate noticeBy) {}

  /**
   * A schedule with its cost and its team's breach probability in every projected month.
   *
   * @param socialWorkers in each projected month (0 after the exit)
   * @param monthlyCost the managed team's cost in each projected month, in pounds
   * @param total their sum
   * @param breachProbability the team's, in each projected month (4 decimal places)
   * @param safe whether the probability is at most the level in every month the schedule controls
   * @param noticeMet whether every reduction can still be notified in time (the search's always
   *     can; a council plan may not)
   */
  public record TaperPlan(
      List<Integer> socialWorkers,
      List<BigDecimal> monthlyCost,
      BigDecimal total,
      List<BigDecimal> breachProbability,
      boolean safe,
      boolean noticeMet,
      List<Reduction> reductions) {}

  /**
   * The search's answer beside the council's own plan.
   *
   * @param option the managed-team option searched
   * @param team the team it works in
   * @param months the projected months
   * @param controlled how many of them (from the first) the schedule controls: the option's months
   * @param startingSize social workers at the projection's start
   * @param cheapest the cheapest safe schedule, or null when there is none
   * @param unsafeEvenAtStartingSize months whose breach probability is above the level even with
   *     the team kept at its starting size (why there may be no safe schedule)
   * @param council the option's own plan (its taper, or its roster as contracted)
   * @param saving the council plan's total less the cheapest's (null without a cheapest)
   */
  public record Comparison(
      String option,
      String team,
      List<YearMonth> months,
      int controlled,
      int startingSize,
      BigDecimal level,
      int noticeDays,
      LocalDate decidedOn,
      TaperPlan cheapest,
      List<YearMonth> unsafeEvenAtStartingSize,
      TaperPlan council,
      BigDecimal saving,
      boolean wholeService) {}

  /**
   * Searches the cheapest safe taper of a managed-team option of the simulation's input.
   *
   * @param level the highest acceptable breach probability in any month (0 to 1)
   * @param decidedOn the day the search is made, from which notice runs
   * @param noticeDays the contract's notice period for a reduction, in days
   */
  public static Comparison cheapestSafe(
      Simulation sim,
      ContractCosting costing,
      String optionName,
      BigDecimal level,
      LocalDate decidedOn,
      int noticeDays) {
    return cheapestSafe(sim, costing, optionName, level, decidedOn, noticeDays, false);
  }

  /**
   * As {@link #cheapestSafe(Simulation, ContractCosting, String, BigDecimal, LocalDate, int)},
   * judging the breach in the option's team or, with {@code wholeService}, in all the projection's
   * teams together (an exit: the team's cases are handed over within the service, so what must stay
   * under the target is the service's weighted cases per FTE, every managed team's social workers
   * counted).
   */
  public static Comparison cheapestSafe(
      Simulation sim,
      ContractCosting costing,
      String optionName,
      BigDecimal level,
      LocalDate decidedOn,
      int noticeDays,
      boolean wholeService) {
    ProjectionInput in = sim.input();
    ManagedTeam option =
        in.managed().stream()
            .filter(o -> o.name().equals(optionName))
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException("no managed-team option " + optionName));
    if (level.signum() < 0 || level.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("the level is a probability from 0 to 1");
    }
    if (noticeDays < 0) {
      throw new IllegalArgumentException("a notice period cannot be negative");
    }
    int h = in.months();
    YearMonth start = in.start();
    int t = sim.teamIndex(option.team());
    int[] others = new int[h];
    for (ManagedTeam o : in.managed()) {
      if (o != option && (wholeService || o.team().equals(option.team()))) {
        int[] k = ManagedCosts.workers(o, start, h);
        for (int m = 0; m < h; m++) {
          others[m] += k[m];
        }
      }
    }
    int size = option.rostered(start.atDay(1));
    int controlled = 0;
    while (controlled < h && !start.plusMonths(controlled).atDay(1).isAfter(option.end())) {
      controlled++;
    }
    int[] councilPlan = ManagedCosts.workers(option, start, h);
    int most = Math.max(size, ManagedCosts.max(councilPlan));
    int[] together = new int[] {t};
    if (wholeService) {
      together = new int[in.teams().size()];
      for (int i = 0; i < together.length; i++) {
        together[i] = i;
      }
    }
    int[][] breaches = sim.breachTable(together, most, others);
    long allowed =
        level
            .multiply(BigDecimal.valueOf(in.runs()))
            .setScale(0, RoundingMode.FLOOR)
            .longValueExact();
    ManagedTeam searchable = option.withSocialWorkers(null);
    long[][] table = ManagedCosts.table(searchable, start, h, most, costing);

    List<YearMonth> months = new ArrayList<>();
    for (int m = 0; m < h; m++) {
      months.add(start.plusMonths(m));
    }
    List<YearMonth> unsafe = new ArrayList<>();
    for (int m = 0; m < controlled; m++) {
      if (breaches[m][capacity(option, start, m, size)] > allowed) {
        unsafe.add(months.get(m));
      }
    }
    int[] best =
        search(
            table,
            breaches,
            allowed,
            size,
            controlled,
            frozen(start, controlled, decidedOn, noticeDays),
            option,
            start);
    TaperPlan cheapest =
        best == null
            ? null
            : plan(
                breaches,
                best,
                in,
                option,
                start,
                allowed,
                controlled,
                decidedOn,
                noticeDays,
                size,
                ManagedCosts.pence(table, Arrays.copyOf(best, h)));
    TaperPlan council =
        plan(
            breaches,
            Arrays.copyOf(councilPlan, controlled),
            in,
            option,
            start,
            allowed,
            controlled,
            decidedOn,
            noticeDays,
            size,
            ManagedCosts.pence(option, start, h, costing));
    return new Comparison(
        option.name(),
        option.team(),
        List.copyOf(months),
        controlled,
        size,
        level,
        noticeDays,
        decidedOn,
        cheapest,
        List.copyOf(unsafe),
        council,
        cheapest == null ? null : council.total().subtract(cheapest.total()),
        wholeService);
  }

  /** How many of the first months may not see a reduction (they start within the notice). */
  static int frozen(YearMonth start, int controlled, LocalDate decidedOn, int noticeDays) {
    LocalDate earliest = decidedOn.plusDays(noticeDays);
    int f = 0;
    while (f < controlled && start.plusMonths(f).atDay(1).isBefore(earliest)) {
      f++;
    }
    return f;
  }

  /** Managed workers who hold cases in month m with k on the roster: none if it ends mid-month. */
  private static int capacity(ManagedTeam option, YearMonth start, int m, int k) {
    LocalDate monthEnd = start.plusMonths(m).atEndOfMonth();
    return option.end().isBefore(monthEnd) || option.contract().start().isAfter(monthEnd) ? 0 : k;
  }

  /**
   * The cheapest non-increasing schedule over the controlled months, from {@code size}, safe in
   * each, unchanged in the frozen months; null when none is.
   */
  static int[] search(
      long[][] table,
      int[][] breaches,
      long allowed,
      int size,
      int controlled,
      int frozen,
      ManagedTeam option,
      YearMonth start) {
    final long none = Long.MAX_VALUE;
    long[] cost = new long[size + 1];
    int[][] from = new int[controlled][size + 1];
    Arrays.fill(cost, none);
    cost[size] = 0;
    for (int m = 0; m < controlled; m++) {
      long[] next = new long[size + 1];
      Arrays.fill(next, none);
      for (int k = size; k >= 0; k--) {
        if (breaches[m][capacity(option, start, m, k)] > allowed) {
          continue;
        }
        long month = k == 0 ? 0 : table[m][k];
        // The cheapest way here: from any size k' ≥ k (k' = k inside the notice period).
        int lo = k;
        int hi = m < frozen ? k : size;
        for (int prev = hi; prev >= lo; prev--) {
          if (cost[prev] == none) {
            continue;
          }
          long total = cost[prev] + month;
          if (total < next[k]) {
            next[k] = total;
            from[m][k] = prev;
          }
        }
      }
      cost = next;
    }
    int end = -1;
    for (int k = size; k >= 0; k--) {
      if (cost[k] != none && (end < 0 || cost[k] < cost[end])) {
        end = k;
      }
    }
    if (end < 0) {
      return null;
    }
    int[] schedule = new int[controlled];
    int k = end;
    for (int m = controlled - 1; m >= 0; m--) {
      schedule[m] = k;
      k = from[m][k];
    }
    return schedule;
  }

  /**
   * A schedule's plan: its costs, and each month's breaches read from the breach table the search
   * used (the team's, or the service's), so the plan shown is judged as the search judged it.
   */
  private static TaperPlan plan(
      int[][] breachTable,
      int[] schedule,
      ProjectionInput in,
      ManagedTeam option,
      YearMonth start,
      long allowed,
      int controlled,
      LocalDate decidedOn,
      int noticeDays,
      int size,
      long[] pence) {
    int h = in.months();
    int[] breaches = new int[h];
    List<Integer> workers = new ArrayList<>();
    boolean exited = false;
    for (int m = 0; m < h; m++) {
      int k = m < schedule.length && !exited ? schedule[m] : 0;
      // A 0 is the exit once the contract runs; before its start it is only not there yet.
      exited |= k == 0 && !option.contract().start().isAfter(start.plusMonths(m).atEndOfMonth());
      workers.add(k);
      breaches[m] = breachTable[m][capacity(option, start, m, k)];
    }
    List<BigDecimal> probability = new ArrayList<>();
    boolean safe = true;
    for (int m = 0; m < h; m++) {
      probability.add(
          BigDecimal.valueOf(breaches[m])
              .divide(BigDecimal.valueOf(in.runs()), 4, RoundingMode.HALF_UP));
      if (m < controlled && breaches[m] > allowed) {
        safe = false;
      }
    }
    List<BigDecimal> costs = new ArrayList<>();
    long total = 0;
    for (long p : pence) {
      costs.add(BigDecimal.valueOf(p, 2));
      total += p;
    }
    List<Reduction> reductions = new ArrayList<>();
    boolean noticeMet = true;
    int before = size;
    // Reductions are the schedule's, in the months it controls: the contract's own end after them
    // needs no notice.
    for (int m = 0; m < controlled; m++) {
      int k = workers.get(m);
      if (k < before) {
        LocalDate first = start.plusMonths(m).atDay(1);
        reductions.add(new Reduction(start.plusMonths(m), before, k, first.minusDays(noticeDays)));
        if (first.isBefore(decidedOn.plusDays(noticeDays))) {
          noticeMet = false;
        }
      }
      before = k;
    }
    return new TaperPlan(
        List.copyOf(workers),
        List.copyOf(costs),
        BigDecimal.valueOf(total, 2),
        List.copyOf(probability),
        safe,
        noticeMet,
        List.copyOf(reductions));
  }
}
