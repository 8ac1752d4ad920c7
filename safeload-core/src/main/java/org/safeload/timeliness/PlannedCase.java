package org.safeload.timeliness;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.safeload.timeliness.EventGenerator.Staff;
import org.safeload.timeliness.FamilyPlan.Change;
import org.safeload.timeliness.FamilyPlan.Kind;

/**
 * Writes one child's case from its family's {@link FamilyPlan}, in a generator with {@link
 * EventGenerator.Options}: the referral and decision (for a referral) and the first allocation;
 * then, in day order, the plan's changes (assessment, strategy discussion, conference, type
 * changes, transfers, re-allocations, step-downs and closure) and the worker's visits in between,
 * with the reviews, core groups, conferences and documents that fall due at a visit. A worker who
 * has left (or not yet started) makes no visits; a case without a worker waits.
 */
final class PlannedCase {

  private final GenerationPeriod period;
  private final SplittableRandom random;
  private final EventWriter writer;
  private final List<Staff> staff;
  private final LocalDate first;

  PlannedCase(
      GenerationPeriod period, SplittableRandom random, EventWriter writer, List<Staff> staff) {
    this.period = period;
    this.random = random;
    this.writer = writer;
    this.staff = staff;
    this.first = period.firstWorkingDay();
  }

  /** Writes one child's case: its opening, its changes in day order, and the work in between. */
  void run(FamilyPlan plan, String caseId, String child) {
    new Run(plan, caseId, child).run();
  }

  /** The case as it runs: who holds it, its type, and what is due next. */
  private final class Run {
    private final FamilyPlan plan;
    private final String caseId;
    private final String child;
    private final LocalDate end = period.end();
    private String team;
    private int worker;
    private CaseType type;
    private LocalDate visit;
    private LocalDate nextReview;
    private LocalDate nextRcpc;
    private LocalDate nextDocument;

    Run(FamilyPlan plan, String caseId, String child) {
      this.plan = plan;
      this.caseId = caseId;
      this.child = child;
      this.team = plan.team;
      this.worker = plan.worker;
      this.type = plan.type;
    }

    void run() {
      open();
      int k = 0;
      List<Change> changes = plan.changes;
      while (true) {
        if (k < changes.size()
            && !changes.get(k).day().isAfter(end)
            && (visit.isAfter(end) || !changes.get(k).day().isAfter(visit))) {
          if (!change(changes.get(k++))) {
            return;
          }
          continue;
        }
        if (visit.isAfter(end)) {
          return;
        }
        if (worker >= 0 && inPost(worker, visit)) {
          visit();
        }
        int gap = type == CaseType.CP ? 5 + random.nextInt(7) : 8 + random.nextInt(10);
        visit = workingDays(visit, gap);
      }
    }

    /**
     * The referral and decision (for a referral), the first allocation, the first visit, and for a
     * case open before the period, when its first review, conference or document falls due.
     */
    private void open() {
      LocalDate opened;
      if (plan.referred != null) {
        opened = plan.allocated;
        writer.event(writer.at(plan.referred, 9), EventType.REFERRAL, caseId, child, "", team, "");
        writer.event(
            writer.at(plan.decided, 11), EventType.REFERRAL_DECISION, caseId, child, "", team, "");
      } else {
        opened = plan.allocated != null ? plan.allocated : first;
      }
      allocate(opened, type.code());
      visit = firstVisit(opened);
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
    }

    /** Writes a change of the plan; false when it ends the case. */
    private boolean change(Change c) {
      LocalDate day = c.day();
      switch (c.kind()) {
        case ASSESSED ->
            writer.event(
                writer.at(day, 15),
                EventType.ASSESSMENT_COMPLETED,
                caseId,
                child,
                workerId(worker),
                team,
                "");
        case STRATEGY ->
            writer.meeting(caseId, child, workerId(worker), team, day, 16, "strategy-discussion");
        case ICPC -> {
          writer.event(
              writer.at(day, 9),
              EventType.CASE_TYPE_CHANGED,
              caseId,
              child,
              workerId(worker),
              team,
              "cp");
          writer.meeting(caseId, child, workerId(worker), team, day, 10, "icpc");
          type = CaseType.CP;
          nextReview = day.plusDays(10 + random.nextInt(10));
          nextRcpc = day.plusMonths(3).minusDays(random.nextInt(20));
        }
        case TYPE -> {
          writer.event(
              writer.at(day, 16),
              EventType.CASE_TYPE_CHANGED,
              caseId,
              child,
              workerId(worker),
              team,
              c.type().code());
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
          writer.event(
              writer.at(day, 17), EventType.TRANSFERRED, caseId, child, workerId(worker), team, "");
          if (worker >= 0) {
            visit = firstVisit(day);
          }
        }
        case ALLOCATE -> {
          worker = c.worker();
          allocate(day, "");
          visit = firstVisit(day);
        }
        case STEP_DOWN -> {
          writer.event(
              writer.at(day, 16),
              EventType.STEPPED_DOWN,
              caseId,
              child,
              workerId(worker),
              team,
              c.type().code());
          type = c.type();
          nextRcpc = null;
        }
        case CLOSE, STEP_OUT -> {
          writer.event(
              writer.at(day, 16),
              c.kind() == Kind.CLOSE ? EventType.CLOSED : EventType.STEPPED_DOWN,
              caseId,
              child,
              workerId(worker),
              team,
              "");
          return false;
        }
      }
      return true;
    }

    /** A visit, its write-up, and the meetings and documents due by it. */
    private void visit() {
      String w = workerId(worker);
      String id =
          writer.event(
              writer.at(visit, 10 + random.nextInt(6)),
              EventType.VISIT,
              caseId,
              child,
              w,
              team,
              random.nextInt(100) < 90 ? "seen" : "not-seen");
      writer.writeUp(caseId, child, w, team, visit, id);
      if (nextReview != null && !visit.isBefore(nextReview)) {
        writer.meeting(
            caseId, child, w, team, visit, 10, type == CaseType.CP ? "core-group" : "cin-review");
        nextReview =
            visit.plusDays(
                random.nextInt(100) < 80 ? 21 + random.nextInt(7) : 29 + random.nextInt(14));
      }
      if (nextRcpc != null && !visit.isBefore(nextRcpc)) {
        LocalDate due = workingDays(visit, 5);
        writer.document(caseId, child, w, team, due, "conference-report");
        writer.meeting(caseId, child, w, team, due, 10, "rcpc");
        nextRcpc = due.plusMonths(6).minusDays(random.nextInt(20));
      }
      if (nextDocument != null && !visit.isBefore(nextDocument)) {
        LocalDate due = workingDays(visit, 8);
        writer.document(caseId, child, w, team, due, "court-statement");
        nextDocument = due.plusDays(35 + random.nextInt(28));
      }
    }

    /** An allocation to the case's worker (none without one). */
    private void allocate(LocalDate day, String detail) {
      if (worker < 0) {
        return;
      }
      writer.allocation(caseId, child, workerId(worker), team, day, detail);
    }
  }

  private LocalDate firstVisit(LocalDate from) {
    return workingDays(
        from, random.nextInt(100) < 90 ? 1 + random.nextInt(5) : 6 + random.nextInt(5));
  }

  private boolean inPost(int worker, LocalDate day) {
    Staff s = staff.get(worker);
    return (s.from() == null || !s.from().isAfter(day))
        && (s.to() == null || !s.to().isBefore(day));
  }

  private static String workerId(int worker) {
    return worker < 0 ? "" : "W" + (worker + 1);
  }

  private LocalDate workingDays(LocalDate from, int n) {
    return period.workingDays(from, n);
  }
}
