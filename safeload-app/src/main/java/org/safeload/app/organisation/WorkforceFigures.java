package org.safeload.app.organisation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.safeload.app.access.Capability;
import org.safeload.app.access.Requires;
import org.safeload.app.organisation.persistence.EstablishmentRepository;
import org.safeload.app.platform.NotFoundException;
import org.safeload.organisation.EstablishmentLine;
import org.safeload.organisation.Service;
import org.safeload.organisation.Team;
import org.safeload.organisation.WorkerDetails;
import org.safeload.workforce.WorkforceCensus;
import org.safeload.workforce.WorkforceMeasures;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.annotation.Transactional;

/**
 * The council's workforce figures on the Department's census definitions (docs/workforce.md) from
 * the stored register: for the council, a service or a team, a census year, with the years before
 * it and England's figures beside them. The rules are the core's ({@link WorkforceCensus}, {@link
 * WorkforceMeasures}); the command line reads files into the same code.
 */
@org.springframework.stereotype.Service
@Transactional(readOnly = true)
public class WorkforceFigures {

  /** How many census years the trend shows, the chosen one last. */
  public static final int TREND_YEARS = 5;

  private final OrganisationService organisation;
  private final WorkforceService workforce;
  private final EstablishmentRepository establishment;
  private final ObjectProvider<CasesHeld> casesHeld;
  private final SicknessService sickness;

  WorkforceFigures(
      OrganisationService organisation,
      WorkforceService workforce,
      EstablishmentRepository establishment,
      ObjectProvider<CasesHeld> casesHeld,
      SicknessService sickness) {
    this.organisation = organisation;
    this.workforce = workforce;
    this.establishment = establishment;
    this.casesHeld = casesHeld;
    this.sickness = sickness;
  }

  /** What the figures are for: the council, one service or one team. */
  public sealed interface Scope {
    record Council() implements Scope {}

    record OfService(long id) implements Scope {}

    record OfTeam(long id) implements Scope {}
  }

  /** A group's figures: the census counts and rates, and the measures beside them. */
  public record Group(
      String name, Long id, WorkforceCensus.Figures census, WorkforceMeasures measures) {}

  /**
   * The figures for a scope and year.
   *
   * @param subject the scope's own figures
   * @param parts its services (for the council) or teams (for a service), with their figures
   * @param trend the subject's census figures for the years up to the chosen one, oldest first
   */
  public record Report(
      LocalDate yearEnd,
      String title,
      Group subject,
      List<Group> parts,
      List<WorkforceCensus.Figures> trend,
      WorkforceMeasures.National england) {}

  /** The last day of the latest census year ended on or before a date (30 September). */
  public static LocalDate latestYearEnd(LocalDate today) {
    LocalDate end = LocalDate.of(today.getYear(), 9, 30);
    return end.isAfter(today) ? end.minusYears(1) : end;
  }

  /** The latest census year end on or before today. */
  public LocalDate latestYearEnd() {
    return latestYearEnd(organisation.today());
  }

