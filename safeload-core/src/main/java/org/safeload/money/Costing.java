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
 * @param potentialValue the most it could cost with every open extension option taken
 * @param breachDate the first day on which cumulative spend passes the ceiling, if it does
 * @param linkedTotal the sum of the values of the awards linked to it for the same need (including
 *     its own), or {@code null} when it is linked to none
 * @param keyDecisionStatement why it is (or is not) a key decision, in words
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
    List<Flag> flags,
    BigDecimal linkedTotal,
    String keyDecisionStatement) {

  /**
   * One month: the team (people and team units) and extras as forecast, the invoice if there is
   * one, and the month's figure (the invoice where there is one).
   *
   * @param actual the invoiced amount, or {@code null}
   * @param variance actual less forecast, or {@code null}
   * @param byTeam the forecast team cost of each of the contract's teams ({@link Contract#parts()},
   *     in order), each rounded to the penny; {@code team} is their sum
   */
  public record MonthCost(
      YearMonth month,
      BigDecimal team,
      BigDecimal extras,
      BigDecimal forecast,
      BigDecimal actual,
      BigDecimal variance,
      BigDecimal total,
      List<BigDecimal> byTeam) {

    public MonthCost {
      byTeam = byTeam == null ? List.of(team) : List.copyOf(byTeam);
    }
  }

  /**
   * An extension option's decision date and the days left to it (negative once passed), where it
   * stands, and what its months would cost at the contract's prices on its last day.
   *
   * @param costAtCurrentPrices the forecast of the option's months at the roster and prices in
   *     force on the contract's last day
   */
  public record ExtensionDecision(
      int months,
      BigDecimal maxValue,
      LocalDate decideBy,
      long daysLeft,
      OptionState state,
      BigDecimal costAtCurrentPrices) {}

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
        case "extension-notice" -> "Extension notice date";
        case "procurement-regime" -> "Procurement regime";
        case "no-route" -> "No procurement route";
        case "direct-award-justification" -> "Direct award justification";
        case "contract-procedure-rule" -> "Contract procedure rules";
        case "extension-underpriced" -> "Extension cannot be bought at today's price";
        default -> code;
      };
    }
  }

  /**
   * The contract's value: its ceiling, or its costed total when that is higher or there is no
   * ceiling (the base of the potential value; linked awards add up their values).
   */
  public BigDecimal value() {
    return ceiling == null ? total : ceiling.max(total);
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
