package org.safeload.timeliness;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
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
  private long nextId;

  public EventGenerator(
      WorkingCalendar calendar, long seed, int children, int months, LocalDate start) {
    this.calendar = calendar;
    this.random = new SplittableRandom(seed);
    this.start = start;
    this.end = start.plusMonths(months).minusDays(1);
    this.children = children;
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
}
