package org.safeload.timeliness;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.safeload.calendar.WorkingCalendar;

/**
 * A realistic, deterministic synthetic case log: referrals, decisions, allocations, oversight,
 * visits and write-ups, assessments, child in need and child protection work with its meetings and
 * minutes, documents, step-downs and closures, and supervision. The same seed gives the same log.
 * Most things happen on time; some are late and some never happen, as in life.
 */
public final class EventGenerator {

  /** Receives each generated event. */
  public interface Sink {
    void event(
        String id,
        LocalDateTime at,
        EventType type,
        String caseId,
        String childId,
        String workerId,
        String teamId,
        String detail,
        String ref,
        LocalDate due);
  }

  /** A generated team. */
  public record Team(String id, String name, String kind, String provider) {}

  /** A generated child: a pseudonymous reference, date of birth and family group. */
  public record Child(String id, LocalDate dateOfBirth, String familyGroup) {}

  /** A generated worker. */
  public record Worker(String id, String name, String teamId, String role) {}

  public static final List<Team> TEAMS =
      List.of(
          new Team("T1", "Assessment Team North", "substantive", ""),
          new Team("T2", "Assessment Team South", "substantive", ""),
          new Team("T3", "Child Protection Team", "substantive", ""),
          new Team("T4", "Court and Permanence Team", "substantive", ""),
          new Team("T5", "Brightpath Project Team", "managed", "Brightpath Social Work Ltd"));

  private final WorkingCalendar calendar;
  private final SplittableRandom random;
  private final LocalDate start;
  private final LocalDate end;
  private final int children;
  private final List<Worker> workers = new ArrayList<>();
  private final List<Child> childList = new ArrayList<>();
  private final Options options;
  private long nextId;

  public EventGenerator(
      WorkingCalendar calendar, long seed, int children, int months, LocalDate start) {
    this.calendar = calendar;
    this.random = new SplittableRandom(seed);
    this.start = start;
    this.end = start.plusMonths(months).minusDays(1);
    this.children = children;
    this.options = null;
    int perTeam = Math.max(2, children / 12 / TEAMS.size() + 1);
    for (Team team : TEAMS) {
      for (int i = 0; i < perTeam; i++) {
        workers.add(
            new Worker(
                "W" + (workers.size() + 1),
                "Worker " + (workers.size() + 1),
                team.id(),
                "social-worker"));
      }
    }
  }

  /**
   * A generator shaped by options: the given teams' standing cases and referrals, and the given
   * workers ({@code W1}, {@code W2}, … in the order of {@link Options#staff()}).
   *
   * @param children how many children are referred during the period (standing cases come on top)
   */
  public EventGenerator(
      WorkingCalendar calendar,
      long seed,
      int children,
      int months,
      LocalDate start,
      Options options) {
    this.calendar = calendar;
    this.random = new SplittableRandom(seed);
    this.start = start;
    this.end = start.plusMonths(months).minusDays(1);
    this.children = children;
    this.options = options;
    for (Staff s : options.staff()) {
      int n = workers.size() + 1;
      workers.add(new Worker("W" + n, "Worker " + n, s.teamId(), "social-worker"));
    }
  }

  public List<Worker> workers() {
    return List.copyOf(workers);
  }

  /** The children of the last {@link #generate} run. */
  public List<Child> children() {
    return List.copyOf(childList);
  }

  public LocalDate end() {
    return end;
  }

  /** Generates the whole log into a sink, child by child, then supervision worker by worker. */
  public void generate(Sink sink) {
    if (options != null) {
      new Planned(sink).generate();
      return;
    }
    int family = 0;
    for (int c = 0; c < children; c++) {
      if (c == 0 || random.nextInt(100) < 70) {
        family++; // most children are the only one of their family referred
      }
      String child = "K" + (c + 1);
      childList.add(
          new Child(child, start.minusDays(365L + random.nextInt(17 * 365)), "F" + family));
      child(sink, child, "C" + (c + 1));
    }
    for (Worker w : workers) {
      LocalDate day = start.plusDays(random.nextInt(10));
      while (!day.isAfter(end)) {
        if (random.nextInt(100) < 95) {
          sink.event(
              id(), at(day, 14), EventType.SUPERVISION, "", "", w.id(), w.teamId(), "", "", null);
        }
        day = day.plusDays(21 + random.nextInt(12));
      }
    }
  }

