package org.safeload.caseload;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.safeload.timeliness.CaseType;
import org.safeload.timeliness.EventLog;
import org.safeload.timeliness.EventType;

/**
 * Every case's holding over time — its team, its allocated worker, its type, open or not — read
 * from the same case activity log as the timeliness engine ({@link EventLog}). Only events that
 * change the holding count: {@code referral} (opens the case in its team, unallocated), {@code
 * allocated} (to its worker, and to its team when it names one), {@code transferred} (to the named
 * team: to its worker if it names one, otherwise unallocated there), {@code case-type-changed},
 * {@code stepped-down} (to a lower type, or out of children's social care, which ends the case) and
 * {@code closed}. A referral or allocation after a case ended reopens it; a transfer of an ended
 * case does not.
 */
public final class CaseBook {

  /**
   * A case's state from an event on.
   *
   * @param day the event's London day
   * @param event what changed it
   * @param worker the allocated worker, or null (unallocated)
   * @param team the team, or null
   * @param since the day the case came to this worker (or, unallocated, became unallocated)
   */
  public record Step(
      long at,
      LocalDate day,
      EventType event,
      String worker,
      String team,
      CaseType type,
      boolean open,
      LocalDate since) {}

  /** One case and its steps in time order. */
  public record History(String caseId, String childId, List<Step> steps) {

    /** The state at the end of a day, if the case had begun by then. */
    public Optional<Step> on(LocalDate date) {
      Step found = null;
      for (Step s : steps) {
        if (s.day().isAfter(date)) {
          break;
        }
        found = s;
      }
      return Optional.ofNullable(found);
    }

    /**
     * The team the case is in after its last event (an ended case stays with the team it ended in),
     * or null if no event named one.
     */
    public String currentTeam() {
      return steps.isEmpty() ? null : steps.getLast().team();
    }

    /** Workers who held the case up to the end of a day, earliest first. */
    public Set<String> workersUpTo(LocalDate date) {
      Set<String> workers = new LinkedHashSet<>();
      for (Step s : steps) {
        if (s.day().isAfter(date)) {
          break;
        }
        if (s.worker() != null) {
          workers.add(s.worker());
        }
      }
      return workers;
    }
  }

  /**
   * A case open at the end of a day.
   *
   * @param worker its allocated worker, or null
   * @param openedOn when it (last) opened
   * @param since when it came to its worker, or became unallocated
   */
  public record OpenCase(
      String caseId,
      String childId,
      String worker,
      String team,
      CaseType type,
      LocalDate openedOn,
      LocalDate since) {}

  private final Map<String, History> cases;
  private final Map<String, List<String>> casesOfChild = new HashMap<>();

  private CaseBook(Map<String, History> cases) {
    this.cases = cases;
    cases
        .values()
        .forEach(
            h -> casesOfChild.computeIfAbsent(h.childId(), k -> new ArrayList<>()).add(h.caseId()));
  }

  /** Reads every case's holding from a case activity log. */
  public static CaseBook of(EventLog log) {
    int n = log.size();
    Integer[] rows = new Integer[n];
    int kept = 0;
    for (int row = 0; row < n; row++) {
      if (log.caseOf(row) >= 0 && holding(log.type(row))) {
        rows[kept++] = row;
      }
    }
    Integer[] order = Arrays.copyOf(rows, kept);
    // By case, then time, then file order (stable sort).
    Arrays.sort(
        order,
        (a, b) -> {
          int byCase = Integer.compare(log.caseOf(a), log.caseOf(b));
          return byCase != 0 ? byCase : Long.compare(log.at(a), log.at(b));
        });
    CaseType[] typeOfDetail = new CaseType[log.details().size()];
    for (int d = 0; d < typeOfDetail.length; d++) {
      typeOfDetail[d] = CaseType.fromCode(log.details().get(d)).orElse(null);
    }
    Map<String, History> cases = new LinkedHashMap<>();
    int k = 0;
    while (k < order.length) {
      int caseIdx = log.caseOf(order[k]);
      String child = log.children().get(log.childOf(order[k]));
      List<Step> steps = new ArrayList<>();
      Step state = null;
      for (; k < order.length && log.caseOf(order[k]) == caseIdx; k++) {
        int row = order[k];
        Step next = next(log, row, state, typeOfDetail);
        if (next != null) {
          steps.add(next);
          state = next;
        }
      }
      if (!steps.isEmpty()) {
        String id = log.cases().get(caseIdx);
        cases.put(id, new History(id, child, Collections.unmodifiableList(steps)));
      }
    }
    return new CaseBook(Collections.unmodifiableMap(cases));
  }

  private static boolean holding(EventType type) {
    return switch (type) {
      case REFERRAL, ALLOCATED, TRANSFERRED, CASE_TYPE_CHANGED, STEPPED_DOWN, CLOSED -> true;
      default -> false;
    };
  }

