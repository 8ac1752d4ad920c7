package org.safeload.app.organisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.safeload.app.access.WorkerDirectory;
import org.safeload.app.organisation.persistence.TeamRepository;
import org.safeload.app.organisation.persistence.WorkerRepository;
import org.safeload.organisation.Assignment;
import org.safeload.organisation.Team;
import org.safeload.organisation.TeamHistory;
import org.safeload.organisation.Worker;
import org.safeload.organisation.WorkerStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workers an account can be linked to, and each worker's team today, for the access module
 * (which decides from them whose children an account may see).
 */
@Component
@Transactional(readOnly = true)
class LinkableWorkers implements WorkerDirectory {

  private final WorkerRepository workers;
  private final TeamRepository teams;
  private final OrganisationService organisation;

  LinkableWorkers(
      WorkerRepository workers, TeamRepository teams, OrganisationService organisation) {
    this.workers = workers;
    this.teams = teams;
    this.organisation = organisation;
  }

  @Override
  public List<Choice> choices() {
    LocalDate today = organisation.today();
    Map<Long, List<Assignment>> assignments = new HashMap<>();
    workers
        .allAssignments()
        .forEach(a -> assignments.computeIfAbsent(a.workerId(), k -> new ArrayList<>()).add(a));
    Map<Long, String> teamNames =
        teams.findAll().stream().collect(Collectors.toMap(Team::id, Team::name));
    List<Choice> choices = new ArrayList<>();
    for (Worker w : workers.findAll()) {
      if (WorkerStatus.of(w.details(), today) != WorkerStatus.CURRENT) {
        continue;
      }
      Optional<Long> team =
          new TeamHistory(assignments.getOrDefault(w.id(), List.of())).teamOn(today);
      choices.add(new Choice(w.id(), w.name(), team.map(teamNames::get).orElse(null)));
    }
    choices.sort(Comparator.comparing(Choice::name).thenComparing(Choice::id));
    return choices;
  }

  @Override
  public boolean exists(long workerId) {
    return workers.findById(workerId).isPresent();
  }

  @Override
  public Optional<String> name(long workerId) {
    return workers.findById(workerId).map(Worker::name);
  }

  @Override
  public Optional<Long> teamToday(long workerId) {
    return new TeamHistory(workers.assignments(workerId)).teamOn(organisation.today());
  }

  @Override
  public Set<Long> providerTeams(long providerId) {
    return teams.findAll().stream()
        .filter(t -> t.providerId() != null && t.providerId() == providerId)
        .map(Team::id)
        .collect(Collectors.toSet());
  }
}