  private String id() {
    return "E" + (++nextId);
  }

  private LocalDateTime at(LocalDate day, int hour) {
    return LocalDateTime.of(day, LocalTime.of(hour, random.nextInt(60)));
  }

  private LocalDate workingDays(LocalDate from, int n) {
    return n <= 0 ? from : calendar.workingDaysAfter(from, n);
  }

  private void child(Sink sink, String child, String caseId) {
    long span = end.toEpochDay() - start.toEpochDay();
    LocalDate referred = workingDays(start.plusDays(random.nextLong(Math.max(1, span - 20))), 0);
    Team team = TEAMS.get(random.nextInt(TEAMS.size()));
    Worker worker = workerOf(team);
    String teamId = team.id();
    sink.event(id(), at(referred, 9), EventType.REFERRAL, caseId, child, "", teamId, "", "", null);
    LocalDate decided = workingDays(referred, random.nextInt(100) < 85 ? 1 : 2 + random.nextInt(3));
    sink.event(
        id(),
        at(decided, 11),
        EventType.REFERRAL_DECISION,
        caseId,
        child,
        "",
        teamId,
        "",
        "",
        null);
    LocalDate allocated = workingDays(decided, random.nextInt(3));
    LocalDateTime allocatedAt = at(allocated, 10);
    sink.event(
        id(),
        allocatedAt,
        EventType.ALLOCATED,
        caseId,
        child,
        worker.id(),
        teamId,
        "assessment",
        "",
        null);
    if (random.nextInt(100) < 93) {
      sink.event(
          id(),
          allocatedAt.plusHours(
              random.nextInt(100) < 88 ? 2 + random.nextInt(20) : 25 + random.nextInt(48)),
          EventType.OVERSIGHT_NOTE,
          caseId,
          child,
          "M" + team.id(),
          teamId,
          "",
          "",
          null);
    }
    LocalDate assessed =
        workingDays(
            referred, random.nextInt(100) < 85 ? 20 + random.nextInt(25) : 46 + random.nextInt(20));
    int outcome = random.nextInt(100);
    String type = "assessment";
    LocalDate closes = null;
    LocalDate day =
        workingDays(
            allocated, random.nextInt(100) < 90 ? 1 + random.nextInt(5) : 6 + random.nextInt(5));
    boolean assessmentDone = false;
    LocalDate cpSince = null;
    LocalDate nextReview = null;
    LocalDate nextRcpc = null;
    while (!day.isAfter(end) && (closes == null || day.isBefore(closes))) {
      if (!assessmentDone && !day.isBefore(assessed)) {
        assessmentDone = true;
        sink.event(
            id(),
            at(assessed, 15),
            EventType.ASSESSMENT_COMPLETED,
            caseId,
            child,
            worker.id(),
            teamId,
            "",
            "",
            null);
        if (outcome < 35) {
          closes = workingDays(assessed, 2 + random.nextInt(10));
        } else if (outcome < 75) {
          type = "cin";
          sink.event(
              id(),
              at(assessed, 16),
              EventType.CASE_TYPE_CHANGED,
              caseId,
              child,
              worker.id(),
              teamId,
              "cin",
              "",
              null);
          nextReview = assessed.plusDays(21 + random.nextInt(14));
        } else {
          type = "cp";
          String strategy = id();
          sink.event(
              strategy,
              at(assessed, 16),
              EventType.MEETING,
              caseId,
              child,
              worker.id(),
              teamId,
              "strategy-discussion",
              "",
              null);
          LocalDate icpc =
              workingDays(
                  assessed,
                  random.nextInt(100) < 85 ? 8 + random.nextInt(7) : 16 + random.nextInt(6));
          sink.event(
              id(),
              at(icpc, 9),
              EventType.CASE_TYPE_CHANGED,
              caseId,
              child,
              worker.id(),
              teamId,
              "cp",
              "",
              null);
          meeting(sink, caseId, child, worker, teamId, icpc, "icpc", true);
          cpSince = icpc;
          nextReview = icpc.plusDays(10 + random.nextInt(10));
          nextRcpc = icpc.plusMonths(3).minusDays(random.nextInt(20));
          if (random.nextInt(100) < 30) {
            type = random.nextBoolean() ? "cin" : "cp";
          }
        }
      }
      // A visit, written up; child protection visits are more frequent.
      String visit = id();
      boolean seen = random.nextInt(100) < 90;
      sink.event(
          visit,
          at(day, 10 + random.nextInt(6)),
          EventType.VISIT,
          caseId,
          child,
          worker.id(),
          teamId,
          seen ? "seen" : "not-seen",
          "",
          null);
      if (random.nextInt(100) < 96) {
        LocalDate writeUp =
            day.plusDays(random.nextInt(100) < 85 ? random.nextInt(2) : 2 + random.nextInt(4));
        sink.event(
            id(),
            at(writeUp, 17),
            EventType.VISIT_WRITE_UP,
            caseId,
            child,
            worker.id(),
            teamId,
            "",
            visit,
            null);
      }
      if (nextReview != null && !day.isBefore(nextReview)) {
        meeting(
            sink,
            caseId,
            child,
            worker,
            teamId,
            day,
            cpSince != null ? "core-group" : "cin-review",
            false);
        nextReview =
            day.plusDays(
                random.nextInt(100) < 80 ? 21 + random.nextInt(7) : 29 + random.nextInt(14));
      }
      if (nextRcpc != null && !day.isBefore(nextRcpc)) {
        LocalDate due = workingDays(day, 5);
        LocalDate submitted =
            calendar.workingDaysBefore(
                due, random.nextInt(100) < 80 ? 3 + random.nextInt(3) : 1 + random.nextInt(2));
        sink.event(
            id(),
            at(submitted, 12),
            EventType.DOCUMENT_SUBMITTED,
            caseId,
            child,
            worker.id(),
            teamId,
            "conference-report",
            "",
            due);
        meeting(sink, caseId, child, worker, teamId, due, "rcpc", true);
        nextRcpc = due.plusMonths(6).minusDays(random.nextInt(20));
      }
      int gap =
          "cp".equals(type) || cpSince != null ? 5 + random.nextInt(7) : 8 + random.nextInt(10);
      day = workingDays(day, gap);
    }
    if (closes != null && !closes.isAfter(end)) {
      sink.event(
          id(), at(closes, 16), EventType.CLOSED, caseId, child, worker.id(), teamId, "", "", null);
    } else if (cpSince != null && random.nextInt(100) < 15) {
      LocalDate down = end.minusDays(random.nextInt(20));
      if (down.isAfter(cpSince)) {
        sink.event(
            id(),
            at(down, 16),
            EventType.STEPPED_DOWN,
            caseId,
            child,
            worker.id(),
            teamId,
            "cin",
            "",
            null);
      }
    }
  }

