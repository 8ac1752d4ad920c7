package org.safeload.app.annexa;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.safeload.app.access.Capability;
import org.safeload.app.access.Requires;
import org.safeload.app.audit.AuditLog;
import org.safeload.app.caseactivity.CaseActivity;
import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.organisation.TeamInput;
import org.safeload.app.organisation.WorkerView;
import org.safeload.app.organisation.WorkforceService;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.app.platform.Show;
import org.safeload.app.timeliness.RuleSets;
import org.safeload.document.FieldProblem;
import org.safeload.extract.AnnexA;
import org.safeload.extract.CaseEpisodes;
import org.safeload.extract.Extract;
import org.safeload.extract.ExtractEvent;
import org.safeload.extract.ExtractFiles;
import org.safeload.extract.ExtractOptions;
import org.safeload.extract.ExtractProblem;
import org.safeload.extract.Named;
import org.safeload.organisation.Team;
import org.safeload.organisation.Worker;
import org.safeload.timeliness.EventType;
import org.safeload.timeliness.KpiRuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ofsted Annex A workbooks in the app (docs/annex-a.md, "In the app"): read into case activity by
 * the core's reader, the names they give matched to the council's workers and teams, and imported
 * through the case activity's own imports, all or nothing, with the statutory rules the workbook
 * can measure saved as a council rule set. The pages and the API both come through here.
 *
 * <p>Nothing a workbook holds about a child or a person is logged: only counts and the kinds of
 * failure.
 */
@Service
@Transactional(readOnly = true)
public class AnnexAImports {

  private static final Logger LOG = LoggerFactory.getLogger(AnnexAImports.class);

  /** The largest workbook taken (a large council's Annex A is a few megabytes). */
  public static final long MAX_BYTES = org.safeload.app.platform.RequestGuard.MAX_WORKBOOK;

  /** The audit trail's name for an import of a workbook. */
  static final String AUDITED = "annex-a";

  private final CaseActivity activity;
  private final OrganisationService organisation;
  private final WorkforceService workforce;
  private final RuleSets ruleSets;
  private final AuditLog audit;

  AnnexAImports(
      CaseActivity activity,
      OrganisationService organisation,
      WorkforceService workforce,
      RuleSets ruleSets,
      AuditLog audit) {
    this.activity = activity;
    this.organisation = organisation;
    this.workforce = workforce;
    this.ruleSets = ruleSets;
    this.audit = audit;
  }

  // --- Reading --------------------------------------------------------------------------------

