package org.safeload.caseload;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.safeload.timeliness.CaseType;

/**
 * One worker's limits under a policy, with their FTE applied. {@code null} means no limit.
 *
 * @param group the policy group that applies, or {@code null} when none does (no case may go to a
 *     worker no group covers: business support, managers)
 * @param maxCases hard cap on cases: the lower of the group's cap and its cap per FTE × FTE,
 *     rounded down
 * @param maxWeighted hard cap on weighted load (per FTE × FTE)
 * @param targetCases soft target on cases (per FTE × FTE)
 * @param targetWeighted soft target on weighted load (per FTE × FTE)
 */
public record Limits(
    WorkerGroup group,
    Integer maxCases,
    BigDecimal maxWeighted,
    Set<CaseType> excludedTypes,
    BigDecimal targetCases,
    BigDecimal targetWeighted) {

  static Limits of(WorkerGroup group, BigDecimal fte) {
    if (group == null) {
      return new Limits(null, 0, BigDecimal.ZERO, Set.of(), BigDecimal.ZERO, BigDecimal.ZERO);
    }
    Integer cap = group.maxCases();
    if (group.maxCasesPerFte() != null) {
      int perFte = group.maxCasesPerFte().multiply(fte).setScale(0, RoundingMode.FLOOR).intValue();
      cap = cap == null ? perFte : Math.min(cap, perFte);
    }
    return new Limits(
        group,
        cap,
        times(group.maxWeightedPerFte(), fte),
        group.excludedTypes(),
        times(group.targetCasesPerFte(), fte),
        times(group.targetWeightedPerFte(), fte));
  }

  private static BigDecimal times(BigDecimal perFte, BigDecimal fte) {
    return perFte == null ? null : perFte.multiply(fte).stripTrailingZeros();
  }

  /** Whether the worker may hold a case of this type at all. */
  public boolean mayHold(CaseType type) {
    return group != null && !excludedTypes.contains(type);
  }

  /** The hard rules that a load would break (empty: none), as for an allocation to come. */
  public List<String> breaches(Load load) {
    return breaches(load, " would be over ");
  }

  /** The hard rules that a load held now breaks (empty: none): "23 cases, over the cap of 22". */
  public List<String> breachesNow(Load load) {
    return breaches(load, ", over ");
  }

  private List<String> breaches(Load load, String over) {
    List<String> breaches = new ArrayList<>();
    if (maxCases != null && load.cases() > maxCases) {
      breaches.add(cases(load.cases()) + over + "the cap of " + maxCases);
    }
    if (maxWeighted != null && load.weighted().compareTo(maxWeighted) > 0) {
      breaches.add(
          "a weighted load of "
              + plain(load.weighted())
              + over
              + "the cap of "
              + plain(maxWeighted));
    }
    return breaches;
  }

  /** The soft targets that a load would exceed (empty: none), as for an allocation to come. */
  public List<String> overTargets(Load load) {
    return overTargets(load, " would be over ");
  }

  /** The soft targets that a load held now exceeds: "17 cases, over the target of 16". */
  public List<String> overTargetsNow(Load load) {
    return overTargets(load, ", over ");
  }

  private List<String> overTargets(Load load, String over) {
    List<String> targets = new ArrayList<>();
    if (targetCases != null && BigDecimal.valueOf(load.cases()).compareTo(targetCases) > 0) {
      targets.add(cases(load.cases()) + over + "the target of " + plain(targetCases));
    }
    if (targetWeighted != null && load.weighted().compareTo(targetWeighted) > 0) {
      targets.add(
          "a weighted load of "
              + plain(load.weighted())
              + over
              + "the target of "
              + plain(targetWeighted));
    }
    return targets;
  }

  /** How many more cases fit under the hard caps, by count (ignoring weight); null: no cap. */
  public Integer headroom(Load load) {
    return maxCases == null ? null : Math.max(0, maxCases - load.cases());
  }

  /** "1 case", "2 cases". */
  static String cases(int n) {
    return n + (n == 1 ? " case" : " cases");
  }

  static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
