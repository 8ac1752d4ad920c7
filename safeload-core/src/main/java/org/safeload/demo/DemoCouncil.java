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

  /** The managed team's contract's id. */
  public static String contractCode() {
    return "NBC-BRIGHTPATH-2026";
  }

  /**
   * The managed team's contract: an emergency direct award for six months, priced per person per
   * calendar day, tapering from February (7 social workers, then 4, then 2), with one invoice in.
   * Its 3-month extension option is exercised by {@link #extensionDecision()} at demo load.
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

  /**
   * The council's decision to award the managed team's contract (docs/decisions.md): an urgent
   * decision by the Director of Children's Services two working days before the team started, with
   * the four options weighed and the financial table as the council's report printed it (whole
   * pounds; its total £2 more than its rows, and October before the invoice came in).
   */
  public static String awardDecision() {
    return """
        kind: award
        date: 2026-10-02
        decisionMaker: Joanna Whitfield
        makerRole: Director of Children's Services
        route: urgent
        urgencyReason: >-
          140 children in child protection and court work had no allocated social worker after
          two teams lost most of their staff in September; waiting for the Cabinet meeting on 5
          November 2026 would have left them unallocated for five more weeks.
        wardsAffected: false
        callInDays: 0
        narrative:
          purpose: >-
            To award Brightpath Social Work Ltd a six-month contract for a managed social work team
            (a team manager, seven social workers and a business support officer) to hold the child
            protection and court cases left without a worker, from 5 October 2026 to 4 April 2027,
            within a ceiling of £480,000.
          background: >-
            In September 2026 the Child Protection Team and the Court and Permanence Team lost
            five social workers between them, two to another council and three to long-term
            absence. By 28 September 140 children, 61 of them subject to a child protection plan,
            had no allocated social worker, and caseloads in both teams were above the council's
            policy of 18 cases per case-holding worker. Agency requests made in August had filled
            two of eight posts. Brightpath can start a vetted team on 5 October 2026.
          recommendation: >-
            That the Director of Children's Services awards the contract for the managed team to
            Brightpath Social Work Ltd from 5 October 2026 to 4 April 2027 within a ceiling of
            £480,000, as an urgent decision not subject to call-in, and notes the option to extend
            it by three months for up to £150,000, to be decided by 18 December 2026.
          risks:
            - risk: Workers start before their checks are complete.
              mitigation: >-
                No worker takes a case until their enhanced DBS check, Social Work England
                registration and references are recorded as complete in Safeload.
            - risk: Spend passes the ceiling.
              mitigation: >-
                The contract manager checks each invoice against Safeload's forecast every month;
                the roster tapers from February 2027.
            - risk: Children lose their worker again when the team leaves.
              mitigation: >-
                Cases are handed over team by team from February 2027 within the caseload policy,
                with a joint visit for every child subject to a plan.
            - risk: The direct award is challenged.
              mitigation: >-
                The justification is recorded with the decision; the contract is below the
                procurement threshold and runs for six months only.
          funding: >-
            From the children's social care staffing budget, met from the posts the team covers
            while they are vacant, and £120,000 from the council's social care reserve.
          exitPlan: >-
            The team tapers from seven social workers to four from 1 February 2027 and to two from
            1 March 2027, as permanent recruits start in the Child Protection Team. Each case is
            transferred to a named council worker with a joint visit before the provider's worker
            leaves; no transfer takes a council worker over 18 cases.
        options:
          - name: Do nothing
            cost: 0
            note: >-
              Not acceptable: 140 children would stay without an allocated worker and the teams'
              caseloads above policy.
          - name: Agency social workers at the regional price caps
            cost: 402000
            note: >-
              One team manager and seven social workers for six months at the price caps; only two
              of eight requests were filled in six weeks.
          - name: Managed team from Brightpath Social Work Ltd
            cost: 480000
            chosen: true
            note: >-
              Ceiling; forecast £463,450 with the taper. A whole team, vetted, from 5 October 2026.
          - name: Permanent recruitment
            cost: 236000
            note: >-
              Salaries and on-costs for six months, but posts take four to six months to fill;
              pursued alongside the contract to replace it.
        printed:
          source: Director's decision report, table 1
          total: 463327
          months:
            - {month: 2026-10, amount: 81775, socialWorkers: 7}
            - {month: 2026-11, amount: 90900, socialWorkers: 7}
            - {month: 2026-12, amount: 93890, socialWorkers: 7}
            - {month: 2027-01, amount: 93890, socialWorkers: 7}
            - {month: 2027-02, amount: 56360, socialWorkers: 4}
            - {month: 2027-03, amount: 41190, socialWorkers: 2}
            - {month: 2027-04, amount: 5320, socialWorkers: 2}
        """;
  }

  /**
   * The Cabinet Member's decision to exercise the contract's 3-month extension option, before its
   * 18 December 2026 notice date: the team's last two social workers stay to 4 July 2027 to see the
   * court cases through their final hearings.
   */
  public static String extensionDecision() {
    return """
        kind: exercise-option
        option: 1
        date: 2026-11-19
        decisionMaker: Councillor Priya Nandakumar
        makerRole: Cabinet Member for Children and Families
        route: executive
        wardsAffected: false
        callInDays: 5
        narrative:
          purpose: >-
            To exercise the option to extend the managed team's contract with Brightpath Social
            Work Ltd by three months, to 4 July 2027, for up to £150,000.
          background: >-
            Since 5 October 2026 the managed team has taken on the children who had no allocated
            worker. Twelve children in care proceedings have final hearings listed between April
            and June 2027; changing their social worker before then would delay the proceedings
            and the children's plans. Two of the three permanent posts have been offered, with
            starts in January and March 2027; the third has not been filled.
          recommendation: >-
            That the Cabinet Member for Children and Families exercises the three-month extension
            option, extending the contract to 4 July 2027 with a team manager, two social workers
            and a business support officer, and raising the ceiling by £150,000 to £630,000.
          risks:
            - risk: Final hearings are adjourned beyond 4 July 2027.
              mitigation: >-
                The court cases are handed over to the permanent social workers by 30 June 2027
                with joint visits, whatever the hearing dates.
            - risk: The permanent recruits do not start as planned.
              mitigation: >-
                The recruitment pipeline is reviewed monthly; an agency request is made at once
                for any start that slips.
          funding: >-
            From the vacant posts the extension covers and the children's services contingency.
          exitPlan: >-
            The remaining two social workers hand over their cases one by one to the Court and
            Permanence Team from 1 June 2027, and the contract ends on 4 July 2027 with no case
            left with the provider.
        options:
          - name: Do nothing (let the contract end on 4 April 2027)
            cost: 0
            note: Twelve children in proceedings would change social worker weeks before their final hearings.
          - name: Agency social workers for the court cases
            cost: 98000
            note: Two agency social workers for three months at the price caps, with a handover to them in March.
          - name: Exercise the managed team's extension option
            cost: 150000
            chosen: true
            note: The option's most; at the tapered roster the three months are forecast at £120,984.84.
          - name: Permanent recruitment
            cost: 64000
            note: Already under way for the Child Protection Team; not in post in time for the hearings.
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
