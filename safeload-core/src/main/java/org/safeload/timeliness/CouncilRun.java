package org.safeload.timeliness;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.safeload.timeliness.EventGenerator.Options;
import org.safeload.timeliness.EventGenerator.Staff;
import org.safeload.timeliness.EventGenerator.TeamPlan;
import org.safeload.timeliness.FamilyPlan.Change;

/**
 * The generator shaped by {@link Options}: each team's standing cases, the period's referrals
 * (shared among the teams that take them by their share), and the cases waiting for a worker at the
 * end, family by family (sizes drawn by the sibling chance). Each family's cases are planned by
 * {@link FamilyPlanner} and each child's written by {@link PlannedCase}; then every worker's
 * supervision while in post.
 */
final class CouncilRun {

  private final Options options;
  private final GenerationPeriod period;
  private final SplittableRandom random;
  private final EventWriter writer;
  private final List<EventGenerator.Child> children;
  private final FamilyPlanner planner;
  private final PlannedCase cases;
  private final Map<String, Integer> referredTo = new HashMap<>();
  private int family;

  /**
   * @param children the generator's children, which this run adds to
   */
  CouncilRun(
      Options options,
      GenerationPeriod period,
      SplittableRandom random,
      EventWriter writer,
      List<EventGenerator.Child> children) {
    this.options = options;
    this.period = period;
    this.random = random;
    this.writer = writer;
    this.children = children;
    this.planner = new FamilyPlanner(options, period, random);
    this.cases = new PlannedCase(period, random, writer, options.staff());
  }

  /**
   * Generates the standing cases, this many referred children and the waiting cases, then
   * supervision.
   */
  void generate(int referrals) {
    for (TeamPlan team : options.teams()) {
      int made = 0;
      while (made < team.standing()) {
        int size = familySize(team.standing() - made);
        FamilyPlan plan = planner.standing(team, pickType(team.mix()));
        family(plan, size, 0);
        made += size;
      }
    }
    int referred = 0;
    while (referred < referrals) {
      int size = familySize(referrals - referred);
      TeamPlan team = pickReferralTeam(referred);
      referredTo.merge(team.teamId(), size, Integer::sum);
      family(planner.referral(team), size, 365);
      referred += size;
    }
    for (TeamPlan team : options.teams()) {
      int made = 0;
      while (made < team.waiting()) {
        int size = familySize(team.waiting() - made);
        family(planner.waiting(team, family), size, 365);
        made += size;
      }
    }
    LocalDate start = period.start();
    LocalDate end = period.end();
    List<Staff> staff = options.staff();
    for (int i = 0; i < staff.size(); i++) {
      Staff s = staff.get(i);
      LocalDate from = s.from() == null || s.from().isBefore(start) ? start : s.from();
      LocalDate to = s.to() == null || s.to().isAfter(end) ? end : s.to();
      writer.supervision("W" + (i + 1), s.teamId(), from, to);
    }
  }

  /** A family's size: one child, and one more (up to four) by the sibling chance each time. */
  private int familySize(int left) {
    int size = 1;
    while (size < Math.min(4, left) && random.nextInt(100) < options.siblingPercent()) {
      size++;
    }
    return size;
  }

  /** A family's children, each with their case written by its plan. */
  private void family(FamilyPlan plan, int size, int minAgeDays) {
    family++;
    plan.changes.sort(Comparator.comparing(Change::day));
    planner.hold(plan, size);
    for (int i = 0; i < size; i++) {
      int n = children.size() + 1;
      String child = "K" + n;
      children.add(
          new EventGenerator.Child(
              child,
              period.start().minusDays(minAgeDays + random.nextInt(17 * 365)),
              "F" + family));
      cases.run(plan, "C" + n, child);
    }
  }

  /** A case type drawn by a team's mix (in percent). */
  private CaseType pickType(Map<CaseType, Integer> mix) {
    int r = random.nextInt(100);
    for (CaseType type : CaseType.values()) {
      r -= mix.getOrDefault(type, 0);
      if (r < 0) {
        return type;
      }
    }
    return CaseType.CIN;
  }

  /** The team furthest behind its share of the referrals so far (by children). */
  private TeamPlan pickReferralTeam(int referredSoFar) {
    int total = options.teams().stream().mapToInt(TeamPlan::referrals).sum();
    TeamPlan best = null;
    double bestDeficit = 0;
    for (TeamPlan t : options.teams()) {
      if (t.referrals() <= 0) {
        continue;
      }
      double deficit =
          (double) t.referrals() * (referredSoFar + 1) / total
              - referredTo.getOrDefault(t.teamId(), 0);
      if (best == null || deficit > bestDeficit) {
        best = t;
        bestDeficit = deficit;
      }
    }
    if (best == null) {
      throw new IllegalStateException("no team takes referrals");
    }
    return best;
  }
}
