package org.safeload.app.organisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.safeload.app.access.Capability;
import org.safeload.app.access.CurrentUser;
import org.safeload.app.access.Requires;
import org.safeload.app.audit.AuditLog;
import org.safeload.app.organisation.persistence.TeamRepository;
import org.safeload.app.organisation.persistence.WorkerRepository;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.app.platform.NotFoundException;
import org.safeload.document.FieldProblem;
import org.safeload.organisation.Assignment;
import org.safeload.organisation.Team;
import org.safeload.organisation.TeamHistory;
import org.safeload.organisation.Worker;
import org.safeload.organisation.WorkerCsv;
import org.safeload.organisation.WorkerDetails;
import org.safeload.organisation.WorkerField;
import org.safeload.organisation.WorkerParser;
import org.safeload.organisation.WorkerStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workers: their records, their moves between teams (history kept), and the all-or-nothing CSV
 * import. Pages, API and command line all come through here.
 */
@Service
@Transactional(readOnly = true)
public class WorkforceService {

  private final WorkerRepository workers;
  private final TeamRepository teams;
  private final OrganisationService organisation;
  private final AuditLog audit;

  WorkforceService(
      WorkerRepository workers,
      TeamRepository teams,
      OrganisationService organisation,
      AuditLog audit) {
    this.workers = workers;
    this.teams = teams;
    this.organisation = organisation;
    this.audit = audit;
  }

  /** Every worker the user may see, with their team today, by name. */
  @Requires(Capability.READ_ORGANISATION)
  public List<WorkerView> workers() {
    return workersOn(organisation.today());
  }

  /**
   * Every worker the user may see, with their team on a date (a provider's user: only those its
   * teams place on that date).
   */
  @Requires(Capability.READ_ORGANISATION)
  public List<WorkerView> workersOn(LocalDate today) {
    return workersOnEach(List.of(today)).get(today);
  }

  /**
   * As {@link #workersOn(LocalDate)} for several dates, the workers and their histories read once
   * for them all.
   */
  @Requires(Capability.READ_ORGANISATION)
  public Map<LocalDate, List<WorkerView>> workersOnEach(java.util.Collection<LocalDate> days) {
    Map<Long, Team> visible = visibleTeams();
    Map<Long, List<Assignment>> assignments = new HashMap<>();
    workers
        .allAssignments()
        .forEach(a -> assignments.computeIfAbsent(a.workerId(), k -> new ArrayList<>()).add(a));
    boolean everyone = CurrentUser.providerScope().isEmpty();
    List<Worker> all = workers.findAll();
    Map<LocalDate, List<WorkerView>> byDay = new java.util.LinkedHashMap<>();
    for (LocalDate day : days) {
      List<WorkerView> views = new ArrayList<>();
      for (Worker worker : all) {
        TeamHistory history = new TeamHistory(assignments.getOrDefault(worker.id(), List.of()));
        Team placement = placement(worker, history, day, visible);
        if (placement != null || everyone) {
          views.add(view(worker, placement, day, List.of()));
        }
      }
      byDay.put(day, views);
    }
    return byDay;
  }

  /** One page of the workers list, filtered in the database. */
  @Requires(Capability.READ_ORGANISATION)
  public WorkerList list(WorkerQuery query) {
    LocalDate today = organisation.today();
    Map<Long, Team> visible = visibleTeams();
    WorkerRepository.ListFilter filter =
        new WorkerRepository.ListFilter(
            today,
            query.teamId(),
            CurrentUser.providerScope().isPresent() ? visible.keySet() : null,
            query.role(),
            query.employmentType(),
            query.status());
    int total = workers.count(filter);
    int size = WorkerQuery.PAGE_SIZE;
    int page = org.safeload.app.platform.Pagination.within(query.page(), size, total);
    List<WorkerView> rows =
        workers.list(filter, (page - 1) * size, size).stream()
            .map(
                l ->
                    view(
                        l.worker(),
                        l.teamId() == null ? null : visible.get(l.teamId()),
                        today,
                        List.of()))
            .toList();
    return new WorkerList(rows, page, size, total);
  }

  private Map<Long, Team> visibleTeams() {
    Map<Long, Team> visible = new LinkedHashMap<>();
    organisation.visibleTeams().forEach(t -> visible.put(t.id(), t));
    return visible;
  }

  /**
   * The visible team that places a worker on a date: their team that day, the team a future starter
   * joins, the team a leaver left.
   */
  private static Team placement(
      Worker worker, TeamHistory history, LocalDate on, Map<Long, Team> visible) {
    return history
        .teamOn(WorkerStatus.teamDate(worker.details(), on))
        .map(visible::get)
        .orElse(null);
  }

