package org.safeload.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.demo.DemoCouncil.DemoWorker;
import org.safeload.organisation.EmploymentType;
import org.safeload.organisation.Role;
import org.safeload.organisation.WorkerDetails;
import org.safeload.timeliness.CaseType;
import org.safeload.timeliness.EventCsv;
import org.safeload.timeliness.EventGenerator;
import org.safeload.timeliness.EventGenerator.Options;
import org.safeload.timeliness.EventGenerator.Staff;
import org.safeload.timeliness.EventGenerator.TeamPlan;

/**
 * Northbridge Council's six months of case activity (25 May to 24 November 2026), generated with a
 * fixed seed onto the demo's own teams and workers: the assessment teams' assessments and children
 * in need, an overloaded Child Protection Team with a queue, the Court and Permanence Team's
 * pre-proceedings and court work (and its leaver's cases), and the 124 cp and cin cases the
 * Brightpath Project Team took on in its first week from 5 October, sibling groups included.
 *
 * <p>Each demo worker who holds cases gets a share of new cases by FTE (less for a newly qualified
 * worker or an advanced practitioner); a worker in their ASYE during the period gets no {@code cp},
 * {@code plo} or {@code court} case.
 */
public final class DemoActivity {

  public static final LocalDate START = LocalDate.of(2026, 5, 25);
  public static final int MONTHS = 6;
  public static final long SEED = 2026;

  /** How many children are referred during the six months (standing cases come on top). */
  static final int REFERRALS = 240;

  /** The project team's first day, when it starts taking over its cases. */
  static final LocalDate PROJECT_OPENS = LocalDate.of(2026, 10, 5);

  private static final String OVERLOADED = "Child Protection Team";

  /** A demo worker and the id the organisation gave them (the event file's worker id). */
  public record Placed(String id, DemoWorker worker) {}

  /** The event file (CSV with its header), its number of events and the children. */
  public record Activity(String csv, int events, List<EventGenerator.Child> children) {}

  private DemoActivity() {}

  /** The last day of the activity. */
  public static LocalDate end() {
    return START.plusMonths(MONTHS).minusDays(1);
  }

  /**
   * Generates the activity.
   *
   * @param workers every demo worker with their id
   * @param teamIds the organisation's team id by team name
   */
  public static Activity generate(
      WorkingCalendar calendar, List<Placed> workers, Map<String, String> teamIds) {
    Map<String, String> teamCode = new HashMap<>();
    Map<String, String> idOf = new HashMap<>();
    for (EventGenerator.Team t : EventGenerator.TEAMS) {
      teamCode.put(t.name(), t.id());
      idOf.put(t.id(), teamIds.get(t.name()));
    }
    List<Staff> staff = new ArrayList<>();
    Map<String, String> workerIds = new HashMap<>();
    for (Placed p : workers) {
      WorkerDetails d = p.worker().details();
      String team = teamCode.get(p.worker().team());
      if (d.role() == Role.TEAM_MANAGER) {
        workerIds.put("M" + team, p.id());
      }
      if (!d.role().caseHolding()) {
        continue;
      }
      // No complex work for anyone in their ASYE during the period; half a share while in it.
      boolean asye = d.inAsyeOn(START) || d.inAsyeOn(end());
      int tenths = d.fte().multiply(BigDecimal.TEN).intValue();
      int share =
          d.role() == Role.ADVANCED_PRACTITIONER
              ? tenths * 6 / 10
              : d.inAsyeOn(end()) ? tenths / 2 : tenths;
      if (p.worker().team().equals(OVERLOADED) && d.employmentType() == EmploymentType.AGENCY) {
        share = share * 13 / 10; // the overloaded team leans on its agency worker: over the cap
      }
      staff.add(
          new Staff(
              team,
              share,
              !asye,
              d.startDate().isAfter(START) ? d.startDate() : null,
              d.endDate()));
      workerIds.put("W" + staff.size(), p.id());
    }
    EventGenerator generator =
        new EventGenerator(calendar, SEED, REFERRALS, MONTHS, START, options(staff));
    StringBuilder csv = new StringBuilder(String.join(",", EventCsv.HEADER)).append('\n');
    int[] events = {0};
    generator.generate(
        (id, at, type, caseId, child, worker, team, detail, ref, due) -> {
          events[0]++;
          csv.append(id)
              .append(',')
              .append(at)
              .append(',')
              .append(type.code())
              .append(',')
              .append(caseId)
              .append(',')
              .append(child)
              .append(',')
              .append(worker.isEmpty() ? "" : workerIds.getOrDefault(worker, ""))
              .append(',')
              .append(team.isEmpty() ? "" : idOf.get(team))
              .append(',')
              .append(detail)
              .append(',')
              .append(ref)
              .append(',')
              .append(due == null ? "" : due.toString())
              .append('\n');
        });
    return new Activity(csv.toString(), events[0], generator.children());
  }

  /**
   * The demo's shape: referrals come to the assessment teams; the Child Protection Team takes their
   * child protection cases (often without a worker at first) and is overloaded; the court team
   * holds pre-proceedings and court work; the project team takes on 124 cp and cin cases.
   */
  static Options options(List<Staff> staff) {
    return new Options(
        List.of(
            new TeamPlan("T1", 45, 40, 0, Map.of(CaseType.CIN, 100), null),
            new TeamPlan("T2", 36, 40, 0, Map.of(CaseType.CIN, 100), null),
            new TeamPlan("T3", 0, 72, 5, Map.of(CaseType.CP, 50, CaseType.CIN, 50), null),
            new TeamPlan(
                "T4",
                0,
                75,
                0,
                Map.of(CaseType.COURT, 45, CaseType.PLO, 35, CaseType.CP, 10, CaseType.CIN, 10),
                null),
            new TeamPlan(
                "T5", 0, 124, 0, Map.of(CaseType.CP, 40, CaseType.CIN, 60), PROJECT_OPENS)),
        staff,
        30,
        35,
        25,
        20,
        8,
        10,
        40,
        30);
  }
}
