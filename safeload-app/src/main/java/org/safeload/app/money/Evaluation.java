package org.safeload.app.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.money.Appraisal;
import org.safeload.money.Contract;
import org.safeload.money.ContractCosting;
import org.safeload.money.Costing;
import org.safeload.money.Scenario;
import org.safeload.money.TeamAppraisal;

/**
 * What a scenario or a contract costs, in the shape the command line and the API both answer
 * (docs/money.md): one place for the JSON and the text table.
 */
public record Evaluation(
    LocalDate asOf,
    List<ContractResult> contracts,
    List<Appraisal.Line> appraisal,
    TeamAppraisalView teamAppraisal) {

  /** A contract's months, totals and flags. */
  public record ContractResult(
      String id,
      String provider,
      LocalDate start,
      LocalDate end,
      List<Month> months,
      BigDecimal total,
      BigDecimal offsets,
      BigDecimal net,
      BigDecimal ceiling,
      BigDecimal headroom,
      BigDecimal potentialValue,
      boolean keyDecision,
      LocalDate breachDate,
      List<Extension> extensionDecisions,
      List<Costing.Flag> flags,
      BigDecimal linkedTotal,
      String keyDecisionStatement) {

    public static ContractResult of(Contract contract, Costing c) {
      List<String> names = contract.parts().stream().map(Contract.TeamPart::name).toList();
      return new ContractResult(
          contract.id(),
          contract.provider(),
          contract.start(),
          contract.end(),
          c.months().stream()
              .map(
                  m ->
                      new Month(
                          m.month(),
                          m.team(),
                          m.extras(),
                          m.total(),
                          m.forecast(),
                          m.actual(),
                          m.variance(),
                          contract.multiTeam() ? teams(names, m.byTeam()) : List.of()))
              .toList(),
          c.total(),
          c.offsets(),
          c.net(),
          c.ceiling(),
          c.headroom(),
          c.potentialValue(),
          c.keyDecision(),
          c.breachDate(),
          c.extensionDecisions().stream().map(Extension::of).toList(),
          c.flags(),
          c.linkedTotal(),
          c.keyDecisionStatement());
    }

    /** The same result with other flags (the procurement rules' added). */
    public ContractResult withFlags(List<Costing.Flag> newFlags) {
      return new ContractResult(
          id,
          provider,
          start,
          end,
          months,
          total,
          offsets,
          net,
          ceiling,
          headroom,
          potentialValue,
          keyDecision,
          breachDate,
          extensionDecisions,
          List.copyOf(newFlags),
          linkedTotal,
          keyDecisionStatement);
    }

    private static List<TeamCost> teams(List<String> names, List<BigDecimal> amounts) {
      List<TeamCost> teams = new java.util.ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        teams.add(new TeamCost(names.get(i), amounts.get(i)));
      }
      return teams;
    }
  }

  /**
   * An extension option: its months and most, its decide-by date and the days left to it, where it
   * stands ({@code open}, {@code exercised}, {@code declined}: the codes the contract document
   * uses), and what its months would cost at the prices in force on the contract's last day.
   */
  public record Extension(
      int months,
      BigDecimal maxValue,
      LocalDate decideBy,
      long daysLeft,
      String state,
      BigDecimal costAtCurrentPrices) {

    static Extension of(Costing.ExtensionDecision d) {
      return new Extension(
          d.months(),
          d.maxValue(),
          d.decideBy(),
          d.daysLeft(),
          d.state().code(),
          d.costAtCurrentPrices());
    }

    public boolean open() {
      return "open".equals(state);
    }
  }

  /** One team's forecast cost in a month, in a contract for several teams. */
  public record TeamCost(String name, BigDecimal team) {}

  /** A month: team and extras as forecast, the invoice if any, and the month's figure. */
  public record Month(
      YearMonth month,
      BigDecimal team,
      BigDecimal extras,
      BigDecimal total,
      BigDecimal forecast,
      BigDecimal actual,
      BigDecimal variance,
      List<TeamCost> teams) {}

  /** Costs every contract in a scenario and appraises its options, as of a date. */
  public static Evaluation of(Scenario scenario, LocalDate asOf, WorkingCalendar calendar) {
    ContractCosting costing = new ContractCosting(calendar, scenario.keyDecisionThreshold());
    java.util.Map<String, BigDecimal> linked = costing.linkedTotals(scenario.contracts());
    return new Evaluation(
        asOf,
        scenario.contracts().stream()
            .map(c -> ContractResult.of(c, costing.cost(c, asOf, linked.get(c.id()))))
            .toList(),
        Appraisal.of(scenario.appraisal()),
        scenario.teamAppraisal() == null
            ? null
            : TeamAppraisalView.of(TeamAppraisal.of(scenario.teamAppraisal())));
  }

  /** The evaluation as text tables, for people. */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append("As of ").append(asOf).append('\n');
    for (ContractResult c : contracts) {
      out.append('\n')
          .append("Contract ")
          .append(c.id())
          .append(" (")
          .append(c.provider())
          .append("), ")
          .append(c.start())
          .append(" to ")
          .append(c.end())
          .append('\n');
      out.append(
          String.format(
              "%-8s %14s %14s %14s %14s %14s %14s%n",
              "Month", "Team", "Extras", "Forecast", "Actual", "Variance", "Total"));
      for (Month m : c.months()) {
        out.append(
            String.format(
                "%-8s %14s %14s %14s %14s %14s %14s%n",
                m.month(),
                money(m.team()),
                money(m.extras()),
                money(m.forecast()),
                money(m.actual()),
                money(m.variance()),
                money(m.total())));
      }
      out.append(String.format("%-24s %14s%n", "Total", money(c.total())));
      out.append(String.format("%-24s %14s%n", "Offsets", money(c.offsets())));
      out.append(String.format("%-24s %14s%n", "Net", money(c.net())));
      out.append(String.format("%-24s %14s%n", "Ceiling", money(c.ceiling())));
      out.append(String.format("%-24s %14s%n", "Headroom", money(c.headroom())));
      out.append(String.format("%-24s %14s%n", "Potential value", money(c.potentialValue())));
      out.append(String.format("%-24s %14s%n", "Key decision", c.keyDecision() ? "yes" : "no"));
      if (c.breachDate() != null) {
        out.append(String.format("%-24s %14s%n", "Ceiling breached on", c.breachDate()));
      }
      for (Costing.Flag flag : c.flags()) {
        out.append("! ").append(flag.message()).append('\n');
      }
    }
    if (!appraisal.isEmpty()) {
      out.append('\n').append("Options appraisal (annual cost)\n");
      out.append(
          String.format(
              "%-32s %-13s %14s %22s%n", "Option", "Kind", "Per FTE", "Per case-holding FTE"));
      for (Appraisal.Line line : appraisal) {
        out.append(
            String.format(
                "%-32s %-13s %14s %22s%n",
                line.name(),
                line.kind(),
                money(line.annualCostPerFte()),
                money(line.annualCostPerCaseHoldingFte())));
      }
    }
    if (teamAppraisal != null) {
      out.append('\n').append(teamAppraisal.table());
    }
    return out.toString();
  }

  private static String money(BigDecimal amount) {
    return amount == null ? "" : String.format("%,.2f", amount);
  }
}