  /**
   * Copies a workbook as it streams in to a temporary file, refusing it past {@link #MAX_BYTES}.
   * The caller deletes the file.
   */
  public static Path spool(InputStream in) {
    Path file = null;
    try {
      file = Files.createTempFile("safeload-annex-a-", ".xlsx");
      try (OutputStream out = Files.newOutputStream(file)) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
          total += n;
          if (total > MAX_BYTES) {
            throw tooLarge();
          }
          out.write(buffer, 0, n);
        }
      }
      return file;
    } catch (IOException e) {
      delete(file);
      throw new UncheckedIOException("Could not keep the uploaded workbook", e);
    } catch (RuntimeException e) {
      delete(file);
      throw e;
    }
  }

  static InvalidInputException tooLarge() {
    return new InvalidInputException(
        "file",
        "The file is larger than "
            + (MAX_BYTES >> 20)
            + " MB: an Annex A workbook is a few megabytes; check it is the right file");
  }

  static void delete(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        LOG.warn("A temporary copy of an uploaded workbook could not be deleted", e);
      }
    }
  }

  /**
   * Reads a workbook from a file: its case activity and the mapping report. A file that is not an
   * Excel workbook is refused with what to do (field {@code file}); rows that cannot be read are in
   * the extract's problems (and it is {@link Extract#refused()} unless they are to be skipped).
   *
   * @param fileName the name it was uploaded as, for the report
   */
  @Requires(Capability.EDIT_TIMELINESS)
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public Extract read(Path workbook, String fileName, ExtractOptions options) {
    String name = fileName == null || fileName.isBlank() ? "workbook.xlsx" : fileName.strip();
    checkIsAWorkbook(workbook, name);
    long start = System.nanoTime();
    Extract x;
    try {
      x = AnnexA.read(workbook, options);
    } catch (InvalidInputException e) {
      throw e;
    } catch (Exception e) {
      // The reason is the reader's (POI's) and may quote the file: its kind only is logged.
      LOG.info("An uploaded workbook could not be read ({})", e.getClass().getSimpleName());
      throw new InvalidInputException(
          "The file is not a workbook Safeload can read",
          List.of(
              FieldProblem.of(
                  "file",
                  name
                      + " could not be read as an Excel workbook: open it in Excel, save it as an"
                      + " Excel Workbook (.xlsx) and upload that")));
    }
    // The reader names the file it was given, a temporary copy: the report names the upload.
    String copy = workbook.getFileName().toString();
    List<ExtractProblem> problems =
        x.problems().stream()
            .map(
                p ->
                    p.sheet().equals(copy)
                        ? new ExtractProblem(name, p.row(), p.column(), p.reason())
                        : p)
            .toList();
    ExtractProblem whole =
        problems.stream()
            .filter(p -> x.lists().isEmpty() || (p.row() == 0 && p.sheet().equals(name)))
            .findFirst()
            .orElse(null);
    if (whole != null) {
      // Not a row: the workbook as a whole (not an .xlsx after all, a damaged sheet, no lists).
      throw new InvalidInputException(
          "The workbook cannot be read",
          List.of(
              FieldProblem.of(
                  "file",
                  whole.sheet().equals(name)
                      ? name + " " + whole.reason()
                      : name + ": " + whole.text())));
    }
    LOG.info(
        "Annex A read: {} events, {} children, {} unreadable rows, in {} ms",
        x.events().size(),
        x.children().size(),
        x.unreadableRows(),
        (System.nanoTime() - start) / 1_000_000);
    return new Extract(
        x.kind(),
        name,
        x.extractDate(),
        x.events(),
        x.children(),
        x.workers(),
        x.teams(),
        x.lists(),
        problems,
        x.unallocated(),
        x.notMeasured(),
        x.skipInvalid());
  }

  /**
   * Reads a workbook as it streams in (a request's body): kept in a temporary file while it is read
   * (refused past {@link #MAX_BYTES}), then deleted.
   */
  @Requires(Capability.EDIT_TIMELINESS)
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public Extract read(InputStream workbook, String fileName, ExtractOptions options) {
    Path file = spool(workbook);
    try {
      return read(file, fileName, options);
    } finally {
      delete(file);
    }
  }

  /** An .xlsx file is a zip archive; an .xls (Excel 97-2003) or a text file is refused here. */
  private static void checkIsAWorkbook(Path file, String name) {
    byte[] head = new byte[8];
    int read;
    try (InputStream in = Files.newInputStream(file)) {
      read = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the uploaded workbook", e);
    }
    if (read >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      return;
    }
    boolean oldExcel =
        read >= 4
            && (head[0] & 0xff) == 0xd0
            && (head[1] & 0xff) == 0xcf
            && (head[2] & 0xff) == 0x11
            && (head[3] & 0xff) == 0xe0;
    throw new InvalidInputException(
        "The file is not a workbook Safeload can read",
        List.of(
            FieldProblem.of(
                "file",
                read == 0
                    ? name + " is empty"
                    : oldExcel
                        ? name
                            + " is an Excel 97-2003 workbook (.xls): open it in Excel, save it as"
                            + " an Excel Workbook (.xlsx) and upload that"
                        : name
                            + " is not an Excel workbook (.xlsx): upload the Annex A workbook as"
                            + " your case recording system exports it")));
  }

  // --- Matching -------------------------------------------------------------------------------

  /**
   * The mapping report, with each worker's and team's match in Safeload. Names the workbook spells
   * differently but that are one name once spaces and capitals are set aside are one name here (the
   * first spelling's), with the workbook's other ids for it in {@link NameMatch#sameAs()}.
   */
  @Requires(Capability.EDIT_TIMELINESS)
  public Report report(Extract x) {
    Map<String, List<Long>> workerIds = new HashMap<>();
    Map<Long, String> workerNames = new HashMap<>();
    for (WorkerView v : workforce.workers()) {
      Worker w = v.worker();
      workerIds.computeIfAbsent(key(w.details().name()), k -> new ArrayList<>()).add(w.id());
      workerNames.put(w.id(), w.details().name());
    }
    Map<String, List<Long>> teamIds = new HashMap<>();
    Map<Long, String> teamNames = new HashMap<>();
    for (Team t : organisation.teams()) {
      teamIds.computeIfAbsent(key(t.name()), k -> new ArrayList<>()).add(t.id());
      teamNames.put(t.id(), t.name());
    }
    Map<String, Set<String>> cases = new HashMap<>();
    Map<String, ExtractEvent> firstAllocation = new HashMap<>();
    for (ExtractEvent e : x.events()) {
      if (!e.workerId().isEmpty()) {
        cases.computeIfAbsent(e.workerId(), k -> new java.util.HashSet<>()).add(e.caseId());
        if (e.type() == EventType.ALLOCATED) {
          firstAllocation.merge(
              e.workerId(), e, (a, b) -> b.occurredAt().isBefore(a.occurredAt()) ? b : a);
        }
      }
      if (!e.teamId().isEmpty()) {
        cases.computeIfAbsent(e.teamId(), k -> new java.util.HashSet<>()).add(e.caseId());
      }
    }
    Map<String, List<Named>> teamGroups = groups(x.teams(), cases);
    Map<String, String> teamOf = new HashMap<>();
    teamGroups.values().forEach(g -> g.forEach(n -> teamOf.put(n.id(), g.getFirst().id())));
    List<NameMatch> teams = new ArrayList<>();
    for (List<Named> group : teamGroups.values()) {
      List<Long> same = teamIds.getOrDefault(key(group.getFirst().name()), List.of());
      Long id = same.size() == 1 ? same.getFirst() : null;
      teams.add(
          new NameMatch(
              group.getFirst().id(),
              CaseEpisodes.normalName(group.getFirst().name()),
              group.stream().flatMap(n -> cases.get(n.id()).stream()).distinct().count(),
              id,
              id == null ? null : teamNames.get(id),
              same.size(),
              null,
              null,
              group.stream().skip(1).map(Named::id).toList()));
    }
    List<NameMatch> workers = new ArrayList<>();
    for (List<Named> group : groups(x.workers(), cases).values()) {
      List<Long> same = workerIds.getOrDefault(key(group.getFirst().name()), List.of());
      Long id = same.size() == 1 ? same.getFirst() : null;
      ExtractEvent first = null;
      for (Named n : group) {
        ExtractEvent e = firstAllocation.get(n.id());
        if (e != null && (first == null || e.occurredAt().isBefore(first.occurredAt()))) {
          first = e;
        }
      }
      workers.add(
          new NameMatch(
              group.getFirst().id(),
              CaseEpisodes.normalName(group.getFirst().name()),
              group.stream().flatMap(n -> cases.get(n.id()).stream()).distinct().count(),
              id,
              id == null ? null : workerNames.get(id),
              same.size(),
              first == null || first.teamId().isEmpty() ? null : teamOf.get(first.teamId()),
              first == null ? null : first.occurredAt().toLocalDate(),
              group.stream().skip(1).map(Named::id).toList()));
    }
    return Report.of(x, workers, teams);
  }

  /**
   * The names the workbook's events use, grouped by {@link #key}: the first spelling first. A name
   * given only for a case another list's worker holds has no events, and is left out.
   */
  private static Map<String, List<Named>> groups(
      List<Named> names, Map<String, Set<String>> cases) {
    Map<String, List<Named>> groups = new LinkedHashMap<>();
    for (Named n : names) {
      if (cases.containsKey(n.id())) {
        groups.computeIfAbsent(key(n.name()), k -> new ArrayList<>()).add(n);
      }
    }
    return groups;
  }

  /** A name as matched: spaces made single (non-breaking ones too), case ignored. */
  static String key(String name) {
    return CaseEpisodes.normalName(name).toLowerCase(Locale.ROOT);
  }

  /**
   * The choices a mapping of names to ids makes (the API's): each name as the workbook gives it
   * (spaces and case as {@link #key}), to the id of a worker or team Safeload holds. A name the
   * workbook does not give, an id Safeload does not hold, or a name with no match and no mapping is
   * a problem; every one is named.
   */
  @Requires(Capability.EDIT_TIMELINESS)
  public Choices choicesByName(Report report, Map<String, Long> workers, Map<String, Long> teams) {
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, Choices.WorkerChoice> workerChoices = new LinkedHashMap<>();
    Map<String, Choices.TeamChoice> teamChoices = new LinkedHashMap<>();
    Set<String> mapped = new java.util.HashSet<>(); // mapped to an id Safeload does not hold
    Map<String, NameMatch> workersByKey = byKey(report.workers());
    Map<String, NameMatch> teamsByKey = byKey(report.teams());
    Set<Long> workerIds =
        organisation.knownIds().workers().stream()
            .map(Long::valueOf)
            .collect(java.util.stream.Collectors.toSet());
    Set<Long> teamIds =
        organisation.knownIds().teams().stream()
            .map(Long::valueOf)
            .collect(java.util.stream.Collectors.toSet());
    (workers == null ? Map.<String, Long>of() : workers)
        .forEach(
            (name, id) -> {
              NameMatch n = workersByKey.get(key(name));
              if (n == null) {
                problems.add(
                    FieldProblem.of(
                        "mapping.workers",
                        "The workbook allocates no case to a worker called " + name));
              } else if (id == null || !workerIds.contains(id)) {
                problems.add(FieldProblem.of("mapping.workers", "Safeload holds no worker " + id));
                mapped.add(n.ref());
              } else {
                workerChoices.put(n.ref(), new Choices.ExistingWorker(id));
              }
            });
    (teams == null ? Map.<String, Long>of() : teams)
        .forEach(
            (name, id) -> {
              NameMatch n = teamsByKey.get(key(name));
              if (n == null) {
                problems.add(
                    FieldProblem.of(
                        "mapping.teams", "The workbook puts no case in a team called " + name));
              } else if (id == null || !teamIds.contains(id)) {
                problems.add(FieldProblem.of("mapping.teams", "Safeload holds no team " + id));
                mapped.add(n.ref());
              } else {
                teamChoices.put(n.ref(), new Choices.ExistingTeam(id));
              }
            });
    for (NameMatch n : report.workers()) {
      if (!n.matched() && !workerChoices.containsKey(n.ref()) && !mapped.contains(n.ref())) {
        problems.add(
            FieldProblem.of(
                "mapping.workers",
                (n.sameName() > 1
                        ? "Safeload holds " + n.sameName() + " workers called " + n.name()
                        : "Safeload holds no worker called " + n.name())
                    + ": map the name to a worker's id"));
      }
    }
    for (NameMatch n : report.teams()) {
      if (!n.matched() && !teamChoices.containsKey(n.ref()) && !mapped.contains(n.ref())) {
        problems.add(
            FieldProblem.of(
                "mapping.teams",
                (n.sameName() > 1
                        ? "Safeload holds " + n.sameName() + " teams called " + n.name()
                        : "Safeload holds no team called " + n.name())
                    + ": map the name to a team's id"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("Names in the workbook are not matched", problems);
    }
    return new Choices(workerChoices, teamChoices);
  }

  private static Map<String, NameMatch> byKey(List<NameMatch> names) {
    Map<String, NameMatch> byKey = new HashMap<>();
    names.forEach(n -> byKey.put(key(n.name()), n));
    return byKey;
  }

  // --- Importing ------------------------------------------------------------------------------

  /**
   * Imports a workbook read by {@link #read}: the teams and workers chosen to be created (by the
   * organisation's own checks), then its children and events through the case activity's imports
   * with the ids of the council's workers and teams, and its rule set; all of it or, if anything is
   * refused, none. Importing the same workbook again adds nothing: its events' ids are its own
   * (docs/annex-a.md), and the names it created now match.
   *
   * @throws InvalidInputException naming each name with no worker or team, and each new worker's or
   *     team's field that is refused ({@code W1-role}, {@code T1-serviceId}; a name with no choice:
   *     {@code W1-choice})
   */
  @Requires(Capability.EDIT_TIMELINESS)
  @Transactional
  public Imported importWorkbook(Extract x, Choices choices) {
    if (x.refused()) {
      List<FieldProblem> rows = new ArrayList<>();
      rows.add(
          FieldProblem.of(
              "file",
              x.unreadableRows()
                  + (x.unreadableRows() == 1 ? " row" : " rows")
                  + " could not be read: put them right, or skip them, before importing"));
      for (var p : x.problems()) {
        rows.add(
            new FieldProblem(
                p.row(),
                p.sheet() + (p.column() == null || p.column().isEmpty() ? "" : ", " + p.column()),
                p.reason()));
      }
      throw new InvalidInputException("The workbook has rows that could not be read", rows);
    }
    if (x.events().isEmpty()) {
      throw new InvalidInputException(
          "file", "The workbook holds no case activity to import: Lists 3 to 8 are empty");
    }
    Report report = report(x);
    List<FieldProblem> problems = new ArrayList<>();
    Set<String> knownTeams = organisation.knownIds().teams();
    Set<String> knownWorkers = organisation.knownIds().workers();

    // Teams first: a new worker may join a new team.
    Map<String, String> teamIds = new HashMap<>();
    int teamsCreated = 0;
    int teamsMatched = 0;
    for (NameMatch n : report.teams()) {
      Choices.TeamChoice choice = choices.teams().get(n.ref());
      if (choice == null && n.matched()) {
        put(teamIds, n, String.valueOf(n.storedId()));
        teamsMatched++;
      } else if (choice == null) {
        problems.add(
            FieldProblem.of(
                n.ref() + "-choice",
                (n.sameName() > 1
                        ? "Safeload has " + n.sameName() + " teams called " + n.name()
                        : "Safeload has no team called " + n.name())
                    + ": choose the team, or create it"));
      } else if (choice instanceof Choices.ExistingTeam e) {
        if (knownTeams.contains(String.valueOf(e.id()))) {
          put(teamIds, n, String.valueOf(e.id()));
          teamsMatched++;
        } else {
          problems.add(
              FieldProblem.of(
                  n.ref() + "-choice", "Choose a team for " + n.name() + " from the list"));
        }
      }
    }
    for (NameMatch n : report.workers()) {
      Choices.WorkerChoice choice = choices.workers().get(n.ref());
      if (choice == null && !n.matched()) {
        problems.add(
            FieldProblem.of(
                n.ref() + "-choice",
                (n.sameName() > 1
                        ? "Safeload has " + n.sameName() + " workers called " + n.name()
                        : "Safeload has no worker called " + n.name())
                    + ": choose the worker, or create them"));
      } else if (choice instanceof Choices.ExistingWorker e
          && !knownWorkers.contains(String.valueOf(e.id()))) {
        problems.add(
            FieldProblem.of(
                n.ref() + "-choice", "Choose a worker for " + n.name() + " from the list"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("Names in the workbook are not matched", problems);
    }
    Set<String> failedTeams = new java.util.HashSet<>();
    for (NameMatch n : report.teams()) {
      if (choices.teams().get(n.ref()) instanceof Choices.NewTeam t) {
        try {
          Team team =
              organisation.createTeam(
                  new TeamInput(t.serviceId(), n.name(), t.kind(), t.providerId()));
          put(teamIds, n, String.valueOf(team.id()));
          teamsCreated++;
        } catch (InvalidInputException e) {
          failedTeams.add(n.ref());
          problems.addAll(
              rename(
                  e,
                  n.ref(),
                  Map.of("name", "choice"),
                  m ->
                      m.equals("A team with that name already exists")
                          ? "Safeload has a team called " + n.name() + ": choose it"
                          : m + " (" + n.name() + ")"));
        }
      }
    }
    Map<String, String> workerIds = new HashMap<>();
    int workersCreated = 0;
    int workersMatched = 0;
    for (NameMatch n : report.workers()) {
      Choices.WorkerChoice choice = choices.workers().get(n.ref());
      if (choice == null) {
        put(workerIds, n, String.valueOf(n.storedId()));
        workersMatched++;
      } else if (choice instanceof Choices.ExistingWorker e) {
        put(workerIds, n, String.valueOf(e.id()));
        workersMatched++;
      } else if (choice instanceof Choices.NewWorker w) {
        Long teamId = w.teamId();
        if (teamId == null && w.teamRef() != null) {
          String id = teamIds.get(w.teamRef());
          if (id == null) {
            if (!failedTeams.contains(w.teamRef())) {
              problems.add(FieldProblem.of(n.ref() + "-team", "Choose a team for " + n.name()));
            }
            continue; // else the new team's own problem is reported
          }
          teamId = Long.valueOf(id);
        }
        try {
          Worker worker = workforce.create(w.details(), teamId);
          put(workerIds, n, String.valueOf(worker.id()));
          workersCreated++;
        } catch (InvalidInputException e) {
          problems.addAll(
              rename(
                  e,
                  n.ref(),
                  Map.of("name", "choice", "teamId", "team"),
                  m -> m + " (" + n.name() + ")"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("The new workers and teams have errors", problems);
    }

    CaseActivity.ChildrenImport children;
    CaseActivity.ImportResult events;
    try {
      children = activity.importChildren(new StringReader(ExtractFiles.children(x)));
      Extract stored = withIds(x, workerIds, teamIds);
      events =
          activity.importEvents(
              new java.io.ByteArrayInputStream(
                  ExtractFiles.events(stored).getBytes(StandardCharsets.UTF_8)));
    } catch (InvalidInputException e) {
      // The lines are of the event file made from the workbook: the messages name the events.
      throw new InvalidInputException(
          "The workbook's case activity could not be imported",
          e.problems().stream().map(p -> FieldProblem.of("file", p.message())).toList());
    }

    String rules = ExtractFiles.rules(x);
    KpiRuleSet set = KpiRuleSet.read(rules);
    String ruleSet;
    boolean saved =
        ruleSets.ruleSets().stream().anyMatch(s -> !s.builtIn() && s.id().equals(set.id()));
    if (!saved) {
      ruleSets.createRuleSet(
          rules, "Saved from an Ofsted Annex A import: the statutory timescales it can measure");
      ruleSet = "saved";
    } else if (ruleSets.ruleSetText(set.id()).equals(rules)) {
      ruleSet = "unchanged";
    } else {
      ruleSet = "kept";
    }

    Imported done =
        new Imported(
            x.file(),
            x.extractDate(),
            events.created(),
            events.unchanged(),
            children.created(),
            children.updated(),
            children.unchanged(),
            workersCreated,
            teamsCreated,
            workersMatched,
            teamsMatched,
            (int) x.unreadableRows(),
            x.problems().stream().map(org.safeload.extract.ExtractProblem::text).toList(),
            set.id(),
            set.name(),
            ruleSet);
    audit.record(
        "import",
        AUDITED,
        null,
        x.kind()
            + " imported (extract date "
            + Show.inWords(x.extractDate())
            + "): "
            + done.eventsAdded()
            + " events added, "
            + done.eventsUnchanged()
            + " unchanged; "
            + done.childrenAdded()
            + " children added; "
            + workersCreated
            + (workersCreated == 1 ? " worker" : " workers")
            + " and "
            + teamsCreated
            + (teamsCreated == 1 ? " team" : " teams")
            + " created"
            + (x.problems().isEmpty()
                ? ""
                : "; " + x.unreadableRows() + " unreadable rows skipped"));
    LOG.info(
        "Annex A imported: {} events added, {} unchanged; {} workers and {} teams created",
        done.eventsAdded(),
        done.eventsUnchanged(),
        workersCreated,
        teamsCreated);
    return done;
  }

  /** The id for each of the workbook's ids for a name. */
  private static void put(Map<String, String> ids, NameMatch n, String id) {
    n.refs().forEach(r -> ids.put(r, id));
  }

  /** A service's refusal of a new worker or team, its fields named by the workbook's id. */
  private static List<FieldProblem> rename(
      InvalidInputException e,
      String ref,
      Map<String, String> fields,
      Function<String, String> message) {
    return e.problems().stream()
        .map(
            p -> {
              String field =
                  p.field().isEmpty() ? "choice" : fields.getOrDefault(p.field(), p.field());
              return FieldProblem.of(ref + "-" + field, message.apply(p.message()));
            })
        .toList();
  }

  /** The extract with the council's worker and team ids in place of the workbook's. */
  private static Extract withIds(
      Extract x, Map<String, String> workers, Map<String, String> teams) {
    List<ExtractEvent> events = new ArrayList<>(x.events().size());
    for (ExtractEvent e : x.events()) {
      events.add(
          new ExtractEvent(
              e.eventId(),
              e.occurredAt(),
              e.type(),
              e.caseId(),
              e.childId(),
              e.workerId().isEmpty() ? "" : workers.get(e.workerId()),
              e.teamId().isEmpty() ? "" : teams.get(e.teamId()),
              e.detail()));
    }
    return new Extract(
        x.kind(),
        x.file(),
        x.extractDate(),
        events,
        x.children(),
        x.workers(),
        x.teams(),
        x.lists(),
        x.problems(),
        x.unallocated(),
        x.notMeasured(),
        x.skipInvalid());
  }
}
