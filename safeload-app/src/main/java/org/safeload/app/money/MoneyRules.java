package org.safeload.app.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.safeload.money.KeyDecisionRule;
import org.safeload.money.KeyDecisionTest;
import org.safeload.money.ProcurementRoute;
import org.safeload.money.ProcurementRules;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The council's key-decision rule and procurement rules, read from its configuration ({@code
 * safeload.money.key-decision-*}, {@code safeload.procurement.*}; docs/decisions.md) and checked at
 * start: a setting that makes no sense stops the app with a message naming it.
 */
@Component
public class MoneyRules {

  private final KeyDecisionRule keyDecisionRule;
  private final ProcurementRules procurement;

  /** One regime as configured. */
  public record RegimeSetting(String name, LocalDate from, LocalDate until, BigDecimal threshold) {}

  /** One contract procedure rule as configured. */
  public record CouncilRuleSetting(BigDecimal from, List<String> routes, String text) {}

  MoneyRules(Environment environment) {
    Binder binder = Binder.get(environment);
    BigDecimal threshold =
        binder
            .bind("safeload.money.key-decision-threshold", BigDecimal.class)
            .orElse(new BigDecimal("500000"));
    if (threshold.signum() <= 0) {
      throw new IllegalStateException(
          "safeload.money.key-decision-threshold must be more than 0 (not " + threshold + ")");
    }
    List<String> testCodes =
        binder
            .bind("safeload.money.key-decision-tests", Bindable.listOf(String.class))
            .orElse(List.of("value", "potential-value", "linked-awards"));
    Set<KeyDecisionTest> tests = EnumSet.noneOf(KeyDecisionTest.class);
    for (String code : testCodes) {
      tests.add(
          KeyDecisionTest.fromCode(code.strip())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "safeload.money.key-decision-tests: "
                              + code
                              + " is not a test; tests: "
                              + KeyDecisionTest.codes())));
    }
    this.keyDecisionRule = new KeyDecisionRule(threshold, tests);
    List<ProcurementRules.Regime> regimes = new ArrayList<>();
    List<RegimeSetting> regimeSettings =
        binder
            .bind("safeload.procurement.regimes", Bindable.listOf(RegimeSetting.class))
            .orElse(List.of());
    for (int i = 0; i < regimeSettings.size(); i++) {
      RegimeSetting r = regimeSettings.get(i);
      String at = "safeload.procurement.regimes[" + i + "]";
      if (r.name() == null || r.name().isBlank() || r.from() == null || r.threshold() == null) {
        throw new IllegalStateException(at + " needs a name, a from date and a threshold");
      }
      if (r.threshold().signum() < 0 || (r.until() != null && r.until().isBefore(r.from()))) {
        throw new IllegalStateException(
            at + ": the threshold must not be negative and until must not be before from");
      }
      regimes.add(new ProcurementRules.Regime(r.name(), r.from(), r.until(), r.threshold()));
    }
    List<ProcurementRules.CouncilRule> rules = new ArrayList<>();
    List<CouncilRuleSetting> ruleSettings =
        binder
            .bind("safeload.procurement.council-rules", Bindable.listOf(CouncilRuleSetting.class))
            .orElse(List.of());
    for (int i = 0; i < ruleSettings.size(); i++) {
      CouncilRuleSetting r = ruleSettings.get(i);
      String at = "safeload.procurement.council-rules[" + i + "]";
      if (r.from() == null || r.from().signum() < 0 || r.routes() == null || r.routes().isEmpty()) {
        throw new IllegalStateException(at + " needs a from amount (0 or more) and its routes");
      }
      Set<ProcurementRoute> routes = EnumSet.noneOf(ProcurementRoute.class);
      for (String code : r.routes()) {
        routes.add(
            ProcurementRoute.fromCode(code.strip())
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            at
                                + ".routes: "
                                + code
                                + " is not a route; routes: "
                                + ProcurementRoute.codes())));
      }
      rules.add(
          new ProcurementRules.CouncilRule(r.from(), routes, r.text() == null ? "" : r.text()));
    }
    this.procurement = new ProcurementRules(regimes, rules);
  }

  public KeyDecisionRule keyDecisionRule() {
    return keyDecisionRule;
  }

  public ProcurementRules procurement() {
    return procurement;
  }
}
