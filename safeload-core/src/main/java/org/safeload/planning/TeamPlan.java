package org.safeload.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.safeload.timeliness.CaseType;

/**
 * One team's starting point and plans for a projection (docs/projection.md).
 *
 * @param id the team's id or name
 * @param openCases the cases open at the start, by type
 * @param referrals new cases per month
 * @param workers experienced permanent case-holding social workers in post at the start
 *     (headcount), outside the ASYE
 * @param fte their FTE in all (each leaver takes the average, {@code fte / workers})
 * @param starters dated starters, and workers in post who are still in their ASYE
 * @param recruits recruits awaiting registration
 * @param agency agency workers, or null for none
 */
public record TeamPlan(
    String id,
    Map<CaseType, Integer> openCases,
    Referrals referrals,
    int workers,
    BigDecimal fte,
    List<Starter> starters,
    List<Recruits> recruits,
    Agency agency) {

  public TeamPlan {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a team needs an id");
    }
    Map<CaseType, Integer> open = new EnumMap<>(CaseType.class);
    openCases.forEach(
        (type, n) -> {
          if (n < 0) {
            throw new IllegalArgumentException("open cases cannot be negative");
          }
          open.put(type, n);
        });
    openCases = Map.copyOf(open);
    if (referrals == null) {
      throw new IllegalArgumentException("team " + id + " needs its referrals");
    }
    if (workers < 0) {
      throw new IllegalArgumentException("workers cannot be negative");
    }
    fte = fte == null ? BigDecimal.valueOf(workers) : fte;
    if (fte.signum() < 0 || (workers == 0) != (fte.signum() == 0)) {
      throw new IllegalArgumentException("team " + id + ": FTE must be more than 0 with workers");
    }
    if (workers > 0
        && (fte.compareTo(new BigDecimal("0.01").multiply(BigDecimal.valueOf(workers))) < 0
            || fte.compareTo(BigDecimal.valueOf(workers)) > 0)) {
      throw new IllegalArgumentException(
          "team " + id + ": FTE is 0.01 to 1.00 a worker (" + fte + " for " + workers + ")");
    }
    starters = starters == null ? List.of() : List.copyOf(starters);
    recruits = recruits == null ? List.of() : List.copyOf(recruits);
  }

  /** A team of experienced workers of 1 FTE each, with no starters, recruits or agency. */
  public static TeamPlan of(
      String id, Map<CaseType, Integer> openCases, Referrals referrals, int workers) {
    return new TeamPlan(id, openCases, referrals, workers, null, List.of(), List.of(), null);
  }

  public TeamPlan withStarters(List<Starter> more) {
    return new TeamPlan(id, openCases, referrals, workers, fte, more, recruits, agency);
  }

  public TeamPlan withRecruits(List<Recruits> more) {
    return new TeamPlan(id, openCases, referrals, workers, fte, starters, more, agency);
  }

  public TeamPlan withAgency(Agency newAgency) {
    return new TeamPlan(id, openCases, referrals, workers, fte, starters, recruits, newAgency);
  }

  /**
   * Workers starting to hold cases on a date (a date before the projection: in post already).
   *
   * @param fte each one's FTE
   * @param asye in their ASYE: at the policy's ASYE limits for 12 months from {@code asyeStart}
   * @param asyeStart when their ASYE began (null: {@code start})
   */
  public record Starter(
      LocalDate start, int count, BigDecimal fte, boolean asye, LocalDate asyeStart) {
    public Starter {
      if (start == null || count < 0) {
        throw new IllegalArgumentException("a starter needs a date and a count of 0 or more");
      }
      fte = fte == null ? BigDecimal.ONE : fte;
      if (!ProjectionInput.workerFte(fte)) {
        throw new IllegalArgumentException("a starter's FTE is 0.01 to 1.00 (not " + fte + ")");
      }
      asyeStart = asye && asyeStart == null ? start : asyeStart;
    }

    public static Starter experienced(LocalDate start, int count) {
      return new Starter(start, count, BigDecimal.ONE, false, null);
    }

    public static Starter asye(LocalDate start, int count) {
      return new Starter(start, count, BigDecimal.ONE, true, start);
    }
  }

  /**
   * Recruits awaiting registration: each is registered after a delay drawn from a triangular
   * distribution (counted from {@code from}), then spends {@code inductionDays} in induction, then
   * holds cases.
   *
   * @param asye whether they start in their ASYE (international recruits usually do not)
   */
  public record Recruits(
      String name,
      int count,
      LocalDate from,
      Triangular registrationDays,
      int inductionDays,
      BigDecimal fte,
      boolean asye) {
    public Recruits {
      if (count < 0 || from == null || registrationDays == null || inductionDays < 0) {
        throw new IllegalArgumentException(
            "recruits need a count, a date, a registration delay and an induction of 0 days or more");
      }
      fte = fte == null ? BigDecimal.ONE : fte;
      if (!ProjectionInput.workerFte(fte)) {
        throw new IllegalArgumentException("a recruit's FTE is 0.01 to 1.00 (not " + fte + ")");
      }
    }
  }

  /**
   * Agency social workers (1 FTE each, at an experienced social worker's limits): a fixed number
   * each month, plus, with an establishment, one for each vacancy: {@code establishment} less the
   * permanent workers holding cases that month (never below 0, at most {@code maxBackfill}). Agency
   * workers do not leave (a leaving agency worker is replaced).
   *
   * @param fixed agency workers in each projected month (a shorter list: 0 for later months)
   * @param establishment the permanent headcount whose vacancies agency fills, or null for none
   * @param maxBackfill the most agency workers the backfill rule adds, or null for no limit
   * @param monthlyRate the cost of one agency worker for a month, in pounds (to the penny)
   */
  public record Agency(
      List<Integer> fixed, Integer establishment, Integer maxBackfill, BigDecimal monthlyRate) {
    public Agency {
      fixed = fixed == null ? List.of() : List.copyOf(fixed);
      if (fixed.stream().anyMatch(n -> n < 0)
          || (establishment != null && establishment < 0)
          || (maxBackfill != null && maxBackfill < 0)) {
        throw new IllegalArgumentException("agency numbers cannot be negative");
      }
      monthlyRate = monthlyRate == null ? BigDecimal.ZERO : monthlyRate;
      if (monthlyRate.signum() < 0
          || monthlyRate.stripTrailingZeros().scale() > 2
          || monthlyRate.compareTo(ProjectionInput.MAX_MONTHLY_RATE) > 0) {
        throw new IllegalArgumentException(
            "an agency month is pounds and pence, from 0 to £1,000,000 (not " + monthlyRate + ")");
      }
    }

    int fixedIn(int month) {
      return month < fixed.size() ? fixed.get(month) : 0;
    }
  }
}
