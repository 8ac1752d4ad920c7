package org.safeload.money.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.safeload.money.Contract;
import org.safeload.money.ContractCosting;
import org.safeload.money.Costing;
import org.safeload.money.Decision;
import org.safeload.money.DecisionFigures;
import org.safeload.money.PrintedFigures;
import org.safeload.money.ReportType;
import org.safeload.organisation.Role;
import org.safeload.report.Block;
import org.safeload.report.BulletList;
import org.safeload.report.Cell;
import org.safeload.report.Chart;
import org.safeload.report.KeyValues;
import org.safeload.report.Paragraph;
import org.safeload.report.Report;
import org.safeload.report.Section;
import org.safeload.report.Sources;
import org.safeload.report.Table;
import org.safeload.report.ValueKind;

/**
 * Writes a decision report (award, extension or exit; docs/decisions.md) from a decision and its
 * figures, in the sections councils use. Every number comes from the figures; every table's total
 * is computed from its rows; where the council's printed figures differ, the report says so.
 */
public final class DecisionReports {

  private DecisionReports() {}

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

  /**
   * The report of a type.
   *
   * @param decision the decision it reports, or {@code null} for a draft from live figures
   */
  public static Report write(ReportType type, DecisionFigures f, Decision decision) {
    Contract c = f.contract();
    Decision.Narrative words = decision == null ? Decision.Narrative.empty() : decision.words();
    List<Section> sections = new ArrayList<>();
    int n = 0;
    sections.add(summary(++n, type, f, decision, words));
    sections.add(recommendations(++n, f, decision, words));
    sections.add(background(++n, f, words));
    sections.add(options(++n, decision));
    sections.add(financial(++n, f, decision));
    sections.add(impact(++n, f));
    sections.add(workforce(++n, f));
    sections.add(risks(++n, f, words));
    sections.add(exitPlan(++n, f, words, type));
    sections.add(legal(++n, f, decision));
    sections.add(appendix(++n, f));
    List<String> subtitle = new ArrayList<>();
    subtitle.add(f.council());
    subtitle.add("Contract " + c.id() + " with " + c.provider());
    if (decision != null) {
      subtitle.add(
          "Decision maker: "
              + decision.decisionMaker()
              + (decision.makerRole() == null ? "" : ", " + decision.makerRole()));
      subtitle.add("Date of decision: " + day(decision.date()));
    }
    subtitle.add("Figures as of " + day(f.asOf()));
    String status =
        decision == null ? "Draft: figures as of " + day(f.asOf()) : "Decision recorded";
    return new Report(title(type, c), subtitle, status, sections);
  }

  static String title(ReportType type, Contract c) {
    String what =
        c.multiTeam()
            ? c.parts().size() + " managed social work teams"
            : "a managed social work team";
    return switch (type) {
      case AWARD -> "Award of a contract for " + what;
      case EXTENSION -> "Extension of the contract for " + what;
      case EXIT -> "Exit from the contract for " + what;
    };
  }

