package org.safeload.app.caseload;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.safeload.app.access.Permissions;
import org.safeload.app.audit.AuditLog;
import org.safeload.app.caseload.persistence.CaseloadRepository;
import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.organisation.TeamMember;
import org.safeload.app.organisation.WorkerView;
import org.safeload.app.organisation.WorkforceService;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.app.platform.NotFoundException;
import org.safeload.app.platform.TimeConfig;
import org.safeload.app.timeliness.TimelinessService;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.caseload.CaseBook;
import org.safeload.caseload.CaseBook.OpenCase;
import org.safeload.caseload.CaseHolder;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.caseload.Caseloads;
import org.safeload.caseload.Caseloads.GroupLoad;
import org.safeload.caseload.Load;
import org.safeload.caseload.Recommendation;
import org.safeload.caseload.Throughput;
import org.safeload.caseload.UnallocatedQueue;
import org.safeload.caseload.Verdict;
import org.safeload.document.DocumentException;
import org.safeload.document.FieldProblem;
import org.safeload.handover.HandoverCase;
import org.safeload.handover.HandoverPlan;
import org.safeload.handover.HandoverPlanner;
import org.safeload.handover.Receiver;
import org.safeload.organisation.Service;
import org.safeload.organisation.Team;
import org.safeload.timeliness.CaseType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;

/**
 * Caseloads from the stored case activity and the workforce: each team's board, the unallocated
 * queue, allocation with the policy's rules and a recommendation, throughput, and the council's
 * allocation policy. The pages, the API and the command line all come here; the rules are the
 * core's ({@code org.safeload.caseload}).
 */
@org.springframework.stereotype.Service
@Transactional(readOnly = true)
public class CaseloadService {

  private final TimelinessService timeliness;
  private final WorkforceService workforce;
  private final OrganisationService organisation;
  private final CaseloadRepository repository;
  private final AuditLog audit;
  private final Clock clock;
  private final WorkingCalendar calendar;
  private final org.safeload.app.access.UserAccounts accounts;

  CaseloadService(
      TimelinessService timeliness,
      WorkforceService workforce,
      OrganisationService organisation,
      CaseloadRepository repository,
      AuditLog audit,
      Clock clock,
      WorkingCalendar calendar,
      org.safeload.app.access.UserAccounts accounts) {
    this.timeliness = timeliness;
    this.workforce = workforce;
    this.organisation = organisation;
    this.repository = repository;
    this.audit = audit;
    this.clock = clock;
    this.calendar = calendar;
    this.accounts = accounts;
  }

  public LocalDate today() {
    return TimeConfig.today(clock);
  }

  // --- Policy ----------------------------------------------------------------------------------

  private static final int MAX_POLICY = 200_000;

  private static final org.safeload.app.platform.Show SHOW = new org.safeload.app.platform.Show();

  /** The policy in force: the council's own, or the built-in one. */
  @PreAuthorize(Permissions.READ_CASELOADS)
  public CaseloadPolicy policy() {
    return repository
        .activePolicy()
        .map(r -> CaseloadPolicy.read(r.document()))
        .orElseGet(CaseloadPolicy::defaultPolicy);
  }

  /** The policy in force as YAML. */
  @PreAuthorize(Permissions.READ_CASELOADS)
  public String policyText() {
    return repository
        .activePolicy()
        .map(CaseloadRepository.PolicyRow::document)
        .orElseGet(CaseloadPolicy::defaultText);
  }

  /** Saves the council's policy (a copy of the built-in one, edited) and puts it in force. */
  @PreAuthorize(Permissions.EDIT_POLICY)
  @Transactional
  public CaseloadPolicy savePolicy(String document) {
    if (document.length() > MAX_POLICY) {
      throw new InvalidInputException(
          "document", "A policy must be " + MAX_POLICY + " characters or fewer");
    }
    repository.lockAllocations();
    CaseloadPolicy policy;
    try {
      policy = CaseloadPolicy.read(document);
    } catch (DocumentException e) {
      throw new InvalidInputException("The policy has errors", e.problems());
    }
    if (CaseloadPolicy.DEFAULT.equals(policy.id())) {
      throw new InvalidInputException(
          "id", "The built-in policy cannot be changed: give your copy its own id");
    }
    repository.saveActive(policy.id(), document, clock.instant());
    audit.record(
        "update", PolicyAuditNames.TYPE, policy.id(), "allocation policy saved and in force");
    return policy;
  }

