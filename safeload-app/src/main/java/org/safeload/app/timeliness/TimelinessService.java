package org.safeload.app.timeliness;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safeload.app.access.Capability;
import org.safeload.app.access.CurrentUser;
import org.safeload.app.access.Requires;
import org.safeload.app.audit.AuditLog;
import org.safeload.app.caseactivity.CaseActivity;
import org.safeload.app.caseactivity.CaseEvent;
import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.organisation.WorkerView;
import org.safeload.app.organisation.WorkforceService;
import org.safeload.app.platform.CalendarDates;
import org.safeload.app.platform.NotFoundException;
import org.safeload.app.platform.TimeConfig;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.organisation.Team;
import org.safeload.timeliness.EventLog;
import org.safeload.timeliness.KpiItems;
import org.safeload.timeliness.KpiReport;
import org.safeload.timeliness.KpiRule;
import org.safeload.timeliness.KpiRuleSet;
import org.safeload.timeliness.Timeliness;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case activity and timeliness: importing events (all or nothing, idempotent), the council's KPI
 * rule sets, the dashboard figures and lists, and a child's case timeline (every read audited).
 * Event files use the organisation's team and worker ids.
 */
@Service
@Transactional(readOnly = true)
public class TimelinessService {

  private static final ZoneId LONDON = TimeConfig.LONDON;

  private final CaseActivity activity;
  private final OrganisationService organisation;
  private final AuditLog audit;
  private final Clock clock;
  private final Timeliness engine;
  private final WorkforceService workforce;
  private final RuleSets ruleSets;

  private final CalendarDates dates;

  private final org.safeload.app.access.ChildrenScopes childrenScopes;

  TimelinessService(
      CaseActivity activity,
      OrganisationService organisation,
      WorkforceService workforce,
      RuleSets ruleSets,
      AuditLog audit,
      Clock clock,
      WorkingCalendar calendar,
      CalendarDates dates,
      org.safeload.app.access.ChildrenScopes childrenScopes) {
    this.childrenScopes = childrenScopes;
    this.dates = dates;
    this.activity = activity;
    this.ruleSets = ruleSets;
    this.organisation = organisation;
    this.workforce = workforce;
    this.audit = audit;
    this.clock = clock;
    this.engine = new Timeliness(calendar);
  }

  public LocalDate today() {
    return TimeConfig.today(clock);
  }

  // --- Dashboard -------------------------------------------------------------------------------

  /** An overdue or due-soon item, traceable to its case, child, worker and team, with names. */
  public record Item(
      String rule,
      String ruleName,
      String caseRef,
      String childRef,
      String worker,
      String workerName,
      String team,
      String teamName,
      boolean managed,
      String provider,
      LocalDate deadline,
      String status) {

    public boolean overdue() {
      return OVERDUE.equals(status);
    }

    /** This item with the names of its worker and team, as the user may see them. */
    Item named(
        Map<String, String> workerNames, Map<String, String> teamNames, Set<String> managed) {
      return new Item(
          rule,
          ruleName,
          caseRef,
          childRef,
          worker,
          worker == null ? null : workerNames.get(worker),
          team,
          team == null ? null : teamNames.get(team),
          team != null && managed.contains(team),
          provider,
          deadline,
          status);
    }
  }

  public static final String OVERDUE = "overdue";
  public static final String DUE_SOON = "due soon";

  /** The most months a trend shows, and the fewest. */
  static final int TREND_MONTHS = 12;

  static final int MIN_TREND_MONTHS = 6;

  /**
   * The dashboard: each KPI and by team, each KPI month by month (up to a year back, from the first
   * month with anything due), and the overdue and due-soon items, by deadline.
   */
  public record Dashboard(
      String ruleSet,
      String ruleSetName,
      LocalDate asOf,
      KpiReport report,
      Map<String, String> teamNames,
      Set<String> managedTeams,
      Map<String, String> providerOfTeam,
      List<KpiReport.Trend> trend,
      List<Item> overdue,
      List<Item> dueSoon,
      long events) {

    /** The overdue items, then the due-soon ones, each by deadline. */
    public List<Item> items() {
      return LazyList.concat(overdue, dueSoon);
    }

    /** The months the trend covers. */
    public List<YearMonth> months() {
      return trend.isEmpty()
          ? List.of()
          : trend.getFirst().months().stream().map(KpiReport.Month::month).toList();
    }
  }

