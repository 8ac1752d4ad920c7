package org.safeload.app.timeliness;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.safeload.app.access.CurrentUser;
import org.safeload.app.access.Permissions;
import org.safeload.app.audit.AuditLog;
import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.organisation.WorkerView;
import org.safeload.app.organisation.WorkforceService;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.app.platform.NotFoundException;
import org.safeload.app.platform.TimeConfig;
import org.safeload.app.timeliness.persistence.CaseEventRepository;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.document.FieldProblem;
import org.safeload.organisation.Team;
import org.safeload.timeliness.EventCsv;
import org.safeload.timeliness.EventLog;
import org.safeload.timeliness.EventType;
import org.safeload.timeliness.KpiItems;
import org.safeload.timeliness.KpiReport;
import org.safeload.timeliness.KpiRule;
import org.safeload.timeliness.KpiRuleSet;
import org.safeload.timeliness.Timeliness;
import org.springframework.security.access.prepost.PreAuthorize;
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

  private final CaseEventRepository events;
  private final OrganisationService organisation;
  private final AuditLog audit;
  private final Clock clock;
  private final Timeliness engine;
  private final WorkforceService workforce;
  private final RuleSets ruleSets;

  TimelinessService(
      CaseEventRepository events,
      OrganisationService organisation,
      WorkforceService workforce,
      RuleSets ruleSets,
      AuditLog audit,
      Clock clock,
      WorkingCalendar calendar) {
    this.events = events;
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

  /** What an import did. */
  public record ImportResult(int created, int unchanged) {}

  /**
   * Imports an event file: every row or none; rows already imported unchanged are skipped. The
   * stored events the file names (its ids and refs) are fetched in a few queries, and the new ones
   * inserted in JDBC batches.
   */
  @PreAuthorize(Permissions.EDIT_TIMELINESS)
  @Transactional
  public ImportResult importCsv(String csv) {
    String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
    List<Line> lines = lines(text, true);
    Set<String> named = new java.util.HashSet<>();
    if (lines != null) {
      for (Line l : lines) {
        for (String column : List.of("event_id", "ref")) {
          if (l.record().isSet(column) && !l.record().get(column).isBlank()) {
            named.add(l.record().get(column).strip());
          }
        }
      }
    }
    Map<String, CaseEventRepository.Row> stored = events.findByIds(named);
    EventCsv.Result result =
        EventCsv.read(
            new StringReader(csv),
            id ->
                Optional.ofNullable(stored.get(id))
                    .map(
                        r ->
                            new EventCsv.KnownEvent(
                                EventType.fromCode(r.type()).orElseThrow(), r.caseRef())));
    if (!result.problems().isEmpty()) {
      throw new InvalidInputException("The file has errors", result.problems());
    }
    if (lines == null) {
      lines = lines(text, false);
    }
    List<FieldProblem> problems = new ArrayList<>();
    List<CaseEventRepository.Row> fresh = new ArrayList<>();
    int unchanged = 0;
    for (Line l : lines) {
      CaseEventRepository.Row row = row(l.record());
      CaseEventRepository.Row before = stored.get(row.eventId());
      if (before == null) {
        fresh.add(row);
      } else if (before.equals(row)) {
        unchanged++;
      } else {
        problems.add(
            new FieldProblem(
                l.number(),
                "event_id",
                "Event "
                    + row.eventId()
                    + " was imported before with different details; events do not change"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("The file has errors", problems);
    }
    events.insertAll(fresh);
    audit.record(
        "import",
        "case-events",
        null,
        fresh.size() + " events imported, " + unchanged + " unchanged");
    return new ImportResult(fresh.size(), unchanged);
  }

  /** A row of an event file and its line number. */
  private record Line(int number, CSVRecord record) {}

  /**
   * The file's rows by header name, blank lines left out.
   *
   * @param lenient answer null, rather than fail, for a file that cannot be read this way (its
   *     problems are then reported by {@link EventCsv})
   */
  private static List<Line> lines(String text, boolean lenient) {
    List<Line> lines = new ArrayList<>();
    try {
      var parser =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .setIgnoreSurroundingSpaces(true)
              .get()
              .parse(new StringReader(text));
      long lineBefore = 1;
      for (CSVRecord r : parser) {
        int line = (int) lineBefore + 1;
        lineBefore = parser.getCurrentLineNumber();
        if (r.size() == 1 && r.get(0).isBlank()) {
          continue;
        }
        lines.add(new Line(line, r));
      }
    } catch (IOException e) {
      if (lenient) {
        return null;
      }
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      if (lenient) {
        return null;
      }
      throw e;
    }
    return lines;
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static CaseEventRepository.Row row(CSVRecord r) {
    String due = blank(r.get("due_date"));
    return new CaseEventRepository.Row(
        r.get("event_id").strip(),
        LocalDateTime.parse(r.get("occurred_at").strip()).atZone(LONDON).toInstant(),
        r.get("type").strip(),
        blank(r.get("case_id")),
        blank(r.get("child_id")),
        blank(r.get("worker_id")),
        blank(r.get("team_id")),
        blank(r.get("detail")),
        blank(r.get("ref")),
        due == null ? null : LocalDate.parse(due));
  }

  /** A case allocated to a worker in a team at an instant, from the product itself. */
  public record Allocation(
      String caseRef, String childRef, String workerRef, String teamRef, Instant at) {}

  /**
   * Records allocations (the allocation form, an applied handover) as {@code allocated} case
   * events, in the caller's transaction: all of them or, if one fails, none.
   *
   * @return the new events' ids, in order
   */
  @PreAuthorize(Permissions.ALLOCATE)
  @Transactional
  public List<String> recordAllocations(List<Allocation> allocations) {
    List<String> ids = new ArrayList<>();
    for (Allocation a : allocations) {
      String id = "alloc-" + java.util.UUID.randomUUID();
      events.insert(
          new CaseEventRepository.Row(
              id,
              a.at(),
              EventType.ALLOCATED.code(),
              a.caseRef(),
              a.childRef(),
              a.workerRef(),
              a.teamRef(),
              null,
              null,
              null));
      ids.add(id);
    }
    return ids;
  }

  /** What a children import did. */
  public record ChildrenImport(int created, int updated, int unchanged) {}

  /**
   * Imports a children file (child_id, date_of_birth, family_group): every row or none. A child
   * already stored with the same details is unchanged; with other details (a new sibling's family
   * group, a corrected date of birth), updated.
   */
  @PreAuthorize(Permissions.EDIT_TIMELINESS)
  @Transactional
  public ChildrenImport importChildren(String csv) {
    org.safeload.timeliness.ChildCsv.Result result =
        org.safeload.timeliness.ChildCsv.read(new StringReader(csv));
    if (!result.problems().isEmpty()) {
      throw new InvalidInputException("The file has errors", result.problems());
    }
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    for (org.safeload.timeliness.ChildCsv.Child c : result.children()) {
      CaseEventRepository.ChildRow row =
          new CaseEventRepository.ChildRow(c.id(), c.dateOfBirth(), c.familyGroup());
      Optional<CaseEventRepository.ChildRow> stored = events.findChild(c.id());
      if (stored.isEmpty()) {
        events.insertChild(c.id(), c.dateOfBirth(), c.familyGroup());
        created++;
      } else if (stored.get().equals(row)) {
        unchanged++;
      } else {
        events.updateChild(c.id(), c.dateOfBirth(), c.familyGroup());
        updated++;
      }
    }
    audit.record(
        "import",
        "children",
        null,
        created + " children added, " + updated + " updated, " + unchanged + " unchanged");
    return new ChildrenImport(created, updated, unchanged);
  }

  /** Stores a child's details (demo and imports of children files). */
  @Transactional
  public void addChild(String ref, LocalDate dateOfBirth, String familyGroup) {
    events.insertChild(ref, dateOfBirth, familyGroup);
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
      List<Item> all = new ArrayList<>(overdue);
      all.addAll(dueSoon);
      return all;
    }

    /** The months the trend covers. */
    public List<YearMonth> months() {
      return trend.isEmpty()
          ? List.of()
          : trend.getFirst().months().stream().map(KpiReport.Month::month).toList();
    }
  }

  @PreAuthorize(Permissions.READ_TIMELINESS)
  public Dashboard dashboard(
      String ruleSetId, LocalDate asOf, String teamFilter, String ruleFilter) {
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
    boolean scoped = CurrentUser.providerScope().isPresent();
    EventLog log = load(scoped ? teamNames.keySet() : null);
    KpiItems items = engine.evaluate(log, set, asOf, Map.of());
    KpiReport report =
        KpiReport.of(items, set, log, asOf, null, null, KpiReport.GroupBy.TEAM, providerOfTeam);
    List<KpiReport.Trend> trend = trend(items, set, YearMonth.from(asOf));
    List<Item> overdue = new ArrayList<>();
    List<Item> soon = new ArrayList<>();
    if (Permissions.canReadCases()) {
      Map<String, String> workerNames = workerNames(asOf);
      List<Integer> listed = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        if (items.status(i) != KpiItems.OVERDUE && !items.dueSoon(i)) {
          continue;
        }
        String rule = set.rules().get(items.rule(i)).id();
        String team = log.teams().get(items.teamOf(i));
        if ((teamFilter != null && !teamFilter.isBlank() && !teamFilter.equals(team))
            || (ruleFilter != null && !ruleFilter.isBlank() && !ruleFilter.equals(rule))) {
          continue;
        }
        listed.add(i);
      }
      // By deadline, then in the rule set's order, then by case and worker: the same order on
      // every page of the list.
      listed.sort(
          java.util.Comparator.<Integer>comparingLong(items::deadline)
              .thenComparingInt(items::rule)
              .thenComparing(i -> String.valueOf(log.cases().get(items.caseOf(i))))
              .thenComparing(i -> String.valueOf(log.workers().get(items.workerOf(i)))));
      for (int i : listed) {
        boolean isOverdue = items.status(i) == KpiItems.OVERDUE;
        KpiRule rule = set.rules().get(items.rule(i));
        String team = log.teams().get(items.teamOf(i));
        String worker = log.workers().get(items.workerOf(i));
        Item item =
            new Item(
                rule.id(),
                rule.name(),
                log.cases().get(items.caseOf(i)),
                log.children().get(items.childOf(i)),
                worker,
                worker == null ? null : workerNames.get(worker),
                team,
                team == null ? null : teamNames.get(team),
                team != null && managed.contains(team),
                team == null ? null : providerOfTeam.get(team),
                LocalDate.ofEpochDay(items.deadlineDay(i)),
                isOverdue ? OVERDUE : DUE_SOON);
        (isOverdue ? overdue : soon).add(item);
      }
    }
    return new Dashboard(
        set.id(),
        set.name(),
        asOf,
        report,
        teamNames,
        managed,
        providerOfTeam,
        trend,
        overdue,
        soon,
        log.size());
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

  /**
   * The stored case activity as one log (the caseload engine reads the same events). For a
   * provider's user, only its teams' cases.
   */
  public EventLog caseActivity() {
    if (CurrentUser.providerScope().isPresent()) {
      return load(
          organisation.teams().stream()
              .map(t -> String.valueOf(t.id()))
              .collect(Collectors.toSet()));
    }
    return load(null);
  }

  /** The family group of every child that has one. */
  public Map<String, String> familyGroups() {
    return events.familyGroups();
  }

  /** Loads stored events (a provider's user: only its teams' cases). */
  EventLog load(Set<String> onlyTeams) {
    List<CaseEventRepository.Row> rows = events.findAll();
    Set<String> cases = null;
    if (onlyTeams != null) {
      cases =
          rows.stream()
              .filter(
                  r ->
                      r.caseRef() != null && r.teamRef() != null && onlyTeams.contains(r.teamRef()))
              .map(CaseEventRepository.Row::caseRef)
              .collect(Collectors.toSet());
    }
    EventLog log = new EventLog();
    Map<String, Integer> rowOf = new HashMap<>();
    for (CaseEventRepository.Row r : rows) {
      if (cases != null
          && (r.caseRef() == null
              ? r.teamRef() == null || !onlyTeams.contains(r.teamRef())
              : !cases.contains(r.caseRef()))) {
        continue;
      }
      int row =
          log.add(
              r.eventId(),
              r.occurredAt().getEpochSecond(),
              EventType.fromCode(r.type()).orElseThrow(),
              r.caseRef(),
              r.childRef(),
              r.workerRef(),
              r.teamRef(),
              r.detail(),
              -1,
              r.dueDate() == null ? EventLog.NO_DATE : (int) r.dueDate().toEpochDay());
      rowOf.put(r.eventId(), row);
    }
    for (CaseEventRepository.Row r : rows) {
      if (r.ref() != null && rowOf.containsKey(r.eventId()) && rowOf.containsKey(r.ref())) {
        log.setRef(rowOf.get(r.eventId()), rowOf.get(r.ref()));
      }
    }
    return log;
  }

  /**
   * A child's case: its events in order, with the names of the workers and teams they name (as far
   * as the user may see them). Reading it is recorded in the audit trail.
   */
  public record Timeline(
      String caseRef,
      String childRef,
      String familyGroup,
      List<CaseEventRepository.Row> events,
      ZoneId zone,
      Map<String, String> workerNames,
      Map<String, String> teamNames) {

    /** The case's event with this id (the one a write-up or minutes refer to), or null. */
    public CaseEventRepository.Row event(String eventId) {
      return eventId == null
          ? null
          : events.stream().filter(e -> e.eventId().equals(eventId)).findFirst().orElse(null);
    }
  }

  @PreAuthorize(Permissions.READ_CASES)
  @Transactional // the read is audited: a write
  public Timeline caseTimeline(String caseRef) {
    List<CaseEventRepository.Row> rows = events.forCase(caseRef);
    if (rows.isEmpty()) {
      throw new NotFoundException("No case " + caseRef);
    }
    List<Team> visibleTeams = organisation.teams();
    if (CurrentUser.providerScope().isPresent()) {
      Set<String> mine =
          visibleTeams.stream().map(t -> String.valueOf(t.id())).collect(Collectors.toSet());
      // Only a case in one of the provider's teams now: not one it has handed over.
      String team = null;
      for (CaseEventRepository.Row r : rows) {
        EventType type = EventType.fromCode(r.type()).orElse(null);
        if (r.teamRef() != null
            && (type == EventType.REFERRAL
                || type == EventType.ALLOCATED
                || type == EventType.TRANSFERRED)) {
          team = r.teamRef();
        }
      }
      boolean visible = team != null && mine.contains(team);
      if (!visible) {
        throw new NotFoundException("No case " + caseRef);
      }
    }
    Map<String, String> everyWorker = workerNames(today());
    Map<String, String> workerNames = new LinkedHashMap<>();
    Map<String, String> teamNames = new LinkedHashMap<>();
    Map<String, String> everyTeam = new HashMap<>();
    visibleTeams.forEach(t -> everyTeam.put(String.valueOf(t.id()), t.name()));
    for (CaseEventRepository.Row r : rows) {
      if (r.workerRef() != null && everyWorker.containsKey(r.workerRef())) {
        workerNames.put(r.workerRef(), everyWorker.get(r.workerRef()));
      }
      if (r.teamRef() != null && everyTeam.containsKey(r.teamRef())) {
        teamNames.put(r.teamRef(), everyTeam.get(r.teamRef()));
      }
    }
    String child = rows.getFirst().childRef();
    audit.record("read", "child-case", caseRef, "case timeline read");
    return new Timeline(
        caseRef,
        child,
        child == null ? null : events.familyOf(child).orElse(null),
        rows,
        LONDON,
        workerNames,
        teamNames);
  }

  /** How many events are stored. */
  public long eventCount() {
    return events.count();
  }

  static Instant instant(LocalDateTime local) {
    return local.atZone(LONDON).toInstant();
  }
}