  private static Section summary(
      int n, ReportType type, DecisionFigures f, Decision d, Decision.Narrative words) {
    Contract c = f.contract();
    Costing cost = f.costing();
    List<String> kv = new ArrayList<>();
    kv.addAll(List.of("Contract", c.id(), "Provider", c.provider()));
    kv.addAll(List.of("Teams", teams(c)));
    kv.addAll(List.of("Period", day(c.start()) + " to " + day(c.end())));
    if (c.ceiling() != null) {
      kv.addAll(List.of("Ceiling", pounds(c.ceiling())));
    }
    kv.addAll(List.of("Forecast cost", pounds(cost.total())));
    kv.addAll(List.of("Potential value with open options", pounds(cost.potentialValue())));
    if (d != null) {
      kv.addAll(List.of("Decision", d.kind().label()));
      kv.addAll(List.of("Route", d.route().label()));
      if (f.decisionValue() != null) {
        kv.addAll(List.of("Value of the decision", pounds(f.decisionValue())));
      }
    }
    kv.addAll(List.of("Key decision", f.keyDecision().key() ? "Yes" : "No"));
    List<Block> blocks = new ArrayList<>();
    blocks.add(
        Paragraph.of(
            words.purpose() != null
                ? words.purpose()
                : "This report asks for a decision on the contract for "
                    + teams(c)
                    + " supplied by "
                    + c.provider()
                    + ", which helps the council hold children's cases safely."));
    blocks.add(KeyValues.of(kv.toArray(String[]::new)));
    if (!f.printed().isEmpty()) {
      blocks.add(
          Paragraph.warning(
              "The figures printed in the council's report differ from Safeload's in "
                  + f.printed().size()
                  + (f.printed().size() == 1 ? " place" : " places")
                  + ": see the financial implications."));
    }
    return Section.of(String.valueOf(n), "Summary", blocks.toArray(Block[]::new));
  }

  private static Section recommendations(
      int n, DecisionFigures f, Decision d, Decision.Narrative words) {
    List<Block> blocks = new ArrayList<>();
    if (words.recommendation() != null) {
      blocks.add(Paragraph.of(words.recommendation()));
    } else if (d != null && d.chosenOption() != null) {
      blocks.add(
          Paragraph.of(
              "That "
                  + (d.makerRole() == null ? d.decisionMaker() : "the " + d.makerRole())
                  + " approves the option chosen: "
                  + d.chosenOption().name()
                  + (d.chosenOption().cost() == null
                      ? "."
                      : ", at a cost of " + pounds(d.chosenOption().cost()) + ".")));
    } else {
      blocks.add(Paragraph.of("No recommendation has been written yet."));
    }
    return Section.of(String.valueOf(n), "Recommendations", blocks.toArray(Block[]::new));
  }

  private static Section background(int n, DecisionFigures f, Decision.Narrative words) {
    Contract c = f.contract();
    List<Block> blocks = new ArrayList<>();
    if (words.background() != null) {
      blocks.add(Paragraph.of(words.background()));
    }
    blocks.add(
        Paragraph.of(
            "The contract runs from "
                + day(c.start())
                + " to "
                + day(c.end())
                + (c.route() == null
                    ? ""
                    : ", bought by " + c.route().label().toLowerCase(Locale.UK))
                + ". It buys "
                + teams(c)
                + "."));
    Table.Builder roster =
        Table.builder("The teams the contract buys, on its first day")
            .column("Team", ValueKind.TEXT)
            .column("Council team", ValueKind.TEXT)
            .summed("Team managers", ValueKind.NUMBER)
            .summed("Social workers", ValueKind.NUMBER)
            .summed("Others", ValueKind.NUMBER)
            .totalLabel("All teams");
    for (Contract.TeamPart part : c.parts()) {
      var people = ContractCosting.rosterOn(c, part, c.start());
      int managers = people.getOrDefault(Role.TEAM_MANAGER, 0);
      int social = people.getOrDefault(Role.SOCIAL_WORKER, 0);
      int others = people.values().stream().mapToInt(Integer::intValue).sum() - managers - social;
      roster.row(
          Cell.text(part.name() == null ? "The team" : part.name()),
          Cell.text(part.team() == null ? "Not named" : part.team()),
          Cell.number(managers),
          Cell.number(social),
          Cell.number(others));
    }
    blocks.add(roster.build());
    if (!f.linked().isEmpty()) {
      Table.Builder linked =
          Table.builder("Awards for the same need")
              .column("Contract", ValueKind.TEXT)
              .column("Provider", ValueKind.TEXT)
              .column("From", ValueKind.DATE)
              .column("To", ValueKind.DATE)
              .summed("Value", ValueKind.MONEY)
              .totalLabel("Linked awards");
      for (DecisionFigures.LinkedAward a : f.linked()) {
        linked.row(
            Cell.text(a.id()),
            Cell.text(a.provider()),
            Cell.date(a.start()),
            Cell.date(a.end()),
            Cell.money(a.value()));
      }
      blocks.add(linked.build());
    }
    return Section.of(String.valueOf(n), "Background", blocks.toArray(Block[]::new));
  }