  private void meeting(
      Sink sink,
      String caseId,
      String child,
      Worker worker,
      String teamId,
      LocalDate day,
      String kind,
      boolean conference) {
    String meeting = id();
    LocalDateTime at = at(day, 10);
    sink.event(meeting, at, EventType.MEETING, caseId, child, worker.id(), teamId, kind, "", null);
    if (random.nextInt(100) < 95) {
      int hours = random.nextInt(100) < 85 ? 4 + random.nextInt(60) : 73 + random.nextInt(72);
      sink.event(
          id(),
          at.plusHours(hours),
          EventType.MINUTES_DISTRIBUTED,
          caseId,
          child,
          worker.id(),
          teamId,
          "",
          meeting,
          null);
    }
  }

  private Worker workerOf(Team team) {
    List<Worker> members = workers.stream().filter(w -> w.teamId().equals(team.id())).toList();
    return members.get(random.nextInt(members.size()));
  }

  // --- A council's own shape --------------------------------------------------------------------

  /**
   * A case-holding worker of a generator with {@link Options}.
   *
   * @param share their share of the team's new cases (e.g. FTE in tenths, less for a newly
   *     qualified worker or an advanced practitioner)
   * @param complexWork whether they may hold {@code cp}, {@code plo} and {@code court} cases
   * @param from their first day (null: before the period)
   * @param to their last day (null: after the period); their cases are then re-allocated, or some
   *     stay with them, unallocated in effect
   */
  public record Staff(
      String teamId, int share, boolean complexWork, LocalDate from, LocalDate to) {}

