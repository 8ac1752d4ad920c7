package org.safeload.app.caseload;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safeload.app.access.Capability;
import org.safeload.app.access.Requires;
import org.safeload.app.audit.AuditLog;
import org.safeload.app.caseactivity.CaseActivity;
import org.safeload.app.caseload.CaseloadSnapshots.Snapshot;
import org.safeload.app.caseload.persistence.CaseloadRepository;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.app.platform.NotFoundException;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.caseload.CaseBook.OpenCase;
import org.safeload.caseload.CaseHolder;
import org.safeload.caseload.Recommendation;
import org.safeload.caseload.UnallocatedQueue;
import org.safeload.caseload.Verdict;
import org.safeload.document.FieldProblem;
import org.safeload.timeliness.CaseType;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases waiting for a worker: the unallocated queue, a case with its ranked candidates (the
 * recommendation), and allocating a case under the policy's rules. The rules are the core's ({@code
 * org.safeload.caseload}).
 */
@org.springframework.stereotype.Service
@Transactional(readOnly = true)
public class UnallocatedCases {

  private final CaseloadSnapshots snapshots;
  private final CaseActivity activity;
  private final CaseloadRepository repository;
  private final AuditLog audit;
  private final Clock clock;
  private final WorkingCalendar calendar;
  private final org.safeload.app.access.UserAccounts accounts;

  private final org.safeload.app.access.ChildrenScopes childrenScopes;
  private final org.safeload.app.organisation.VettingService vettings;

  UnallocatedCases(
      CaseloadSnapshots snapshots,
      CaseActivity activity,
      CaseloadRepository repository,
      AuditLog audit,
      Clock clock,
      WorkingCalendar calendar,
      org.safeload.app.access.UserAccounts accounts,
      org.safeload.app.access.ChildrenScopes childrenScopes,
      org.safeload.app.organisation.VettingService vettings) {
    this.vettings = vettings;
    this.childrenScopes = childrenScopes;
    this.snapshots = snapshots;
    this.activity = activity;
    this.repository = repository;
    this.audit = audit;
    this.clock = clock;
    this.calendar = calendar;
    this.accounts = accounts;
  }

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

  /** The cases waiting on a date; reading the list is audited (it names children). */
  @Requires(Capability.READ_CASES)
  public List<Waiting> queue(LocalDate on) {
    org.safeload.app.access.ChildrenScope scope = childrenScopes.current();
    List<Waiting> waiting =
        scope.all()
            ? waiting(on)
            : waiting(on).stream().filter(w -> scope.sees(w.team(), null)).toList();
    audit.recordListRead("Unallocated queue", waiting.size());
    return waiting;
  }

