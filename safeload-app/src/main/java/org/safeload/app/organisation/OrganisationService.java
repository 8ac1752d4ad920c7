package org.safeload.app.organisation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.safeload.app.access.Capability;
import org.safeload.app.access.CurrentUser;
import org.safeload.app.access.ProviderDirectory;
import org.safeload.app.access.Requires;
import org.safeload.app.audit.AuditLog;
import org.safeload.app.organisation.persistence.CouncilRepository;
import org.safeload.app.organisation.persistence.EstablishmentRepository;
import org.safeload.app.organisation.persistence.ProviderRepository;
import org.safeload.app.organisation.persistence.ServiceRepository;
import org.safeload.app.organisation.persistence.TeamRepository;
import org.safeload.app.organisation.persistence.WorkerRepository;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.app.platform.NotFoundException;
import org.safeload.app.platform.TimeConfig;
import org.safeload.document.FieldProblem;
import org.safeload.organisation.EstablishmentLine;
import org.safeload.organisation.Provider;
import org.safeload.organisation.Role;
import org.safeload.organisation.Service;
import org.safeload.organisation.Team;
import org.safeload.organisation.TeamKind;
import org.safeload.organisation.Worker;
import org.safeload.workforce.Staffing;
import org.springframework.transaction.annotation.Transactional;

/**
 * The council's structure: services, teams, providers and establishment. The pages, the API and the
 * command line all come through here, so access rules and checks live in one place. A provider's
 * account sees only its own provider's teams; anything else is "not found".
 */
@org.springframework.stereotype.Service
@Transactional(readOnly = true)
public class OrganisationService implements ProviderDirectory {

  public static final int MAX_NAME = 200;
  public static final int MAX_DESCRIPTION = 1000;

  private final CouncilRepository councils;
  private final ProviderRepository providers;
  private final ServiceRepository services;
  private final TeamRepository teams;
  private final EstablishmentRepository establishment;
  private final WorkerRepository workers;
  private final AuditLog audit;
  private final Clock clock;

  private final String configuredRegion;
  private final String configuredLea;

  OrganisationService(
      CouncilRepository councils,
      ProviderRepository providers,
      ServiceRepository services,
      TeamRepository teams,
      EstablishmentRepository establishment,
      WorkerRepository workers,
      AuditLog audit,
      Clock clock,
      @org.springframework.beans.factory.annotation.Value("${safeload.council.region:}")
          String configuredRegion,
      @org.springframework.beans.factory.annotation.Value("${safeload.council.lea:}")
          String configuredLea) {
    this.configuredRegion = configuredRegion;
    this.configuredLea = configuredLea == null ? "" : configuredLea.strip();
    this.councils = councils;
    this.providers = providers;
    this.services = services;
    this.teams = teams;
    this.establishment = establishment;
    this.workers = workers;
    this.audit = audit;
    this.clock = clock;
  }

  public LocalDate today() {
    return TimeConfig.today(clock);
  }

  // --- Council -------------------------------------------------------------------------------

  public String councilName() {
    return councils.find().map(CouncilRepository.CouncilRow::name).orElse("Safeload");
  }

  /**
   * The council's region (for the DfE agency rules' 3-month rule): as set on the council, else
   * {@code safeload.council.region}, else none.
   */
  public String councilRegion() {
    return councils.region().filter(r -> !r.isBlank()).orElse(configuredRegion);
  }

  /**
   * The council's three-digit local authority code for the Department's returns (the census
   * return's {@code LEA}): {@code safeload.council.lea}, else none (empty).
   */
  public String councilLea() {
    return configuredLea;
  }

  /** Sets the council's region (the demo council's; an administrator's setting later). */
  @Transactional
  public void setCouncilRegion(String region) {
    councils.setRegion(region);
    audit.record("update", "council", null, "Council region set");
  }

  /** Whether the database holds no council yet (a first start). */
  public boolean empty() {
    return councils.find().isEmpty();
  }

  /** Creates the council if there is none (first start). */
  @Transactional
  public long ensureCouncil(String name) {
    return councils
        .find()
        .map(CouncilRepository.CouncilRow::id)
        .orElseGet(
            () -> {
              long id = councils.insert(name);
              audit.record("create", "council", id, "Council created");
              return id;
            });
  }

  // --- Providers -----------------------------------------------------------------------------

