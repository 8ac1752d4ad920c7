package org.safeload.caseload;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.safeload.caseload.CaseBook.OpenCase;
import org.safeload.timeliness.CaseType;

/**
 * Caseloads on one date under a policy: each worker's open cases, counted (one per child's case)
 * and weighted, per FTE; a team's, a service's and the council's per case-holding FTE.
 */
public final class Caseloads {

  /**
   * How a caseload stands against the policy. Labels are shown beside the colour. A worker is over
   * a cap (a hard rule broken), over a target (a soft target exceeded, every hard rule kept) or
   * within target; a team, service or council is over or within the policy's team target for cases
   * per case-holding FTE, or has no target when the policy sets none.
   */
  public enum Status {
    OVER_CAP("Over cap", "red"),
    OVER_TARGET("Over target", "yellow"),
    WITHIN_TARGET("Within target", "green"),
    NO_TARGET("No team target", "grey");

    private final String label;
    private final String colour;

    Status(String label, String colour) {
      this.label = label;
      this.colour = colour;
    }

    public String label() {
      return label;
    }

    /** A GOV.UK tag colour. */
    public String colour() {
      return colour;
    }
  }

  /** A worker's caseload. */
  public record WorkerLoad(
      CaseHolder holder,
      Load load,
      Limits limits,
      BigDecimal casesPerFte,
      BigDecimal weightedPerFte,
      List<String> breaches,
      List<String> overTargets,
      Status status) {}

  /**
   * A group of workers' caseload (a team, a service, the council).
   *
   * @param fte the case-holding FTE
   * @param unallocated open cases of the group's teams without a worker who can hold them (none, or
   *     one who has left)
   * @param target the policy's team target for cases per case-holding FTE, or null
   * @param status the group's own cases per case-holding FTE against the target: {@link
   *     Status#OVER_TARGET} above it, {@link Status#WITHIN_TARGET} at or below it (or with no
   *     case-holding FTE), {@link Status#NO_TARGET} when the policy sets none. A group is never
   *     "over cap": its workers are, and are counted apart
   * @param workersOverCap its workers whose status is {@link Status#OVER_CAP} (a hard rule broken)
   * @param workersOverTarget its workers whose status is {@link Status#OVER_TARGET} (a soft target
   *     exceeded, every hard rule kept): not counted again among those over a cap
   */
  public record GroupLoad(
      String id,
      List<WorkerLoad> workers,
      Load load,
      BigDecimal fte,
      BigDecimal casesPerFte,
      BigDecimal weightedPerFte,
      int unallocated,
      BigDecimal target,
      Status status,
      int workersOverCap,
      int workersOverTarget) {}

  private final CaseloadPolicy policy;
  private final Predicate<String> holds;
  private final LocalDate date;
  private final List<OpenCase> open;
  private final Map<String, Load> byWorker = new HashMap<>();
  private final Map<String, List<OpenCase>> casesByWorker = new HashMap<>();

  /** Open cases without a worker who can hold them, by team (a null team under ""). */
  private final Map<String, Integer> unallocatedByTeam = new HashMap<>();

  public Caseloads(CaseBook book, CaseloadPolicy policy, LocalDate date) {
    this(book, policy, date, worker -> true);
  }

  /**
   * @param holds whether a worker can still hold cases on the date (false for one who has left):
   *     their open cases count as unallocated, as in the {@link UnallocatedQueue}
   */
  public Caseloads(CaseBook book, CaseloadPolicy policy, LocalDate date, Predicate<String> holds) {
    this.holds = holds;
    this.policy = policy;
    this.date = date;
    this.open = book.openOn(date);
    // Asked once per worker, not once per case (a region holds 120,000 open cases).
    Map<String, Boolean> canHold = new HashMap<>();
    for (OpenCase c : open) {
      if (c.worker() != null) {
        casesByWorker.computeIfAbsent(c.worker(), k -> new ArrayList<>()).add(c);
      }
      if (c.worker() == null || !canHold.computeIfAbsent(c.worker(), holds::test)) {
        unallocatedByTeam.merge(c.team() == null ? "" : c.team(), 1, Integer::sum);
      }
    }
    // Each worker's load from their count of each type: a few exact additions per worker.
    int types = CaseType.values().length;
    for (Map.Entry<String, List<OpenCase>> e : casesByWorker.entrySet()) {
      int[] byType = new int[types];
      for (OpenCase c : e.getValue()) {
        byType[c.type().ordinal()]++;
      }
      BigDecimal weighted = BigDecimal.ZERO;
      for (CaseType t : CaseType.values()) {
        if (byType[t.ordinal()] > 0) {
          weighted =
              weighted.add(policy.weight(t).multiply(BigDecimal.valueOf(byType[t.ordinal()])));
        }
      }
      byWorker.put(e.getKey(), new Load(e.getValue().size(), weighted));
    }
  }

  public LocalDate date() {
    return date;
  }

