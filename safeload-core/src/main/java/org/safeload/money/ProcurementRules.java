package org.safeload.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The procurement rules a council works under, as configuration (docs/decisions.md): the regimes in
 * force by award date with their thresholds, and the council's own contract procedure rules.
 * Nothing here is built in as fact: the council enters its figures.
 */
public record ProcurementRules(List<Regime> regimes, List<CouncilRule> councilRules) {

  public ProcurementRules {
    regimes = List.copyOf(regimes);
    councilRules = List.copyOf(councilRules);
    for (Regime r : regimes) {
      if (r.until() != null && r.until().isBefore(r.from())) {
        throw new IllegalArgumentException("the regime " + r.name() + " ends before it begins");
      }
    }
  }

  /**
   * A procurement regime: its name, the award dates it governs (both included; {@code until} {@code
   * null}: still in force) and the threshold at or above which its rules for these services apply.
   */
  public record Regime(String name, LocalDate from, LocalDate until, BigDecimal threshold) {
    public boolean governs(LocalDate date) {
      return !date.isBefore(from) && (until == null || !date.isAfter(until));
    }
  }

  /**
   * One of the council's own contract procedure rules: at or above a value, the routes allowed
   * without a waiver, and the rule in the council's words.
   */
  public record CouncilRule(BigDecimal from, Set<ProcurementRoute> routes, String text) {
    public CouncilRule {
      routes = Set.copyOf(routes);
    }
  }

  /** No regimes and no council rules: nothing is flagged. */
  public static ProcurementRules none() {
    return new ProcurementRules(List.of(), List.of());
  }

  /** The regime that governs an award on a date, if one is configured. */
  public Regime regimeOn(LocalDate awardDate) {
    return regimes.stream().filter(r -> r.governs(awardDate)).findFirst().orElse(null);
  }

  /**
   * What applies to a contract of a value awarded on a date: the regime and its threshold, a
   * contract over a threshold without a recorded route, a direct award relying on its urgency
   * justification, and any council rule whose routes it does not follow.
   */
  public List<Costing.Flag> flags(Contract contract, BigDecimal value, LocalDate awardDate) {
    List<Costing.Flag> flags = new ArrayList<>();
    Regime regime = regimeOn(awardDate);
    boolean overRegime = regime != null && value.compareTo(regime.threshold()) >= 0;
    if (regime != null) {
      flags.add(
          new Costing.Flag(
              "procurement-regime",
              "Awarded on "
                  + ContractCosting.words(awardDate)
                  + " under "
                  + regime.name()
                  + ": its value, "
                  + KeyDecisionRule.pounds(value)
                  + (overRegime ? ", is at or above" : ", is below")
                  + " the "
                  + KeyDecisionRule.pounds(regime.threshold())
                  + " threshold"));
    }
    List<CouncilRule> applying =
        councilRules.stream().filter(r -> value.compareTo(r.from()) >= 0).toList();
    if (contract.route() == null && (overRegime || !applying.isEmpty())) {
      BigDecimal threshold =
          overRegime
              ? regime.threshold()
              : applying.stream().map(CouncilRule::from).min(BigDecimal::compareTo).orElseThrow();
      flags.add(
          new Costing.Flag(
              "no-route",
              "The contract's value, "
                  + KeyDecisionRule.pounds(value)
                  + ", reaches the "
                  + KeyDecisionRule.pounds(threshold)
                  + " threshold but no procurement route is recorded"));
    }
    if (contract.route() == ProcurementRoute.DIRECT_AWARD && overRegime) {
      flags.add(
          new Costing.Flag(
              "direct-award-justification",
              "A direct award at or above the "
                  + KeyDecisionRule.pounds(regime.threshold())
                  + " threshold of "
                  + regime.name()
                  + " rests on its justification: "
                  + (contract.justification() == null
                      ? "none is recorded"
                      : "\u201c" + contract.justification() + "\u201d")));
    }
    if (contract.route() != null) {
      for (CouncilRule rule : applying) {
        if (!rule.routes().contains(contract.route())) {
          flags.add(
              new Costing.Flag(
                  "contract-procedure-rule",
                  "At or above "
                      + KeyDecisionRule.pounds(rule.from())
                      + " the council's contract procedure rules allow "
                      + rule.routes().stream()
                          .sorted()
                          .map(ProcurementRoute::label)
                          .map(String::toLowerCase)
                          .collect(Collectors.joining(" or "))
                      + " without a waiver, not a "
                      + contract.route().label().toLowerCase()
                      + ": "
                      + rule.text()));
        }
      }
    }
    return List.copyOf(flags);
  }
}
