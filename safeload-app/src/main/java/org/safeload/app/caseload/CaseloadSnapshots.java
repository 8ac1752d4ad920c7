package org.safeload.app.caseload;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.safeload.app.caseactivity.CaseActivity;
import org.safeload.app.caseload.CaseloadSnapshots.Snapshot;
import org.safeload.app.caseload.persistence.CaseloadRepository;
import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.organisation.WorkerView;
import org.safeload.app.organisation.WorkforceService;
import org.safeload.app.platform.TimeConfig;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.caseload.CaseBook;
import org.safeload.caseload.CaseBook.OpenCase;
import org.safeload.caseload.CaseHolder;
import org.safeload.caseload.CaseloadPolicy;
import org.safeload.caseload.Caseloads;
import org.safeload.organisation.Team;
import org.springframework.stereotype.Component;

/**
 * What every caseload service computes from: the snapshot of the case activity, the workforce and
 * the policy in force on a date, and the dates the figures may be asked for. Shared by {@link
 * CaseloadBoards}, {@link UnallocatedCases} and {@link Handovers}; it checks no permission itself:
 * its callers do.
 */
@Component
class CaseloadSnapshots {

  private final CaseActivity activity;
  private final WorkforceService workforce;
  private final OrganisationService organisation;
  private final CaseloadRepository repository;
  private final Clock clock;
  private final WorkingCalendar calendar;
  private final org.safeload.app.platform.CalendarDates dates;

  CaseloadSnapshots(
      CaseActivity activity,
      WorkforceService workforce,
      OrganisationService organisation,
      CaseloadRepository repository,
      Clock clock,
      WorkingCalendar calendar,
      org.safeload.app.platform.CalendarDates dates) {
    this.dates = dates;
    this.activity = activity;
    this.workforce = workforce;
    this.organisation = organisation;
    this.repository = repository;
    this.clock = clock;
    this.calendar = calendar;
  }

  LocalDate today() {
    return TimeConfig.today(clock);
  }

  /** The policy in force: the council's own, or the built-in one. */
  CaseloadPolicy policyInForce() {
    return repository.activePolicy().map(r -> read(r.document())).orElseGet(() -> read(DEFAULT));
  }

  private static final String DEFAULT = "built-in default";

  /** Policies already read, by their text (every caseload page asks for the one in force). */
  private final Map<String, CaseloadPolicy> read = new java.util.concurrent.ConcurrentHashMap<>();

  private CaseloadPolicy read(String document) {
    if (read.size() > 16) {
      read.clear();
    }
    return read.computeIfAbsent(
        document, d -> d.equals(DEFAULT) ? CaseloadPolicy.defaultPolicy() : CaseloadPolicy.read(d));
  }

  /** Everything the caseload figures on a date are computed from. */
  record Snapshot(
      LocalDate on,
      CaseloadPolicy policy,
      CaseBook book,
      Caseloads loads,
      Map<Long, Team> teams,
      Map<String, WorkerView> workers,
      Map<String, CaseHolder> holders,
      boolean scoped,
      Object key) {

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
    CaseloadPolicy policy = policyInForce();
    Map<Long, Team> teams = new LinkedHashMap<>();
    organisation.teams().forEach(t -> teams.put(t.id(), t));
    Map<String, WorkerView> workers = new LinkedHashMap<>();
    Map<String, CaseHolder> holders = new LinkedHashMap<>();
    // Workers who cannot hold cases on the date (not started, or left), with their last day.
    Map<String, LocalDate> inactive = new HashMap<>();
    for (WorkerView w : workforce.workersOn(on)) {
      String id = String.valueOf(w.worker().id());
      workers.put(id, w);
      boolean active = w.worker().details().activeOn(on);
      if (!active) {
        inactive.put(id, w.worker().details().endDate());
      }
      if (w.team() != null && w.worker().role().caseHolding() && active) {
        holders.put(id, CaseHolder.of(w.worker(), String.valueOf(w.team().id()), on));
      }
    }
    boolean scoped = org.safeload.app.access.CurrentUser.providerScope().isPresent();
    // The teams just read are the user's: no second read of them for the scope.
    Set<String> scope = scoped ? ids(teams.keySet()) : null;
    return activity.read(
        v -> {
          CaseBook book = v.book(scope);
          // The figures depend on the case activity (the cache empties when it changes), the
          // scope, the policy, the date and who cannot hold cases on it: nothing else.
          List<Object> key =
              Arrays.asList(
                  v.version(), scope == null ? null : new TreeSet<>(scope), policy, on, inactive);
          Caseloads loads =
              v.cached(
                  Arrays.asList("caseloads", key),
                  () -> new Caseloads(book, policy, on, worker -> !inactive.containsKey(worker)));
          return new Snapshot(on, policy, book, loads, teams, workers, holders, scoped, key);
        });
  }

  /**
   * A result computed from the case book (as the user may see it) and the given key alone (what
   * else it depends on: team, dates, staff), kept until the case activity changes.
   */
  <T> T fromBook(String what, List<?> key, java.util.function.Function<CaseBook, T> compute) {
    Set<String> scope =
        org.safeload.app.access.CurrentUser.providerScope().isPresent() ? teamIds() : null;
    return activity.read(
        v ->
            v.cached(
                Arrays.asList(what, v.version(), scope == null ? null : new TreeSet<>(scope), key),
                () -> compute.apply(v.book(scope))));
  }

  /**
   * A result computed from a snapshot alone, kept until the case activity changes (as the
   * snapshot's own figures are).
   */
  <T> T cached(Snapshot s, String what, java.util.function.Supplier<T> compute) {
    return activity.read(v -> v.cached(Arrays.asList(what, s.key()), compute));
  }

  /**
   * Every case's holding over time, as the user may see it: for a provider's user, the cases that
   * have been in its teams.
   */
  CaseBook book() {
    Set<String> scope =
        org.safeload.app.access.CurrentUser.providerScope().isPresent() ? teamIds() : null;
    return activity.read(v -> v.book(scope));
  }

  private Set<String> teamIds() {
    return ids(organisation.teams().stream().map(Team::id).toList());
  }

  private static Set<String> ids(Collection<Long> teamIds) {
    return teamIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet());
  }

  /**
   * The last day a case event is dated, when that is after {@code today}: the day of the last move
   * a dated handover plan has recorded ahead (docs/caseloads.md, "For a later date"); empty when
   * nothing is dated ahead.
   */
  java.util.Optional<LocalDate> lastPlannedDay(LocalDate today) {
    int last =
        activity.read(
            v ->
                v.cached(
                    List.of("last-event-day"),
                    () -> {
                      org.safeload.timeliness.EventLog.Columns c = v.log().columns();
                      int most = Integer.MIN_VALUE;
                      for (int i = 0; i < c.size(); i++) {
                        most = Math.max(most, c.day()[i]);
                      }
                      return most;
                    }));
    return last > today.toEpochDay()
        ? java.util.Optional.of(LocalDate.ofEpochDay(last))
        : java.util.Optional.empty();
  }

  /** The family group of every child that has one. */
  Map<String, String> familyGroups() {
    return activity.read(CaseActivity.View::familyGroups);
  }

  /** A date the working-day calendar covers (2000 to 2040), or a problem naming the field. */
  void checkDate(LocalDate date, String field) {
    dates.check(date, field);
  }

  /** Why a date cannot be used for caseload figures (outside the calendar), if it cannot. */
  java.util.Optional<String> dateProblem(LocalDate date) {
    return dates.problem(date);
  }
}