  /** Puts the built-in policy back in force. */
  @PreAuthorize(Permissions.EDIT_POLICY)
  @Transactional
  public void useBuiltInPolicy() {
    repository.lockAllocations();
    repository.deactivateAll();
    audit.record(
        "update", PolicyAuditNames.TYPE, CaseloadPolicy.DEFAULT, "built-in policy in force");
  }

  // --- Snapshot --------------------------------------------------------------------------------

  /** Everything the caseload figures on a date are computed from. */
  record Snapshot(
      LocalDate on,
      CaseloadPolicy policy,
      CaseBook book,
      Caseloads loads,
      Map<Long, Team> teams,
      Map<String, WorkerView> workers,
      Map<String, CaseHolder> holders,
      boolean scoped) {

    /**
     * The cases open on the date that the user may see: all of them, or, for a provider's user,
     * those in one of its teams on that date (not a case that has left it).
     */
    List<OpenCase> open() {
      if (!scoped) {
        return loads.open();
      }
      return loads.open().stream()
          .filter(c -> c.team() != null && teams.containsKey(parseId(c.team())))
          .toList();
    }

    private static long parseId(String id) {
      try {
        return Long.parseLong(id);
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    String workerName(String id) {
      WorkerView w = id == null ? null : workers.get(id);
      // A worker the signed-in user may not see (another provider's, say) is never shown by id.
      return w == null ? (id == null ? null : "A worker outside your teams") : w.worker().name();
    }

    String teamName(String id) {
      if (id == null) {
        return null;
      }
      try {
        Team t = teams.get(Long.parseLong(id));
        return t == null ? "A team outside your view" : t.name();
      } catch (NumberFormatException e) {
        return "A team outside your view";
      }
    }

    List<CaseHolder> holdersIn(Collection<String> teamIds) {
      return holders.values().stream().filter(h -> teamIds.contains(h.team())).toList();
    }

    boolean stillHolds(String worker, LocalDate date) {
      WorkerView w = workers.get(worker);
      return w == null || w.worker().details().activeOn(date);
    }

    LocalDate leftOn(String worker) {
      WorkerView w = workers.get(worker);
      return w == null ? null : w.worker().details().endDate();
    }
  }

  Snapshot snapshot(LocalDate on) {
    checkDate(on, "on");
    CaseloadPolicy policy = policy();
    CaseBook book = CaseBook.of(timeliness.caseActivity());
    Map<Long, Team> teams = new LinkedHashMap<>();
    organisation.teams().forEach(t -> teams.put(t.id(), t));
    Map<String, WorkerView> workers = new LinkedHashMap<>();
    Map<String, CaseHolder> holders = new LinkedHashMap<>();
    for (WorkerView w : workforce.workersOn(on)) {
      String id = String.valueOf(w.worker().id());
      workers.put(id, w);
      if (w.team() != null
          && w.worker().role().caseHolding()
          && w.worker().details().activeOn(on)) {
        holders.put(id, CaseHolder.of(w.worker(), String.valueOf(w.team().id()), on));
      }
    }
    Map<String, WorkerView> all = workers;
    Caseloads loads =
        new Caseloads(
            book,
            policy,
            on,
            worker -> all.get(worker) == null || all.get(worker).worker().details().activeOn(on));
    return new Snapshot(
        on,
        policy,
        book,
        loads,
        teams,
        workers,
        holders,
        org.safeload.app.access.CurrentUser.providerScope().isPresent());
  }

  /** A date the working-day calendar covers (2000 to 2040), or a problem naming the field. */
  private void checkDate(LocalDate date, String field) {
    dateProblem(date)
        .ifPresent(
            message -> {
              throw new InvalidInputException(field, message);
            });
  }

  /** Why a date cannot be used for caseload figures (outside the calendar), if it cannot. */
  public java.util.Optional<String> dateProblem(LocalDate date) {
    if (date.isBefore(calendar.first()) || date.isAfter(calendar.last())) {
      return java.util.Optional.of(
          "Must be a date from "
              + SHOW.date(calendar.first())
              + " to "
              + SHOW.date(calendar.last())
              + " (not "
              + SHOW.date(date)
              + ")");
    }
    return java.util.Optional.empty();
  }

  // --- Boards ----------------------------------------------------------------------------------

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
      GroupLoad council,
      Map<String, String> workerNames) {}

  @PreAuthorize(Permissions.READ_CASELOADS)
  public Overview overview(LocalDate on) {
    Snapshot s = snapshot(on);
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
        s.loads().group("council", s.holdersIn(all), all),
        names(s));
  }

