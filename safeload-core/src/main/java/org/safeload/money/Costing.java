package org.safeload.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * What a contract costs, month by month, with its totals and flags, as of a date.
 *
 * @param months every month the contract runs in
 * @param total the sum of the months (actual where invoiced, forecast otherwise)
 * @param headroom ceiling less total ({@code null} without a ceiling; negative when breached)
 * @param potentialValue the most it could cost with every extension option taken
 * @param breachDate the first day on which cumulative spend passes the ceiling, if it does
 */
public record Costing(
    String contractId,
    LocalDate asOf,
    List<MonthCost> months,
    BigDecimal total,
    BigDecimal offsets,
    BigDecimal net,
    BigDecimal ceiling,
    BigDecimal headroom,
    BigDecimal potentialValue,
    boolean keyDecision,
    LocalDate breachDate,
    List<ExtensionDecision> extensionDecisions,
    List<Flag> flags) {

  /**
   * One month: the team (people and team units) and extras as forecast, the invoice if there is
   * one, and the month's figure (the invoice where there is one).
   *
   * @param actual the invoiced amount, or {@code null}
   * @param variance actual less forecast, or {@code null}
   */
  public record MonthCost(
      YearMonth month,
      BigDecimal team,
      BigDecimal extras,
      BigDecimal forecast,
      BigDecimal actual,
      BigDecimal variance,
      BigDecimal total) {}

  /** An extension option's decision date and the days left to it (negative once passed). */
  public record ExtensionDecision(
      int months, BigDecimal maxValue, LocalDate decideBy, long daysLeft) {}

  /** A warning for the people who run the contract. */
  public record Flag(String code, String message) {

    /** The flag in a few words, for a tag beside the contract. */
    public String label() {
      return switch (code) {
        case "key-decision" -> "Key decision";
        case "ceiling-breach" -> "Over the ceiling";
        case "ceiling-close" -> "Near the ceiling";
        case "extension-decision-due" -> "Extension decision due";
        case "extension-decision-passed" -> "Extension decision passed";
        default -> code;
      };
    }
  }

  /** The running total at the end of each month: the line to draw against the ceiling. */
  public List<BigDecimal> cumulative() {
    java.util.ArrayList<BigDecimal> running = new java.util.ArrayList<>();
    BigDecimal sum = BigDecimal.ZERO;
    for (MonthCost month : months) {
      sum = sum.add(month.total());
      running.add(sum);
    }
    return running;
  }
}
