package org.safeload.app.caseload;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.safeload.app.access.Capability;
import org.safeload.app.access.Requires;
import org.safeload.app.audit.AuditLog;
import org.safeload.app.caseactivity.CaseActivity;
import org.safeload.app.caseload.CaseloadSnapshots.Snapshot;
import org.safeload.app.caseload.persistence.CaseloadRepository;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.caseload.CaseBook.OpenCase;
import org.safeload.caseload.CaseHolder;
import org.safeload.caseload.KnownWorkers;
import org.safeload.caseload.Load;
import org.safeload.document.FieldProblem;
import org.safeload.handover.HandoverCase;
import org.safeload.handover.HandoverPlan;
import org.safeload.handover.HandoverPlanner;
import org.safeload.handover.PlanCheck;
import org.safeload.handover.Receiver;
import org.safeload.timeliness.CaseType;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handing cases over: planning who takes a team's or a worker's cases (the core's {@code
 * HandoverPlanner}), and applying a reviewed plan whole or not at all, checked with the core's
 * {@code PlanCheck}.
 */
@org.springframework.stereotype.Service
@Transactional(readOnly = true)
public class Handovers {

  private final CaseloadSnapshots snapshots;
  private final CaseActivity activity;
  private final CaseloadRepository repository;
  private final AuditLog audit;
  private final Clock clock;

  private final org.safeload.app.access.ChildrenScopes childrenScopes;
  private final org.safeload.app.organisation.VettingService vettings;

