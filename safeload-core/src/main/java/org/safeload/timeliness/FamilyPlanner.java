package org.safeload.timeliness;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.safeload.timeliness.EventGenerator.Options;
import org.safeload.timeliness.EventGenerator.Staff;
import org.safeload.timeliness.EventGenerator.TeamPlan;
import org.safeload.timeliness.FamilyPlan.Change;
import org.safeload.timeliness.FamilyPlan.Kind;

/**
 * Decides what happens to each family's cases in a generator with {@link Options}, before any of
 * their events is written: the team, the worker (of three drawn by their share, the one holding
 * fewest cases for it), and the changes: an assessment's outcome, type changes, step-downs and
 * closures, transfers to the team that holds a case type (with a worker, or waiting for one),
 * re-allocations within the team, and a leaver's cases re-allocated (or some kept). It keeps who
 * holds which family's cases when, so later choices of worker see the caseloads planned so far.
 */
final class FamilyPlanner {

  /** A worker's holding of a family's cases from a day until (not including) another. */
  private record Holding(LocalDate from, LocalDate until, int children) {}

  private final Options options;
  private final List<Staff> staff;
  private final GenerationPeriod period;
  private final SplittableRandom random;
  private final LocalDate end;
  private final LocalDate first;
  private final List<List<Holding>> holdings = new ArrayList<>();

  FamilyPlanner(Options options, GenerationPeriod period, SplittableRandom random) {
    this.options = options;
    this.staff = options.staff();
    this.period = period;
    this.random = random;
    this.end = period.end();
    this.first = period.firstWorkingDay();
    staff.forEach(s -> holdings.add(new ArrayList<>()));
  }

  /** A case open at the start of the period (or taken over by a team that opens later). */
  FamilyPlan standing(TeamPlan team, CaseType type) {
    FamilyPlan plan = new FamilyPlan();
    plan.type = type;
    if (team.opens() != null) {
      plan.team = team.teamId();
      plan.allocated =
          period.calendar().workingDaysAfter(team.opens().minusDays(1), 1 + random.nextInt(5));
      plan.worker = pick(plan.team, type, plan.allocated, -1);
    } else {
      plan.team = team.teamId();
      plan.worker = pick(plan.team, type, first, -1);
      LocalDate last = end;
      int r = random.nextInt(100);
      String court = homeOf(CaseType.PLO);
      if (r < options.endPercent()) {
        LocalDate day = dayBetween(first.plusDays(20), end);
        last = day;
        switch (type) {
          case CP -> plan.add(day, Kind.STEP_DOWN, null, -1, CaseType.CIN);
          case PLO -> plan.add(day, Kind.TYPE, null, -1, CaseType.COURT);
          case CIN ->
              plan.add(day, random.nextBoolean() ? Kind.CLOSE : Kind.STEP_OUT, null, -1, null);
          default -> plan.add(day, Kind.CLOSE, null, -1, null);
        }
      } else if (type == CaseType.CP
          && r < options.endPercent() + options.transferPercent()
          && court != null
          && !court.equals(team.teamId())) {
        LocalDate day = dayBetween(first.plusDays(20), end);
        last = day;
        plan.add(day, Kind.TYPE, null, -1, CaseType.PLO);
        transfer(plan, day, court, CaseType.PLO);
      }
      if (random.nextInt(100) < options.reallocationPercent() && last.isAfter(first.plusDays(30))) {
        LocalDate day = dayBetween(first.plusDays(10), last.minusDays(10));
        int to = pick(plan.team, type, day, plan.worker);
        if (to >= 0) {
          plan.add(day, Kind.ALLOCATE, null, to, null);
        }
      }
    }
    leavers(plan);
    return plan;
  }

  /** A transfer to a team: with a worker, or waiting there for one. */
  private void transfer(FamilyPlan plan, LocalDate day, String team, CaseType type) {
    if (random.nextInt(100) < options.waitPercent()) {
      plan.add(day, Kind.TRANSFER, team, -1, null);
      LocalDate allocated = workingDays(day, 1 + random.nextInt(25));
      if (!allocated.isAfter(end)) {
        plan.add(allocated, Kind.ALLOCATE, null, pick(team, type, allocated, -1), null);
      }
    } else {
      plan.add(day, Kind.TRANSFER, team, pick(team, type, day, -1), null);
    }
  }