  @Requires(Capability.READ_TIMELINESS)
  public Dashboard dashboard(
      String ruleSetId, LocalDate asOf, String teamFilter, String ruleFilter) {
    return dashboard(ruleSetId, asOf, teamFilter, ruleFilter, Capability.READ_CASES.granted());
  }

  /** Each KPI's counts and rate, and by team, as of a date: the dashboard without its lists. */
  @Requires(Capability.READ_TIMELINESS)
  public KpiReport report(String ruleSetId, LocalDate asOf) {
    return dashboard(ruleSetId, asOf, null, null, false).report();
  }

  private Dashboard dashboard(
      String ruleSetId, LocalDate asOf, String teamFilter, String ruleFilter, boolean listItems) {
    dates.check(asOf, "asOf");
    KpiRuleSet set = ruleSets.ruleSet(ruleSetId);
    List<Team> visible = organisation.teams();
    Map<String, String> teamNames = new LinkedHashMap<>();
    Set<String> managed = new java.util.HashSet<>();
    Map<String, String> providerOfTeam = new HashMap<>();
    Map<Long, String> providers = organisation.providerNames();
    for (Team t : visible) {
      teamNames.put(String.valueOf(t.id()), t.name());
      if (t.managed()) {
        managed.add(String.valueOf(t.id()));
        providerOfTeam.put(String.valueOf(t.id()), providers.get(t.providerId()));
      }
    }
    Set<String> scope = CurrentUser.providerScope().isPresent() ? teamNames.keySet() : null;
    org.safeload.app.access.ChildrenScope children = childrenScopes.current();
    Map<String, String> workerNames = listItems ? workerNames(asOf) : Map.of();
    return activity.read(
        view -> {
          EventLog log = view.log(scope);
          Object scopeKey = scope == null ? "all" : new java.util.TreeSet<>(scope);
          Figures f =
              view.cached(
                  List.of("timeliness", set, asOf, scopeKey, providerOfTeam),
                  () -> figures(log, set, asOf, providerOfTeam));
          // Items of a case only while the case is in the person's scope now (a provider: not a
          // case it has handed over, though its figures still count in the provider's KPIs).
          java.util.function.Predicate<Item> shown;
          if (children.all()) {
            shown = item -> true;
          } else {
            Map<String, Boolean> seen = new HashMap<>();
            shown =
                item ->
                    item.caseRef() == null
                        || seen.computeIfAbsent(item.caseRef(), ref -> view.sees(children, ref));
          }
          Listed listed =
              listItems
                  ? items(f, teamFilter, ruleFilter, teamNames, managed, workerNames, shown)
                  : new Listed(List.of(), List.of());
          audit.recordListRead(
              "Timeliness items (overdue and due soon)",
              listed.overdue().size() + listed.soon().size());
          return new Dashboard(
              set.id(),
              set.name(),
              asOf,
              f.report(),
              teamNames,
              managed,
              providerOfTeam,
              f.trend(),
              listed.overdue(),
              listed.soon(),
              log.size());
        });
  }

  /** What the dashboard shows for a rule set, a date and a scope, whatever the filters. */
  private record Figures(
      KpiItems items, KpiReport report, List<KpiReport.Trend> trend, Item[] listedItems) {}