  private static Map<String, String> names(Snapshot s) {
    Map<String, String> names = new HashMap<>();
    s.workers().forEach((id, w) -> names.put(id, w.worker().name()));
    return names;
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

  @PreAuthorize(Permissions.READ_CASELOADS)
  public Board board(long teamId, LocalDate on) {
    Team team = organisation.team(teamId);
    Snapshot s = snapshot(on);
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
    List<Throughput.Month> months =
        Throughput.months(s.book(), String.valueOf(team.id()), from, on, this::staffOf);
    return new Board(on, s.policy().name(), load, byType, months);
  }

  // --- Queue and allocation --------------------------------------------------------------------

  /** A case waiting for a worker. */
  public record Waiting(
      String caseRef,
      String childRef,
      String team,
      String teamName,
      CaseType type,
      LocalDate since,
      int workingDays,
      String formerWorker) {}

  @PreAuthorize(Permissions.READ_CASES)
  public List<Waiting> queue(LocalDate on) {
    Snapshot s = snapshot(on);
    return UnallocatedQueue.on(s.open(), on, calendar, s::stillHolds, s::leftOn).stream()
        .map(
            w ->
                new Waiting(
                    w.openCase().caseId(),
                    w.openCase().childId(),
                    w.openCase().team(),
                    s.teamName(w.openCase().team()),
                    w.openCase().type(),
                    w.since(),
                    w.workingDays(),
                    w.formerWorker() == null ? null : s.workerName(w.formerWorker())))
        .toList();
  }

  /** A candidate worker for a case, with names for the page. */
  public record Option(
      Recommendation.Candidate candidate, String workerName, String teamName, boolean asye) {}

  /** A case, who has held it, and the ranked candidates to take it. */
  public record CaseAllocation(
      LocalDate on,
      OpenCase openCase,
      String teamName,
      String workerName,
      boolean waiting,
      List<String> previousWorkers,
      List<Option> options,
      List<CaseloadRepository.Decision> decisions,
      Map<String, String> names) {}

  /**
   * A case with its ranked candidates (its team's case holders, or every team's). Reading it is
   * recorded in the audit trail.
   */
  @PreAuthorize(Permissions.READ_CASES)
  @Transactional // the read is audited: a write
  public CaseAllocation allocation(String caseRef, LocalDate on, boolean allTeams) {
    Snapshot s = snapshot(on);
    OpenCase c = openCase(s, caseRef);
    List<CaseHolder> candidates =
        allTeams || c.team() == null
            ? List.copyOf(s.holders().values())
            : s.holdersIn(Set.of(c.team()));
    Map<String, String> families = timeliness.familyGroups();
    List<Option> options =
        Recommendation.rank(c, candidates, s.loads(), s.book(), families).stream()
            .map(
                k ->
                    new Option(
                        k, k.holder().name(), s.teamName(k.holder().team()), k.holder().asye()))
            .toList();
    List<String> previous =
        s.book().workersOfChild(c.childId(), on).stream()
            .filter(w -> !w.equals(c.worker()))
            .map(s::workerName)
            .toList();
    audit.record("read", "child-case", caseRef, "case read for allocation");
    List<CaseloadRepository.Decision> decisions = repository.decisionsFor(caseRef);
    // Names for the page: the workers the case went to, and the people who decided.
    Map<String, String> names = new HashMap<>();
    for (CaseloadRepository.Decision d : decisions) {
      names.put(d.workerRef(), s.workerName(d.workerRef()));
      if (d.decidedBy() != null) {
        names.computeIfAbsent(
            d.decidedBy(),
            by ->
                accounts
                    .enabledAccount(by)
                    .map(org.safeload.app.access.UserAccount::displayName)
                    .filter(n -> !n.isBlank())
                    .orElse(by));
      }
    }
    return new CaseAllocation(
        on,
        c,
        s.teamName(c.team()),
        c.worker() == null ? null : s.workerName(c.worker()),
        c.worker() == null || !s.stillHolds(c.worker(), on),
        previous,
        options,
        decisions,
        names);
  }

  private static OpenCase openCase(Snapshot s, String caseRef) {
    return s.open().stream()
        .filter(o -> o.caseId().equals(caseRef))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No open case " + caseRef));
  }

  /** What an allocation did. */
  public record Allocated(
      String eventId,
      String caseRef,
      String workerId,
      String workerName,
      List<String> overTargets) {}

  /**
   * Allocates a case to a worker today. A hard-rule breach is refused with the reason; exceeding a
   * soft target needs a recorded reason.
   */
  @PreAuthorize(Permissions.ALLOCATE)
  @Transactional
  public Allocated allocate(String caseRef, String workerId, String reason) {
    repository.lockAllocations(); // one allocation at a time: the caps are checked and kept
    LocalDate on = today();
    Snapshot s = snapshot(on);
    if (caseRef == null || caseRef.isBlank()) {
      throw new InvalidInputException("caseRef", "Enter the case reference");
    }
    OpenCase c = openCase(s, caseRef);
    if (workerId == null || workerId.isBlank()) {
      throw new InvalidInputException("workerId", "Select a worker");
    }
    CaseHolder holder = s.holders().get(workerId.strip());
    if (holder == null) {
      throw new InvalidInputException(
          "workerId", "Worker " + workerId + " is not a case-holding worker in a team today");
    }
    if (holder.id().equals(c.worker())) {
      throw new InvalidInputException("workerId", holder.name() + " already holds this case");
    }
    Verdict verdict = s.policy().check(holder, s.loads().loadOf(holder.id()), c.type());
    if (!verdict.allowed()) {
      throw new InvalidInputException(
          "Allocation refused",
          verdict.breaches().stream().map(b -> FieldProblem.of("workerId", b)).toList());
    }
    String why = reason == null ? "" : reason.strip();
    if (verdict.needsReason() && why.isEmpty()) {
      throw new InvalidInputException(
          "reason",
          "Give a reason to go over the soft target: " + String.join("; ", verdict.overTargets()));
    }
    if (why.length() > 2000) {
      throw new InvalidInputException("reason", "The reason must be 2000 characters or fewer");
    }
    String eventId =
        timeliness
            .recordAllocations(
                List.of(
                    new TimelinessService.Allocation(
                        c.caseId(), c.childId(), holder.id(), holder.team(), clock.instant())))
            .getFirst();
    repository.insertDecision(
        new CaseloadRepository.Decision(
            eventId,
            c.caseId(),
            holder.id(),
            clock.instant(),
            AuditLog.actor(),
            verdict.overTargets().isEmpty() ? null : String.join("; ", verdict.overTargets()),
            why.isEmpty() ? null : why,
            null));
    audit.record(
        "allocate",
        "child-case",
        c.caseId(),
        verdict.needsReason()
            ? "case allocated over a soft target, with a recorded reason"
            : "case allocated");
    return new Allocated(eventId, c.caseId(), holder.id(), holder.name(), verdict.overTargets());
  }

  // --- Throughput ------------------------------------------------------------------------------

  /** A team's throughput over a period. */
  public record TeamThroughput(Team team, Throughput.Flow flow) {}

  @PreAuthorize(Permissions.READ_CASELOADS)
  public TeamThroughput throughput(long teamId, LocalDate from, LocalDate to) {
    Team team = organisation.team(teamId);
    checkDate(from, "from");
    checkDate(to, "to");
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", "The end of the period must be on or after its start");
    }
    if (from.plusYears(3).isBefore(to)) {
      throw new InvalidInputException("to", "The period can be at most three years");
    }
    CaseBook book = CaseBook.of(timeliness.caseActivity());
    Throughput.Flow flow = Throughput.of(book, String.valueOf(team.id()), from, to, this::staffOf);
    return new TeamThroughput(team, flow);
  }