  private static Step next(EventLog log, int row, Step before, CaseType[] typeOfDetail) {
    EventType event = log.type(row);
    LocalDate day = LocalDate.ofEpochDay(log.day(row));
    String worker = log.workers().get(log.workerOf(row));
    String team = log.teams().get(log.teamOf(row));
    CaseType detailType = log.detailOf(row) < 0 ? null : typeOfDetail[log.detailOf(row)];
    boolean wasOpen = before != null && before.open();
    String oldWorker = wasOpen ? before.worker() : null;
    String oldTeam = before == null ? null : before.team();
    CaseType oldType = before == null ? null : before.type();
    LocalDate since = wasOpen ? before.since() : day;
    return switch (event) {
      case REFERRAL -> {
        if (wasOpen) {
          yield null; // a second referral on an open case changes nothing here
        }
        yield new Step(
            log.at(row),
            day,
            event,
            null,
            team != null ? team : oldTeam,
            CaseType.ASSESSMENT,
            true,
            day);
      }
      case ALLOCATED -> {
        CaseType type = detailType != null ? detailType : (wasOpen ? oldType : CaseType.ASSESSMENT);
        boolean sameWorker = worker != null && worker.equals(oldWorker);
        yield new Step(
            log.at(row),
            day,
            event,
            worker,
            team != null ? team : oldTeam,
            type,
            true,
            sameWorker ? since : day);
      }
      case TRANSFERRED -> {
        if (before != null && !wasOpen) {
          yield null; // moving the record of an ended case does not reopen it
        }
        // Unallocated before and after: still waiting since the same day.
        boolean sameWorker =
            worker != null ? worker.equals(oldWorker) : wasOpen && oldWorker == null;
        yield new Step(
            log.at(row),
            day,
            event,
            worker,
            team,
            oldType != null ? oldType : CaseType.ASSESSMENT,
            true,
            sameWorker ? since : day);
      }
      case CASE_TYPE_CHANGED -> {
        if (!wasOpen || detailType == null) {
          yield null;
        }
        yield new Step(log.at(row), day, event, oldWorker, oldTeam, detailType, true, since);
      }
      case STEPPED_DOWN -> {
        if (!wasOpen) {
          yield null;
        }
        yield detailType == null
            ? new Step(log.at(row), day, event, null, oldTeam, oldType, false, day)
            : new Step(log.at(row), day, event, oldWorker, oldTeam, detailType, true, since);
      }
      case CLOSED -> {
        if (!wasOpen) {
          yield null;
        }
        yield new Step(log.at(row), day, event, null, oldTeam, oldType, false, day);
      }
      default -> null;
    };
  }

  public Map<String, History> cases() {
    return cases;
  }

  public Optional<History> history(String caseId) {
    return Optional.ofNullable(cases.get(caseId));
  }

  /** The cases of a child (a child usually has one). */
  public List<History> casesOf(String childId) {
    return casesOfChild.getOrDefault(childId, List.of()).stream().map(cases::get).toList();
  }

  /** The most days {@link #openOn} keeps its answer for (a board asks for six month ends). */
  private static final int OPEN_DAYS_KEPT = 64;

  /** {@link #openOn} answers already worked out: the book does not change. */
  private final Map<LocalDate, List<OpenCase>> openOn =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Every case open at the end of a day (a list that cannot be changed; worked out once per day
   * asked for, as the book never changes).
   */
  public List<OpenCase> openOn(LocalDate date) {
    List<OpenCase> known = openOn.get(date);
    if (known != null) {
      return known;
    }
    if (openOn.size() >= OPEN_DAYS_KEPT) {
      openOn.clear();
    }
    List<OpenCase> open = List.copyOf(findOpenOn(date));
    openOn.put(date, open);
    return open;
  }

  private List<OpenCase> findOpenOn(LocalDate date) {
    List<OpenCase> open = new ArrayList<>();
    for (History h : cases.values()) {
      h.on(date)
          .filter(Step::open)
          .ifPresent(
              s ->
                  open.add(
                      new OpenCase(
                          h.caseId(),
                          h.childId(),
                          s.worker(),
                          s.team(),
                          s.type(),
                          openedOn(h, date),
                          s.since())));
    }
    return open;
  }

  private static LocalDate openedOn(History h, LocalDate date) {
    LocalDate opened = null;
    boolean open = false;
    for (Step s : h.steps()) {
      if (s.day().isAfter(date)) {
        break;
      }
      if (s.open() && !open) {
        opened = s.day();
      }
      open = s.open();
    }
    return opened;
  }

  /** Workers who have held any case of a child up to the end of a day. */
  public Set<String> workersOfChild(String childId, LocalDate date) {
    Set<String> workers = new LinkedHashSet<>();
    for (History h : casesOf(childId)) {
      workers.addAll(h.workersUpTo(date));
    }
    return workers;
  }
}
