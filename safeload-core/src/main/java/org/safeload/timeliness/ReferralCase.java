package org.safeload.timeliness;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One referred child's case in the generator's default shape: the referral to one of the {@link
 * EventGenerator#TEAMS} and a worker of it, the decision and allocation, the assessment and its
 * outcome (closed; child in need with its reviews; or child protection with its strategy
 * discussion, conferences, core groups and conference reports), and visits with their write-ups
 * until the case closes or the period ends. Mostly on time; some late, some never.
 */
final class ReferralCase {

  private final GenerationPeriod period;
  private final SplittableRandom random;
  private final EventWriter writer;
  private final List<EventGenerator.Worker> workers;

  ReferralCase(
      GenerationPeriod period,
      SplittableRandom random,
      EventWriter writer,
      List<EventGenerator.Worker> workers) {
    this.period = period;
    this.random = random;
    this.writer = writer;
    this.workers = workers;
  }

  /** Writes the events of one child's case. */
  void run(String child, String caseId) {
    LocalDate start = period.start();
    LocalDate end = period.end();
    long span = end.toEpochDay() - start.toEpochDay();
    LocalDate referred = workingDays(start.plusDays(random.nextLong(Math.max(1, span - 20))), 0);
    EventGenerator.Team team =
        EventGenerator.TEAMS.get(random.nextInt(EventGenerator.TEAMS.size()));
    EventGenerator.Worker worker = workerOf(team);
    String teamId = team.id();
    writer.event(writer.at(referred, 9), EventType.REFERRAL, caseId, child, "", teamId, "");
    LocalDate decided = workingDays(referred, random.nextInt(100) < 85 ? 1 : 2 + random.nextInt(3));
    writer.event(
        writer.at(decided, 11), EventType.REFERRAL_DECISION, caseId, child, "", teamId, "");
    LocalDate allocated = workingDays(decided, random.nextInt(3));
    writer.allocation(caseId, child, worker.id(), teamId, allocated, "assessment");
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
        writer.event(
            writer.at(assessed, 15),
            EventType.ASSESSMENT_COMPLETED,
            caseId,
            child,
            worker.id(),
            teamId,
            "");
        if (outcome < 35) {
          closes = workingDays(assessed, 2 + random.nextInt(10));
        } else if (outcome < 75) {
          type = "cin";
          writer.event(
              writer.at(assessed, 16),
              EventType.CASE_TYPE_CHANGED,
              caseId,
              child,
              worker.id(),
              teamId,
              "cin");
          nextReview = assessed.plusDays(21 + random.nextInt(14));
        } else {
          type = "cp";
          writer.event(
              writer.at(assessed, 16),
              EventType.MEETING,
              caseId,
              child,
              worker.id(),
              teamId,
              "strategy-discussion");
          LocalDate icpc =
              workingDays(
                  assessed,
                  random.nextInt(100) < 85 ? 8 + random.nextInt(7) : 16 + random.nextInt(6));
          writer.event(
              writer.at(icpc, 9),
              EventType.CASE_TYPE_CHANGED,
              caseId,
              child,
              worker.id(),
              teamId,
              "cp");
          writer.meeting(caseId, child, worker.id(), teamId, icpc, 10, "icpc");
          cpSince = icpc;
          nextReview = icpc.plusDays(10 + random.nextInt(10));
          nextRcpc = icpc.plusMonths(3).minusDays(random.nextInt(20));
          if (random.nextInt(100) < 30) {
            type = random.nextBoolean() ? "cin" : "cp";
          }
        }
      }
      // A visit, written up; child protection visits are more frequent.
      boolean seen = random.nextInt(100) < 90;
      String visit =
          writer.event(
              writer.at(day, 10 + random.nextInt(6)),
              EventType.VISIT,
              caseId,
              child,
              worker.id(),
              teamId,
              seen ? "seen" : "not-seen");
      writer.writeUp(caseId, child, worker.id(), teamId, day, visit);
      if (nextReview != null && !day.isBefore(nextReview)) {
        writer.meeting(
            caseId,
            child,
            worker.id(),
            teamId,
            day,
            10,
            cpSince != null ? "core-group" : "cin-review");
        nextReview =
            day.plusDays(
                random.nextInt(100) < 80 ? 21 + random.nextInt(7) : 29 + random.nextInt(14));
      }
      if (nextRcpc != null && !day.isBefore(nextRcpc)) {
        LocalDate due = workingDays(day, 5);
        writer.document(caseId, child, worker.id(), teamId, due, "conference-report");
        writer.meeting(caseId, child, worker.id(), teamId, due, 10, "rcpc");
        nextRcpc = due.plusMonths(6).minusDays(random.nextInt(20));
      }
      int gap =
          "cp".equals(type) || cpSince != null ? 5 + random.nextInt(7) : 8 + random.nextInt(10);
      day = workingDays(day, gap);
    }
    if (closes != null && !closes.isAfter(end)) {
      writer.event(writer.at(closes, 16), EventType.CLOSED, caseId, child, worker.id(), teamId, "");
    } else if (cpSince != null && random.nextInt(100) < 15) {
      LocalDate down = end.minusDays(random.nextInt(20));
      if (down.isAfter(cpSince)) {
        writer.event(
            writer.at(down, 16), EventType.STEPPED_DOWN, caseId, child, worker.id(), teamId, "cin");
      }
    }
  }

  private LocalDate workingDays(LocalDate from, int n) {
    return period.workingDays(from, n);
  }

  /** A worker of the team, at random. */
  private EventGenerator.Worker workerOf(EventGenerator.Team team) {
    List<EventGenerator.Worker> members =
        workers.stream().filter(w -> w.teamId().equals(team.id())).toList();
    return members.get(random.nextInt(members.size()));
  }
}
