package org.safeload.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.safeload.organisation.Role;

/**
 * Compares the financial table as printed in a council's report (typed in with a decision) with its
 * own rows and with Safeload's figures: a printed total that is not the sum of its months, a
 * printed month that differs from Safeload's, social workers printed that the roster does not have.
 */
public final class PrintedFigures {

  private PrintedFigures() {}

  /**
   * One difference, in words.
   *
   * @param printed the printed figure
   * @param expected the figure it should be: the sum of the printed rows, or Safeload's
   */
  public record Difference(
      String what, YearMonth month, BigDecimal printed, BigDecimal expected, String message) {

    /** Printed less expected. */
    public BigDecimal difference() {
      return printed.subtract(expected);
    }
  }

  public static List<Difference> compare(
      Decision.Printed printed, Costing costing, Contract contract) {
    List<Difference> differences = new ArrayList<>();
    if (printed == null) {
      return differences;
    }
    BigDecimal rows =
        printed.months().stream()
            .map(Decision.PrintedMonth::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add)
            .setScale(2);
    if (printed.total() != null && printed.total().compareTo(rows) != 0) {
      BigDecimal total = printed.total().setScale(2);
      differences.add(
          new Difference(
              "printed-total",
              null,
              total,
              rows,
              "The printed total, "
                  + pounds(total)
                  + ", is not the sum of its months, "
                  + pounds(rows)
                  + ": "
                  + pounds(total.subtract(rows).abs())
                  + (total.compareTo(rows) > 0 ? " more" : " less")));
    }
    Map<YearMonth, Costing.MonthCost> months = new HashMap<>();
    costing.months().forEach(m -> months.put(m.month(), m));
    BigDecimal ours = BigDecimal.ZERO.setScale(2);
    boolean allInside = true;
    for (Decision.PrintedMonth p : printed.months()) {
      Costing.MonthCost m = months.get(p.month());
      if (m == null) {
        allInside = false;
        differences.add(
            new Difference(
                "month-outside",
                p.month(),
                p.amount().setScale(2),
                BigDecimal.ZERO.setScale(2),
                "The report prints " + month(p.month()) + ", which is outside the contract"));
        continue;
      }
      ours = ours.add(m.total());
      if (p.amount().compareTo(m.total()) != 0) {
        differences.add(
            new Difference(
                "month",
                p.month(),
                p.amount().setScale(2),
                m.total(),
                "For "
                    + month(p.month())
                    + " the report prints "
                    + pounds(p.amount())
                    + "; Safeload's figure is "
                    + pounds(m.total())
                    + " ("
                    + pounds(p.amount().subtract(m.total()).abs())
                    + " apart)"));
      }
      if (p.socialWorkers() != null) {
        LocalDate last =
            p.month().atEndOfMonth().isAfter(contract.end())
                ? contract.end()
                : p.month().atEndOfMonth();
        int roster = ContractCosting.rosterOn(contract, last).getOrDefault(Role.SOCIAL_WORKER, 0);
        if (roster != p.socialWorkers()) {
          differences.add(
              new Difference(
                  "social-workers",
                  p.month(),
                  BigDecimal.valueOf(p.socialWorkers()),
                  BigDecimal.valueOf(roster),
                  "For "
                      + month(p.month())
                      + " the report shows "
                      + p.socialWorkers()
                      + " social workers; the contract's roster has "
                      + roster
                      + " on "
                      + ContractCosting.words(last)));
        }
      }
    }
    if (printed.total() != null && allInside && printed.total().compareTo(ours) != 0) {
      differences.add(
          new Difference(
              "total",
              null,
              printed.total().setScale(2),
              ours,
              "The printed total, "
                  + pounds(printed.total())
                  + ", differs from Safeload's total for the same months, "
                  + pounds(ours)));
    }
    return List.copyOf(differences);
  }

  private static String month(YearMonth m) {
    return m.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK));
  }

  private static String pounds(BigDecimal amount) {
    return KeyDecisionRule.pounds(amount);
  }
}
