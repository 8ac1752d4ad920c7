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

  /** How a caseload stands against the policy. Labels are shown beside the colour. */
  public enum Status {
    OVER_CAP("Over cap", "red"),
    OVER_TARGET("Over target", "yellow"),
    WITHIN_TARGET("Within target", "green");

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
      Status status) {}

  private final CaseloadPolicy policy;
  private final Predicate<String> holds;
  private final LocalDate date;
  private final List<OpenCase> open;
  private final Map<String, Load> byWorker = new HashMap<>();
  private final Map<String, List<OpenCase>> casesByWorker = new HashMap<>();

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
    for (OpenCase c : open) {
      if (c.worker() != null) {
        byWorker.merge(c.worker(), Load.NONE.plus(policy.weight(c.type())), Load::plus);
        casesByWorker.computeIfAbsent(c.worker(), k -> new ArrayList<>()).add(c);
      }
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

  public WorkerLoad worker(CaseHolder holder) {
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
            : limits.breaches(load);
    List<String> over = limits.group() == null ? List.of() : limits.overTargets(load);
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
                  + e.getKey().code()
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
    boolean anyOverCap = false;
    for (CaseHolder h : holders) {
      if (!h.role().caseHolding()) {
        continue;
      }
      WorkerLoad w = worker(h);
      workers.add(w);
      total = total.plus(w.load());
      fte = fte.add(h.fte());
      anyOverCap |= w.status() == Status.OVER_CAP;
    }
    int unallocated =
        (int)
            open.stream()
                .filter(c -> teams.contains(c.team()))
                .filter(c -> c.worker() == null || !holds.test(c.worker()))
                .count();
    BigDecimal casesPerFte = total.casesPerFte(fte);
    BigDecimal target = policy.teamTargetCasesPerFte();
    Status status =
        anyOverCap
            ? Status.OVER_CAP
            : target != null && casesPerFte != null && casesPerFte.compareTo(target) > 0
                ? Status.OVER_TARGET
                : Status.WITHIN_TARGET;
    return new GroupLoad(
        id,
        List.copyOf(workers),
        total,
        fte,
        casesPerFte,
        total.weightedPerFte(fte),
        unallocated,
        target,
        status);
  }
}