  private static WorkerView view(
      Worker worker, Team placement, LocalDate on, List<WorkerView.HistoryLine> history) {
    WorkerStatus status = WorkerStatus.of(worker.details(), on);
    return new WorkerView(
        worker,
        status == WorkerStatus.CURRENT ? placement : null,
        on,
        history,
        worker.details().pqeYears(on),
        worker.details().inAsyeOn(on),
        status,
        placement);
  }

  @Requires(Capability.READ_ORGANISATION)
  public WorkerView worker(long id) {
    LocalDate today = organisation.today();
    Worker worker = workers.findById(id).orElseThrow(() -> notFound(id));
    TeamHistory history = new TeamHistory(workers.assignments(id));
    Team placement = placement(worker, history, today, visibleTeams());
    if (placement == null && CurrentUser.providerScope().isPresent()) {
      throw notFound(id);
    }
    Map<Long, String> names =
        teams.findAll().stream().collect(Collectors.toMap(Team::id, Team::name));
    return view(
        worker,
        placement,
        today,
        history.assignments().stream()
            .map(a -> new WorkerView.HistoryLine(a, names.get(a.teamId())))
            .toList());
  }

  /** The worker's team on a date (history kept across moves), if they were in one. */
  @Requires(Capability.READ_ORGANISATION)
  public Optional<Team> teamOn(long id, LocalDate on) {
    worker(id); // exists and is visible to the user
    return new TeamHistory(workers.assignments(id)).teamOn(on).flatMap(teams::findById);
  }

  private String teamName(long teamId) {
    return teams.findById(teamId).map(Team::name).orElse("another team");
  }

  private static NotFoundException notFound(long id) {
    return new NotFoundException("No worker " + id);
  }

  /** Adds a worker to a team from their start date. */
  @Requires(Capability.EDIT_WORKERS)
  @Transactional
  public Worker create(WorkerDetails details, Long teamId) {
    List<FieldProblem> problems = new ArrayList<>();
    if (teamId == null) {
      problems.add(FieldProblem.of(WorkerField.TEAM.jsonName(), "Select the worker's team"));
    } else if (teams.findById(teamId).isEmpty()) {
      problems.add(FieldProblem.of(WorkerField.TEAM.jsonName(), "No team " + teamId));
    }
    checkRegistrationFree(details, null, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException("The worker has errors", problems);
    }
    long id = workers.insert(details);
    workers.replaceAssignments(id, List.of(new Assignment(id, teamId, details.startDate(), null)));
    audit.record("create", "worker", id, "Added to " + teamName(teamId));
    return workers.findById(id).orElseThrow();
  }

