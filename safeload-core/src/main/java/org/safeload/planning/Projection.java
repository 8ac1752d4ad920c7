package org.safeload.planning;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * A capacity projection's answer: for each team and for the service (the teams together), each
 * projected month's figures across the runs, as bands: the 10th, 50th and 90th percentiles (the
 * nearest-rank values: the ⌈q·runs⌉-th smallest) and the mean; and the probability that the
 * weighted caseload per case-holding FTE is above the target.
 *
 * @param target the target the breach probabilities are against (weighted cases per FTE)
 * @param teams each team's figures, in the input's order
 * @param service the service's: each run's teams added up (a case is never moved between teams, so
 *     the service's unallocated cases are the sum of its teams')
 */
public record Projection(
    YearMonth start,
    int months,
    int runs,
    long seed,
    BigDecimal target,
    List<Figures> teams,
    Figures service) {

  public Projection {
    teams = List.copyOf(teams);
  }

  /** The figures for one team (or, with a null team, the service) month by month. */
  public record Figures(String team, List<Month> months) {
    public Figures {
      months = List.copyOf(months);
    }
  }

  /**
   * One month's figures, at its end.
   *
   * @param openCases open cases
   * @param weightedPerFte weighted cases per case-holding FTE (2 decimal places); a value is null
   *     when it falls on runs with cases but no case-holding FTE
   * @param unallocated cases above the workers' case caps under the policy
   * @param fte case-holding FTE: permanent, agency and managed-team social workers
   * @param agencyWorkers agency workers
   * @param managedSocialWorkers managed-team social workers holding cases (planned, not random)
   * @param managedCost the managed teams' cost for the month, from the money engine (not random)
   * @param cost the month's cost: managed teams and agency workers, in pounds
   * @param breachProbability the share of runs above the target (4 decimal places)
   * @param breaches the number of runs above the target
   */
  public record Month(
      YearMonth month,
      Band openCases,
      Band weightedPerFte,
      Band unallocated,
      Band fte,
      Band agencyWorkers,
      int managedSocialWorkers,
      BigDecimal managedCost,
      Band cost,
      BigDecimal breachProbability,
      int breaches) {}

  /** A figure's 10th, 50th and 90th percentiles and mean over the runs. */
  public record Band(BigDecimal p10, BigDecimal p50, BigDecimal p90, BigDecimal mean) {}

  /** A team's figures by id. */
  public Figures team(String id) {
    return teams.stream()
        .filter(f -> f.team().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no team " + id));
  }
}
