package org.safeload.demo;

import static org.safeload.organisation.EmploymentType.AGENCY;
import static org.safeload.organisation.EmploymentType.MANAGED_SERVICE;
import static org.safeload.organisation.EmploymentType.PERMANENT;
import static org.safeload.organisation.EmploymentType.SECONDEE;
import static org.safeload.organisation.Role.ADVANCED_PRACTITIONER;
import static org.safeload.organisation.Role.BUSINESS_SUPPORT;
import static org.safeload.organisation.Role.PROVIDER_MANAGER;
import static org.safeload.organisation.Role.SOCIAL_WORKER;
import static org.safeload.organisation.Role.TEAM_MANAGER;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.safeload.organisation.EmploymentType;
import org.safeload.organisation.Role;
import org.safeload.organisation.TeamKind;
import org.safeload.organisation.WorkerDetails;

/**
 * Northbridge Council, a fictional council for demonstrations and tests: two services, four
 * substantive teams and one managed team from a fictional provider, 45 workers. Everything here is
 * fixed: the same council every time, and no real person.
 */
public final class DemoCouncil {

  public static final String COUNCIL_NAME = "Northbridge Council";
  public static final String PROVIDER_NAME = "Brightpath Social Work Ltd";

  /** A service and its teams. */
  public record DemoService(String name, String description, List<DemoTeam> teams) {}

  /** A team, its establishment and its workers. */
  public record DemoTeam(
      String name, TeamKind kind, String provider, Map<Role, BigDecimal> establishment) {}

  /**
   * A worker: their details, their team, and, for a worker who moved, the team before and the date
   * of the move.
   */
  public record DemoWorker(
      WorkerDetails details, String team, String previousTeam, LocalDate movedOn) {}

  private static final String NORTH = "Assessment Team North";
  private static final String SOUTH = "Assessment Team South";
  private static final String CP = "Child Protection Team";
  private static final String COURT = "Court and Permanence Team";
  private static final String PROJECT = "Brightpath Project Team";

  private static final String[] FIRST =
      "Amara Ben Chloe Dev Elif Farah Gareth Hana Imran Jess Kofi Lena Marek Nia Owen Priya Quinn Rosa Sami Tara Uma Vik Wren Yusuf Zoe"
          .split(" ");
  private static final String[] LAST =
      "Ashby Brennan Caldwell Dunmore Ellery Fairley Garside Holroyd Ingleby Jessop Kettering Lowther Marsden Northcott Oakes Pryor Quarry Redfern Stainton Thwaite"
          .split(" ");

  private DemoCouncil() {}

  public static List<DemoService> services() {
    return List.of(
        new DemoService(
            "Assessment and Intervention",
            "Child and family assessments from the front door, and children in need.",
            List.of(
                team(NORTH, TeamKind.SUBSTANTIVE, null, 1, 1, 7, 1),
                team(SOUTH, TeamKind.SUBSTANTIVE, null, 1, 1, 7, 1))),
        new DemoService(
            "Child Protection and Court",
            "Children on child protection plans, pre-proceedings and care proceedings.",
            List.of(
                team(CP, TeamKind.SUBSTANTIVE, null, 1, 1, 7, 1),
                team(COURT, TeamKind.SUBSTANTIVE, null, 1, 1, 6, 1),
                team(PROJECT, TeamKind.MANAGED, PROVIDER_NAME, 1, 0, 7, 1))));
  }

  private static DemoTeam team(
      String name, TeamKind kind, String provider, int tm, int ap, int sw, int bs) {
    Map<Role, BigDecimal> establishment = new java.util.EnumMap<>(Role.class);
    establishment.put(TEAM_MANAGER, BigDecimal.valueOf(tm));
    if (ap > 0) {
      establishment.put(ADVANCED_PRACTITIONER, BigDecimal.valueOf(ap));
    }
    establishment.put(SOCIAL_WORKER, BigDecimal.valueOf(sw));
    establishment.put(BUSINESS_SUPPORT, BigDecimal.valueOf(bs));
    return new DemoTeam(name, kind, provider, Map.copyOf(establishment));
  }

  /**
   * The managed team's contract: an emergency direct award for six months, priced per person per
   * calendar day, tapering from February (7 social workers, then 4, then 2), with one invoice in.
   */
  public static String contractDocument() {
    return """
        id: NBC-BRIGHTPATH-2026
        provider: Brightpath Social Work Ltd
        route: direct-award
        justification: >-
          Emergency: 140 children in child protection and court work without an allocated social
          worker after the loss of two teams' staff; no time for a competition.
        start: 2026-10-05
        end: 2027-04-04
        ceiling: 480000
        status: active
        team: Brightpath Project Team
        roster:
          - {role: team-manager, count: 1, rate: {amount: 450, per: calendar-day}}
          - {role: social-worker, count: 7, rate: {amount: 340, per: calendar-day}}
          - {role: business-support, count: 1, rate: {amount: 160, per: calendar-day}}
        changes:
          - {from: 2027-02-01, role: social-worker, count: 4}
          - {from: 2027-03-01, role: social-worker, count: 2}
        extras:
          - {name: Mileage, from: 2026-10-05, amount: 1200, per: month}
        offsets:
          - {name: Vacant social worker posts in the Child Protection Team, amount: 45000}
        extensions:
          - {months: 3, maxValue: 150000, decideBy: 2026-12-18}
        actuals:
          - {month: 2026-10, amount: 81900, reference: BP-2026-10}
        requirements:
          - {role: social-worker, pqeYears: 4}
          - {role: team-manager, pqeYears: 8, managerYears: 5}
        """;
  }