  /** Changes a worker's details (their team changes only by a move). */
  @Requires(Capability.EDIT_WORKERS)
  @Transactional
  public Worker update(long id, WorkerDetails details) {
    Worker before = workers.findById(id).orElseThrow(() -> notFound(id));
    List<FieldProblem> problems = new ArrayList<>();
    checkRegistrationFree(details, id, problems);
    List<Assignment> assignments = new ArrayList<>(workers.assignments(id));
    if (!assignments.isEmpty() && !details.startDate().equals(before.details().startDate())) {
      Assignment first = assignments.getFirst();
      if (first.to() != null && details.startDate().isAfter(first.to())) {
        problems.add(
            FieldProblem.of(
                WorkerField.START_DATE.jsonName(),
                "Start date must be on or before "
                    + org.safeload.app.platform.Show.inWords(first.to())
                    + ", when the first team ended"));
      } else {
        assignments.set(0, new Assignment(id, first.teamId(), details.startDate(), first.to()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("The worker has errors", problems);
    }
    workers.update(id, details);
    workers.replaceAssignments(id, assignments);
    audit.record(
        "update",
        "worker",
        id,
        Changes.summary("Changed", Changes.between(before.details(), details)));
    return workers.findById(id).orElseThrow();
  }

  /** Moves a worker to another team from a date; the old team is kept in their history. */
  @Requires(Capability.EDIT_WORKERS)
  @Transactional
  public WorkerView move(long id, Long teamId, LocalDate from) {
    workers.findById(id).orElseThrow(() -> notFound(id));
    List<FieldProblem> problems = new ArrayList<>();
    if (teamId == null || teams.findById(teamId).isEmpty()) {
      problems.add(FieldProblem.of(WorkerField.TEAM.jsonName(), "Select the team to move to"));
    }
    if (from == null) {
      problems.add(FieldProblem.of("from", "Enter the date the move takes effect"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("The move has errors", problems);
    }
    TeamHistory moved;
    try {
      moved = new TeamHistory(workers.assignments(id)).moveTo(id, teamId, from);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          e.getMessage().contains("already in that team") ? WorkerField.TEAM.jsonName() : "from",
          e.getMessage());
    }
    workers.replaceAssignments(id, moved.assignments());
    audit.record(
        "move",
        "worker",
        id,
        "Moved to " + teamName(teamId) + " from " + org.safeload.app.platform.Show.inWords(from));
    return worker(id);
  }

  private void checkRegistrationFree(WorkerDetails details, Long id, List<FieldProblem> problems) {
    if (details.sweRegistration() != null) {
      workers
          .findBySweRegistration(details.sweRegistration())
          .filter(other -> id == null || other.id() != id)
          .ifPresent(
              other ->
                  problems.add(
                      FieldProblem.of(
                          WorkerField.SWE_REGISTRATION.jsonName(),
                          "Another worker already has registration " + details.sweRegistration())));
    }
  }

  /**
   * Imports a worker CSV (see docs/workers-import.md): every row or none. A worker is matched by
   * registration number, or else by name, role and start date; unchanged rows change nothing.
   *
   * @throws InvalidInputException with every bad row's line, column and reason
   */
  @Requires(Capability.IMPORT_WORKERS)
  @Transactional
  public ImportResult importCsv(String csv) {
    WorkerCsv.Content content = WorkerCsv.read(csv);
    if (!content.problems().isEmpty()) {
      throw new InvalidInputException("The file has errors", content.problems());
    }
    record Checked(int line, WorkerDetails details, Team team) {}
    List<FieldProblem> problems = new ArrayList<>();
    List<Checked> rows = new ArrayList<>();
    Map<String, Integer> keys = new HashMap<>();
    for (WorkerCsv.Row row : content.rows()) {
      WorkerParser.Result parsed = WorkerParser.parse(row.values());
      parsed
          .problems()
          .forEach(
              p -> problems.add(new FieldProblem(row.line(), p.getKey().csvName(), p.getValue())));
      String teamName = row.values().getOrDefault(WorkerField.TEAM, "").strip();
      Optional<Team> team = teamName.isEmpty() ? Optional.empty() : teams.findByName(teamName);
      if (teamName.isEmpty()) {
        problems.add(
            new FieldProblem(row.line(), WorkerField.TEAM.csvName(), "Enter the team's name"));
      } else if (team.isEmpty()) {
        problems.add(
            new FieldProblem(row.line(), WorkerField.TEAM.csvName(), "No team called " + teamName));
      }
      if (parsed.ok()) {
        WorkerDetails d = parsed.details();
        String key =
            d.sweRegistration() != null
                ? d.sweRegistration()
                : (d.name().toLowerCase() + "|" + d.role() + "|" + d.startDate());
        Integer earlier = keys.putIfAbsent(key, row.line());
        if (earlier != null) {
          problems.add(
              new FieldProblem(
                  row.line(),
                  d.sweRegistration() != null
                      ? WorkerField.SWE_REGISTRATION.csvName()
                      : WorkerField.NAME.csvName(),
                  "The same worker is already on line " + earlier));
        }
        team.ifPresent(t -> rows.add(new Checked(row.line(), d, t)));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("The file has errors", problems);
    }
    LocalDate today = organisation.today();
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    for (Checked row : rows) {
      WorkerDetails d = row.details();
      Optional<Worker> existing =
          d.sweRegistration() != null
              ? workers.findBySweRegistration(d.sweRegistration())
              : workers.findUnregistered(d.name(), d.role(), d.startDate());
      if (existing.isEmpty()) {
        long id = workers.insert(d);
        workers.replaceAssignments(
            id, List.of(new Assignment(id, row.team().id(), d.startDate(), null)));
        audit.record("import", "worker", id, "Added by import to " + row.team().name());
        created++;
        continue;
      }
      long id = existing.get().id();
      List<String> changed = Changes.between(existing.get().details(), d);
      TeamHistory history = new TeamHistory(workers.assignments(id));
      boolean sameTeam =
          history.latest().map(a -> a.teamId() == row.team().id() && a.to() == null).orElse(false);
      if (changed.isEmpty() && sameTeam) {
        unchanged++;
        continue;
      }
      if (!changed.isEmpty()) {
        workers.update(id, d);
      }
      if (!sameTeam) {
        LocalDate from = today;
        Optional<Assignment> latest = history.latest();
        if (latest.isPresent() && !from.isAfter(latest.get().from())) {
          from = latest.get().from().plusDays(1);
        }
        workers.replaceAssignments(id, history.moveTo(id, row.team().id(), from).assignments());
        changed = new ArrayList<>(changed);
        changed.add("team");
      }
      audit.record("import", "worker", id, Changes.summary("Changed by import", changed));
      updated++;
    }
    return new ImportResult(created, updated, unchanged);
  }
}
