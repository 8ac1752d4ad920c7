package org.safeload.app.caseload;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.safeload.app.access.Capability;
import org.safeload.app.access.Requires;
import org.safeload.app.caseload.CaseloadSnapshots.Snapshot;
import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.caseload.CaseHolder;
import org.safeload.caseload.Caseloads.GroupLoad;
import org.safeload.caseload.Throughput;
import org.safeload.organisation.Service;
import org.safeload.organisation.Team;
import org.safeload.timeliness.CaseType;
import org.springframework.transaction.annotation.Transactional;

/**
 * Caseload figures: every team's, service's and the council's caseload on a date, a team's board,
 * and a team's throughput over a period. The rules are the core's ({@code org.safeload.caseload}).
 */
@org.springframework.stereotype.Service
@Transactional(readOnly = true)
public class CaseloadBoards {

  private final CaseloadSnapshots snapshots;
  private final OrganisationService organisation;
  private final WorkingCalendar calendar;

  CaseloadBoards(
      CaseloadSnapshots snapshots, OrganisationService organisation, WorkingCalendar calendar) {
    this.snapshots = snapshots;
    this.organisation = organisation;
    this.calendar = calendar;
  }

  /** Today, as the caseload figures count it. */
  public LocalDate today() {
    return snapshots.today();
  }

  /** Why a date cannot be used for caseload figures (outside the calendar), if it cannot. */
  public java.util.Optional<String> dateProblem(LocalDate date) {
    return snapshots.dateProblem(date);
  }

  /** A team's caseload, with its workers'. */
  public record TeamLoad(Team team, String serviceName, String providerName, GroupLoad load) {}

  /** A service's caseload. */
  public record ServiceLoad(Service service, GroupLoad load) {}

  /** Every team's, service's and the council's caseload on a date. */
  public record Overview(
      LocalDate on,
      String policyId,
      String policyName,
      List<TeamLoad> teams,
      List<ServiceLoad> services,
      GroupLoad council) {}

  @Requires(Capability.READ_CASELOADS)
  public Overview overview(LocalDate on) {
    Snapshot s = snapshots.snapshot(on);
    Map<Long, String> providers = organisation.providerNames();
    Map<Long, Service> services = new LinkedHashMap<>();
    organisation.services().forEach(v -> services.put(v.id(), v));
    List<TeamLoad> teams = new ArrayList<>();
    for (Team t : s.teams().values()) {
      teams.add(teamLoad(s, t, services, providers));
    }
    List<ServiceLoad> serviceLoads = new ArrayList<>();
    for (Service service : services.values()) {
      Set<String> ids =
          s.teams().values().stream()
              .filter(t -> t.serviceId() == service.id())
              .map(t -> String.valueOf(t.id()))
              .collect(Collectors.toSet());
      if (!ids.isEmpty()) {
        serviceLoads.add(
            new ServiceLoad(
                service, s.loads().group(String.valueOf(service.id()), s.holdersIn(ids), ids)));
      }
    }
    Set<String> all = s.teams().keySet().stream().map(String::valueOf).collect(Collectors.toSet());
    return new Overview(
        on,
        s.policy().id(),
        s.policy().name(),
        teams,
        serviceLoads,
        s.loads().group("council", s.holdersIn(all), all));
  }

  private static TeamLoad teamLoad(
      Snapshot s, Team t, Map<Long, Service> services, Map<Long, String> providers) {
    String id = String.valueOf(t.id());
    Service service = services.get(t.serviceId());
    return new TeamLoad(
        t,
        service == null ? null : service.name(),
        t.providerId() == null ? null : providers.get(t.providerId()),
        s.loads().group(id, s.holdersIn(Set.of(id)), Set.of(id)));
  }

  /**
   * A team's board: each worker's cases, weighted load, caps and status.
   *
   * @param byType the team's workers' cases by case type code
   * @param months the team's cases per case-holding FTE at the end of each of the six months to the
   *     date (the last on the date itself)
   */
  public record Board(
      LocalDate on,
      String policyName,
      TeamLoad team,
      Map<String, Long> byType,
      List<Throughput.Month> months) {}

  /** How many months the board's caseload-per-FTE chart covers, ending with the board's date. */
  static final int BOARD_MONTHS = 6;

  @Requires(Capability.READ_CASELOADS)
  public Board board(long teamId, LocalDate on) {
    Team team = organisation.team(teamId);
    Snapshot s = snapshots.snapshot(on);
    Map<Long, Service> services = new LinkedHashMap<>();
    organisation.services().forEach(v -> services.put(v.id(), v));
    TeamLoad load = teamLoad(s, team, services, organisation.providerNames());
    Map<String, Long> byType = new LinkedHashMap<>();
    for (CaseType type : CaseType.values()) {
      long n =
          load.load().workers().stream()
              .flatMap(w -> s.loads().casesOf(w.holder().id()).stream())
              .filter(c -> c.type() == type)
              .count();
      byType.put(type.code(), n);
    }
    LocalDate from = on.withDayOfMonth(1).minusMonths(BOARD_MONTHS - 1);
    if (from.isBefore(calendar.first())) {
      from = calendar.first();
    }
    List<Throughput.Month> months = months(String.valueOf(team.id()), from, on);
    return new Board(on, s.policy().name(), load, byType, months);
  }

  /** A team's throughput over a period. */
  public record TeamThroughput(Team team, Throughput.Flow flow) {}

  @Requires(Capability.READ_CASELOADS)
  public TeamThroughput throughput(long teamId, LocalDate from, LocalDate to) {
    Team team = organisation.team(teamId);
    snapshots.checkDate(from, "from");
    snapshots.checkDate(to, "to");
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", "The end of the period must be on or after its start");
    }
    if (from.plusYears(3).isBefore(to)) {
      throw new InvalidInputException("to", "The period can be at most three years");
    }
    String id = String.valueOf(team.id());
    Map<LocalDate, List<CaseHolder>> staff = staffAtMonthEnds(id, from, to);
    Throughput.Flow flow =
        snapshots.fromBook(
            "throughput",
            List.of(id, from, to, staff),
            book -> Throughput.of(book, id, from, to, (t, day) -> staff.get(day)));
    return new TeamThroughput(team, flow);
  }

  /** A team's caseload per FTE at each month end, kept until the case activity changes. */
  private List<Throughput.Month> months(String team, LocalDate from, LocalDate to) {
    Map<LocalDate, List<CaseHolder>> staff = staffAtMonthEnds(team, from, to);
    return snapshots.fromBook(
        "months",
        List.of(team, from, to, staff),
        book -> Throughput.months(book, team, from, to, (t, day) -> staff.get(day)));
  }

  /** The team's staff on each day the monthly figures count on (the workforce is not cached). */
  private Map<LocalDate, List<CaseHolder>> staffAtMonthEnds(
      String team, LocalDate from, LocalDate to) {
    Map<LocalDate, List<CaseHolder>> staff = new LinkedHashMap<>();
    organisation
        .teamMembersOn(Long.parseLong(team), Throughput.monthEnds(from, to))
        .forEach((day, members) -> staff.put(day, holders(team, day, members)));
    return staff;
  }

  /** A team's workers on a day, as the caseload rules see them (those who have not left). */
  private static List<CaseHolder> holders(
      String teamId, LocalDate on, List<org.safeload.organisation.Worker> members) {
    return members.stream()
        .filter(w -> w.details().activeOn(on))
        .filter(w -> w.details().fte().signum() > 0)
        .map(w -> CaseHolder.of(w, teamId, on))
        .toList();
  }
}
