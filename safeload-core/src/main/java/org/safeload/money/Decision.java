package org.safeload.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.safeload.money.Contract.RosterChange;

/**
 * A council decision about a contract (docs/decisions.md): what was decided, by whom, when and by
 * which route, the options considered with their costs, and what it changes in the contract.
 *
 * @param option for exercising or declining an extension option: its number (1 for the first)
 * @param newEnd for an extension, an early exit or a variation: the contract's new last day
 * @param addedValue for an extension or a variation: what it adds to the ceiling (negative lowers)
 * @param taper for a taper: the roster changes it makes, from their dates
 * @param value the decision's value as the council states it; {@code null} to work it out (see
 *     {@link #valueOf})
 * @param wardsAffected the judgement that it has a significant effect on two or more wards
 * @param callInDays the working days after publication during which it may be called in (0: not
 *     subject to call-in, as for an urgent decision)
 * @param printed the figures as printed in the council's own report, typed in, if any
 * @param narrative the words of the report the officers write: purpose, background, the
 *     recommendation, the risks and their mitigations, the exit plan
 */
public record Decision(
    DecisionKind kind,
    LocalDate date,
    String decisionMaker,
    String makerRole,
    DecisionRoute route,
    String urgencyReason,
    boolean wardsAffected,
    int callInDays,
    Narrative narrative,
    List<OptionConsidered> options,
    Integer option,
    LocalDate newEnd,
    BigDecimal addedValue,
    List<RosterChange> taper,
    BigDecimal value,
    Printed printed) {

  public Decision {
    options = options == null ? List.of() : List.copyOf(options);
    taper = taper == null ? List.of() : List.copyOf(taper);
  }

  /** The officers' words for the report; any part may be empty. */
  public record Narrative(
      String purpose,
      String background,
      String recommendation,
      List<Risk> risks,
      String exitPlan,
      String funding) {
    public Narrative {
      risks = risks == null ? List.of() : List.copyOf(risks);
    }

    public static Narrative empty() {
      return new Narrative(null, null, null, List.of(), null, null);
    }
  }

  /** A risk and how it is mitigated. */
  public record Risk(String risk, String mitigation) {}

  /** The decision's words, never {@code null}. */
  public Narrative words() {
    return narrative == null ? Narrative.empty() : narrative;
  }

  /** An option the decision weighed, with its cost; one of them is the one chosen. */
  public record OptionConsidered(String name, BigDecimal cost, boolean chosen, String note) {}

  /** The financial table as printed in the council's report: its months and its total. */
  public record Printed(List<PrintedMonth> months, BigDecimal total, String source) {
    public Printed {
      months = List.copyOf(months);
    }
  }

  /** One printed month: its amount and, if printed, the social workers it shows. */
  public record PrintedMonth(YearMonth month, BigDecimal amount, Integer socialWorkers) {}

  /** The option chosen, if one is marked. */
  public OptionConsidered chosenOption() {
    return options.stream().filter(OptionConsidered::chosen).findFirst().orElse(null);
  }

  /**
   * The decision's value: the value stated; otherwise, for an award, the contract's ceiling (or its
   * costed total without one); for exercising an option, the option's most; for an extension or a
   * variation, what it adds; for the rest, nothing.
   *
   * @param before the contract as it was before the decision
   * @param total the contract's costed total before the decision
   */
  public BigDecimal valueOf(Contract before, BigDecimal total) {
    if (value != null) {
      return value.setScale(2);
    }
    BigDecimal v =
        switch (kind) {
          case AWARD -> before.ceiling() == null ? total : before.ceiling();
          case EXERCISE_OPTION ->
              option != null && option >= 1 && option <= before.extensions().size()
                  ? before.extensions().get(option - 1).maxValue()
                  : BigDecimal.ZERO;
          case EXTENSION, VARIATION -> addedValue == null ? BigDecimal.ZERO : addedValue.abs();
          default -> BigDecimal.ZERO;
        };
    return v.setScale(2);
  }
}
