package org.safeload.app.organisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.safeload.app.access.WorkerDirectory;
import org.safeload.app.organisation.persistence.TeamRepository;
import org.safeload.app.organisation.persistence.WorkerRepository;
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
  private final WorkforceService workforce;

  LinkableWorkers(
      WorkerRepository workers,
      TeamRepository teams,
      OrganisationService organisation,
      WorkforceService workforce) {
    this.workers = workers;
    this.teams = teams;
    this.organisation = organisation;
    this.workforce = workforce;
  }

  /** Every current worker, as the workers list shows them (the caller is an administrator). */
  @Override
  public List<Choice> choices() {
    List<Choice> choices = new ArrayList<>();
    for (WorkerView w : workforce.workersOn(organisation.today())) {
      if (w.status() == WorkerStatus.CURRENT) {
        choices.add(
            new Choice(
                w.worker().id(), w.worker().name(), w.team() == null ? null : w.team().name()));
      }
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