  /**
   * How a team's cases arise.
   *
   * @param referrals its share of the period's new referrals (0: none come straight to it)
   * @param standing how many cases it holds open at the start of the period, each allocated on the
   *     period's first working day (or, with {@code opens}, when it takes them on)
   * @param waiting how many children's cases reach it from a team that takes referrals in the last
   *     three weeks of the period and are still waiting for a worker at its end
   * @param mix the case types of its standing cases, in percent (summing to 100); a case that
   *     becomes a type the team does not hold moves to the team with the largest share of that type
   * @param opens for a team that starts during the period (a managed team): from this day, over
   *     five working days, it takes on its standing cases, each allocated as it arrives
   */
  public record TeamPlan(
      String teamId,
      int referrals,
      int standing,
      int waiting,
      Map<CaseType, Integer> mix,
      LocalDate opens) {

    boolean holds(CaseType type) {
      return mix.getOrDefault(type, 0) > 0 || (type == CaseType.ASSESSMENT && referrals > 0);
    }
  }

  /**
   * What shapes a generated council's case activity (all shares in percent).
   *
   * @param siblingPercent the chance that a family has one more child (up to four)
   * @param closePercent referrals closed after their assessment
   * @param cpPercent referrals that go on to a child protection plan (the rest become cin)
   * @param endPercent standing cases that end or step down during the period
   * @param transferPercent standing cp cases that go into pre-proceedings, moving to the court team
   * @param reallocationPercent standing cases that change worker within their team
   * @param waitPercent cases transferred to another team that arrive there without a worker
   * @param leaverKeepPercent a leaver's cases that stay with them when they leave
   */
  public record Options(
      List<TeamPlan> teams,
      List<Staff> staff,
      int siblingPercent,
      int closePercent,
      int cpPercent,
      int endPercent,
      int transferPercent,
      int reallocationPercent,
      int waitPercent,
      int leaverKeepPercent) {

    public Options {
      teams = List.copyOf(teams);
      staff = List.copyOf(staff);
    }
  }

  private enum Kind {
    ASSESSED,
    STRATEGY,
    ICPC,
    TYPE,
    TRANSFER,
    ALLOCATE,
    STEP_DOWN,
    CLOSE,
    STEP_OUT
  }

  /** A change to a family's cases on a day; {@code worker} is an index into the staff, or -1. */
  private record Change(LocalDate day, Kind kind, String team, int worker, CaseType type) {}

  /** A worker's holding of a family's cases from a day until (not including) another. */
  private record Holding(LocalDate from, LocalDate until, int children) {}

  /** What happens to a family's cases (siblings share their team, worker and changes). */
  private static final class Plan {
    LocalDate referred;
    LocalDate decided;
    LocalDate allocated;
    String team;
    int worker;
    CaseType type;
    final List<Change> changes = new ArrayList<>();

    void add(LocalDate day, Kind kind, String team, int worker, CaseType type) {
      changes.add(new Change(day, kind, team, worker, type));
    }
  }

  /** The generator's run with options. */
  private final class Planned {
    private final Sink sink;
    private final List<Staff> staff = options.staff();
    private final LocalDate first = calendar.workingDaysAfter(start.minusDays(1), 1);
    private final List<List<Holding>> holdings = new ArrayList<>();
    private final Map<String, Integer> referredTo = new java.util.HashMap<>();
    private int family;

    Planned(Sink sink) {
      this.sink = sink;
      staff.forEach(s -> holdings.add(new ArrayList<>()));
    }

    void generate() {
      for (TeamPlan team : options.teams()) {
        int made = 0;
        while (made < team.standing()) {
          int size = familySize(team.standing() - made);
          Plan plan = standing(team, pickType(team.mix()));
          family(plan, size, 0);
          made += size;
        }
      }
      int referred = 0;
      while (referred < children) {
        int size = familySize(children - referred);
        TeamPlan team = pickReferralTeam(referred);
        referredTo.merge(team.teamId(), size, Integer::sum);
        family(referral(team), size, 365);
        referred += size;
      }
      for (TeamPlan team : options.teams()) {
        int made = 0;
        while (made < team.waiting()) {
          int size = familySize(team.waiting() - made);
          family(waiting(team), size, 365);
          made += size;
        }
      }
      for (int i = 0; i < staff.size(); i++) {
        Staff s = staff.get(i);
        LocalDate from = s.from() == null || s.from().isBefore(start) ? start : s.from();
        LocalDate to = s.to() == null || s.to().isAfter(end) ? end : s.to();
        LocalDate day = from.plusDays(random.nextInt(10));
        while (!day.isAfter(to)) {
          if (random.nextInt(100) < 95) {
            sink.event(
                id(),
                at(day, 14),
                EventType.SUPERVISION,
                "",
                "",
                "W" + (i + 1),
                s.teamId(),
                "",
                "",
                null);
          }
          day = day.plusDays(21 + random.nextInt(12));
        }
      }
    }