  private static Section options(int n, Decision d) {
    if (d == null || d.options().isEmpty()) {
      return Section.of(
          String.valueOf(n),
          "Options considered",
          Paragraph.of("No options have been recorded with this decision."));
    }
    Table.Builder t =
        Table.builder("Options considered")
            .column("Option", ValueKind.TEXT)
            .column("Cost", ValueKind.MONEY)
            .column("Chosen", ValueKind.TEXT)
            .column("Notes", ValueKind.TEXT);
    for (Decision.OptionConsidered o : d.options()) {
      t.row(
          Cell.text(o.name()),
          o.cost() == null ? Cell.empty() : Cell.money(o.cost()),
          Cell.text(o.chosen() ? "Chosen" : ""),
          Cell.text(o.note() == null ? "" : o.note()));
    }
    return Section.of(String.valueOf(n), "Options considered", t.build());
  }

  /** The monthly table: each team's cost where there are several, extras, and the month's total. */
  static Table monthlyTable(DecisionFigures f, Decision d) {
    Contract c = f.contract();
    Table.Builder t = Table.builder("Cost by month").column("Month", ValueKind.TEXT);
    if (c.multiTeam()) {
      for (Contract.TeamPart part : c.parts()) {
        t.summed(part.name(), ValueKind.MONEY);
      }
    } else {
      t.summed("Team", ValueKind.MONEY);
    }
    t.summed("Extras", ValueKind.MONEY).column("Invoiced", ValueKind.TEXT);
    t.summed("Total", ValueKind.MONEY).totalLabel("Total");
    for (Costing.MonthCost m : f.costing().months()) {
      List<Cell> cells = new ArrayList<>();
      cells.add(Cell.text(m.month().format(MONTH)));
      if (c.multiTeam()) {
        m.byTeam().forEach(a -> cells.add(Cell.money(a)));
      } else {
        cells.add(Cell.money(m.team()));
      }
      cells.add(Cell.money(m.extras()));
      cells.add(Cell.text(m.actual() == null ? "Forecast" : "Invoiced"));
      Cell total = Cell.money(m.total());
      List<String> notes = new ArrayList<>();
      if (m.actual() != null && m.variance().signum() != 0) {
        notes.add(
            "Invoiced "
                + pounds(m.actual())
                + " against a forecast of "
                + pounds(m.forecast())
                + "; the team and extras columns show the forecast.");
      }
      PrintedFigures.Difference printed = printedFor(f, m.month());
      if (printed != null) {
        notes.add(printed.message() + ".");
      }
      if (!notes.isEmpty()) {
        total = total.withNote(String.join(" ", notes));
      }
      cells.add(total);
      t.row(cells);
    }
    if (d != null && d.printed() != null && d.printed().total() != null) {
      t.printedTotal(
          "Total",
          d.printed().total(),
          d.printed().source() == null ? "The council's printed report" : d.printed().source());
    }
    return t.build();
  }

  private static PrintedFigures.Difference printedFor(DecisionFigures f, YearMonth month) {
    return f.printed().stream()
        .filter(p -> "month".equals(p.what()) && month.equals(p.month()))
        .findFirst()
        .orElse(null);
  }