  private Figures figures(
      EventLog log, KpiRuleSet set, LocalDate asOf, Map<String, String> providerOfTeam) {
    KpiItems items = engine.evaluate(log, set, asOf, Map.of());
    KpiReport report =
        KpiReport.of(items, set, log, asOf, null, null, KpiReport.GroupBy.TEAM, providerOfTeam);
    List<KpiReport.Trend> trend = trend(items, set, YearMonth.from(asOf));
    List<Integer> listed = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (items.status(i) == KpiItems.OVERDUE || items.dueSoon(i)) {
        listed.add(i);
      }
    }
    // By deadline, then in the rule set's order, then by case and worker: the same order on every
    // page of the list.
    listed.sort(
        java.util.Comparator.<Integer>comparingLong(items::deadline)
            .thenComparingInt(items::rule)
            .thenComparing(i -> String.valueOf(log.cases().get(items.caseOf(i))))
            .thenComparing(i -> String.valueOf(log.workers().get(items.workerOf(i)))));
    int[] rows = listed.stream().mapToInt(Integer::intValue).toArray();
    return new Figures(items, report, trend, listedItems(log, items, set, rows, providerOfTeam));
  }

  /**
   * The overdue and due-soon items the filters let through, by deadline, named as they are read.
   */
  private static Listed items(
      Figures f,
      String teamFilter,
      String ruleFilter,
      Map<String, String> teamNames,
      Set<String> managed,
      Map<String, String> workerNames,
      java.util.function.Predicate<Item> shown) {
    Item[] listed = f.listedItems();
    int[] over = new int[listed.length];
    int[] due = new int[listed.length];
    int overs = 0;
    int dues = 0;
    boolean byTeam = teamFilter != null && !teamFilter.isBlank();
    boolean byRule = ruleFilter != null && !ruleFilter.isBlank();
    for (int i = 0; i < listed.length; i++) {
      Item item = listed[i];
      if ((byTeam && !teamFilter.equals(item.team()))
          || (byRule && !ruleFilter.equals(item.rule()))
          || !shown.test(item)) {
        continue;
      }
      if (item.overdue()) {
        over[overs++] = i;
      } else {
        due[dues++] = i;
      }
    }
    java.util.function.IntFunction<Item> named =
        i -> listed[i].named(workerNames, teamNames, managed);
    return new Listed(
        LazyList.of(java.util.Arrays.copyOf(over, overs), named),
        LazyList.of(java.util.Arrays.copyOf(due, dues), named));
  }

  /** The overdue and the due-soon items a dashboard lists. */
  private record Listed(List<Item> overdue, List<Item> soon) {}

  /**
   * The listed items without the names (which come from the workforce and the organisation, not the
   * case activity), made once with the figures they come from.
   */
  private static Item[] listedItems(
      EventLog log, KpiItems items, KpiRuleSet set, int[] listed, Map<String, String> providers) {
    Item[] all = new Item[listed.length];
    for (int k = 0; k < listed.length; k++) {
      int i = listed[k];
      String team = log.teams().get(items.teamOf(i));
      KpiRule rule = set.rules().get(items.rule(i));
      all[k] =
          new Item(
              rule.id(),
              rule.name(),
              log.cases().get(items.caseOf(i)),
              log.children().get(items.childOf(i)),
              log.workers().get(items.workerOf(i)),
              null,
              team,
              null,
              false,
              team == null ? null : providers.get(team),
              LocalDate.ofEpochDay(items.deadlineDay(i)),
              items.status(i) == KpiItems.OVERDUE ? OVERDUE : DUE_SOON);
    }
    return all;
  }

  /**
   * Each rule's monthly results (computed by the engine) for the twelve months to the as-of month,
   * starting at the first month with anything due but showing at least six.
   */
  static List<KpiReport.Trend> trend(KpiItems items, KpiRuleSet set, YearMonth last) {
    YearMonth first = last.minusMonths(TREND_MONTHS - 1L);
    List<KpiReport.Trend> year = KpiReport.byMonth(items, set, first, last);
    int start = 0;
    while (start < TREND_MONTHS - MIN_TREND_MONTHS && nothingDue(year, start)) {
      start++;
    }
    return start == 0 ? year : KpiReport.byMonth(items, set, first.plusMonths(start), last);
  }

  private static boolean nothingDue(List<KpiReport.Trend> trends, int month) {
    for (KpiReport.Trend t : trends) {
      KpiReport.Month m = t.months().get(month);
      if (m.due() + m.pending() > 0) {
        return false;
      }
    }
    return true;
  }

  /** The name of every worker the user may see, by the id case events use. */
  private Map<String, String> workerNames(LocalDate on) {
    Map<String, String> names = new HashMap<>();
    for (WorkerView w : workforce.workersOn(on)) {
      names.put(String.valueOf(w.worker().id()), w.worker().name());
    }
    return names;
  }

  /** The council's current workers and its teams by id, each sorted by name, for a choice. */
  public record Choices(Map<String, String> workers, Map<String, String> teams) {}

  /** What an event's worker and team may be corrected to: the council's workers and teams. */
  @Requires(Capability.EDIT_TIMELINESS)
  public Choices correctionChoices() {
    Map<String, String> workers = new LinkedHashMap<>();
    workerNames(today()).entrySet().stream()
        .sorted(
            Map.Entry.<String, String>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> workers.put(e.getKey(), e.getValue()));
    Map<String, String> teams = new LinkedHashMap<>();
    organisation.teams().stream()
        .sorted(java.util.Comparator.comparing(Team::name))
        .forEach(t -> teams.put(String.valueOf(t.id()), t.name()));
    return new Choices(workers, teams);
  }

  /**
   * A child's case: its events in order, with the names of the workers and teams they name (as far
   * as the user may see them). Reading it is recorded in the audit trail.
   */
  public record Timeline(
      String caseRef,
      String childRef,
      String familyGroup,
      List<CaseEvent> events,
      ZoneId zone,
      Map<String, String> workerNames,
      Map<String, String> teamNames,
      List<CaseActivity.Correction> corrections) {

    /** The case's event with this id (the one a write-up or minutes refer to), or null. */
    public CaseEvent event(String eventId) {
      return eventId == null
          ? null
          : events.stream().filter(e -> e.eventId().equals(eventId)).findFirst().orElse(null);
    }
  }

  @Requires(Capability.READ_CASES)
  @Transactional // the read is audited: a write
  public Timeline caseTimeline(String caseRef) {
    List<CaseEvent> rows = activity.caseEvents(caseRef);
    org.safeload.app.access.ChildrenScope children = childrenScopes.current();
    // A case whose events were all withdrawn still shows its corrections, to those who see every
    // case.
    List<CaseActivity.Correction> corrections =
        rows.isEmpty() && !children.all() ? List.of() : activity.corrections(caseRef);
    if (rows.isEmpty() && corrections.isEmpty()) {
      throw new NotFoundException("No case " + caseRef);
    }
    List<Team> visibleTeams = organisation.teams();
    if (!rows.isEmpty() && !activity.read(v -> v.sees(children, caseRef))) {
      throw new NotFoundException("No case " + caseRef);
    }
    Map<String, String> everyWorker = workerNames(today());
    Map<String, String> workerNames = new LinkedHashMap<>();
    Map<String, String> teamNames = new LinkedHashMap<>();
    Map<String, String> everyTeam = new HashMap<>();
    visibleTeams.forEach(t -> everyTeam.put(String.valueOf(t.id()), t.name()));
    List<String[]> named = new ArrayList<>();
    rows.forEach(r -> named.add(new String[] {r.workerRef(), r.teamRef()}));
    for (CaseActivity.Correction c : corrections) {
      named.add(new String[] {c.before().get(5), c.before().get(6)});
      if (c.after() != null) {
        named.add(new String[] {c.after().get(5), c.after().get(6)});
      }
    }
    for (String[] n : named) {
      if (n[0] != null && everyWorker.containsKey(n[0])) {
        workerNames.put(n[0], everyWorker.get(n[0]));
      }
      if (n[1] != null && everyTeam.containsKey(n[1])) {
        teamNames.put(n[1], everyTeam.get(n[1]));
      }
    }
    String child =
        rows.isEmpty()
            ? emptyAsNull(corrections.getFirst().before().get(4))
            : rows.getFirst().childRef();
    audit.recordRead("read", "child-case", caseRef, "case timeline read");
    return new Timeline(
        caseRef,
        child,
        child == null ? null : activity.familyOf(child).orElse(null),
        rows,
        LONDON,
        workerNames,
        teamNames,
        corrections);
  }

  private static String emptyAsNull(String value) {
    return value.isEmpty() ? null : value;
  }

  /** How many events are stored. */
  public long eventCount() {
    return activity.eventCount();
  }
}