  @Requires(Capability.READ_ORGANISATION)
  public List<Provider> providers() {
    Optional<Long> scope = CurrentUser.providerScope();
    return providers.findAll().stream()
        .filter(p -> scope.isEmpty() || scope.get() == p.id())
        .toList();
  }

  @Override
  public Map<Long, String> providerNames() {
    Map<Long, String> names = new LinkedHashMap<>();
    providers.findAll().forEach(p -> names.put(p.id(), p.name()));
    return names;
  }

  /** The provider of that name, if there is one (for linking records such as contracts). */
  public Optional<Provider> providerNamed(String name) {
    return providers.findByName(name);
  }

  /** The team of that name, if there is one (for linking records such as contracts). */
  public Optional<Team> teamNamed(String name) {
    return teams.findByName(name);
  }

  @Requires(Capability.EDIT_STRUCTURE)
  @Transactional
  public Provider createProvider(String name) {
    String clean = required("name", name, "Enter the provider's name", MAX_NAME);
    if (providers.findByName(clean).isPresent()) {
      throw new InvalidInputException("name", "A provider with that name already exists");
    }
    long id = providers.insert(clean);
    audit.record("create", "provider", id, "Provider added");
    return providers.findById(id).orElseThrow();
  }

  // --- Services ------------------------------------------------------------------------------

  @Requires(Capability.READ_ORGANISATION)
  public List<Service> services() {
    Optional<Long> scope = CurrentUser.providerScope();
    if (scope.isEmpty()) {
      return services.findAll();
    }
    Set<Long> visible = visibleTeams().stream().map(Team::serviceId).collect(Collectors.toSet());
    return services.findAll().stream().filter(s -> visible.contains(s.id())).toList();
  }

  @Requires(Capability.READ_ORGANISATION)
  public Service service(long id) {
    return services().stream()
        .filter(s -> s.id() == id)
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No service " + id));
  }

  @Requires(Capability.EDIT_STRUCTURE)
  @Transactional
  public Service createService(String name, String description) {
    long councilId =
        councils
            .find()
            .map(CouncilRepository.CouncilRow::id)
            .orElseThrow(() -> new IllegalStateException("no council"));
    String cleanName = checkServiceName(name, null);
    long id = services.insert(councilId, cleanName, description(description));
    audit.record("create", "service", id, "Service added");
    return services.findById(id).orElseThrow();
  }

  @Requires(Capability.EDIT_STRUCTURE)
  @Transactional
  public Service updateService(long id, String name, String description) {
    Service before = service(id);
    String cleanName = checkServiceName(name, id);
    services.update(id, cleanName, description(description));
    Service after = services.findById(id).orElseThrow();
    audit.record(
        "update", "service", id, Changes.summary("Changed", Changes.between(before, after)));
    return after;
  }

  private String checkServiceName(String name, Long id) {
    String clean = required("name", name, "Enter the service's name", MAX_NAME);
    services
        .findByName(clean)
        .filter(existing -> id == null || existing.id() != id)
        .ifPresent(
            existing -> {
              throw new InvalidInputException("name", "A service with that name already exists");
            });
    return clean;
  }

  private static String description(String description) {
    if (description == null || description.isBlank()) {
      return null;
    }
    if (description.length() > MAX_DESCRIPTION) {
      throw new InvalidInputException(
          "description", "Description must be " + MAX_DESCRIPTION + " characters or fewer");
    }
    return description.strip();
  }

  // --- Teams ---------------------------------------------------------------------------------

  /** The teams the current user may see. */
  List<Team> visibleTeams() {
    Optional<Long> scope = CurrentUser.providerScope();
    return teams.findAll().stream()
        .filter(t -> scope.isEmpty() || scope.get().equals(t.providerId()))
        .toList();
  }

  /** The team and worker ids (leavers' too) that the council's event files may name. */
  public record KnownIds(java.util.Set<String> teams, java.util.Set<String> workers) {}

  @Requires(Capability.EDIT_TIMELINESS)
  public KnownIds knownIds() {
    return new KnownIds(
        teams.ids().stream().map(String::valueOf).collect(Collectors.toSet()),
        workers.ids().stream().map(String::valueOf).collect(Collectors.toSet()));
  }

  @Requires(Capability.READ_ORGANISATION)
  public List<Team> teams() {
    return visibleTeams();
  }

