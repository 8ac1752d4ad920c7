package org.safeload.planning;

import java.math.BigDecimal;
import java.util.List;

/** A projection and a taper comparison as a plain-text table (the evaluate command's table). */
public final class ProjectionText {

  private ProjectionText() {}

  /** The projection's bands per month for each team and the service; the taper if given. */
  public static String table(Projection p, TaperSearch.Comparison taper) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%nCapacity projection from %s, %d months, %d runs (seed %d); target %s weighted cases"
                + " per FTE%n",
            p.start(), p.months(), p.runs(), p.seed(), p.target().toPlainString()));
    for (Projection.Figures f : p.teams()) {
      figures(out, "Team " + f.team(), f);
    }
    if (p.teams().size() > 1) {
      figures(out, "Service", p.service());
    }
    if (taper != null) {
      out.append(
          String.format(
              "%nTaper of %s (team %s): breach probability at most %s in each of its %d months;"
                  + " %d days' notice from %s; %d social workers at the start%n",
              taper.option(),
              taper.team(),
              taper.level().toPlainString(),
              taper.controlled(),
              taper.noticeDays(),
              taper.decidedOn(),
              taper.startingSize()));
      plan(out, "Council's plan", taper.council(), taper.controlled());
      if (taper.cheapest() == null) {
        out.append("  No safe schedule: even at the starting size the breach probability is above")
            .append(" the level in ")
            .append(taper.unsafeEvenAtStartingSize())
            .append('\n');
      } else {
        plan(out, "Cheapest safe", taper.cheapest(), taper.controlled());
        out.append(
            String.format("  Saving against the council's plan: %s%n", money(taper.saving())));
      }
    }
    return out.toString();
  }

  private static void figures(StringBuilder out, String title, Projection.Figures f) {
    out.append('\n').append(title).append('\n');
    out.append(
        String.format(
            "%-8s %-17s %-23s %-13s %-8s %-6s %-7s %13s %7s%n",
            "Month",
            "Open P10/50/90",
            "Weighted/FTE P10/50/90",
            "Unalloc P50/90",
            "FTE P50",
            "Agency",
            "Managed",
            "Cost P50",
            "Breach"));
    for (Projection.Month m : f.months()) {
      out.append(
          String.format(
              "%-8s %-17s %-23s %-13s %-8s %-6s %-7d %13s %6s%%%n",
              m.month(),
              three(m.openCases()),
              three(m.weightedPerFte()),
              plain(m.unallocated().p50()) + "/" + plain(m.unallocated().p90()),
              plain(m.fte().p50()),
              plain(m.agencyWorkers().p50()),
              m.managedSocialWorkers(),
              money(m.cost().p50()),
              m.breachProbability().movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP)));
    }
  }

  private static void plan(StringBuilder out, String name, TaperSearch.TaperPlan plan, int months) {
    List<Integer> shown = plan.socialWorkers().subList(0, Math.max(months, 1));
    out.append(
        String.format(
            "  %-15s %s  cost %s%s%s%n",
            name,
            shown,
            money(plan.total()),
            plan.safe() ? "" : "  (not safe)",
            plan.noticeMet() ? "" : "  (a reduction is inside the notice period)"));
    for (TaperSearch.Reduction r : plan.reductions()) {
      out.append(
          String.format(
              "    from %s: %d to %d social workers (notice by %s)%n",
              r.month(), r.from(), r.to(), r.noticeBy()));
    }
  }

  private static String three(Projection.Band b) {
    return plain(b.p10()) + "/" + plain(b.p50()) + "/" + plain(b.p90());
  }

  private static String plain(BigDecimal v) {
    return v == null ? "-" : v.toPlainString();
  }

  private static String money(BigDecimal v) {
    return v == null ? "" : String.format("%,.2f", v);
  }
}