  private static Section financial(int n, DecisionFigures f, Decision d) {
    Costing cost = f.costing();
    List<Block> blocks = new ArrayList<>();
    blocks.add(monthlyTable(f, d));
    List<String> kv = new ArrayList<>();
    kv.addAll(List.of("Total cost", pounds(cost.total())));
    kv.addAll(List.of("Offsets", pounds(cost.offsets())));
    kv.addAll(List.of("Net cost", pounds(cost.net())));
    if (cost.ceiling() != null) {
      kv.addAll(List.of("Ceiling", pounds(cost.ceiling())));
      kv.addAll(
          List.of(
              cost.headroom().signum() < 0 ? "Over the ceiling by" : "Headroom",
              pounds(cost.headroom().abs())));
    }
    kv.addAll(List.of("Potential value with open options", pounds(cost.potentialValue())));
    if (cost.linkedTotal() != null) {
      kv.addAll(List.of("Linked awards' total", pounds(cost.linkedTotal())));
    }
    blocks.add(KeyValues.of(kv.toArray(String[]::new)));
    if (d != null && d.words().funding() != null) {
      blocks.add(Paragraph.of("Funding: " + d.words().funding()));
    }
    if (!f.contract().offsets().isEmpty()) {
      Table.Builder offsets =
          Table.builder("Offsets")
              .column("Offset", ValueKind.TEXT)
              .summed("Amount", ValueKind.MONEY)
              .totalLabel("Total offsets");
      f.contract().offsets().forEach(o -> offsets.row(Cell.text(o.name()), Cell.money(o.amount())));
      blocks.add(offsets.build());
    }
    blocks.add(spendChart(f));
    for (Costing.ExtensionDecision e : cost.extensionDecisions()) {
      if (e.costAtCurrentPrices() != null) {
        blocks.add(
            Paragraph.of(
                "The "
                    + e.months()
                    + "-month extension option may cost up to "
                    + pounds(e.maxValue())
                    + "; at the prices in force on the contract's last day its months would cost "
                    + pounds(e.costAtCurrentPrices())
                    + "."));
      }
    }
    List<PrintedFigures.Difference> differences = f.printed();
    if (!differences.isEmpty()) {
      blocks.add(
          Paragraph.warning(
              "The council's printed figures differ from Safeload's. The tables here add up from"
                  + " their rows; the differences are:"));
      blocks.add(
          new BulletList(differences.stream().map(PrintedFigures.Difference::message).toList()));
    }
    blocks.add(Paragraph.strong(f.keyDecision().statement()));
    return Section.of(String.valueOf(n), "Financial implications", blocks.toArray(Block[]::new));
  }

