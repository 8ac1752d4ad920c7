package org.safeload.money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A council's key-decision rule (its constitution): a decision is key when any of the tests it uses
 * reaches the threshold — the decision's own value, the contract's potential value with its open
 * options, the sum of linked awards for the same need — or when a significant effect on two or more
 * wards is recorded as a judgement.
 */
public record KeyDecisionRule(BigDecimal threshold, Set<KeyDecisionTest> tests) {

  public KeyDecisionRule {
    if (threshold == null || threshold.signum() <= 0) {
      throw new IllegalArgumentException("the key-decision threshold must be more than 0");
    }
    tests = tests.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(tests));
  }

  /** The common rule: £500,000 on any of the three tests. */
  public static KeyDecisionRule standard() {
    return of(ContractCosting.DEFAULT_KEY_DECISION_THRESHOLD);
  }

  /** A threshold on all three tests. */
  public static KeyDecisionRule of(BigDecimal threshold) {
    return new KeyDecisionRule(threshold, EnumSet.allOf(KeyDecisionTest.class));
  }

  /**
   * Whether it is a key decision and why, in words for the report.
   *
   * @param value the decision's value ({@code null}: not known, not tested)
   * @param potential the contract's potential value with its open options
   * @param linked the sum of the linked awards' values ({@code null}: none linked)
   */
  public Assessment assess(
      BigDecimal value, BigDecimal potential, BigDecimal linked, boolean wardsAffected) {
    List<String> reasons = new ArrayList<>();
    List<String> below = new ArrayList<>();
    test(KeyDecisionTest.VALUE, "its value", value, reasons, below);
    test(
        KeyDecisionTest.POTENTIAL_VALUE,
        "the contract's potential value with its options",
        potential,
        reasons,
        below);
    test(KeyDecisionTest.LINKED_AWARDS, "the linked awards' total", linked, reasons, below);
    if (wardsAffected) {
      reasons.add("it has a significant effect on two or more wards (recorded as a judgement)");
    }
    String statement;
    if (!reasons.isEmpty()) {
      statement = "This is a key decision because " + join(reasons) + ".";
    } else {
      statement =
          "This is not a key decision: "
              + (below.isEmpty() ? "no test of the rule applies" : join(below))
              + (below.isEmpty()
                  ? ""
                  : (below.size() == 1 ? " is" : " are")
                      + " below the "
                      + pounds(threshold)
                      + " threshold")
              + ", and no significant effect on two or more wards is recorded.";
    }
    return new Assessment(!reasons.isEmpty(), List.copyOf(reasons), statement);
  }

  private void test(
      KeyDecisionTest test,
      String what,
      BigDecimal amount,
      List<String> reasons,
      List<String> below) {
    if (!tests.contains(test) || amount == null) {
      return;
    }
    if (amount.compareTo(threshold) >= 0) {
      reasons.add(
          what + ", " + pounds(amount) + ", reaches the " + pounds(threshold) + " threshold");
    } else {
      below.add(what + ", " + pounds(amount));
    }
  }

  /** Whether it is key, the reasons it is, and a sentence for the report. */
  public record Assessment(boolean key, List<String> reasons, String statement) {}

  private static String join(List<String> parts) {
    if (parts.size() == 1) {
      return parts.getFirst();
    }
    return String.join("; ", parts.subList(0, parts.size() - 1)) + "; and " + parts.getLast();
  }

  static String pounds(BigDecimal amount) {
    return String.format(Locale.UK, "£%,.2f", amount);
  }
}