  @Requires(Capability.READ_ORGANISATION)
  public Report report(Scope scope, LocalDate yearEnd) {
    List<Team> visible = organisation.teams();
    List<Team> teams;
    String title;
    List<Service> services = List.of();
    switch (scope) {
      case Scope.Council c -> {
        teams = visible;
        title = organisation.councilName();
        services = organisation.services();
      }
      case Scope.OfService s -> {
        Service service = organisation.service(s.id());
        teams = visible.stream().filter(t -> t.serviceId() == s.id()).toList();
        title = service.name();
      }
      case Scope.OfTeam t -> {
        Team team =
            visible.stream()
                .filter(v -> v.id() == t.id())
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No team " + t.id()));
        teams = List.of(team);
        title = team.name();
      }
    }
    Set<Long> teamIds = teams.stream().map(Team::id).collect(Collectors.toSet());
    Map<Long, String> names = teams.stream().collect(Collectors.toMap(Team::id, Team::name));
    List<EstablishmentLine> budget =
        establishment.findAll().stream().filter(l -> teamIds.contains(l.teamId())).toList();

    // The register on the year end and on each year end of the trend, read once.
    List<LocalDate> ends = new ArrayList<>();
    for (int back = TREND_YEARS - 1; back >= 0; back--) {
      ends.add(yearEnd.minusYears(back));
    }
    Map<LocalDate, List<WorkerView>> registers = new java.util.HashMap<>();
    workforce
        .workersOnEach(ends)
        .forEach(
            (day, views) ->
                registers.put(
                    day,
                    views.stream()
                        .filter(w -> w.placement() != null && teamIds.contains(w.placement().id()))
                        .toList()));
    List<WorkerView> placed = registers.get(yearEnd);
    Map<Long, Integer> cases = casesHeldOn(yearEnd);
    // Sickness is about individuals: only those who manage workers see it (null: not shown).
    Map<Long, BigDecimal> lost =
        Capability.EDIT_WORKERS.granted() ? sickness.workingDaysLost(yearEnd) : null;
    Map<Long, List<WorkforceMeasures.Member>> measured = new java.util.HashMap<>();
    for (WorkerView w : placed) {
      WorkerDetails d = w.worker().details();
      measured
          .computeIfAbsent(w.placement().id(), k -> new ArrayList<>())
          .add(
              new WorkforceMeasures.Member(
                  d,
                  cases.getOrDefault(w.worker().id(), 0),
                  lost == null ? null : lost.getOrDefault(w.worker().id(), BigDecimal.ZERO),
                  pqe(d, yearEnd)));
    }
    WorkforceCensus.Result census = census(yearEnd, placed, budget, names);

    Group subject = group(title, null, census.group(names.values()), yearEnd, measured, teamIds);
    List<Group> parts = new ArrayList<>();
    if (scope instanceof Scope.Council) {
      for (Service service : services) {
        Set<Long> in =
            teams.stream()
                .filter(t -> t.serviceId() == service.id())
                .map(Team::id)
                .collect(Collectors.toSet());
        List<String> inNames = in.stream().map(names::get).toList();
        parts.add(
            group(service.name(), service.id(), census.group(inNames), yearEnd, measured, in));
      }
    } else if (scope instanceof Scope.OfService) {
      for (Team team : teams) {
        parts.add(
            group(
                team.name(),
                team.id(),
                census.group(List.of(team.name())),
                yearEnd,
                measured,
                Set.of(team.id())));
      }
    }
    List<WorkforceCensus.Figures> trend = new ArrayList<>();
    for (LocalDate end : ends.subList(0, ends.size() - 1)) {
      trend.add(census(end, registers.get(end), budget, names).group(names.values()));
    }
    trend.add(subject.census());
    return new Report(
        yearEnd, title, subject, parts, trend, WorkforceMeasures.National.england2023());
  }

  private static Group group(
      String name,
      Long id,
      WorkforceCensus.Figures figures,
      LocalDate yearEnd,
      Map<Long, List<WorkforceMeasures.Member>> measured,
      Collection<Long> teamIds) {
    List<WorkforceMeasures.Member> members =
        teamIds.stream().flatMap(t -> measured.getOrDefault(t, List.of()).stream()).toList();
    return new Group(name, id, figures, WorkforceMeasures.of(yearEnd, members));
  }

  /**
   * The census for the teams: each worker in the team that places them (the one they are in at the
   * year end, the one they left, or the one they will join), the establishment as budgeted now.
   */
  private static WorkforceCensus.Result census(
      LocalDate yearEnd,
      List<WorkerView> placed,
      List<EstablishmentLine> budget,
      Map<Long, String> names) {
    List<WorkforceCensus.Member> members =
        placed.stream()
            .map(w -> new WorkforceCensus.Member(w.placement().name(), w.worker().details()))
            .toList();
    List<WorkforceCensus.Post> posts =
        budget.stream()
            .map(l -> new WorkforceCensus.Post(names.get(l.teamId()), l.role(), l.budgetedFte()))
            .toList();
    return WorkforceCensus.of(yearEnd, members, posts);
  }

  private Map<Long, Integer> casesHeldOn(LocalDate on) {
    CasesHeld held = casesHeld.getIfAvailable();
    return held == null ? Map.of() : held.byWorker(on);
  }

  private static Integer pqe(WorkerDetails worker, LocalDate on) {
    LocalDate qualified = worker.qualificationDate();
    if (qualified == null || qualified.isAfter(on)) {
      return null;
    }
    return Period.between(qualified, on).getYears();
  }
}
