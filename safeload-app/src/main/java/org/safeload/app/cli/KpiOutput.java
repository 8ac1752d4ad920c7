package org.safeload.app.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeload.document.CsvCells;
import org.safeload.timeliness.KpiReport;

/** A KPI report as JSON, CSV or a table. */
final class KpiOutput {

  private KpiOutput() {}

  static String format(KpiReport report, String format) {
    return switch (format) {
      case "csv" -> csv(report);
      case "table" -> table(report);
      default -> EvaluateCommand.json().writeValueAsString(json(report)) + "\n";
    };
  }

  static Map<String, Object> json(KpiReport report) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("asOf", report.asOf().toString());
    out.put("from", report.from() == null ? null : report.from().toString());
    out.put("to", report.to() == null ? null : report.to().toString());
    out.put("kpis", report.kpis());
    return out;
  }

  private static String csv(KpiReport report) {
    StringBuilder out = new StringBuilder("kpi,group,met,late,overdue,pending,due_soon,rate\n");
    for (KpiReport.Kpi k : report.kpis()) {
      out.append(
          line(k.id(), "", k.met(), k.late(), k.overdue(), k.pending(), k.dueSoon(), k.rate()));
      for (KpiReport.Counts g : k.groups()) {
        out.append(
            line(
                k.id(),
                g.key(),
                g.met(),
                g.late(),
                g.overdue(),
                g.pending(),
                g.dueSoon(),
                g.rate()));
      }
    }
    return out.toString();
  }

  private static String line(
      String id,
      String group,
      int met,
      int late,
      int overdue,
      int pending,
      int soon,
      java.math.BigDecimal rate) {
    return String.join(
            ",",
            List.of(
                CsvCells.cell(id),
                CsvCells.cell(group),
                "" + met,
                "" + late,
                "" + overdue,
                "" + pending,
                "" + soon,
                rate == null ? "" : rate.toPlainString()))
        + "\n";
  }

  private static String table(KpiReport report) {
    StringBuilder out = new StringBuilder();
    out.append("As of ").append(report.asOf());
    if (report.from() != null || report.to() != null) {
      out.append(", deadlines ")
          .append(report.from() == null ? "…" : report.from())
          .append(" to ")
          .append(report.to() == null ? "…" : report.to());
    }
    out.append('\n');
    out.append(
        String.format(
            "%-24s %-28s %7s %7s %7s %7s %8s %7s%n",
            "KPI", "Group", "Met", "Late", "Overdue", "Pending", "Due soon", "Rate"));
    for (KpiReport.Kpi k : report.kpis()) {
      out.append(
          row(k.id(), "", k.met(), k.late(), k.overdue(), k.pending(), k.dueSoon(), k.rate()));
      for (KpiReport.Counts g : k.groups()) {
        out.append(
            row("", g.key(), g.met(), g.late(), g.overdue(), g.pending(), g.dueSoon(), g.rate()));
      }
    }
    return out.toString();
  }

  private static String row(
      String id,
      String group,
      int met,
      int late,
      int overdue,
      int pending,
      int soon,
      java.math.BigDecimal rate) {
    String pct =
        rate == null
            ? "-"
            : rate.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP) + "%";
    return String.format(
        "%-24s %-28s %7d %7d %7d %7d %8d %7s%n", id, group, met, late, overdue, pending, soon, pct);
  }
}