  /** A child referred during the period, and what follows their assessment. */
  FamilyPlan referral(TeamPlan team) {
    FamilyPlan plan = new FamilyPlan();
    plan.type = CaseType.ASSESSMENT;
    plan.team = team.teamId();
    LocalDate start = period.start();
    long span = end.toEpochDay() - start.toEpochDay();
    plan.referred = workingDays(start.plusDays(random.nextLong(Math.max(1, span - 20))), 0);
    plan.decided = workingDays(plan.referred, random.nextInt(100) < 85 ? 1 : 2 + random.nextInt(3));
    plan.allocated = workingDays(plan.decided, random.nextInt(3));
    LocalDate assessed =
        workingDays(
            plan.referred,
            random.nextInt(100) < 85 ? 20 + random.nextInt(25) : 46 + random.nextInt(20));
    int outcome = random.nextInt(100);
    boolean cp =
        outcome >= options.closePercent() && outcome < options.closePercent() + options.cpPercent();
    boolean keepsCp = cp && team.holds(CaseType.CP);
    plan.worker = pick(plan.team, keepsCp ? CaseType.CP : CaseType.ASSESSMENT, plan.allocated, -1);
    plan.add(assessed, Kind.ASSESSED, null, -1, null);
    if (outcome < options.closePercent()) {
      plan.add(workingDays(assessed, 2 + random.nextInt(10)), Kind.CLOSE, null, -1, null);
    } else if (cp) {
      plan.add(assessed, Kind.STRATEGY, null, -1, null);
      if (!keepsCp && homeOf(CaseType.CP) != null) {
        transfer(plan, assessed, homeOf(CaseType.CP), CaseType.CP);
      }
      LocalDate icpc =
          workingDays(
              assessed, random.nextInt(100) < 85 ? 8 + random.nextInt(7) : 16 + random.nextInt(6));
      plan.add(icpc, Kind.ICPC, null, -1, CaseType.CP);
      LocalDate down = end.minusDays(random.nextInt(20));
      if (random.nextInt(100) < 15 && down.isAfter(icpc)) {
        plan.add(down, Kind.STEP_DOWN, null, -1, CaseType.CIN);
      }
    } else {
      plan.add(assessed, Kind.TYPE, null, -1, CaseType.CIN);
      if (random.nextInt(100) < 30) {
        plan.add(workingDays(assessed, 40 + random.nextInt(60)), Kind.CLOSE, null, -1, null);
      }
    }
    leavers(plan);
    return plan;
  }

  /** Records who holds the family's cases when, for later choices of worker. */
  void hold(FamilyPlan plan, int size) {
    int worker = plan.worker;
    LocalDate from = plan.allocated != null ? plan.allocated : first;
    for (Change c : plan.changes) {
      boolean ends = c.kind() == Kind.CLOSE || c.kind() == Kind.STEP_OUT;
      if (ends || c.kind() == Kind.TRANSFER || c.kind() == Kind.ALLOCATE) {
        if (worker >= 0) {
          holdings.get(worker).add(new Holding(from, c.day(), size));
        }
        if (ends) {
          return;
        }
        worker = c.worker();
        from = c.day();
      }
    }
    if (worker >= 0) {
      holdings.get(worker).add(new Holding(from, end.plusDays(1), size));
    }
  }

  /**
   * A child referred to a team that takes referrals about three months before the end, whose
   * assessment led to a strategy discussion and a transfer, without a worker, to a team in the last
   * three weeks.
   *
   * @param family the families made so far (which referring team it came from)
   */
  FamilyPlan waiting(TeamPlan team, int family) {
    List<TeamPlan> referring = options.teams().stream().filter(t -> t.referrals() > 0).toList();
    TeamPlan from = referring.get(family % referring.size());
    FamilyPlan plan = new FamilyPlan();
    plan.type = CaseType.ASSESSMENT;
    plan.team = from.teamId();
    LocalDate transferred =
        period.calendar().workingDaysBefore(end.plusDays(1), 1 + random.nextInt(15));
    plan.referred = period.calendar().workingDaysBefore(transferred, 30 + random.nextInt(14));
    plan.decided = workingDays(plan.referred, 1);
    plan.allocated = workingDays(plan.decided, random.nextInt(3));
    plan.worker = pick(plan.team, CaseType.ASSESSMENT, plan.allocated, -1);
    plan.add(transferred, Kind.ASSESSED, null, -1, null);
    plan.add(transferred, Kind.STRATEGY, null, -1, null);
    plan.add(transferred, Kind.TRANSFER, team.teamId(), -1, null);
    return plan;
  }