  /** A team's workers on a day, as the caseload rules see them (those who have not left). */
  private List<CaseHolder> staffOf(String teamId, LocalDate on) {
    return organisation.teamOverview(Long.parseLong(teamId), on).members().stream()
        .filter(TeamMember::active)
        .filter(m -> m.worker().details().fte().signum() > 0)
        .map(m -> CaseHolder.of(m.worker(), teamId, on))
        .toList();
  }

  // --- Handover --------------------------------------------------------------------------------

  /**
   * What to plan: the cases (every open case of a team, or of a worker, or a list) and who may
   * receive them (the case-holding workers of some teams, and/or named workers).
   */
  public record HandoverRequest(
      Long fromTeam,
      String fromWorker,
      List<String> caseRefs,
      List<Long> toTeams,
      List<String> toWorkers,
      Integer timeLimitSeconds) {}

  /** A case in a plan, with names for people. */
  public record Move(
      String caseRef,
      String childRef,
      String familyGroup,
      CaseType type,
      String from,
      String fromName,
      String to,
      String toName,
      String toTeamName,
      boolean knowsChild) {}

  /**
   * A receiver's caseload before and after, with names.
   *
   * @param overTargets the soft targets the plan takes them over (applying needs a reason)
   */
  public record ReceiverView(
      HandoverPlan.ReceiverLoad load,
      String teamName,
      boolean asye,
      Integer cap,
      List<String> overTargets) {}

