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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeload.organisation.EmploymentType;
import org.safeload.organisation.Role;
import org.safeload.organisation.TeamKind;
import org.safeload.organisation.WorkerDetails;
import org.safeload.workforce.Candidate;
import org.safeload.workforce.CandidateStage;
import org.safeload.workforce.RecruitmentRoute;
import org.safeload.workforce.SicknessReason;
import org.safeload.workforce.SupplierPlacement;

/**
 * Northbridge Council, a fictional council for demonstrations and tests: two services, four
 * substantive teams and one managed team from a fictional provider, 45 workers, their sickness
 * absence over two census years, a recruitment pipeline and requests to agencies
 * (docs/workforce.md, "The demo"). Everything here is fixed: the same council every time, and no
 * real person.
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

  /**
   * A spell of sickness absence for a demo worker.
   *
   * @param worker the worker's place in {@link #workers()}
   * @param workingDaysLost the working days lost: counted from the England and Wales calendar, or,
   *     when {@code recorded}, recorded for a part-time worker's pattern
   */
  public record DemoAbsence(
      int worker,
      LocalDate from,
      LocalDate to,
      BigDecimal workingDaysLost,
      boolean recorded,
      SicknessReason reason) {

    /** The absence as the sickness form's fields (the days lost only when recorded). */
    public Map<String, String> fields() {
      Map<String, String> f = new LinkedHashMap<>();
      f.put("from", from.toString());
      f.put("to", to.toString());
      if (recorded) {
        f.put("workingDaysLost", workingDaysLost.toPlainString());
      }
      f.put("reason", reason.code());
      return f;
    }
  }

  /**
   * Sickness absence in the census year to 30 September 2026 and the year before
   * (docs/workforce.md, "The demo"). In the year to 30 September 2026 the employed social workers
   * (permanent and the secondee, in post or the leaver) lost 244 working days: 86 of them (35%) to
   * stress or other mental health, mostly two long spells; the employed FTE in post at 30 September
   * 2026 is 24.8, so 9.8 days per FTE (England 2023: 8.2; a council in a real tender: 10.8) and an
   * absence rate of 244 / (24.8 × 253) = 3.9%. One spell crosses the year end (3 of its 5 days fall
   * in the year); the agency social worker's 2 days are recorded but not counted. The year to 30
   * September 2025 holds 101 days over 23.8 FTE (4.2 days per FTE). Weekdays only; bank holidays
   * (Good Friday and Easter Monday 2026) are not lost.
   */
  public static List<DemoAbsence> sickness() {
    return List.of(
        // The year to 30 September 2026.
        counted(2, "2026-01-12", "2026-03-20", 50, SicknessReason.MENTAL_HEALTH),
        counted(23, "2026-06-08", "2026-07-17", 30, SicknessReason.MENTAL_HEALTH),
        recorded(13, "2026-03-02", "2026-03-13", "6", SicknessReason.MENTAL_HEALTH),
        counted(28, "2026-03-09", "2026-04-10", 23, SicknessReason.OPERATION),
        counted(26, "2026-06-01", "2026-07-17", 35, SicknessReason.OPERATION),
        counted(3, "2025-11-03", "2025-11-28", 20, SicknessReason.MUSCULOSKELETAL),
        counted(10, "2026-01-19", "2026-02-06", 15, SicknessReason.MUSCULOSKELETAL),
        recorded(31, "2026-04-20", "2026-05-01", "8", SicknessReason.MUSCULOSKELETAL),
        counted(33, "2026-05-11", "2026-05-22", 10, SicknessReason.MUSCULOSKELETAL),
        counted(30, "2026-07-13", "2026-07-31", 15, SicknessReason.INJURY),
        counted(15, "2026-01-05", "2026-01-09", 5, SicknessReason.INFECTION),
        counted(0, "2026-01-06", "2026-01-09", 4, SicknessReason.INFECTION),
        counted(14, "2025-11-10", "2025-11-13", 4, SicknessReason.INFECTION),
        counted(19, "2025-12-01", "2025-12-03", 3, SicknessReason.INFECTION),
        counted(29, "2026-02-16", "2026-02-18", 3, SicknessReason.INFECTION),
        counted(32, "2025-10-22", "2025-10-23", 2, SicknessReason.INFECTION),
        counted(25, "2026-02-12", "2026-02-13", 2, SicknessReason.DIGESTIVE),
        counted(1, "2026-04-27", "2026-04-30", 4, SicknessReason.OTHER),
        counted(17, "2026-09-22", "2026-09-23", 2, SicknessReason.OTHER),
        // Crosses the year end: 28 to 30 September in the year, 1 and 2 October in the next.
        counted(22, "2026-09-28", "2026-10-02", 5, SicknessReason.INFECTION),
        // An agency social worker: recorded, not counted by the census.
        counted(4, "2026-03-02", "2026-03-03", 2, SicknessReason.INFECTION),
        // The year to 30 September 2025.
        counted(19, "2025-02-03", "2025-03-14", 30, SicknessReason.MENTAL_HEALTH),
        counted(27, "2025-06-02", "2025-07-04", 25, SicknessReason.MENTAL_HEALTH),
        counted(32, "2025-07-07", "2025-08-15", 30, SicknessReason.OPERATION),
        recorded(21, "2025-01-13", "2025-01-24", "6", SicknessReason.MUSCULOSKELETAL),
        counted(2, "2025-03-03", "2025-03-07", 5, SicknessReason.INFECTION),
        counted(33, "2024-11-18", "2024-11-20", 3, SicknessReason.INFECTION),
        counted(11, "2024-10-15", "2024-10-16", 2, SicknessReason.DIGESTIVE));
  }

  private static DemoAbsence counted(
      int worker, String from, String to, int days, SicknessReason reason) {
    return new DemoAbsence(
        worker,
        LocalDate.parse(from),
        LocalDate.parse(to),
        BigDecimal.valueOf(days).setScale(1),
        false,
        reason);
  }

  private static DemoAbsence recorded(
      int worker, String from, String to, String days, SicknessReason reason) {
    return new DemoAbsence(
        worker, LocalDate.parse(from), LocalDate.parse(to), new BigDecimal(days), true, reason);
  }

  /** A candidate in the demo's recruitment pipeline and the team (by name) they are to join. */
  public record DemoCandidate(String team, Candidate candidate) {}

  /**
   * The recruitment pipeline on 24 November 2026: three international social workers awaiting
   * Social Work England registration, a permanent social worker offered a post from January 2027,
   * an agency social worker who has accepted, a permanent applicant and a team manager candidate
   * who withdrew. Fictional names, as the workers'.
   */
  public static List<DemoCandidate> candidates() {
    return List.of(
        candidate(
            CP,
            "Tendai Garside",
            SOCIAL_WORKER,
            RecruitmentRoute.INTERNATIONAL,
            CandidateStage.AWAITING_REGISTRATION,
            "1",
            "2027-01-04",
            "2026-08-17",
            "2026-12-14"),
        candidate(
            CP,
            "Ananya Redfern",
            SOCIAL_WORKER,
            RecruitmentRoute.INTERNATIONAL,
            CandidateStage.AWAITING_REGISTRATION,
            "1",
            "2027-01-04",
            "2026-09-07",
            "2027-01-18"),
        candidate(
            SOUTH,
            "Sipho Lowther",
            SOCIAL_WORKER,
            RecruitmentRoute.INTERNATIONAL,
            CandidateStage.AWAITING_REGISTRATION,
            "1",
            "2027-02-01",
            "2026-10-12",
            "2027-02-15"),
        candidate(
            NORTH,
            "Hannah Oakes",
            SOCIAL_WORKER,
            RecruitmentRoute.PERMANENT,
            CandidateStage.OFFERED,
            "1",
            "2027-01-11",
            null,
            null),
        candidate(
            CP,
            "Declan Pryor",
            SOCIAL_WORKER,
            RecruitmentRoute.AGENCY,
            CandidateStage.ACCEPTED,
            "1",
            "2026-12-07",
            null,
            null),
        candidate(
            COURT,
            "Leah Fairley",
            SOCIAL_WORKER,
            RecruitmentRoute.PERMANENT,
            CandidateStage.APPLIED,
            "0.8",
            null,
            null,
            null),
        candidate(
            SOUTH,
            "Callum Thwaite",
            TEAM_MANAGER,
            RecruitmentRoute.PERMANENT,
            CandidateStage.WITHDRAWN,
            "1",
            null,
            null,
            null));
  }

  private static DemoCandidate candidate(
      String team,
      String name,
      Role role,
      RecruitmentRoute route,
      CandidateStage stage,
      String fte,
      String expectedStart,
      String applied,
      String expected) {
    return new DemoCandidate(
        team,
        new Candidate(
            name,
            role,
            route,
            stage,
            null,
            new BigDecimal(fte),
            date(expectedStart),
            date(applied),
            date(expected)));
  }

  private static LocalDate date(String iso) {
    return iso == null ? null : LocalDate.parse(iso);
  }

  /** The neutral vendor the council's agency workers come through, and a second agency. */
  public static final String VENDOR = "Meridian Workforce Solutions";

  public static final String AGENCY_SUPPLIER = "Pennine Social Care Recruitment";

  /**
   * Requests to suppliers for the demo's agency workers (each filled on the worker's start date)
   * and one still open: filled in 27, 28, 42 and 56 days, median 35.0 and mean 38.3; two brokered
   * by the vendor from other agencies.
   */
  public static List<SupplierPlacement> placements() {
    return List.of(
        placement(AGENCY_SUPPLIER, null, SOCIAL_WORKER, "2025-05-06", "2025-06-02"),
        placement(VENDOR, null, SOCIAL_WORKER, "2025-09-08", "2025-10-06"),
        placement(VENDOR, "Fellside Social Care", SOCIAL_WORKER, "2025-11-17", "2026-01-12"),
        placement(VENDOR, "Harbour Locums", TEAM_MANAGER, "2026-03-02", "2026-04-13"),
        placement(VENDOR, null, SOCIAL_WORKER, "2026-11-02", null));
  }

  private static SupplierPlacement placement(
      String supplier, String from, Role role, String requested, String filled) {
    return new SupplierPlacement(supplier, from, role, LocalDate.parse(requested), date(filled));
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