  @Requires(Capability.READ_ORGANISATION)
  public List<TeamSummary> teamSummaries() {
    LocalDate today = today();
    Map<Long, String> serviceNames =
        services.findAll().stream().collect(Collectors.toMap(Service::id, Service::name));
    Map<Long, String> providerNames = providerNames();
    Map<Long, List<EstablishmentLine>> budgets =
        establishment.findAll().stream().collect(Collectors.groupingBy(EstablishmentLine::teamId));
    Map<Long, Worker> byId =
        workers.findAll().stream().collect(Collectors.toMap(Worker::id, Function.identity()));
    Map<Long, List<Worker>> members = new java.util.HashMap<>();
    workers
        .assignmentsOn(today)
        .forEach(
            a ->
                members
                    .computeIfAbsent(a.teamId(), k -> new ArrayList<>())
                    .add(byId.get(a.workerId())));
    return visibleTeams().stream()
        .map(
            t ->
                new TeamSummary(
                    t,
                    serviceNames.get(t.serviceId()),
                    t.providerId() == null ? null : providerNames.get(t.providerId()),
                    Staffing.of(
                        today,
                        budgets.getOrDefault(t.id(), List.of()),
                        members.getOrDefault(t.id(), List.of()).stream()
                            .map(Worker::details)
                            .toList())))
        .toList();
  }

  @Requires(Capability.READ_ORGANISATION)
  public Team team(long id) {
    return visibleTeams().stream()
        .filter(t -> t.id() == id)
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No team " + id));
  }

  /** A team's workers on a day (those who have left included), without its staffing figures. */
  @Requires(Capability.READ_ORGANISATION)
  public List<Worker> teamMembersOn(long id, LocalDate on) {
    team(id);
    return workers.inTeamOn(id, on);
  }

  /** A team's members on each of several days (one read however many days). */
  @Requires(Capability.READ_ORGANISATION)
  public Map<LocalDate, List<Worker>> teamMembersOn(long id, List<LocalDate> days) {
    team(id);
    return workers.inTeamOnEach(id, days);
  }

  @Requires(Capability.READ_ORGANISATION)
  public TeamOverview teamOverview(long id, LocalDate on) {
    Team team = team(id);
    List<Worker> members = workers.inTeamOn(id, on);
    Staffing staffing =
        Staffing.of(on, establishment.forTeam(id), members.stream().map(Worker::details).toList());
    return new TeamOverview(
        team,
        services.findById(team.serviceId()).orElseThrow(),
        team.providerId() == null ? null : providers.findById(team.providerId()).orElseThrow(),
        on,
        staffing,
        members.stream()
            .map(
                w ->
                    new TeamMember(
                        w,
                        w.details().pqeYears(on),
                        w.details().inAsyeOn(on),
                        w.details().activeOn(on)))
            .toList());
  }

  @Requires(Capability.EDIT_STRUCTURE)
  @Transactional
  public Team createTeam(TeamInput input) {
    Team checked = checkTeam(0, input);
    long id =
        teams.insert(checked.serviceId(), checked.name(), checked.kind(), checked.providerId());
    audit.record(
        "create",
        "team",
        id,
        (checked.kind() == TeamKind.MANAGED ? "Managed" : "Substantive") + " team added");
    return teams.findById(id).orElseThrow();
  }

  @Requires(Capability.EDIT_STRUCTURE)
  @Transactional
  public Team updateTeam(long id, TeamInput input) {
    Team before = team(id);
    Team checked = checkTeam(id, input);
    teams.update(checked);
    audit.record(
        "update", "team", id, Changes.summary("Changed", Changes.between(before, checked)));
    return checked;
  }