    private int familySize(int left) {
      int size = 1;
      while (size < Math.min(4, left) && random.nextInt(100) < options.siblingPercent()) {
        size++;
      }
      return size;
    }

    private void family(Plan plan, int size, int minAgeDays) {
      family++;
      plan.changes.sort(Comparator.comparing(Change::day));
      hold(plan, size);
      for (int i = 0; i < size; i++) {
        int n = childList.size() + 1;
        String child = "K" + n;
        childList.add(
            new Child(child, start.minusDays(minAgeDays + random.nextInt(17 * 365)), "F" + family));
        run(plan, "C" + n, child);
      }
    }

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
     * the one holding the fewest cases for their share, that day and at the end of the period; -1
     * if none.
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

    private boolean inPost(int worker, LocalDate day) {
      Staff s = staff.get(worker);
      return (s.from() == null || !s.from().isAfter(day))
          && (s.to() == null || !s.to().isBefore(day));
    }

    private LocalDate dayBetween(LocalDate from, LocalDate to) {
      long span = to.toEpochDay() - from.toEpochDay();
      return workingDays(from.plusDays(span <= 0 ? 0 : random.nextLong(span)), 0);
    }

    private LocalDate firstWorkingDay(LocalDate day) {
      return calendar.workingDaysAfter(day.minusDays(1), 1);
    }

