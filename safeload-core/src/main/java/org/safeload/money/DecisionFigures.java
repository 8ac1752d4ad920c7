package org.safeload.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Every figure a decision report states, as of a date: worked out live for a draft, or frozen with
 * a decision so its report can be written again exactly. Each part names its source and as-of date
 * in the report's appendix.
 *
 * @param asOf the date the figures are as of
 * @param council the council's name
 * @param contract the contract as it stands after the decision (or as of the date, for a draft)
 * @param costing what it costs, month by month, as of the date
 * @param decisionValue the decision's value ({@code null} for a draft without a decision)
 * @param keyDecision whether it is a key decision and why
 * @param procurement what the procurement rules flag for it
 * @param printed where the figures the council printed differ from their own rows or from these
 * @param linked the awards linked to it for the same need, its own included (empty: none)
 * @param impact the evidence of impact in the teams it works in (null when not known)
 * @param workforce the roster's position: people asked for, proposed, cleared
 */
public record DecisionFigures(
    LocalDate asOf,
    String council,
    Contract contract,
    Costing costing,
    BigDecimal decisionValue,
    KeyDecisionRule.Assessment keyDecision,
    List<Costing.Flag> procurement,
    List<PrintedFigures.Difference> printed,
    List<LinkedAward> linked,
    Impact impact,
    Workforce workforce) {

  public DecisionFigures {
    procurement = procurement == null ? List.of() : List.copyOf(procurement);
    printed = printed == null ? List.of() : List.copyOf(printed);
    linked = linked == null ? List.of() : List.copyOf(linked);
  }

  /** One award for the same need, with its value (ceiling, or costed total if higher). */
  public record LinkedAward(
      String id, String provider, LocalDate start, LocalDate end, BigDecimal value) {}

  /**
   * The evidence of impact over a period (the contract's start, or a year before the as-of date if
   * later, to the as-of date), for the council teams the contract works in.
   *
   * @param unallocatedAtStart children waiting for a worker across the council at the start
   * @param unallocatedNow and at the end
   */
  public record Impact(
      LocalDate from,
      LocalDate to,
      List<TeamImpact> teams,
      int unallocatedAtStart,
      int unallocatedNow,
      List<KpiTrend> kpis) {

    public Impact {
      teams = List.copyOf(teams);
      kpis = List.copyOf(kpis);
    }
  }

  /**
   * A team's throughput and caseload per FTE at the start and end of the period.
   *
   * @param casesPerFteAtStart open cases per case-holding FTE at the start ({@code null} without
   *     FTE)
   * @param target the caseload policy's target per FTE
   */
  public record TeamImpact(
      String team,
      int openAtStart,
      int received,
      int transferredIn,
      int steppedDown,
      int closed,
      int transferredOut,
      int openAtEnd,
      BigDecimal casesPerFteAtStart,
      BigDecimal casesPerFteNow,
      BigDecimal target) {}

  /** A KPI's rate month by month (percent met; {@code null} where nothing fell due). */
  public record KpiTrend(
      String name, BigDecimal goal, List<YearMonth> months, List<BigDecimal> rates) {
    public KpiTrend {
      months = List.copyOf(months);
      rates = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(rates));
    }
  }

  /**
   * The roster's position on a date: for each role, the people the contract asks for, proposed for
   * it, and cleared to work (vetting complete).
   */
  public record Workforce(LocalDate on, List<RoleLine> roles) {
    public Workforce {
      roles = List.copyOf(roles);
    }
  }

  /** One role's numbers. */
  public record RoleLine(String role, int asked, int proposed, int cleared) {}
}
