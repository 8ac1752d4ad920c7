package org.safeload.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.safeload.organisation.EmploymentType;
import org.safeload.organisation.WorkerDetails;
import org.safeload.timeliness.CaseType;

/**
 * A team's workers as a capacity projection counts them, from the council's worker records
 * (docs/projection.md, "From the council's records"):
 *
 * <ul>
 *   <li>case-holding workers (social workers and advanced practitioners, counted at a social
 *       worker's limits) employed permanently or seconded, in post on the day and outside their
 *       ASYE: the experienced workers, as headcount and total FTE;
 *   <li>those in their ASYE on the day, and those who start after it: starters on their first day
 *       (in the ASYE from its start date when they have one);
 *   <li>agency workers in post on the day: that many each month (they are replaced when they go);
 *   <li>managed-service workers: left to the managed-team options, which price them.
 * </ul>
 *
 * <p>A worker's known last day is not a dated leaver: leavers come from the turnover rate, which
 * {@link #monthlyTurnover} works out from the same records.
 */
public final class TeamWorkforce {

  private TeamWorkforce() {}

  /**
   * The team's plan from its workers on a day. Its agency workers are those in post, or, with
   * {@code backfillTo}, one for every vacancy up to that many permanent case-holding posts each
   * month (the agency workers in post now are taken to be filling vacancies, so are not counted
   * again).
   */
  public static TeamPlan plan(
      String team,
      Map<CaseType, Integer> openCases,
      Referrals referrals,
      List<WorkerDetails> workers,
      LocalDate on,
      int months,
      BigDecimal agencyMonthlyRate,
      List<TeamPlan.Recruits> recruits,
      Integer backfillTo) {
    int experienced = 0;
    BigDecimal fte = BigDecimal.ZERO;
    int agency = 0;
    List<TeamPlan.Starter> starters = new ArrayList<>();
    for (WorkerDetails w : workers) {
      if (!w.role().caseHolding() || w.endDate() != null && w.endDate().isBefore(on)) {
        continue;
      }
      boolean later = w.startDate() != null && w.startDate().isAfter(on);
      switch (w.employmentType()) {
        case MANAGED_SERVICE -> {}
        case AGENCY -> {
          if (!later) {
            agency++;
          }
        }
        case PERMANENT, SECONDEE -> {
          boolean asye = w.asyeStartDate() != null && inAsyeOnOrAfter(w, on);
          if (!later && !asye) {
            experienced++;
            fte = fte.add(w.fte());
          } else {
            starters.add(
                new TeamPlan.Starter(
                    later ? w.startDate() : on, 1, w.fte(), asye, w.asyeStartDate()));
          }
        }
      }
    }
    BigDecimal rate = agencyMonthlyRate == null ? BigDecimal.ZERO : agencyMonthlyRate;
    TeamPlan.Agency agencyPlan =
        backfillTo != null
            ? new TeamPlan.Agency(Collections.nCopies(months, 0), backfillTo, null, rate)
            : agency == 0
                ? null
                : new TeamPlan.Agency(
                    Collections.nCopies(months, agency),
                    null,
                    null,
                    agencyMonthlyRate == null ? BigDecimal.ZERO : agencyMonthlyRate);
    return new TeamPlan(
        team,
        openCases,
        referrals,
        experienced,
        fte,
        starters,
        recruits == null ? List.of() : recruits,
        agencyPlan);
  }

  /** Whether the worker is in their ASYE on the day, or starts one later. */
  private static boolean inAsyeOnOrAfter(WorkerDetails w, LocalDate on) {
    return w.inAsyeOn(on) || w.asyeStartDate().isAfter(on);
  }

  /**
   * The monthly probability that a permanent (or seconded) case-holding worker leaves, from the 12
   * months to a day: the leavers (last day within them) over the average headcount at the start of
   * each of the 12 months, over 12; 0 with no one in post.
   */
  public static double monthlyTurnover(List<WorkerDetails> workers, LocalDate on) {
    LocalDate from = on.minusMonths(12);
    int leavers = 0;
    long headcount = 0;
    for (WorkerDetails w : workers) {
      if (!w.role().caseHolding()
          || w.employmentType() != EmploymentType.PERMANENT
              && w.employmentType() != EmploymentType.SECONDEE) {
        continue;
      }
      if (w.endDate() != null && w.endDate().isAfter(from) && !w.endDate().isAfter(on)) {
        leavers++;
      }
      for (int m = 0; m < 12; m++) {
        if (w.activeOn(from.plusMonths(m).plusDays(1))) {
          headcount++;
        }
      }
    }
    if (headcount == 0) {
      return 0;
    }
    return Math.min(1, leavers / (headcount / 12.0) / 12.0);
  }
}