  Handovers(
      CaseloadSnapshots snapshots,
      CaseActivity activity,
      CaseloadRepository repository,
      AuditLog audit,
      Clock clock,
      org.safeload.app.access.ChildrenScopes childrenScopes,
      org.safeload.app.organisation.VettingService vettings) {
    this.vettings = vettings;
    this.childrenScopes = childrenScopes;
    this.snapshots = snapshots;
    this.activity = activity;
    this.repository = repository;
    this.audit = audit;
    this.clock = clock;
  }

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
      Integer timeLimitSeconds,
      LocalDate on) {

    /** A plan for today. */
    public HandoverRequest(
        Long fromTeam,
        String fromWorker,
        List<String> caseRefs,
        List<Long> toTeams,
        List<String> toWorkers,
        Integer timeLimitSeconds) {
      this(fromTeam, fromWorker, caseRefs, toTeams, toWorkers, timeLimitSeconds, null);
    }
  }

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
      boolean knowsChild,
      LocalDate date) {}

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

  /**
   * A day of a dated plan: how many cases move that day, and the highest weighted caseload per FTE
   * among the receivers in post that day once they have.
   */
  public record StageView(LocalDate date, int moves, java.math.BigDecimal highest) {}

  /** A plan to review before applying it. */
  public record PlanView(
      LocalDate on,
      String policyId,
      String policyName,
      HandoverPlan plan,
      List<Move> moves,
      List<ReceiverView> receivers,
      List<Move> unplaced,
      List<String> notCleared,
      List<StageView> stages) {

    /** Whether applying it needs a recorded reason (a receiver goes over a soft target). */
    public boolean needsReason() {
      return receivers.stream().anyMatch(r -> !r.overTargets().isEmpty());
    }
  }

  private static final int DEFAULT_TIME_LIMIT_SECONDS = 5;

  @Requires(Capability.PLAN_HANDOVER)
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
  public PlanView planHandover(HandoverRequest request) {
    // No transaction: the solver may run for seconds and must not hold a connection; the audit
    // record is written on its own.
    LocalDate today = snapshots.today();
    LocalDate on = request.on() == null ? today : request.on();
    snapshots.checkDate(on, "on");
    if (on.isBefore(today)) {
      throw new InvalidInputException("on", "A handover is planned for today or a later date");
    }
    // On a later date: the workers in post then, today's caseloads and the moves already
    // planned up to then (allocations recorded for dates up to it).
    Snapshot s = snapshots.snapshot(on);
    List<FieldProblem> problems = new ArrayList<>();
    List<OpenCase> cases = casesToMove(s, request, problems);
    // Only children the person may see (a team manager: their own team's), as everywhere else.
    org.safeload.app.access.ChildrenScope scope = childrenScopes.current();
    for (OpenCase c : cases) {
      if (!scope.sees(c.team(), c.worker())) {
        throw new org.safeload.app.platform.NotFoundException("No open case " + c.caseId());
      }
    }
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
    // A worker not cleared to work with children receives no case: left out, and said so.
    List<String> notCleared = new ArrayList<>();
    // Clearance is judged today: a check falling due before a later plan's date is renewed as a
    // matter of course, and applying the plan is today's decision.
    notCleared(receiving.values(), today)
        .forEach(
            (h, blocks) -> {
              receiving.remove(h.id());
              notCleared.add(h.name() + ": " + String.join("; ", blocks));
            });
    if (receiving.isEmpty() && problems.isEmpty() && !notCleared.isEmpty()) {
      problems.add(
          FieldProblem.of(
              "toWorkers",
              "No receiving worker is cleared to work with children: "
                  + String.join("; ", notCleared)));
    } else if (receiving.isEmpty() && problems.isEmpty()) {
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
    Map<String, String> families = snapshots.familyGroups();
    // Who each child knows: its former workers, and the workers of its siblings' cases that stay
    // (the plan keeps the family together with them where the caseloads allow).
    Map<String, Set<String>> known =
        KnownWorkers.of(cases, s.loads().open(), s.book(), families, on);
    List<HandoverCase> input = new ArrayList<>();
    // Who works here today, with their last days (a leaver before the plan's date is not in its
    // snapshot).
    Snapshot now = on.equals(today) ? s : snapshots.snapshot(today);
    for (OpenCase c : cases) {
      input.add(
          new HandoverCase(
              c.caseId(),
              c.childId(),
              families.get(c.childId()),
              c.type(),
              c.worker(),
              known.get(c.caseId()),
              moveBy(now, c.worker(), today, on)));
    }
    List<Receiver> receivers = new ArrayList<>();
    for (CaseHolder h : receiving.values()) {
      receivers.add(receiver(s, h, s.loads().loadOf(h.id(), moving), today));
    }
    HandoverPlan plan =
        new HandoverPlanner()
            .plan(input, receivers, s.policy(), today, Duration.ofSeconds(seconds));
    Map<String, OpenCase> byRef = new LinkedHashMap<>();
    cases.forEach(c -> byRef.put(c.caseId(), c));
    List<Move> moves = new ArrayList<>();
    plan.assignment()
        .forEach(
            (caseRef, to) ->
                moves.add(
                    move(s, byRef.get(caseRef), families, to, input, plan.dates().get(caseRef))));
    List<Move> unplaced =
        plan.unplaced().stream()
            .map(ref -> move(s, byRef.get(ref), families, null, input, null))
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
    audit.recordRead(
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
    List<StageView> stages =
        plan.stages().stream()
            .map(
                st ->
                    new StageView(
                        st.date(),
                        st.moves(),
                        st.receivers().stream()
                            .map(HandoverPlan.ReceiverLoad::weightedPerFteAfter)
                            .max(java.util.Comparator.naturalOrder())
                            .orElse(null)))
            .toList();
    return new PlanView(
        on, s.policy().id(), s.policy().name(), plan, moves, views, unplaced, notCleared, stages);
  }

  /**
   * The workers among these who are not cleared to work with children on a date, each with every
   * reason, in the order given; the vetting is read once for them all.
   */
  private Map<CaseHolder, List<String>> notCleared(
      java.util.Collection<CaseHolder> holders, LocalDate on) {
    Map<Long, List<String>> blocks =
        vettings.blocks(holders.stream().map(h -> Long.parseLong(h.id())).toList(), on);
    Map<CaseHolder, List<String>> notCleared = new LinkedHashMap<>();
    for (CaseHolder h : holders) {
      List<String> reasons = blocks.get(Long.parseLong(h.id()));
      if (!reasons.isEmpty()) {
        notCleared.put(h, reasons);
      }
    }
    return notCleared;
  }

  /**
   * The caps broken on the day of the last move already planned ahead (a dated plan applied
   * before), when that is after this plan's last day: those moves reach the receivers too.
   */
  private List<FieldProblem> aheadOf(
      LocalDate on,
      LocalDate today,
      List<HandoverCase> cases,
      List<Receiver> receiving,
      Map<String, String> assignment,
      Set<String> moving) {
    java.util.Optional<LocalDate> ahead = snapshots.lastPlannedDay(on);
    if (ahead.isEmpty()) {
      return List.of();
    }
    Snapshot then = snapshots.snapshot(ahead.get());
    List<Receiver> still = new ArrayList<>();
    for (Receiver r : receiving) {
      CaseHolder h = then.holders().get(r.id());
      if (h != null) {
        still.add(receiver(then, h, then.loads().loadOf(h.id(), moving), today));
      }
    }
    Set<String> ids = still.stream().map(Receiver::id).collect(Collectors.toSet());
    List<HandoverCase> toThem =
        cases.stream().filter(c -> ids.contains(assignment.get(c.caseId()))).toList();
    List<FieldProblem> problems = new ArrayList<>();
    for (PlanCheck.Breach b :
        PlanCheck.check(toThem, still, then.policy(), assignment, today).each()) {
      if (b.rule() == PlanCheck.Rule.CAP) {
        problems.add(
            FieldProblem.of(
                "moves",
                "On "
                    + org.safeload.app.platform.Show.inWords(ahead.get())
                    + ", with the moves planned up to then, "
                    + then.workerName(b.workerId())
                    + ": "
                    + b.cap()));
      }
    }
    return problems;
  }

  /**
   * The day a case moves in a plan for a date: its worker's last day when they leave before it
   * (today if they have left already), else the plan's date.
   */
  private static LocalDate moveBy(Snapshot now, String worker, LocalDate today, LocalDate on) {
    if (worker == null || !now.workers().containsKey(worker)) {
      return today; // waiting now, or with a worker who has gone: it moves at once
    }
    LocalDate last = now.leftOn(worker);
    if (last == null || !last.isBefore(on)) {
      return on;
    }
    return last.isBefore(today) ? today : last;
  }

  /**
   * A receiver with the days they are in post (a starter from their first day, a leaver to their
   * last) and the start of their ASYE, which decide the cases they may take on each date.
   */
  private static Receiver receiver(Snapshot s, CaseHolder h, Load load, LocalDate today) {
    org.safeload.organisation.WorkerDetails d = s.workers().get(h.id()).worker().details();
    LocalDate first = d.startDate() != null && d.startDate().isAfter(today) ? d.startDate() : null;
    return new Receiver(h, load, first, d.endDate(), d.asyeStartDate());
  }

  private static Move move(
      Snapshot s,
      OpenCase c,
      Map<String, String> families,
      String to,
      List<HandoverCase> input,
      LocalDate date) {
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
        knows,
        date);
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
  public record PlannedMove(String caseRef, String from, String to, LocalDate date) {

    /** A move today. */
    public PlannedMove(String caseRef, String from, String to) {
      this(caseRef, from, to, null);
    }
  }

  /** What applying a plan did. */
  public record Applied(long handoverId, int moved) implements java.io.Serializable {}

  /**
   * Applies a reviewed plan: every case moves, or none does. Refused if anything changed since the
   * plan (a case closed or moved, a worker left) or if the moves together would break a hard rule
   * (the core's {@link PlanCheck}).
   */
  @Requires(Capability.APPLY_HANDOVER)
  @Transactional
  public Applied applyHandover(List<PlannedMove> moves, String reason) {
    if (moves == null || moves.isEmpty()) {
      throw new InvalidInputException("moves", "The plan has no cases to move");
    }
    repository.lockAllocations(); // one allocation at a time: the caps are checked and kept
    LocalDate today = snapshots.today();
    // A dated plan is checked as it will stand on its last day: the workers in post then.
    LocalDate on = today;
    for (PlannedMove m : moves) {
      if (m.date() != null) {
        snapshots.checkDate(m.date(), "moves");
        if (m.date().isBefore(today)) {
          throw new InvalidInputException("moves", "A move cannot be dated before today");
        }
        on = m.date().isAfter(on) ? m.date() : on;
      }
    }
    Snapshot s = snapshots.snapshot(on);
    Map<String, OpenCase> open = new HashMap<>();
    s.open().forEach(c -> open.put(c.caseId(), c));
    // What changed since the plan was made: each move's problems, by its place in the plan.
    Map<Integer, List<FieldProblem>> byMove = new java.util.TreeMap<>();
    Map<String, Integer> index = new HashMap<>();
    List<HandoverCase> cases = new ArrayList<>();
    Map<String, String> assignment = new LinkedHashMap<>();
    Map<String, Receiver> receivers = new LinkedHashMap<>();
    for (int i = 0; i < moves.size(); i++) {
      PlannedMove m = moves.get(i);
      String field = "moves[" + i + "]";
      OpenCase c = m.caseRef() == null ? null : open.get(m.caseRef());
      String problem = null;
      if (c == null) {
        problem = "Case " + m.caseRef() + " is no longer open";
      } else if (index.containsKey(c.caseId())) {
        problem = "Case " + c.caseId() + " is in the plan twice";
      } else if (!java.util.Objects.equals(
          m.from() == null || m.from().isBlank() ? null : m.from(), c.worker())) {
        problem = "Case " + c.caseId() + " has changed worker since the plan was made";
      }
      if (problem != null) {
        byMove.computeIfAbsent(i, k -> new ArrayList<>()).add(FieldProblem.of(field, problem));
        continue;
      }
      index.put(c.caseId(), i);
      // Families are not checked: the plan keeps them together, and a manager may part them.
      cases.add(
          new HandoverCase(
              c.caseId(),
              c.childId(),
              null,
              c.type(),
              c.worker(),
              Set.of(),
              m.date() == null ? today : m.date()));
      assignment.put(c.caseId(), m.to());
      CaseHolder to = m.to() == null ? null : s.holders().get(m.to());
      if (to != null) {
        receivers.computeIfAbsent(to.id(), id -> receiver(s, to, Load.NONE, today));
      }
    }
    // The receivers' loads without any moving case: the moving cases leave their holders.
    Set<String> moving = index.keySet();
    List<Receiver> receiving =
        receivers.values().stream()
            .map(r -> receiver(s, r.holder(), s.loads().loadOf(r.id(), moving), today))
            .toList();
    PlanCheck.Breaches breaches = PlanCheck.check(cases, receiving, s.policy(), assignment, today);
    List<FieldProblem> caps = new ArrayList<>();
    for (PlanCheck.Breach b : breaches.each()) {
      switch (b.rule()) {
        case UNASSIGNED ->
            byMove
                .computeIfAbsent(index.get(b.caseId()), k -> new ArrayList<>())
                .add(
                    FieldProblem.of(
                        "moves[" + index.get(b.caseId()) + "]",
                        "Worker "
                            + b.workerId()
                            + " is not a case-holding worker in a team today"));
        case EXCLUDED_TYPE -> {
          OpenCase c = open.get(b.caseId());
          byMove
              .computeIfAbsent(index.get(b.caseId()), k -> new ArrayList<>())
              .add(
                  FieldProblem.of(
                      "moves[" + index.get(b.caseId()) + "]",
                      s.holders().get(b.workerId()).name()
                          + " may not hold "
                          + c.type().label()
                          + " case "
                          + c.caseId()));
        }
        case CAP ->
            caps.add(
                FieldProblem.of(
                    "moves",
                    s.workerName(b.workerId())
                        + (b.date() == null || b.date().equals(today)
                            ? ""
                            : " on " + org.safeload.app.platform.Show.inWords(b.date()))
                        + ": "
                        + b.cap()));
        case NOT_IN_POST ->
            byMove
                .computeIfAbsent(index.get(b.caseId()), k -> new ArrayList<>())
                .add(
                    FieldProblem.of(
                        "moves[" + index.get(b.caseId()) + "]",
                        s.workerName(b.workerId())
                            + " is not in post from "
                            + org.safeload.app.platform.Show.inWords(b.date())
                            + " to the plan's last day, so cannot take case "
                            + b.caseId()));
        case FAMILY_SPLIT -> {} // not checked: no family groups are given
      }
    }
    List<FieldProblem> problems = new ArrayList<>();
    byMove.values().forEach(problems::addAll);
    if (problems.isEmpty()) {
      // The caps are judged on the whole plan only: a plan with a stale move is refused anyway.
      problems.addAll(caps);
    }
    if (problems.isEmpty()) {
      problems.addAll(aheadOf(on, today, cases, receiving, assignment, moving));
    }
    // A receiver not cleared to work with children takes no case.
    notCleared(
            new java.util.TreeSet<>(assignment.values())
                .stream().map(s.holders()::get).filter(java.util.Objects::nonNull).toList(),
            today)
        .forEach(
            (to, blocks) ->
                blocks.forEach(
                    block ->
                        problems.add(
                            FieldProblem.of("moves", to.name() + " is not cleared: " + block))));
    Map<String, Load> after = PlanCheck.loadsAfter(cases, receiving, s.policy(), assignment);
    List<CaseActivity.Allocation> allocations = new ArrayList<>();
    for (HandoverCase c : cases) {
      CaseHolder to = s.holders().get(assignment.get(c.caseId()));
      if (to != null && !to.id().equals(c.currentWorker())) {
        // A move on a later day is recorded for the start of that day (Europe/London): the
        // caseloads on that day and after count it, today's do not.
        LocalDate date = c.moveBy();
        allocations.add(
            new CaseActivity.Allocation(
                c.caseId(),
                c.childId(),
                to.id(),
                to.team(),
                date.equals(today)
                    ? clock.instant()
                    : date.atStartOfDay(org.safeload.app.platform.TimeConfig.LONDON).toInstant()));
      }
    }
    // Soft targets: a receiver taken over one needs a recorded reason, as any allocation does.
    Map<String, String> overTarget = new HashMap<>();
    Set<String> taking =
        allocations.stream().map(CaseActivity.Allocation::workerRef).collect(Collectors.toSet());
    for (String id : problems.isEmpty() ? taking : Set.<String>of()) {
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
    java.math.BigDecimal highest =
        PlanCheck.maxWeightedPerFte(cases, receiving, s.policy(), assignment);
    String by = AuditLog.actor();
    long handoverId =
        repository.insertHandover(
            clock.instant(), by, allocations.size(), "applied", highest, s.policy().id());
    List<String> eventIds = activity.recordAllocations(allocations);
    for (int i = 0; i < allocations.size(); i++) {
      CaseActivity.Allocation a = allocations.get(i);
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