    /** A case open at the start of the period (or taken over by a team that opens later). */
    private Plan standing(TeamPlan team, CaseType type) {
      Plan plan = new Plan();
      plan.type = type;
      if (team.opens() != null) {
        plan.team = team.teamId();
        plan.allocated =
            calendar.workingDaysAfter(team.opens().minusDays(1), 1 + random.nextInt(5));
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
        if (random.nextInt(100) < options.reallocationPercent()
            && last.isAfter(first.plusDays(30))) {
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
    private void transfer(Plan plan, LocalDate day, String team, CaseType type) {
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
    private Plan referral(TeamPlan team) {
      Plan plan = new Plan();
      plan.type = CaseType.ASSESSMENT;
      plan.team = team.teamId();
      long span = end.toEpochDay() - start.toEpochDay();
      plan.referred = workingDays(start.plusDays(random.nextLong(Math.max(1, span - 20))), 0);
      plan.decided =
          workingDays(plan.referred, random.nextInt(100) < 85 ? 1 : 2 + random.nextInt(3));
      plan.allocated = workingDays(plan.decided, random.nextInt(3));
      LocalDate assessed =
          workingDays(
              plan.referred,
              random.nextInt(100) < 85 ? 20 + random.nextInt(25) : 46 + random.nextInt(20));
      int outcome = random.nextInt(100);
      boolean cp =
          outcome >= options.closePercent()
              && outcome < options.closePercent() + options.cpPercent();
      boolean keepsCp = cp && team.holds(CaseType.CP);
      plan.worker =
          pick(plan.team, keepsCp ? CaseType.CP : CaseType.ASSESSMENT, plan.allocated, -1);
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
                assessed,
                random.nextInt(100) < 85 ? 8 + random.nextInt(7) : 16 + random.nextInt(6));
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
    private void hold(Plan plan, int size) {
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
     * assessment led to a strategy discussion and a transfer, without a worker, to a team in the
     * last three weeks.
     */
    private Plan waiting(TeamPlan team) {
      List<TeamPlan> referring = options.teams().stream().filter(t -> t.referrals() > 0).toList();
      TeamPlan from = referring.get(family % referring.size());
      Plan plan = new Plan();
      plan.type = CaseType.ASSESSMENT;
      plan.team = from.teamId();
      LocalDate transferred = calendar.workingDaysBefore(end.plusDays(1), 1 + random.nextInt(15));
      plan.referred = calendar.workingDaysBefore(transferred, 30 + random.nextInt(14));
      plan.decided = workingDays(plan.referred, 1);
      plan.allocated = workingDays(plan.decided, random.nextInt(3));
      plan.worker = pick(plan.team, CaseType.ASSESSMENT, plan.allocated, -1);
      plan.add(transferred, Kind.ASSESSED, null, -1, null);
      plan.add(transferred, Kind.STRATEGY, null, -1, null);
      plan.add(transferred, Kind.TRANSFER, team.teamId(), -1, null);
      return plan;
    }

    /** A worker who leaves while holding the cases: re-allocated soon after, or (some) not. */
    private void leavers(Plan plan) {
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

    private String workerId(int worker) {
      return worker < 0 ? "" : "W" + (worker + 1);
    }

    /** One child's case: its opening, its changes in day order, and the work in between. */
    private void run(Plan plan, String caseId, String child) {
      String team = plan.team;
      int worker = plan.worker;
      CaseType type = plan.type;
      LocalDate opened;
      if (plan.referred != null) {
        opened = plan.allocated;
        sink.event(
            id(), at(plan.referred, 9), EventType.REFERRAL, caseId, child, "", team, "", "", null);
        sink.event(
            id(),
            at(plan.decided, 11),
            EventType.REFERRAL_DECISION,
            caseId,
            child,
            "",
            team,
            "",
            "",
            null);
      } else {
        opened = plan.allocated != null ? plan.allocated : first;
      }
      allocate(caseId, child, worker, team, opened, type.code());
      LocalDate visit = firstVisit(opened);
      LocalDate nextReview = null;
      LocalDate nextRcpc = null;
      LocalDate nextDocument = null;
      if (plan.referred == null) {
        if (type == CaseType.CIN || type == CaseType.CP) {
          nextReview = opened.plusDays(7 + random.nextInt(21));
        }
        if (type == CaseType.CP) {
          nextRcpc = opened.plusDays(random.nextInt(180));
        }
        if (type == CaseType.COURT || type == CaseType.PLO) {
          nextDocument = opened.plusDays(10 + random.nextInt(40));
        }
      }
      int k = 0;
      List<Change> changes = plan.changes;
      while (true) {
        if (k < changes.size()
            && !changes.get(k).day().isAfter(end)
            && (visit.isAfter(end) || !changes.get(k).day().isAfter(visit))) {
          Change c = changes.get(k++);
          LocalDate day = c.day();
          switch (c.kind()) {
            case ASSESSED ->
                sink.event(
                    id(),
                    at(day, 15),
                    EventType.ASSESSMENT_COMPLETED,
                    caseId,
                    child,
                    workerId(worker),
                    team,
                    "",
                    "",
                    null);
            case STRATEGY ->
                meeting(
                    sink, caseId, child, workerId(worker), team, day, 16, "strategy-discussion");
            case ICPC -> {
              sink.event(
                  id(),
                  at(day, 9),
                  EventType.CASE_TYPE_CHANGED,
                  caseId,
                  child,
                  workerId(worker),
                  team,
                  "cp",
                  "",
                  null);
              meeting(sink, caseId, child, workerId(worker), team, day, 10, "icpc");
              type = CaseType.CP;
              nextReview = day.plusDays(10 + random.nextInt(10));
              nextRcpc = day.plusMonths(3).minusDays(random.nextInt(20));
            }
            case TYPE -> {
              sink.event(
                  id(),
                  at(day, 16),
                  EventType.CASE_TYPE_CHANGED,
                  caseId,
                  child,
                  workerId(worker),
                  team,
                  c.type().code(),
                  "",
                  null);
              type = c.type();
              nextReview = type == CaseType.CIN ? day.plusDays(21 + random.nextInt(14)) : null;
              nextRcpc = null;
              nextDocument =
                  type == CaseType.COURT || type == CaseType.PLO
                      ? day.plusDays(20 + random.nextInt(30))
                      : null;
            }
            case TRANSFER -> {
              team = c.team();
              worker = c.worker();
              sink.event(
                  id(),
                  at(day, 17),
                  EventType.TRANSFERRED,
                  caseId,
                  child,
                  workerId(worker),
                  team,
                  "",
                  "",
                  null);
              if (worker >= 0) {
                visit = firstVisit(day);
              }
            }
            case ALLOCATE -> {
              worker = c.worker();
              allocate(caseId, child, worker, team, day, "");
              visit = firstVisit(day);
            }
            case STEP_DOWN -> {
              sink.event(
                  id(),
                  at(day, 16),
                  EventType.STEPPED_DOWN,
                  caseId,
                  child,
                  workerId(worker),
                  team,
                  c.type().code(),
                  "",
                  null);
              type = c.type();
              nextRcpc = null;
            }
            case CLOSE, STEP_OUT -> {
              sink.event(
                  id(),
                  at(day, 16),
                  c.kind() == Kind.CLOSE ? EventType.CLOSED : EventType.STEPPED_DOWN,
                  caseId,
                  child,
                  workerId(worker),
                  team,
                  "",
                  "",
                  null);
              return;
            }
          }
          continue;
        }
        if (visit.isAfter(end)) {
          return;
        }
        if (worker >= 0 && inPost(worker, visit)) {
          String w = workerId(worker);
          String id = id();
          sink.event(
              id,
              at(visit, 10 + random.nextInt(6)),
              EventType.VISIT,
              caseId,
              child,
              w,
              team,
              random.nextInt(100) < 90 ? "seen" : "not-seen",
              "",
              null);
          if (random.nextInt(100) < 96) {
            LocalDate writeUp =
                visit.plusDays(
                    random.nextInt(100) < 85 ? random.nextInt(2) : 2 + random.nextInt(4));
            sink.event(
                id(),
                at(writeUp, 17),
                EventType.VISIT_WRITE_UP,
                caseId,
                child,
                w,
                team,
                "",
                id,
                null);
          }
          if (nextReview != null && !visit.isBefore(nextReview)) {
            meeting(
                sink,
                caseId,
                child,
                w,
                team,
                visit,
                10,
                type == CaseType.CP ? "core-group" : "cin-review");
            nextReview =
                visit.plusDays(
                    random.nextInt(100) < 80 ? 21 + random.nextInt(7) : 29 + random.nextInt(14));
          }
          if (nextRcpc != null && !visit.isBefore(nextRcpc)) {
            LocalDate due = workingDays(visit, 5);
            document(caseId, child, w, team, due, "conference-report");
            meeting(sink, caseId, child, w, team, due, 10, "rcpc");
            nextRcpc = due.plusMonths(6).minusDays(random.nextInt(20));
          }
          if (nextDocument != null && !visit.isBefore(nextDocument)) {
            LocalDate due = workingDays(visit, 8);
            document(caseId, child, w, team, due, "court-statement");
            nextDocument = due.plusDays(35 + random.nextInt(28));
          }
        }
        int gap = type == CaseType.CP ? 5 + random.nextInt(7) : 8 + random.nextInt(10);
        visit = workingDays(visit, gap);
      }
    }

    private LocalDate firstVisit(LocalDate from) {
      return workingDays(
          from, random.nextInt(100) < 90 ? 1 + random.nextInt(5) : 6 + random.nextInt(5));
    }

    private void allocate(
        String caseId, String child, int worker, String team, LocalDate day, String detail) {
      if (worker < 0) {
        return;
      }
      LocalDateTime allocatedAt = at(day, 10);
      sink.event(
          id(),
          allocatedAt,
          EventType.ALLOCATED,
          caseId,
          child,
          workerId(worker),
          team,
          detail,
          "",
          null);
      if (random.nextInt(100) < 93) {
        sink.event(
            id(),
            allocatedAt.plusHours(
                random.nextInt(100) < 88 ? 2 + random.nextInt(20) : 25 + random.nextInt(48)),
            EventType.OVERSIGHT_NOTE,
            caseId,
            child,
            "M" + team,
            team,
            "",
            "",
            null);
      }
    }

    private void document(
        String caseId, String child, String worker, String team, LocalDate due, String kind) {
      LocalDate submitted =
          calendar.workingDaysBefore(
              due, random.nextInt(100) < 80 ? 3 + random.nextInt(3) : 1 + random.nextInt(2));
      sink.event(
          id(),
          at(submitted, 12),
          EventType.DOCUMENT_SUBMITTED,
          caseId,
          child,
          worker,
          team,
          kind,
          "",
          due);
    }

    private void meeting(
        Sink sink,
        String caseId,
        String child,
        String worker,
        String team,
        LocalDate day,
        int hour,
        String kind) {
      String meeting = id();
      LocalDateTime at = at(day, hour);
      sink.event(meeting, at, EventType.MEETING, caseId, child, worker, team, kind, "", null);
      if (random.nextInt(100) < 95) {
        int hours = random.nextInt(100) < 85 ? 4 + random.nextInt(60) : 73 + random.nextInt(72);
        sink.event(
            id(),
            at.plusHours(hours),
            EventType.MINUTES_DISTRIBUTED,
            caseId,
            child,
            worker,
            team,
            "",
            meeting,
            null);
      }
    }
  }
}
