package org.safeload.planning;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.safeload.caseload.CaseloadPolicy;

/**
 * Everything a capacity projection needs (docs/projection.md). The state given is the one at the
 * end of the month before {@code start}; the projection gives the state at the end of each of
 * {@code months} months from {@code start}.
 *
 * @param start the first projected month
 * @param months how many months (1 to 120; the pages offer 6 to 24)
 * @param runs how many Monte Carlo runs (1 or more; 10,000 for bands to about ±1%)
 * @param seed the seed: the same inputs and seed give the same projection
 * @param target the council's caseload target: weighted cases per case-holding FTE; a month is in
 *     breach when the weighted caseload per FTE is above it
 * @param monthlyTurnover the probability that a permanent worker leaves in a month
 * @param referralsVary {@code true}: referrals per month are Poisson; {@code false}: fixed at their
 *     mean, whole cases carried month to month (for a projection without variance)
 * @param policy the case weights and the limits of each kind of worker
 * @param moves what happens to open cases each month, by type
 * @param teams the council's teams
 * @param managed managed-team options, each in one of the teams
 */
public record ProjectionInput(
    YearMonth start,
    int months,
    int runs,
    long seed,
    BigDecimal target,
    double monthlyTurnover,
    boolean referralsVary,
    CaseloadPolicy policy,
    CaseMoves moves,
    List<TeamPlan> teams,
    List<ManagedTeam> managed) {

  public static final int MAX_MONTHS = 120;

  /**
   * The most figures a projection keeps (runs × months × teams): each takes 20 bytes while it runs,
   * so this bounds a projection's memory at about 400 MB.
   */
  public static final long MAX_CELLS = 20_000_000;

  /** The most new cases a team may have in a month (a region's busiest team has a few hundred). */
  public static final double MAX_REFERRALS_PER_MONTH = 100_000;

  /** The most an agency month may cost, in pounds. */
  public static final BigDecimal MAX_MONTHLY_RATE = new BigDecimal("1000000");

  /** Whether a target is one: more than 0, at most 1,000 weighted cases per FTE, 2 places. */
  public static boolean target(BigDecimal target) {
    return target.signum() > 0
        && target.compareTo(BigDecimal.valueOf(1000)) <= 0
        && target.stripTrailingZeros().scale() <= 2;
  }

  /** Whether an FTE is one worker's: 0.01 to 1.00, 2 places at most. */
  public static boolean workerFte(BigDecimal fte) {
    return fte.compareTo(new BigDecimal("0.01")) >= 0
        && fte.compareTo(BigDecimal.ONE) <= 0
        && fte.stripTrailingZeros().scale() <= 2;
  }

  public ProjectionInput {
    if (start == null || policy == null || moves == null || target == null) {
      throw new IllegalArgumentException(
          "a projection needs a start, a policy, case moves and a target");
    }
    if (months < 1 || months > MAX_MONTHS) {
      throw new IllegalArgumentException("a projection runs 1 to " + MAX_MONTHS + " months");
    }
    if (runs < 1) {
      throw new IllegalArgumentException("a projection needs at least one run");
    }
    if (!target(target)) {
      throw new IllegalArgumentException(
          "the target is more than 0 and at most 1,000, to 2 decimal places (not " + target + ")");
    }
    if ((long) runs * months * Math.max(1, teams == null ? 0 : teams.size()) > MAX_CELLS) {
      throw new IllegalArgumentException(
          "runs × months × teams is at most " + MAX_CELLS + ": fewer runs, months or teams");
    }
    if (!(monthlyTurnover >= 0 && monthlyTurnover <= 1)) {
      throw new IllegalArgumentException("monthly turnover is a probability from 0 to 1");
    }
    teams = List.copyOf(teams);
    managed = managed == null ? List.of() : List.copyOf(managed);
    Set<String> ids = new HashSet<>();
    for (TeamPlan t : teams) {
      if (!ids.add(t.id())) {
        throw new IllegalArgumentException("two teams have the id " + t.id());
      }
    }
    Set<String> names = new HashSet<>();
    for (ManagedTeam m : managed) {
      if (!ids.contains(m.team())) {
        throw new IllegalArgumentException("managed team " + m.name() + ": no team " + m.team());
      }
      if (!names.add(m.name())) {
        throw new IllegalArgumentException("two managed-team options are named " + m.name());
      }
    }
  }

  /** The same projection with other managed-team options (a taper to compare). */
  public ProjectionInput withManaged(List<ManagedTeam> options) {
    return new ProjectionInput(
        start,
        months,
        runs,
        seed,
        target,
        monthlyTurnover,
        referralsVary,
        policy,
        moves,
        teams,
        options);
  }

  /** The same projection with another number of runs and seed. */
  public ProjectionInput withRuns(int newRuns, long newSeed) {
    return new ProjectionInput(
        start,
        months,
        newRuns,
        newSeed,
        target,
        monthlyTurnover,
        referralsVary,
        policy,
        moves,
        teams,
        managed);
  }

  /** The last projected month. */
  public YearMonth end() {
    return start.plusMonths(months - 1);
  }
}