  public CaseloadPolicy policy() {
    return policy;
  }

  /** Every case open on the date. */
  public List<OpenCase> open() {
    return open;
  }

  /** A worker's open cases. */
  public List<OpenCase> casesOf(String worker) {
    return casesByWorker.getOrDefault(worker, List.of());
  }

  public Load loadOf(String worker) {
    return byWorker.getOrDefault(worker, Load.NONE);
  }

  /** A worker's load without some of their cases (those being handed over). */
  public Load loadOf(String worker, java.util.Set<String> leaving) {
    Load load = Load.NONE;
    for (OpenCase c : casesOf(worker)) {
      if (!leaving.contains(c.caseId())) {
        load = load.plus(policy.weight(c.type()));
      }
    }
    return load;
  }

  /** Workers' loads worked out so far: a worker is in their team, their service and the council. */
  private final Map<CaseHolder, WorkerLoad> workerLoads =
      new java.util.concurrent.ConcurrentHashMap<>();

  public WorkerLoad worker(CaseHolder holder) {
    return workerLoads.computeIfAbsent(holder, this::workerLoad);
  }

  private WorkerLoad workerLoad(CaseHolder holder) {
    Load load = loadOf(holder.id());
    Limits limits = policy.limitsFor(holder);
    List<String> breaches =
        limits.group() == null
            ? load.cases() == 0
                ? List.of()
                : List.of(
                    holder.role().label()
                        + "s do not hold cases under policy "
                        + policy.id()
                        + ", but this worker holds "
                        + Limits.cases(load.cases()))
            : limits.breachesNow(load);
    List<String> over = limits.group() == null ? List.of() : limits.overTargetsNow(load);
    if (limits.group() != null) {
      // Counted by type, never naming a case: the board is read by roles that see no child.
      Map<CaseType, Integer> excluded = new java.util.EnumMap<>(CaseType.class);
      for (OpenCase c : casesOf(holder.id())) {
        if (!limits.mayHold(c.type())) {
          excluded.merge(c.type(), 1, Integer::sum);
        }
      }
      if (!excluded.isEmpty()) {
        breaches = new ArrayList<>(breaches);
        for (Map.Entry<CaseType, Integer> e : excluded.entrySet()) {
          breaches.add(
              "holds "
                  + Limits.cases(e.getValue())
                  + " of type "
                  + e.getKey().label()
                  + ", which "
                  + limits.group().name()
                  + " may not hold");
        }
      }
    }
    Status status =
        !breaches.isEmpty()
            ? Status.OVER_CAP
            : !over.isEmpty() ? Status.OVER_TARGET : Status.WITHIN_TARGET;
    return new WorkerLoad(
        holder,
        load,
        limits,
        load.casesPerFte(holder.fte()),
        load.weightedPerFte(holder.fte()),
        List.copyOf(breaches),
        over,
        status);
  }

  /**
   * A group's caseload: its case-holding workers' cases over their FTE.
   *
   * @param teams the teams whose unallocated cases count
   */
  public GroupLoad group(String id, Collection<CaseHolder> holders, Collection<String> teams) {
    List<WorkerLoad> workers = new ArrayList<>();
    Load total = Load.NONE;
    BigDecimal fte = BigDecimal.ZERO;
    int overCap = 0;
    int overTarget = 0;
    for (CaseHolder h : holders) {
      if (!h.role().caseHolding()) {
        continue;
      }
      WorkerLoad w = worker(h);
      workers.add(w);
      total = total.plus(w.load());
      fte = fte.add(h.fte());
      overCap += w.status() == Status.OVER_CAP ? 1 : 0;
      overTarget += w.status() == Status.OVER_TARGET ? 1 : 0;
    }
    int unallocated = 0;
    for (String team : new java.util.HashSet<>(teams)) {
      if (team != null) {
        unallocated += unallocatedByTeam.getOrDefault(team, 0);
      }
    }
    BigDecimal casesPerFte = total.casesPerFte(fte);
    BigDecimal target = policy.teamTargetCasesPerFte();
    return new GroupLoad(
        id,
        List.copyOf(workers),
        total,
        fte,
        casesPerFte,
        total.weightedPerFte(fte),
        unallocated,
        target,
        groupStatus(total.cases(), fte, target),
        overCap,
        overTarget);
  }

  /**
   * A group's status: its cases per case-holding FTE against the team target, exactly ({@code cases
   * > target × FTE}, so a figure that rounds to the target but is above it is over).
   */
  static Status groupStatus(int cases, BigDecimal fte, BigDecimal target) {
    if (target == null) {
      return Status.NO_TARGET;
    }
    if (fte.signum() <= 0) {
      return Status.WITHIN_TARGET;
    }
    return BigDecimal.valueOf(cases).compareTo(target.multiply(fte)) > 0
        ? Status.OVER_TARGET
        : Status.WITHIN_TARGET;
  }
}