  /** A worker who leaves while holding the cases: re-allocated soon after, or (some) not. */
  private void leavers(FamilyPlan plan) {
    plan.changes.sort(Comparator.comparing(Change::day));
    int worker = plan.worker;
    String team = plan.team;
    CaseType type = plan.type;
    LocalDate from = plan.allocated != null ? plan.allocated : first;
    for (int k = 0; k <= plan.changes.size(); k++) {
      Change c = k < plan.changes.size() ? plan.changes.get(k) : null;
      LocalDate until = c == null ? end : c.day();
      LocalDate left = worker < 0 ? null : staff.get(worker).to();
      if (left != null && !left.isBefore(from) && left.isBefore(until)) {
        if (random.nextInt(100) >= options.leaverKeepPercent()) {
          LocalDate day = workingDays(left, 1 + random.nextInt(10));
          int next = pick(team, type, day, worker);
          if (!day.isAfter(until) && next >= 0) {
            plan.add(day, Kind.ALLOCATE, null, next, null);
          }
        }
        return;
      }
      if (c == null || c.kind() == Kind.CLOSE || c.kind() == Kind.STEP_OUT) {
        return;
      }
      if (c.kind() == Kind.TRANSFER) {
        team = c.team();
        worker = c.worker();
      } else if (c.kind() == Kind.ALLOCATE) {
        worker = c.worker();
      } else if (c.type() != null) {
        type = c.type();
      }
      from = c.day();
    }
  }

  /** The team (open from the start) with the largest share of a case type. */
  private String homeOf(CaseType type) {
    TeamPlan home = null;
    for (TeamPlan t : options.teams()) {
      if (t.opens() == null
          && t.holds(type)
          && (home == null || t.mix().getOrDefault(type, 0) > home.mix().getOrDefault(type, 0))) {
        home = t;
      }
    }
    return home == null ? null : home.teamId();
  }

  private static boolean complex(CaseType type) {
    return type == CaseType.CP || type == CaseType.PLO || type == CaseType.COURT;
  }

  /**
   * A worker of a team in post on a day (and for four weeks more): of three drawn by their share,
   * the one holding the fewest cases for their share, that day and at the end of the period; -1 if
   * none.
   */
  private int pick(String team, CaseType type, LocalDate day, int except) {
    int total = 0;
    for (int i = 0; i < staff.size(); i++) {
      total += eligible(i, team, type, day, except) ? staff.get(i).share() : 0;
    }
    if (total <= 0) {
      return -1;
    }
    int best = -1;
    long bestHeld = 0;
    for (int draw = 0; draw < 3; draw++) {
      int r = random.nextInt(total);
      for (int i = 0; i < staff.size(); i++) {
        r -= eligible(i, team, type, day, except) ? staff.get(i).share() : 0;
        if (r < 0) {
          long held = held(i, day) + held(i, end);
          if (best < 0 || held * staff.get(best).share() < bestHeld * staff.get(i).share()) {
            best = i;
            bestHeld = held;
          }
          break;
        }
      }
    }
    return best;
  }

  /** How many children's cases a worker holds on a day, by the plans made so far. */
  private int held(int worker, LocalDate day) {
    int n = 0;
    for (Holding h : holdings.get(worker)) {
      if (!day.isBefore(h.from()) && day.isBefore(h.until())) {
        n += h.children();
      }
    }
    return n;
  }

  private boolean eligible(int i, String team, CaseType type, LocalDate day, int except) {
    Staff s = staff.get(i);
    return i != except
        && s.teamId().equals(team)
        && (s.complexWork() || !complex(type))
        && (s.from() == null || !s.from().isAfter(day))
        && (s.to() == null || s.to().isAfter(day.plusDays(28)));
  }

  private LocalDate dayBetween(LocalDate from, LocalDate to) {
    long span = to.toEpochDay() - from.toEpochDay();
    return workingDays(from.plusDays(span <= 0 ? 0 : random.nextLong(span)), 0);
  }

  private LocalDate workingDays(LocalDate from, int n) {
    return period.workingDays(from, n);
  }
}