  /** A plan to review before applying it. */
  public record PlanView(
      LocalDate on,
      String policyId,
      String policyName,
      HandoverPlan plan,
      List<Move> moves,
      List<ReceiverView> receivers,
      List<Move> unplaced) {

    /** Whether applying it needs a recorded reason (a receiver goes over a soft target). */
    public boolean needsReason() {
      return receivers.stream().anyMatch(r -> !r.overTargets().isEmpty());
    }
  }

  private static final int DEFAULT_TIME_LIMIT_SECONDS = 5;

  @PreAuthorize(Permissions.PLAN_HANDOVER)
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
  public PlanView planHandover(HandoverRequest request) {
    // No transaction: the solver may run for seconds and must not hold a connection; the audit
    // record is written on its own.
    LocalDate on = today();
    Snapshot s = snapshot(on);
    List<FieldProblem> problems = new ArrayList<>();
    List<OpenCase> cases = casesToMove(s, request, problems);
    Set<String> moving = cases.stream().map(OpenCase::caseId).collect(Collectors.toSet());
    Map<String, CaseHolder> receiving = new LinkedHashMap<>();
    for (Long teamId : request.toTeams() == null ? List.<Long>of() : request.toTeams()) {
      if (!s.teams().containsKey(teamId)) {
        problems.add(FieldProblem.of("toTeams", "No team " + teamId));
        continue;
      }
      s.holdersIn(Set.of(String.valueOf(teamId))).forEach(h -> receiving.put(h.id(), h));
    }
    for (String w : request.toWorkers() == null ? List.<String>of() : request.toWorkers()) {
      CaseHolder h = s.holders().get(w);
      if (h == null) {
        problems.add(
            FieldProblem.of("toWorkers", "Worker " + w + " is not a case holder in a team today"));
      } else {
        receiving.put(h.id(), h);
      }
    }
    if (request.fromWorker() != null) {
      receiving.remove(request.fromWorker());
    }
    if (receiving.isEmpty() && problems.isEmpty()) {
      problems.add(FieldProblem.of("toTeams", "Choose the teams or workers to receive the cases"));
    }
    int seconds =
        request.timeLimitSeconds() == null
            ? DEFAULT_TIME_LIMIT_SECONDS
            : request.timeLimitSeconds();
    if (seconds < 1 || seconds > 60) {
      problems.add(FieldProblem.of("timeLimitSeconds", "The time limit is 1 to 60 seconds"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("The handover cannot be planned", problems);
    }
    Map<String, String> families = timeliness.familyGroups();
    // Workers who hold a sibling's case that is not moving: the child knows them as the family's
    // worker, so the plan keeps the family together with them where the caseloads allow.
    Map<String, Set<String>> siblingHolders = new HashMap<>();
    for (OpenCase o : s.loads().open()) {
      String family = families.get(o.childId());
      if (family != null && o.worker() != null && !moving.contains(o.caseId())) {
        siblingHolders
            .computeIfAbsent(family, k -> new java.util.LinkedHashSet<>())
            .add(o.worker());
      }
    }
    List<HandoverCase> input = new ArrayList<>();
    for (OpenCase c : cases) {
      Set<String> before = new java.util.LinkedHashSet<>(s.book().workersOfChild(c.childId(), on));
      String family = families.get(c.childId());
      if (family != null) {
        before.addAll(siblingHolders.getOrDefault(family, Set.of()));
      }
      if (c.worker() != null) {
        before.remove(c.worker());
      }
      input.add(
          new HandoverCase(
              c.caseId(), c.childId(), families.get(c.childId()), c.type(), c.worker(), before));
    }
    List<Receiver> receivers = new ArrayList<>();
    for (CaseHolder h : receiving.values()) {
      receivers.add(new Receiver(h, s.loads().loadOf(h.id(), moving)));
    }
    HandoverPlan plan =
        new HandoverPlanner().plan(input, receivers, s.policy(), Duration.ofSeconds(seconds));
    Map<String, OpenCase> byRef = new LinkedHashMap<>();
    cases.forEach(c -> byRef.put(c.caseId(), c));
    List<Move> moves = new ArrayList<>();
    plan.assignment()
        .forEach((caseRef, to) -> moves.add(move(s, byRef.get(caseRef), families, to, input)));
    List<Move> unplaced =
        plan.unplaced().stream()
            .map(ref -> move(s, byRef.get(ref), families, null, input))
            .toList();
    List<ReceiverView> views =
        plan.receivers().stream()
            .map(
                r -> {
                  CaseHolder h = receiving.get(r.workerId());
                  org.safeload.caseload.Limits limits = s.policy().limitsFor(h);
                  return new ReceiverView(
                      r,
                      s.teamName(h.team()),
                      h.asye(),
                      limits.maxCases(),
                      r.received() == 0 ? List.of() : limits.overTargets(r.after()));
                })
            .toList();
    audit.record(
        "plan",
        "handover",
        request.fromTeam() != null
            ? "team " + request.fromTeam()
            : request.fromWorker() != null ? "worker " + request.fromWorker() : "cases",
        "children's cases read to plan a handover of "
            + cases.size()
            + " cases to "
            + receivers.size()
            + " workers: "
            + plan.status().code());
    return new PlanView(on, s.policy().id(), s.policy().name(), plan, moves, views, unplaced);
  }

  private static Move move(
      Snapshot s, OpenCase c, Map<String, String> families, String to, List<HandoverCase> input) {
    boolean knows =
        to != null
            && input.stream().filter(h -> h.caseId().equals(c.caseId())).anyMatch(h -> h.knows(to));
    return new Move(
        c.caseId(),
        c.childId(),
        families.get(c.childId()),
        c.type(),
        c.worker(),
        c.worker() == null ? null : s.workerName(c.worker()),
        to,
        to == null ? null : s.workerName(to),
        to == null || s.holders().get(to) == null ? null : s.teamName(s.holders().get(to).team()),
        knows);
  }

  private static List<OpenCase> casesToMove(
      Snapshot s, HandoverRequest request, List<FieldProblem> problems) {
    List<OpenCase> cases = new ArrayList<>();
    if (request.fromTeam() != null) {
      if (!s.teams().containsKey(request.fromTeam())) {
        problems.add(FieldProblem.of("fromTeam", "No team " + request.fromTeam()));
      } else {
        String team = String.valueOf(request.fromTeam());
        Set<String> members =
            s.workers().entrySet().stream()
                .filter(
                    e ->
                        e.getValue().team() != null
                            && String.valueOf(e.getValue().team().id()).equals(team))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        // The team's workers' cases, and the team's cases waiting (no worker, or one who left).
        s.open().stream()
            .filter(
                c ->
                    c.worker() == null || !s.stillHolds(c.worker(), s.on())
                        ? team.equals(c.team())
                        : members.contains(c.worker()))
            .forEach(cases::add);
      }
    }
    if (request.fromWorker() != null && !request.fromWorker().isBlank()) {
      if (!s.workers().containsKey(request.fromWorker())) {
        problems.add(FieldProblem.of("fromWorker", "No worker " + request.fromWorker()));
      } else {
        s.loads().casesOf(request.fromWorker()).forEach(cases::add);
      }
    }
    if (request.caseRefs() != null) {
      for (String ref : request.caseRefs()) {
        if (ref == null || ref.isBlank()) {
          continue;
        }
        s.open().stream()
            .filter(o -> o.caseId().equals(ref.strip()))
            .findFirst()
            .ifPresentOrElse(
                cases::add,
                () -> problems.add(FieldProblem.of("caseRefs", "No open case " + ref.strip())));
      }
    }
    List<OpenCase> distinct =
        new ArrayList<>(
            cases.stream()
                .collect(
                    Collectors.toMap(OpenCase::caseId, c -> c, (a, b) -> a, LinkedHashMap::new))
                .values());
    if (distinct.isEmpty() && problems.isEmpty()) {
      problems.add(FieldProblem.of("fromTeam", "Choose the cases to hand over: a team or cases"));
    }
    return distinct;
  }

  /** One case of a reviewed plan to apply: from whom (as planned) to whom. */
  public record PlannedMove(String caseRef, String from, String to) {}

  /** What applying a plan did. */
  public record Applied(long handoverId, int moved) {}

  /**
   * Applies a reviewed plan: every case moves, or none does. Refused if anything changed since the
   * plan (a case closed or moved, a worker left) or if the moves together would break a hard rule.
   */
  @PreAuthorize(Permissions.APPLY_HANDOVER)
  @Transactional
  public Applied applyHandover(List<PlannedMove> moves, String reason) {
    if (moves == null || moves.isEmpty()) {
      throw new InvalidInputException("moves", "The plan has no cases to move");
    }
    repository.lockAllocations(); // one allocation at a time: the caps are checked and kept
    LocalDate on = today();
    Snapshot s = snapshot(on);
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, OpenCase> open = new HashMap<>();
    s.open().forEach(c -> open.put(c.caseId(), c));
    Map<String, Load> after = new HashMap<>();
    Set<String> seen = new java.util.HashSet<>();
    List<TimelinessService.Allocation> allocations = new ArrayList<>();
    for (int i = 0; i < moves.size(); i++) {
      PlannedMove m = moves.get(i);
      String field = "moves[" + i + "]";
      OpenCase c = m.caseRef() == null ? null : open.get(m.caseRef());
      if (c == null) {
        problems.add(FieldProblem.of(field, "Case " + m.caseRef() + " is no longer open"));
        continue;
      }
      if (!seen.add(c.caseId())) {
        problems.add(FieldProblem.of(field, "Case " + c.caseId() + " is in the plan twice"));
        continue;
      }
      String from = m.from() == null || m.from().isBlank() ? null : m.from();
      if (!java.util.Objects.equals(from, c.worker())) {
        problems.add(
            FieldProblem.of(
                field, "Case " + c.caseId() + " has changed worker since the plan was made"));
        continue;
      }
      CaseHolder to = m.to() == null ? null : s.holders().get(m.to());
      if (to == null) {
        problems.add(
            FieldProblem.of(
                field, "Worker " + m.to() + " is not a case-holding worker in a team today"));
        continue;
      }
      if (!s.policy().limitsFor(to).mayHold(c.type())) {
        problems.add(
            FieldProblem.of(
                field, to.name() + " may not hold " + c.type().label() + " case " + c.caseId()));
      }
      if (!to.id().equals(c.worker())) {
        allocations.add(
            new TimelinessService.Allocation(
                c.caseId(), c.childId(), to.id(), to.team(), clock.instant()));
      }
    }
    if (problems.isEmpty()) {
      // The loads after every move together: the moving cases leave their holders.
      Map<String, OpenCase> moved = new HashMap<>();
      moves.forEach(m -> moved.put(m.caseRef(), open.get(m.caseRef())));
      for (PlannedMove m : moves) {
        CaseHolder to = s.holders().get(m.to());
        after.computeIfAbsent(to.id(), id -> s.loads().loadOf(id, moved.keySet()));
        after.merge(
            to.id(), Load.NONE.plus(s.policy().weight(moved.get(m.caseRef()).type())), Load::plus);
      }
      after.forEach(
          (id, load) ->
              s.policy().limitsFor(s.holders().get(id)).breaches(load).stream()
                  .map(b -> FieldProblem.of("moves", s.workerName(id) + ": " + b))
                  .forEach(problems::add));
    }
    // Soft targets: a receiver taken over one needs a recorded reason, as any allocation does.
    Map<String, String> overTarget = new HashMap<>();
    Set<String> receiving =
        allocations.stream()
            .map(TimelinessService.Allocation::workerRef)
            .collect(Collectors.toSet());
    for (String id : problems.isEmpty() ? receiving : Set.<String>of()) {
      List<String> over = s.policy().limitsFor(s.holders().get(id)).overTargets(after.get(id));
      if (!over.isEmpty()) {
        overTarget.put(id, String.join("; ", over));
      }
    }
    String why = reason == null ? "" : reason.strip();
    if (problems.isEmpty() && !overTarget.isEmpty() && why.isEmpty()) {
      problems.add(
          FieldProblem.of(
              "reason",
              "Give a reason to take "
                  + overTarget.size()
                  + (overTarget.size() == 1 ? " worker" : " workers")
                  + " over a soft target: "
                  + overTarget.entrySet().stream()
                      .map(e -> s.workerName(e.getKey()) + ", " + e.getValue())
                      .collect(Collectors.joining("; "))));
    }
    if (why.length() > 2000) {
      problems.add(FieldProblem.of("reason", "The reason must be 2000 characters or fewer"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("The plan cannot be applied: nothing was moved", problems);
    }
    java.math.BigDecimal highest = null;
    for (Map.Entry<String, Load> e : after.entrySet()) {
      java.math.BigDecimal perFte = e.getValue().weightedPerFte(s.holders().get(e.getKey()).fte());
      highest = highest == null || perFte.compareTo(highest) > 0 ? perFte : highest;
    }
    String by = AuditLog.actor();
    long handoverId =
        repository.insertHandover(
            clock.instant(), by, allocations.size(), "applied", highest, s.policy().id());
    List<String> eventIds = timeliness.recordAllocations(allocations);
    for (int i = 0; i < allocations.size(); i++) {
      TimelinessService.Allocation a = allocations.get(i);
      repository.insertDecision(
          new CaseloadRepository.Decision(
              eventIds.get(i),
              a.caseRef(),
              a.workerRef(),
              clock.instant(),
              by,
              overTarget.get(a.workerRef()),
              overTarget.containsKey(a.workerRef()) ? why : null,
              handoverId));
    }
    audit.record(
        "apply", "handover", handoverId, allocations.size() + " cases moved to their new workers");
    return new Applied(handoverId, allocations.size());
  }
}
