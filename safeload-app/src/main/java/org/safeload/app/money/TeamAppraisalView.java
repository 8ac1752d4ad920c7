package org.safeload.app.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeload.money.TeamAppraisal;
import org.safeload.organisation.Role;

/**
 * A team options appraisal as the command line, the API and the page show it (docs/money.md): the
 * team, the period, the figures used, and the three options side by side with their lines. Roles by
 * their codes.
 *
 * @param weeks the period's weeks (to 4 decimal places; the costing uses the exact fraction)
 * @param days the period's calendar days, when it was given by dates
 * @param cheapest the kind of the cheapest option for the period
 */
public record TeamAppraisalView(
    Map<String, BigDecimal> composition,
    String team,
    LocalDate start,
    LocalDate end,
    Long days,
    BigDecimal weeks,
    Assumptions assumptions,
    List<Option> options,
    String cheapest) {

  /** The figures the options were costed with. */
  public record Assumptions(
      BigDecimal pricePerTeamWeek,
      Map<String, BigDecimal> pricePerPersonWeek,
      Map<String, BigDecimal> hourlyCaps,
      BigDecimal hourlyFee,
      BigDecimal hoursPerWeek,
      BigDecimal agencyWeeksPerYear,
      Map<String, BigDecimal> salaries,
      BigDecimal onCostRate,
      BigDecimal vacancyRate,
      BigDecimal recruitmentCostPerPost) {}

  /** One option: its lines, totals for the period and a year, and how far above the cheapest. */
  public record Option(
      String kind,
      String label,
      List<Line> lines,
      BigDecimal total,
      BigDecimal annual,
      BigDecimal aboveCheapest,
      BigDecimal annualAboveCheapest,
      boolean cheapest) {}

  /** One line: what, for which role (null for the whole team) and FTE, how, and its cost. */
  public record Line(
      String item,
      String role,
      BigDecimal fte,
      String basis,
      BigDecimal period,
      BigDecimal annual) {}

  public static TeamAppraisalView of(TeamAppraisal.Result r) {
    TeamAppraisal.Inputs in = r.inputs();
    return new TeamAppraisalView(
        codes(in.composition().fte()),
        in.composition().describe(),
        in.period().start(),
        in.period().end(),
        in.period().days(),
        in.period().weeks(),
        new Assumptions(
            in.managedTeam().pricePerTeamWeek(),
            codes(in.managedTeam().pricePerPersonWeek()),
            codes(in.agency().hourlyCaps()),
            in.agency().hourlyFee(),
            in.agency().hoursPerWeek(),
            in.agency().weeksPerYear(),
            codes(in.permanent().salaries()),
            in.permanent().onCostRate(),
            in.permanent().vacancyRate(),
            in.permanent().recruitmentCostPerPost()),
        r.options().stream()
            .map(
                o ->
                    new Option(
                        o.kind(),
                        o.label(),
                        o.lines().stream()
                            .map(
                                l ->
                                    new Line(
                                        l.item(),
                                        l.role() == null ? null : l.role().code(),
                                        l.fte(),
                                        l.basis(),
                                        l.period(),
                                        l.annual()))
                            .toList(),
                        o.total(),
                        o.annual(),
                        o.aboveCheapest(),
                        o.annualAboveCheapest(),
                        o.cheapest()))
            .toList(),
        r.options().stream()
            .filter(TeamAppraisal.Option::cheapest)
            .findFirst()
            .orElseThrow()
            .kind());
  }

  /** The option of a kind. */
  public Option option(String kind) {
    return options.stream().filter(o -> o.kind().equals(kind)).findFirst().orElseThrow();
  }

  private static Map<String, BigDecimal> codes(Map<Role, BigDecimal> byRole) {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    byRole.forEach((role, amount) -> out.put(role.code(), amount));
    return out;
  }

  /** The appraisal as a text table, for people (the evaluate command's --format table). */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append("Team options appraisal: ")
        .append(team)
        .append(", ")
        .append(start == null ? "" : start + " to " + end + ", ")
        .append(weeks.toPlainString())
        .append(" weeks\n");
    out.append(String.format("%-58s %14s %14s%n", "Option and line", "Period", "Annual"));
    for (Option o : options) {
      out.append(o.label()).append(o.cheapest() ? " (cheapest)" : "").append('\n');
      for (Line l : o.lines()) {
        out.append(
            String.format("  %-56s %14s %14s%n", l.item(), money(l.period()), money(l.annual())));
      }
      out.append(
          String.format("  %-56s %14s %14s%n", "Total", money(o.total()), money(o.annual())));
      out.append(
          String.format(
              "  %-56s %14s %14s%n",
              "Above the cheapest", money(o.aboveCheapest()), money(o.annualAboveCheapest())));
    }
    return out.toString();
  }

  private static String money(BigDecimal amount) {
    return amount == null ? "" : String.format("%,.2f", amount);
  }
}