  private Team checkTeam(long id, TeamInput input) {
    List<FieldProblem> problems = new ArrayList<>();
    if (input.serviceId() == null) {
      problems.add(FieldProblem.of("serviceId", "Select the service the team belongs to"));
    } else if (services.findById(input.serviceId()).isEmpty()) {
      problems.add(FieldProblem.of("serviceId", "No service " + input.serviceId()));
    }
    String name = input.name() == null ? "" : input.name().strip();
    if (name.isEmpty()) {
      problems.add(FieldProblem.of("name", "Enter the team's name"));
    } else if (name.length() > MAX_NAME) {
      problems.add(FieldProblem.of("name", "Name must be " + MAX_NAME + " characters or fewer"));
    } else if (teams.findByName(name).filter(t -> t.id() != id).isPresent()) {
      problems.add(FieldProblem.of("name", "A team with that name already exists"));
    }
    TeamKind kind = input.kind() == null ? null : TeamKind.fromCode(input.kind()).orElse(null);
    if (kind == null) {
      problems.add(FieldProblem.of("kind", "Select whether the team is substantive or managed"));
    } else if (kind == TeamKind.MANAGED) {
      if (input.providerId() == null) {
        problems.add(FieldProblem.of("providerId", "Select the provider of the managed team"));
      } else if (providers.findById(input.providerId()).isEmpty()) {
        problems.add(FieldProblem.of("providerId", "No provider " + input.providerId()));
      }
    } else if (input.providerId() != null) {
      problems.add(
          FieldProblem.of("providerId", "A substantive team is the council's own: no provider"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("The team has errors", problems);
    }
    return new Team(id, input.serviceId(), name, kind, input.providerId());
  }

  // --- Establishment -------------------------------------------------------------------------

  /**
   * The budgeted posts of every team the user may see, by the team's name, as the workforce census
   * takes them.
   */
  @Requires(Capability.READ_ORGANISATION)
  public List<org.safeload.workforce.WorkforceCensus.Post> establishmentPosts() {
    Map<Long, String> names = new java.util.HashMap<>();
    visibleTeams().forEach(t -> names.put(t.id(), t.name()));
    return establishment.findAll().stream()
        .filter(l -> names.containsKey(l.teamId()))
        .map(
            l ->
                new org.safeload.workforce.WorkforceCensus.Post(
                    names.get(l.teamId()), l.role(), l.budgetedFte()))
        .toList();
  }

  @Requires(Capability.READ_ORGANISATION)
  public Map<Role, BigDecimal> establishment(long teamId) {
    team(teamId);
    Map<Role, BigDecimal> budget = new EnumMap<>(Role.class);
    establishment.forTeam(teamId).forEach(l -> budget.put(l.role(), l.budgetedFte()));
    return budget;
  }

  /**
   * Sets the team's budgeted FTE for the roles given (roles not given keep theirs).
   *
   * @param budget budgeted FTE by role code, as entered
   */
  @Requires(Capability.EDIT_ESTABLISHMENT)
  @Transactional
  public Map<Role, BigDecimal> setEstablishment(long teamId, Map<String, String> budget) {
    team(teamId);
    Map<Role, BigDecimal> next = new EnumMap<>(Role.class);
    establishment.forTeam(teamId).forEach(l -> next.put(l.role(), l.budgetedFte()));
    List<FieldProblem> problems = new ArrayList<>();
    budget.forEach(
        (code, value) -> {
          Optional<Role> role = Role.fromCode(code);
          if (role.isEmpty()) {
            problems.add(FieldProblem.of(code, "No role " + code + "; roles: " + Role.codes()));
            return;
          }
          if (value == null || value.isBlank()) {
            next.remove(role.get());
            return;
          }
          try {
            BigDecimal fte = new BigDecimal(value.strip());
            if (fte.signum() < 0 || fte.compareTo(BigDecimal.valueOf(1000)) >= 0) {
              problems.add(
                  FieldProblem.of(code, role.get().label() + " FTE must be between 0 and 999.99"));
            } else if (fte.stripTrailingZeros().scale() > 2) {
              problems.add(
                  FieldProblem.of(
                      code, role.get().label() + " FTE must have at most 2 decimal places"));
            } else {
              next.put(role.get(), fte);
            }
          } catch (NumberFormatException e) {
            problems.add(
                FieldProblem.of(code, role.get().label() + " FTE must be a number, like 7 or 6.5"));
          }
        });
    if (!problems.isEmpty()) {
      throw new InvalidInputException("The establishment has errors", problems);
    }
    establishment.replace(
        teamId,
        next.entrySet().stream()
            .map(e -> new EstablishmentLine(teamId, e.getKey(), e.getValue()))
            .toList());
    audit.record(
        "update",
        "establishment",
        teamId,
        next.isEmpty()
            ? "Establishment cleared"
            : "Establishment set for "
                + String.join(
                    ", ",
                    next.keySet().stream().map(r -> r.label().toLowerCase(Locale.UK)).toList()));
    return establishment(teamId);
  }

  private static String required(String field, String value, String whenMissing, int max) {
    String clean = value == null ? "" : value.strip();
    if (clean.isEmpty()) {
      throw new InvalidInputException(field, whenMissing);
    }
    if (clean.length() > max) {
      throw new InvalidInputException(field, "Must be " + max + " characters or fewer");
    }
    return clean;
  }
}
