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
import org.safeload.app.platform.InvalidInputException;
import org.safeload.app.platform.NotFoundException;
import org.safeload.app.platform.TimeConfig;
import org.safeload.app.timeliness.persistence.CaseEventRepository;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.money.ScenarioException;
import org.safeload.organisation.FieldProblem;
import org.safeload.organisation.Team;
import org.safeload.timeliness.EventCsv;
import org.safeload.timeliness.EventLog;
import org.safeload.timeliness.EventType;
import org.safeload.timeliness.KpiItems;
import org.safeload.timeliness.KpiReport;
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

  TimelinessService(
      CaseEventRepository events,
      OrganisationService organisation,
      AuditLog audit,
      Clock clock,
      WorkingCalendar calendar) {
    this.events = events;
    this.organisation = organisation;
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

  // --- Rule sets -------------------------------------------------------------------------------

  /** A rule set's id, name and whether it is built in. */
  public record RuleSetSummary(String id, String name, boolean builtIn) {}

  @PreAuthorize(Permissions.READ_TIMELINESS)
  public List<RuleSetSummary> ruleSets() {
    List<RuleSetSummary> sets = new ArrayList<>();
    for (String id : KpiRuleSet.BUILT_IN) {
      sets.add(new RuleSetSummary(id, KpiRuleSet.builtIn(id).name(), true));
    }
    for (CaseEventRepository.RuleSetRow row : events.ruleSets()) {
      sets.add(new RuleSetSummary(row.id(), KpiRuleSet.read(row.document()).name(), false));
    }
    return sets;
  }

  @PreAuthorize(Permissions.READ_TIMELINESS)
  public String ruleSetText(String id) {
    if (KpiRuleSet.BUILT_IN.contains(id)) {
      return KpiRuleSet.builtInText(id);
    }
    return events.ruleSets().stream()
        .filter(r -> r.id().equals(id))
        .map(CaseEventRepository.RuleSetRow::document)
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No rule set " + id));
  }

  KpiRuleSet ruleSet(String id) {
    return KpiRuleSet.BUILT_IN.contains(id)
        ? KpiRuleSet.builtIn(id)
        : KpiRuleSet.read(ruleSetText(id));
  }

  /** Saves a council's rule set (a copy of a built-in one, edited); its id is in the document. */
  @PreAuthorize(Permissions.EDIT_TIMELINESS)
  @Transactional
  public KpiRuleSet saveRuleSet(String document) {
    KpiRuleSet set;
    try {
      set = KpiRuleSet.read(document);
    } catch (ScenarioException e) {
      throw new InvalidInputException("The rule set has errors", e.problems());
    }
    if (KpiRuleSet.BUILT_IN.contains(set.id())) {
      throw new InvalidInputException(
          "id", "Built-in sets cannot be changed: give your copy its own id");
    }
    if (!set.id().matches("[a-z0-9-]{1,64}")) {
      throw new InvalidInputException(
          "id", "A rule set's id is 1 to 64 lower-case letters, digits or hyphens");
    }
    events.saveRuleSet(set.id(), document, clock.instant());
    audit.record(
        "update", "kpi-rule-set", set.id(), "rule set saved with " + set.rules().size() + " rules");
    return set;
  }

  // --- Dashboard -------------------------------------------------------------------------------

  /** An overdue or due-soon item, traceable to its case, child, worker and team. */
  public record Item(
      String rule,
      String caseRef,
      String childRef,
      String worker,
      String team,
      String teamName,
      boolean managed,
      String provider,
      LocalDate deadline,
      String status) {}

  /** A KPI's rate in one month (by deadline). */
  public record MonthRate(YearMonth month, int met, int due, java.math.BigDecimal rate) {}

  /** The dashboard: each KPI by team, month by month, and the lists. */
  public record Dashboard(
      String ruleSet,
      LocalDate asOf,
      KpiReport report,
      Map<String, String> teamNames,
      Set<String> managedTeams,
      Map<String, List<MonthRate>> trend,
      List<Item> overdue,
      List<Item> dueSoon,
      long events) {}

  @PreAuthorize(Permissions.READ_TIMELINESS)
  public Dashboard dashboard(
      String ruleSetId, LocalDate asOf, String teamFilter, String ruleFilter) {
    KpiRuleSet set = ruleSet(ruleSetId);
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
    Map<String, List<MonthRate>> trend = new LinkedHashMap<>();
    YearMonth last = YearMonth.from(asOf);
    for (int r = 0; r < set.rules().size(); r++) {
      List<MonthRate> months = new ArrayList<>();
      for (int m = 5; m >= 0; m--) {
        YearMonth month = last.minusMonths(m);
        int met = 0;
        int due = 0;
        for (int i = 0; i < items.size(); i++) {
          if (items.rule(i) != r || items.status(i) == KpiItems.PENDING) {
            continue;
          }
          LocalDate d = LocalDate.ofEpochDay(items.deadlineDay(i));
          if (YearMonth.from(d).equals(month)) {
            due++;
            if (items.status(i) == KpiItems.MET) {
              met++;
            }
          }
        }
        months.add(
            new MonthRate(
                month,
                met,
                due,
                due == 0
                    ? null
                    : java.math.BigDecimal.valueOf(met)
                        .divide(
                            java.math.BigDecimal.valueOf(due), 4, java.math.RoundingMode.HALF_UP)));
      }
      trend.put(set.rules().get(r).id(), months);
    }
    List<Item> overdue = new ArrayList<>();
    List<Item> soon = new ArrayList<>();
    if (Permissions.canReadCases()) {
      for (int i = 0; i < items.size(); i++) {
        boolean isOverdue = items.status(i) == KpiItems.OVERDUE;
        if (!isOverdue && !items.dueSoon(i)) {
          continue;
        }
        String rule = set.rules().get(items.rule(i)).id();
        String team = log.teams().get(items.teamOf(i));
        if ((teamFilter != null && !teamFilter.isBlank() && !teamFilter.equals(team))
            || (ruleFilter != null && !ruleFilter.isBlank() && !ruleFilter.equals(rule))) {
          continue;
        }
        Item item =
            new Item(
                rule,
                log.cases().get(items.caseOf(i)),
                log.children().get(items.childOf(i)),
                log.workers().get(items.workerOf(i)),
                team,
                team == null ? null : teamNames.getOrDefault(team, team),
                team != null && managed.contains(team),
                team == null ? null : providerOfTeam.get(team),
                LocalDate.ofEpochDay(items.deadlineDay(i)),
                isOverdue ? "overdue" : "due soon");
        (isOverdue ? overdue : soon).add(item);
      }
      overdue.sort(java.util.Comparator.comparing(Item::deadline));
      soon.sort(java.util.Comparator.comparing(Item::deadline));
    }
    return new Dashboard(
        set.id(), asOf, report, teamNames, managed, trend, overdue, soon, log.size());
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

  /** A child's case: its events in order. Reading it is recorded in the audit trail. */
  public record Timeline(
      String caseRef,
      String childRef,
      String familyGroup,
      List<CaseEventRepository.Row> events,
      ZoneId zone) {}

  @PreAuthorize(Permissions.READ_CASES)
  @Transactional // the read is audited: a write
  public Timeline caseTimeline(String caseRef) {
    List<CaseEventRepository.Row> rows = events.forCase(caseRef);
    if (rows.isEmpty()) {
      throw new NotFoundException("No case " + caseRef);
    }
    if (CurrentUser.providerScope().isPresent()) {
      Set<String> mine =
          organisation.teams().stream()
              .map(t -> String.valueOf(t.id()))
              .collect(Collectors.toSet());
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
    String child = rows.getFirst().childRef();
    audit.record("read", "child-case", caseRef, "case timeline read");
    return new Timeline(
        caseRef, child, child == null ? null : events.familyOf(child).orElse(null), rows, LONDON);
  }

  /** How many events are stored. */
  public long eventCount() {
    return events.count();
  }

  static Instant instant(LocalDateTime local) {
    return local.atZone(LONDON).toInstant();
  }
}