  public static List<DemoWorker> workers() {
    Builder b = new Builder();
    // Assessment Team North: full but one social worker; two newly qualified, one agency.
    b.add(NORTH, TEAM_MANAGER, PERMANENT, "1", "2009-07-01", "2016-03-01");
    b.add(NORTH, ADVANCED_PRACTITIONER, PERMANENT, "1", "2012-07-01", "2018-09-03");
    b.add(NORTH, SOCIAL_WORKER, PERMANENT, "1", "2017-07-01", "2019-01-07");
    b.add(NORTH, SOCIAL_WORKER, PERMANENT, "1", "2020-07-01", "2021-02-01");
    b.add(NORTH, SOCIAL_WORKER, AGENCY, "1", "2015-07-01", "2025-10-06");
    b.add(NORTH, SOCIAL_WORKER, PERMANENT, "0.8", "2019-07-01", "2022-05-03");
    b.asye(NORTH, "2026-07-01", "2026-09-07");
    b.asye(NORTH, "2026-07-01", "2026-09-07");
    b.add(NORTH, BUSINESS_SUPPORT, PERMANENT, "1", null, "2020-11-02");
    // Assessment Team South: agency manager, no advanced practitioner.
    b.add(SOUTH, TEAM_MANAGER, AGENCY, "1", "2008-07-01", "2026-04-13");
    b.add(SOUTH, SOCIAL_WORKER, PERMANENT, "1", "2014-07-01", "2017-06-05");
    b.add(SOUTH, SOCIAL_WORKER, PERMANENT, "1", "2021-07-01", "2022-09-05");
    b.add(SOUTH, SOCIAL_WORKER, AGENCY, "1", "2018-07-01", "2026-01-12");
    b.add(SOUTH, SOCIAL_WORKER, PERMANENT, "0.6", "2011-07-01", "2013-04-02");
    b.asye(SOUTH, "2025-07-01", "2025-09-08");
    b.add(SOUTH, SOCIAL_WORKER, PERMANENT, "1", "2022-07-01", "2023-08-29");
    b.add(SOUTH, BUSINESS_SUPPORT, PERMANENT, "0.5", null, "2024-01-08");
    // Child Protection Team: two social worker posts vacant, one agency, one moved in from North.
    b.add(CP, TEAM_MANAGER, PERMANENT, "1", "2006-07-01", "2014-10-06");
    b.add(CP, ADVANCED_PRACTITIONER, PERMANENT, "1", "2010-07-01", "2015-01-05");
    b.add(CP, SOCIAL_WORKER, PERMANENT, "1", "2016-07-01", "2018-02-05");
    b.add(CP, SOCIAL_WORKER, AGENCY, "1", "2013-07-01", "2025-06-02");
    b.add(CP, SOCIAL_WORKER, PERMANENT, "0.6", "2012-07-01", "2016-09-05");
    b.add(CP, SOCIAL_WORKER, PERMANENT, "1", "2019-07-01", "2020-09-07");
    b.movedFrom(NORTH, "2024-04-02");
    b.add(CP, SOCIAL_WORKER, PERMANENT, "1", "2018-07-01", "2023-11-06");
    b.add(CP, BUSINESS_SUPPORT, PERMANENT, "1", null, "2019-03-04");
    // Court and Permanence Team: full, with a secondee and a leaver.
    b.add(COURT, TEAM_MANAGER, PERMANENT, "1", "2005-07-01", "2012-04-10");
    b.add(COURT, ADVANCED_PRACTITIONER, PERMANENT, "1", "2009-07-01", "2013-09-02");
    b.add(COURT, SOCIAL_WORKER, PERMANENT, "1", "2011-07-01", "2014-06-02");
    b.add(COURT, SOCIAL_WORKER, PERMANENT, "1", "2015-07-01", "2017-01-09");
    b.add(COURT, SOCIAL_WORKER, SECONDEE, "1", "2014-07-01", "2025-09-01");
    b.add(COURT, SOCIAL_WORKER, PERMANENT, "1", "2017-07-01", "2019-10-07");
    b.add(COURT, SOCIAL_WORKER, PERMANENT, "0.8", "2016-07-01", "2018-05-08");
    b.add(COURT, SOCIAL_WORKER, PERMANENT, "1", "2020-07-01", "2021-11-01");
    b.add(COURT, SOCIAL_WORKER, PERMANENT, "1", "2013-07-01", "2015-02-02");
    b.left("2026-06-30");
    b.add(COURT, BUSINESS_SUPPORT, PERMANENT, "1", null, "2021-06-07");
    // Brightpath Project Team: a managed team, fully staffed by the provider.
    b.add(PROJECT, TEAM_MANAGER, MANAGED_SERVICE, "1", "2007-07-01", "2026-10-05");
    for (String qualified :
        List.of(
            "2018-07-01",
            "2016-07-01",
            "2020-07-01",
            "2012-07-01",
            "2019-07-01",
            "2021-07-01",
            "2015-07-01")) {
      b.add(PROJECT, SOCIAL_WORKER, MANAGED_SERVICE, "1", qualified, "2026-10-05");
    }
    b.add(PROJECT, BUSINESS_SUPPORT, MANAGED_SERVICE, "1", null, "2026-10-05");
    b.add(PROJECT, PROVIDER_MANAGER, MANAGED_SERVICE, "0.2", "2004-07-01", "2026-10-05");
    return b.workers;
  }

