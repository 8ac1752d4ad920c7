package org.safeload.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The options appraisal: each way of buying capacity, its annual cost side by side, to the penny.
 */
public final class Appraisal {

  /** One option's annual costs. */
  public record Line(
      String name,
      String kind,
      BigDecimal annualCostPerFte,
      BigDecimal annualCostPerCaseHoldingFte) {}

  private Appraisal() {}

  public static List<Line> of(List<RateCard> cards) {
    return cards.stream()
        .map(
            card ->
                new Line(
                    card.name(),
                    card.kind(),
                    card.annualCostPerFte().setScale(2, RoundingMode.HALF_UP),
                    card.annualCostPerCaseHoldingFte().setScale(2, RoundingMode.HALF_UP)))
        .toList();
  }
}