  private static Chart spendChart(DecisionFigures f) {
    Costing cost = f.costing();
    List<String> months =
        cost.months().stream()
            .map(m -> m.month().format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK)))
            .toList();
    Chart.Builder chart =
        Chart.line("Spend to date against the ceiling")
            .categories("Month", months)
            .values("Cumulative spend", ValueKind.MONEY)
            .series("Cumulative spend", cost.cumulative());
    if (cost.ceiling() != null) {
      chart.reference("Ceiling", cost.ceiling());
    }
    BigDecimal last = cost.cumulative().isEmpty() ? BigDecimal.ZERO : cost.cumulative().getLast();
    return chart
        .describedAs(
            "Cumulative spend rises to "
                + pounds(last)
                + " by "
                + (cost.months().isEmpty()
                    ? "the end"
                    : cost.months().getLast().month().format(MONTH))
                + (cost.ceiling() == null
                    ? "."
                    : " against a ceiling of " + pounds(cost.ceiling()) + "."))
        .build();
  }

  private static Section impact(int n, DecisionFigures f) {
    DecisionFigures.Impact impact = f.impact();
    if (impact == null) {
      return Section.of(
          String.valueOf(n),
          "Evidence of impact",
          Paragraph.of("There are no caseload figures for the contract's period yet."));
    }
    KeyValues waiting =
        KeyValues.of(
            "Children waiting for a worker on " + day(impact.from()),
            String.valueOf(impact.unallocatedAtStart()),
            "Children waiting for a worker on " + day(impact.to()),
            String.valueOf(impact.unallocatedNow()));
    if (impact.teams().isEmpty()) {
      return Section.of(
          String.valueOf(n),
          "Evidence of impact",
          Paragraph.of(
              "The contract names no council team, so its impact cannot be measured by team."),
          waiting);
    }
    List<Block> blocks = new ArrayList<>();
    blocks.add(
        Paragraph.of(
            "From "
                + day(impact.from())
                + " to "
                + day(impact.to())
                + " in the teams it works in:"));
    Table.Builder flow =
        Table.builder("Cases received, stepped down, closed and transferred")
            .column("Team", ValueKind.TEXT)
            .summed("Open at the start", ValueKind.NUMBER)
            .summed("Received", ValueKind.NUMBER)
            .summed("Transferred in", ValueKind.NUMBER)
            .summed("Stepped down", ValueKind.NUMBER)
            .summed("Closed", ValueKind.NUMBER)
            .summed("Transferred out", ValueKind.NUMBER)
            .summed("Open at the end", ValueKind.NUMBER)
            .totalLabel("All teams");
    for (DecisionFigures.TeamImpact t : impact.teams()) {
      flow.row(
          Cell.text(t.team()),
          Cell.number(t.openAtStart()),
          Cell.number(t.received()),
          Cell.number(t.transferredIn()),
          Cell.number(t.steppedDown()),
          Cell.number(t.closed()),
          Cell.number(t.transferredOut()),
          Cell.number(t.openAtEnd()));
    }
    blocks.add(flow.build());
    Chart.Builder perFte =
        Chart.bar("Cases per case-holding FTE, before and after")
            .categories(
                "Team", impact.teams().stream().map(DecisionFigures.TeamImpact::team).toList())
            .values("Cases per FTE", ValueKind.NUMBER)
            .series(
                day(impact.from()),
                impact.teams().stream()
                    .map(DecisionFigures.TeamImpact::casesPerFteAtStart)
                    .toList())
            .series(
                day(impact.to()),
                impact.teams().stream().map(DecisionFigures.TeamImpact::casesPerFteNow).toList());
    BigDecimal target = impact.teams().getFirst().target();
    if (target != null) {
      perFte.reference("Target", target);
    }
    blocks.add(
        perFte
            .describedAs(
                "Cases per case-holding FTE in each team on "
                    + day(impact.from())
                    + " and on "
                    + day(impact.to())
                    + (target == null
                        ? "."
                        : ", against the policy's target of " + target.toPlainString() + "."))
            .build());
    blocks.add(waiting);
    if (!impact.kpis().isEmpty() && !impact.kpis().getFirst().months().isEmpty()) {
      Table.Builder kpis = Table.builder("Timeliness, percent met by month (the council)");
      kpis.column("Measure", ValueKind.TEXT);
      for (YearMonth m : impact.kpis().getFirst().months()) {
        kpis.column(
            m.format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK)), ValueKind.PERCENT);
      }
      kpis.column("Goal", ValueKind.PERCENT);
      for (DecisionFigures.KpiTrend k : impact.kpis()) {
        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.text(k.name()));
        for (BigDecimal rate : k.rates()) {
          cells.add(rate == null ? Cell.empty() : Cell.percent(rate));
        }
        while (cells.size() < impact.kpis().getFirst().months().size() + 1) {
          cells.add(Cell.empty());
        }
        cells.add(k.goal() == null ? Cell.empty() : Cell.percent(k.goal()));
        kpis.row(cells);
      }
      blocks.add(kpis.build());
    }
    return Section.of(String.valueOf(n), "Evidence of impact", blocks.toArray(Block[]::new));
  }

  private static Section workforce(int n, DecisionFigures f) {
    DecisionFigures.Workforce w = f.workforce();
    if (w == null || w.roles().isEmpty()) {
      return Section.of(
          String.valueOf(n),
          "Workforce and vetting",
          Paragraph.of("No roster position is recorded."));
    }
    Table.Builder t =
        Table.builder("The roster on " + day(w.on()) + ": asked for, proposed and cleared")
            .column("Role", ValueKind.TEXT)
            .summed("Asked for", ValueKind.NUMBER)
            .summed("Proposed", ValueKind.NUMBER)
            .summed("Cleared", ValueKind.NUMBER)
            .totalLabel("All roles");
    for (DecisionFigures.RoleLine r : w.roles()) {
      t.row(
          Cell.text(r.role()),
          Cell.number(r.asked()),
          Cell.number(r.proposed()),
          Cell.number(r.cleared()));
    }
    int asked = w.roles().stream().mapToInt(DecisionFigures.RoleLine::asked).sum();
    int cleared = w.roles().stream().mapToInt(DecisionFigures.RoleLine::cleared).sum();
    return Section.of(
        String.valueOf(n),
        "Workforce and vetting",
        t.build(),
        Paragraph.of(
            cleared >= asked
                ? "Every post the roster asks for has a cleared worker."
                : (asked - cleared)
                    + " of the "
                    + asked
                    + " posts the roster asks for have no cleared worker yet; no worker starts"
                    + " before their checks are complete."));
  }

  private static Section risks(int n, DecisionFigures f, Decision.Narrative words) {
    Table.Builder t =
        Table.builder("Risks and mitigations")
            .column("Risk", ValueKind.TEXT)
            .column("Mitigation", ValueKind.TEXT);
    for (Decision.Risk r : words.risks()) {
      t.row(Cell.text(r.risk()), Cell.text(r.mitigation() == null ? "" : r.mitigation()));
    }
    for (Costing.Flag flag : f.costing().flags()) {
      if (flag.code().startsWith("ceiling") || flag.code().equals("extension-underpriced")) {
        t.row(
            Cell.text(flag.message()),
            Cell.text("Reviewed monthly against invoices by the contract manager."));
      }
    }
    Table table = t.build();
    return Section.of(
        String.valueOf(n),
        "Risks and mitigations",
        table.rows().isEmpty() ? Paragraph.of("No risks have been recorded.") : table);
  }

  private static Section exitPlan(
      int n, DecisionFigures f, Decision.Narrative words, ReportType type) {
    Contract c = f.contract();
    List<Block> blocks = new ArrayList<>();
    if (words.exitPlan() != null) {
      blocks.add(Paragraph.of(words.exitPlan()));
    }
    Table.Builder t =
        Table.builder("Roster changes from their dates")
            .column("From", ValueKind.DATE)
            .column("Team", ValueKind.TEXT)
            .column("Change", ValueKind.TEXT);
    for (Contract.RosterChange ch : c.changes()) {
      t.row(
          Cell.date(ch.from()),
          Cell.text(ch.forTeam() == null ? "The team" : ch.forTeam()),
          Cell.text(
              ch.role() != null
                  ? ch.count()
                      + " "
                      + ch.role().label().toLowerCase(Locale.UK)
                      + (ch.count() == 1 ? "" : "s")
                  : ch.teams() + (ch.teams() == 1 ? " team" : " teams")));
    }
    Table changes = t.build();
    if (!changes.rows().isEmpty()) {
      blocks.add(changes);
    }
    blocks.add(
        Paragraph.of(
            "The contract ends on "
                + day(c.end())
                + ". Its cases are handed over to the council's teams before then, within safe"
                + " caseload limits."));
    if (blocks.isEmpty()) {
      blocks.add(Paragraph.of("No exit plan has been written yet."));
    }
    return Section.of(String.valueOf(n), "Exit plan", blocks.toArray(Block[]::new));
  }

  private static Section legal(int n, DecisionFigures f, Decision d) {
    Contract c = f.contract();
    List<Block> blocks = new ArrayList<>();
    List<String> kv = new ArrayList<>();
    kv.addAll(List.of("Procurement route", c.route() == null ? "Not recorded" : c.route().label()));
    if (c.justification() != null) {
      kv.addAll(List.of("Justification", c.justification()));
    }
    if (d != null) {
      kv.addAll(List.of("Decision route", d.route().label()));
      if (d.urgencyReason() != null) {
        kv.addAll(List.of("Why it could not wait", d.urgencyReason()));
      }
      kv.addAll(
          List.of(
              "Call-in",
              d.callInDays() == 0
                  ? "Not subject to call-in"
                  : d.callInDays() + " working days after publication"));
    }
    blocks.add(KeyValues.of(kv.toArray(String[]::new)));
    List<String> flags = new ArrayList<>();
    f.procurement().forEach(flag -> flags.add(flag.message()));
    f.costing().flags().stream()
        .filter(
            flag ->
                flag.code().startsWith("extension-decision")
                    || flag.code().equals("extension-notice"))
        .forEach(flag -> flags.add(flag.message()));
    if (!flags.isEmpty()) {
      blocks.add(new BulletList(flags));
    }
    blocks.add(Paragraph.strong(f.keyDecision().statement()));
    return Section.of(
        String.valueOf(n), "Legal and procurement implications", blocks.toArray(Block[]::new));
  }

  private static Section appendix(int n, DecisionFigures f) {
    Costing cost = f.costing();
    LocalDate on = f.asOf();
    List<Sources.Figure> figures = new ArrayList<>();
    String engine =
        "Safeload's contract costing (docs/money.md), from the contract's terms and invoices";
    figures.add(new Sources.Figure("Total cost", Cell.money(cost.total()), engine, on));
    figures.add(new Sources.Figure("Net cost", Cell.money(cost.net()), engine, on));
    if (cost.ceiling() != null) {
      figures.add(
          new Sources.Figure("Ceiling", Cell.money(cost.ceiling()), "The contract's terms", on));
    }
    figures.add(
        new Sources.Figure("Potential value", Cell.money(cost.potentialValue()), engine, on));
    if (f.decisionValue() != null) {
      figures.add(
          new Sources.Figure(
              "Value of the decision", Cell.money(f.decisionValue()), "The decision record", on));
    }
    if (cost.linkedTotal() != null) {
      figures.add(
          new Sources.Figure(
              "Linked awards' total",
              Cell.money(cost.linkedTotal()),
              "The linked contracts' values",
              on));
    }
    DecisionFigures.Impact impact = f.impact();
    if (impact != null) {
      for (DecisionFigures.TeamImpact t : impact.teams()) {
        if (t.casesPerFteNow() != null) {
          figures.add(
              new Sources.Figure(
                  "Cases per FTE, " + t.team(),
                  Cell.number(t.casesPerFteNow()),
                  "Safeload's caseloads, from the case events",
                  impact.to()));
        }
      }
      figures.add(
          new Sources.Figure(
              "Children waiting for a worker",
              Cell.number(impact.unallocatedNow()),
              "Safeload's unallocated cases, from the case events",
              impact.to()));
    }
    if (f.workforce() != null) {
      figures.add(
          new Sources.Figure(
              "Workers cleared for the roster",
              Cell.number(
                  f.workforce().roles().stream().mapToInt(DecisionFigures.RoleLine::cleared).sum()),
              "Safeload's vetting records",
              f.workforce().on()));
    }
    return Section.of(
        String.valueOf(n),
        "Appendix: the figures and their sources",
        new Sources("Each figure, where it comes from and its date", figures));
  }

  private static String teams(Contract c) {
    if (!c.multiTeam()) {
      return c.team() == null ? "one managed team" : "one managed team (" + c.team() + ")";
    }
    return c.parts().size()
        + " managed teams ("
        + String.join(", ", c.parts().stream().map(Contract.TeamPart::name).toList())
        + ")";
  }

  static String day(LocalDate d) {
    return d.format(DAY);
  }

  static String pounds(BigDecimal amount) {
    return String.format(Locale.UK, "£%,.2f", amount);
  }
}