  /** The demo council's region, for the DfE agency rules' 3-month rule. */
  public static final String REGION = "North West";

  /**
   * The checks recorded for a demo worker (docs/workforce.md): every worker cleared on 24 November
   * 2026, but for the managed team's last social worker, who is blocked by the DfE agency rules:
   * only one reference obtained by the council, and engaged less than 3 months after leaving a
   * neighbouring council in the region.
   *
   * @param index the worker's place in {@link #workers()}
   */
  public static org.safeload.workforce.Vetting vetting(DemoWorker w, int index) {
    WorkerDetails d = w.details();
    LocalDate start = d.startDate();
    LocalDate checked = start.isAfter(LocalDate.of(2026, 1, 5)) ? start : LocalDate.of(2026, 1, 5);
    var dbs =
        new org.safeload.workforce.Vetting.Dbs(
            String.format("%012d", 1_000_000L + index * 7919L),
            start.minusMonths(1),
            org.safeload.workforce.Vetting.DbsOutcome.CLEAR,
            true,
            checked,
            "HR");
    var registration =
        d.sweRegistration() == null
            ? null
            : new org.safeload.workforce.Vetting.Registration(
                d.sweRegistration(),
                org.safeload.workforce.Vetting.RegistrationStatus.REGISTERED,
                null,
                LocalDate.of(2026, 11, 2));
    boolean lastProjectWorker =
        w.team().equals(PROJECT)
            && d.role() == Role.SOCIAL_WORKER
            && index
                == workers().stream()
                    .filter(
                        x -> x.team().equals(PROJECT) && x.details().role() == Role.SOCIAL_WORKER)
                    .map(workers()::indexOf)
                    .max(Integer::compare)
                    .orElse(-1);
    List<org.safeload.workforce.Vetting.Reference> references =
        List.of(
            new org.safeload.workforce.Vetting.Reference(
                "Team manager", start.minusMonths(1), true),
            new org.safeload.workforce.Vetting.Reference(
                "Service manager", start.minusMonths(1), !lastProjectWorker));
    var left =
        lastProjectWorker
            ? new org.safeload.workforce.Vetting.LeftRole(
                LocalDate.of(2026, 8, 28), "Eastmere Council", REGION)
            : null;
    return new org.safeload.workforce.Vetting(
        dbs,
        registration,
        null,
        null,
        d.role() == Role.TEAM_MANAGER
            ? start.isBefore(LocalDate.of(2015, 1, 1)) ? start : LocalDate.of(2015, 1, 1)
            : null,
        references,
        new org.safeload.workforce.Vetting.RightToWork(start.minusMonths(1), null, "HR"),
        left);
  }

  private static final class Builder {
    private final List<DemoWorker> workers = new ArrayList<>();

    void add(
        String team, Role role, EmploymentType type, String fte, String qualified, String start) {
      int n = workers.size();
      String name =
          FIRST[(n * 7) % FIRST.length] + " " + LAST[(n * 11 + n / LAST.length) % LAST.length];
      String swe = role.registeredSocialWorker() ? "SW" + (100200 + n * 37) : null;
      workers.add(
          new DemoWorker(
              new WorkerDetails(
                  name,
                  role,
                  type,
                  new BigDecimal(fte),
                  LocalDate.parse(start),
                  null,
                  qualified == null ? null : LocalDate.parse(qualified),
                  null,
                  swe),
              team,
              null,
              null));
    }

    /** A newly qualified social worker who began their ASYE on their start date. */
    void asye(String team, String qualified, String start) {
      add(team, SOCIAL_WORKER, PERMANENT, "1", qualified, start);
      DemoWorker last = workers.removeLast();
      workers.add(
          new DemoWorker(
              last.details().withAsyeStartDate(last.details().startDate()), team, null, null));
    }

    /** The last worker added had been in another team until the day before a move. */
    void movedFrom(String previousTeam, String movedOn) {
      DemoWorker last = workers.removeLast();
      workers.add(
          new DemoWorker(last.details(), last.team(), previousTeam, LocalDate.parse(movedOn)));
    }

    /** The last worker added left on a date. */
    void left(String endDate) {
      DemoWorker last = workers.removeLast();
      workers.add(
          new DemoWorker(
              last.details().withEndDate(LocalDate.parse(endDate)), last.team(), null, null));
    }
  }
}