  private List<Waiting> waiting(LocalDate on) {
    Snapshot s = snapshots.snapshot(on);
    return snapshots
        .cached(
            s, "queue", () -> UnallocatedQueue.on(s.open(), on, calendar, s::stillHolds, s::leftOn))
        .stream()
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
  @Requires(Capability.READ_CASES)
  @Transactional // the read is audited: a write
  public CaseAllocation allocation(String caseRef, LocalDate on, boolean allTeams) {
    if (on.isBefore(snapshots.today())) {
      throw new InvalidInputException("on", "Recommendations are for today or a later date");
    }
    Snapshot s = snapshots.snapshot(on);
    OpenCase c = openCase(s, caseRef);
    List<CaseHolder> candidates =
        allTeams || c.team() == null
            ? List.copyOf(s.holders().values())
            : s.holdersIn(Set.of(c.team()));
    Map<String, String> families = snapshots.familyGroups();
    // Who is not cleared to work with children is read for every candidate at once, for those
    // who manage staff (the vetting behind it is theirs to see).
    Map<String, List<String>> notCleared = new HashMap<>();
    (Capability.PLAN_HANDOVER.granted()
            ? vettings.blocks(candidates.stream().map(h -> Long.parseLong(h.id())).toList(), on)
            : Map.<Long, List<String>>of())
        .forEach(
            (id, reasons) -> {
              if (!reasons.isEmpty()) {
                notCleared.put(String.valueOf(id), reasons);
              }
            });
    List<Option> options =
        Recommendation.rank(c, candidates, s.loads(), s.book(), families, notCleared).stream()
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
    audit.recordRead("read", "child-case", caseRef, "case read for allocation");
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

  /** An open case the signed-in person may see (else "not found", as for one that is not). */
  private OpenCase openCase(Snapshot s, String caseRef) {
    org.safeload.app.access.ChildrenScope scope = childrenScopes.current();
    return s.open().stream()
        .filter(o -> o.caseId().equals(caseRef))
        .filter(o -> scope.sees(o.team(), o.worker()))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No open case " + caseRef));
  }

  /** What an allocation did. */
  public record Allocated(
      String eventId, String caseRef, String workerId, String workerName, List<String> overTargets)
      implements java.io.Serializable {}

  /**
   * Allocates a case to a worker today. A hard-rule breach is refused with the reason; exceeding a
   * soft target needs a recorded reason.
   */
  @Requires(Capability.ALLOCATE)
  @Transactional
  public Allocated allocate(String caseRef, String workerId, String reason) {
    repository.lockAllocations(); // one allocation at a time: the caps are checked and kept
    LocalDate on = snapshots.today();
    Snapshot s = snapshots.snapshot(on);
    if (caseRef == null || caseRef.isBlank()) {
      throw new InvalidInputException("caseRef", "Enter the case reference");
    }
    OpenCase c = openCase(s, caseRef);
    if (workerId == null || workerId.isBlank()) {
      throw new InvalidInputException("workerId", "Select a worker");
    }
    CaseHolder holder = s.holders().get(workerId.strip());
    if (holder == null) {
      org.safeload.app.organisation.WorkerView future = s.workers().get(workerId.strip());
      if (future != null && future.worker().details().startDate().isAfter(on)) {
        // A worker holds cases only from their start date (a recruit who has not started yet).
        throw new InvalidInputException(
            "workerId",
            future.worker().name()
                + " starts on "
                + org.safeload.app.platform.Show.inWords(future.worker().details().startDate())
                + " and holds cases only from then");
      }
      throw new InvalidInputException(
          "workerId", "Worker " + workerId + " is not a case-holding worker in a team today");
    }
    if (holder.id().equals(c.worker())) {
      throw new InvalidInputException("workerId", holder.name() + " already holds this case");
    }
    List<String> blocks =
        vettings.blocks(List.of(Long.parseLong(holder.id())), on).values().iterator().next();
    if (!blocks.isEmpty()) {
      throw new InvalidInputException(
          "Allocation refused",
          blocks.stream()
              .map(b -> FieldProblem.of("workerId", holder.name() + " is not cleared: " + b))
              .toList());
    }
    Verdict verdict = s.policy().check(holder, s.loads().loadOf(holder.id()), c.type());
    if (!verdict.allowed()) {
      throw new InvalidInputException(
          "Allocation refused",
          verdict.breaches().stream().map(b -> FieldProblem.of("workerId", b)).toList());
    }
    // Moves a dated plan has recorded ahead will reach this worker too: the hard rules must hold
    // on the day of the last of them as well.
    snapshots
        .lastPlannedDay(on)
        .ifPresent(
            last -> {
              Snapshot then = snapshots.snapshot(last);
              CaseHolder later = then.holders().get(holder.id());
              if (later == null) {
                return; // gone by then: the plan hands their cases on
              }
              Verdict ahead = then.policy().check(later, then.loads().loadOf(later.id()), c.type());
              if (!ahead.allowed()) {
                throw new InvalidInputException(
                    "Allocation refused",
                    ahead.breaches().stream()
                        .map(
                            b ->
                                FieldProblem.of(
                                    "workerId",
                                    "On "
                                        + org.safeload.app.platform.Show.inWords(last)
                                        + ", with the moves planned up to then: "
                                        + b))
                        .toList());
              }
            });
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
        activity
            .recordAllocations(
                List.of(
                    new CaseActivity.Allocation(
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
}
