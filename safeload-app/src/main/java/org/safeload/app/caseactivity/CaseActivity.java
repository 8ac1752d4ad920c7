package org.safeload.app.caseactivity;

import java.io.InputStream;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.safeload.app.access.Capability;
import org.safeload.app.access.Requires;
import org.safeload.app.audit.AuditLog;
import org.safeload.app.caseactivity.persistence.CaseEventRepository;
import org.safeload.app.caseactivity.persistence.CaseEventRepository.ChildRow;
import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.caseload.CaseBook;
import org.safeload.document.FieldProblem;
import org.safeload.timeliness.ChildCsv;
import org.safeload.timeliness.EventCorrections;
import org.safeload.timeliness.EventCsv;
import org.safeload.timeliness.EventLog;
import org.safeload.timeliness.EventType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The council's case activity: case events and children, their imports and the allocations the
 * product records, and the one place every other module reads them from. The events are held in
 * memory as one columnar {@link EventLog} (see {@link LiveLog}), kept up to date with every change
 * made through any app instance; timeliness, caseloads and throughput read it through {@link
 * #read}. No other module reads the event tables.
 */
@Service
@Transactional(readOnly = true)
public class CaseActivity {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CaseActivity.class);

  private final CaseEventRepository events;
  private final LiveLog live;
  private final AuditLog audit;
  private final OrganisationService organisation;
  private final java.time.Clock clock;

  CaseActivity(
      CaseEventRepository events,
      LiveLog live,
      AuditLog audit,
      OrganisationService organisation,
      java.time.Clock clock) {
    this.organisation = organisation;
    this.clock = clock;
    this.events = events;
    this.live = live;
    this.audit = audit;
  }

  /** What the case activity looked like at one moment, for reading (see {@link #read}). */
  public interface View {

    /** The change number this view shows. */
    long version();

    /** Every event. */
    EventLog log();

    /**
     * The events of the cases that have been in one of these teams, and the teams' own events
     * without a case (a provider's user sees only its teams' work); null: every event.
     */
    EventLog log(Set<String> onlyTeams);

    /** Every case's holding over time, from {@link #log(Set)}. */
    CaseBook book(Set<String> onlyTeams);

    /** The family group of every child that has one. */
    Map<String, String> familyGroups();

    /**
     * Whether the signed-in person may see this case: it is now in one of their scope's teams, or
     * (a social worker's own) held by their worker. An unknown case is not seen.
     */
    default boolean sees(org.safeload.app.access.ChildrenScope scope, String caseRef) {
      if (scope.all()) {
        return true;
      }
      return book(null)
          .history(caseRef)
          .filter(h -> !h.steps().isEmpty())
          .map(h -> scope.sees(h.steps().getLast().team(), h.steps().getLast().worker()))
          .orElse(false);
    }

    /**
     * A result computed from this view, kept until the case activity changes: the first caller
     * computes it, others wait for it. The key must name everything else the result depends on.
     */
    <T> T cached(Object key, java.util.function.Supplier<T> compute);
  }

  /**
   * Reads the case activity as it is now (changes made through other app instances included, within
   * a second). The view may only be used inside the function: what it returns must not hold on to
   * it.
   */
  public <T> T read(Function<View, T> reader) {
    return live.read(reader);
  }

  /** How many events are stored. */
  public long eventCount() {
    return live.read(v -> (long) v.log().size());
  }

  /** One case's events in time order (empty for an unknown case). */
  @Requires(Capability.READ_CASES)
  public List<CaseEvent> caseEvents(String caseRef) {
    return live.caseEvents(caseRef);
  }

  /** A child's family group, if it has one. */
  public Optional<String> familyOf(String childRef) {
    return Optional.ofNullable(live.read(v -> v.familyGroups().get(childRef)));
  }

  /**
   * An event's team or worker that is not the council's is a problem, the first time the file names
   * it: the file is refused rather than filled with teams and workers no page can show.
   */
  static void councilHas(
      List<FieldProblem> problems,
      int line,
      String column,
      int id,
      EventLog.Dictionary named,
      Set<String> council,
      boolean[] seen) {
    if (id < 0 || seen[id]) {
      return;
    }
    seen[id] = true;
    String value = named.get(id);
    if (!council.contains(value)) {
      String what = column.equals("team_id") ? "team" : "worker";
      problems.add(
          new FieldProblem(
              line,
              column,
              "The council has no "
                  + what
                  + " with the id "
                  + value
                  + " (each "
                  + what
                  + "'s id is on its page); this is the first row naming it"));
    }
  }

  /** What an import did. */
  public record ImportResult(int created, int unchanged) implements java.io.Serializable {}

  /**
   * Imports an event file (docs/timeliness.md), read once as it streams in: every row or none; rows
   * already imported unchanged are skipped, and a changed one is refused with its line. The new
   * events are written in batches (PostgreSQL's COPY), in one transaction.
   */
  @Requires(Capability.EDIT_TIMELINESS)
  @Transactional
  public ImportResult importEvents(InputStream file) {
    long start = System.nanoTime();
    OrganisationService.KnownIds council = organisation.knownIds();
    long version = events.lockVersion();
    live.refresh();
    boolean everCorrected = events.anyCorrections();
    Set<String> withdrawn = everCorrected ? events.withdrawnIds() : Set.of();
    long[] readAt = new long[2];
    record Checked(EventCsv.Result file, int[] fresh, int unchanged) {}
    Checked checked =
        live.read(
            stored -> {
              EventLog known = stored.log();
              readAt[0] = System.nanoTime();
              EventCsv.Result result = read(file, EventCsv.KnownEvent.in(known));
              readAt[1] = System.nanoTime();
              if (!result.problems().isEmpty()) {
                throw new InvalidInputException("The file has errors", result.problems());
              }
              EventLog log = result.log();
              List<FieldProblem> problems = new ArrayList<>();
              int[] fresh = new int[log.size()];
              int count = 0;
              int unchanged = 0;
              boolean[] teamSeen = new boolean[log.teams().size()];
              boolean[] workerSeen = new boolean[log.workers().size()];
              // Rows that may be an earlier version of an event corrected or withdrawn since.
              List<Integer> superseded = new ArrayList<>();
              for (int row = 0; row < log.size(); row++) {
                int before = known.rowOf(log, row);
                if (before < 0 && !withdrawn.isEmpty() && withdrawn.contains(log.eventId(row))) {
                  superseded.add(row);
                } else if (before < 0) {
                  fresh[count++] = row;
                  int line = result.line(row);
                  councilHas(
                      problems,
                      line,
                      "team_id",
                      log.teamOf(row),
                      log.teams(),
                      council.teams(),
                      teamSeen);
                  councilHas(
                      problems,
                      line,
                      "worker_id",
                      log.workerOf(row),
                      log.workers(),
                      council.workers(),
                      workerSeen);
                } else if (sameEvent(log, row, result.refId(row), known, before)) {
                  unchanged++;
                } else if (everCorrected) {
                  superseded.add(row);
                } else {
                  problems.add(
                      new FieldProblem(
                          result.line(row),
                          "event_id",
                          "Event "
                              + log.eventId(row)
                              + " was imported before with different details; events do not"
                              + " change (correct it with a corrections file instead)"));
                }
              }
              unchanged += earlierVersions(result, superseded, withdrawn, problems);
              if (!problems.isEmpty()) {
                problems.sort(java.util.Comparator.comparingInt(FieldProblem::line));
                throw new InvalidInputException("The file has errors", problems);
              }
              return new Checked(result, java.util.Arrays.copyOf(fresh, count), unchanged);
            });
    long checkedAt = System.nanoTime();
    EventLog log = checked.file().log();
    int[] fresh = checked.fresh();
    events.insertAll(log, fresh, checked.file()::refId);
    long storedAt = System.nanoTime();
    if (fresh.length > 0) {
      long lastId = events.lastId();
      events.setVersion(version + 1);
      afterCommit(
          () -> {
            long committedAt = System.nanoTime();
            live.appendCommitted(version, version + 1, log, fresh, checked.file()::refId, lastId);
            LOG.info(
                "Events import: {} new, {} unchanged; ready in {} ms, read in {} ms, checked in {}"
                    + " ms, stored in {} ms, committed in {} ms, added to the live log in {} ms",
                fresh.length,
                checked.unchanged(),
                (readAt[0] - start) / 1_000_000,
                (readAt[1] - readAt[0]) / 1_000_000,
                (checkedAt - readAt[1]) / 1_000_000,
                (storedAt - checkedAt) / 1_000_000,
                (committedAt - storedAt) / 1_000_000,
                (System.nanoTime() - committedAt) / 1_000_000);
          });
    }
    audit.record(
        "import",
        "case-events",
        null,
        fresh.length + " events imported, " + checked.unchanged() + " unchanged");
    return new ImportResult(fresh.length, checked.unchanged());
  }

  /**
   * Rows of an event file naming events that were corrected or withdrawn since: a row that is an
   * earlier version of its event (as it was before a correction) is counted as unchanged, so the
   * original file can be imported again; any other row is a problem.
   *
   * @return how many rows were earlier versions
   */
  private int earlierVersions(
      EventCsv.Result file,
      List<Integer> rows,
      Set<String> withdrawn,
      List<FieldProblem> problems) {
    if (rows.isEmpty()) {
      return 0;
    }
    Map<String, Set<String>> versions = new java.util.HashMap<>();
    for (CaseEventRepository.CorrectionRow c :
        events.correctionsOf(rows.stream().map(r -> file.log().eventId(r)).toList())) {
      versions.computeIfAbsent(c.eventId(), k -> new java.util.HashSet<>()).add(c.valuesBefore());
    }
    int earlier = 0;
    for (int row : rows) {
      String id = file.log().eventId(row);
      String line =
          EventCorrections.line(EventCorrections.values(file.log(), row, file.refId(row)));
      if (versions.getOrDefault(id, Set.of()).contains(line)) {
        earlier++;
      } else if (withdrawn.contains(id)) {
        problems.add(
            new FieldProblem(
                file.line(row),
                "event_id",
                "Event "
                    + id
                    + " was withdrawn (its case page shows why) and is not imported again; an"
                    + " event's id is never used for another event"));
      } else {
        problems.add(
            new FieldProblem(
                file.line(row),
                "event_id",
                "Event "
                    + id
                    + " was imported before with different details; events do not change (correct"
                    + " it with a corrections file instead)"));
      }
    }
    return earlier;
  }

  /** The event file, read once as it streams in. */
  private static EventCsv.Result read(
      InputStream file, Function<String, Optional<EventCsv.KnownEvent>> known) {
    try {
      return EventCsv.read(file, known);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Could not read the uploaded file", e);
    }
  }

  private static boolean sameEvent(
      EventLog file, int row, String refId, EventLog stored, int storedRow) {
    return file.at(row) == stored.at(storedRow)
        && file.type(row) == stored.type(storedRow)
        && same(file.cases(), file.caseOf(row), stored.cases(), stored.caseOf(storedRow))
        && same(file.children(), file.childOf(row), stored.children(), stored.childOf(storedRow))
        && same(file.workers(), file.workerOf(row), stored.workers(), stored.workerOf(storedRow))
        && same(file.teams(), file.teamOf(row), stored.teams(), stored.teamOf(storedRow))
        && same(file.details(), file.detailOf(row), stored.details(), stored.detailOf(storedRow))
        && java.util.Objects.equals(
            refId, stored.ref(storedRow) < 0 ? null : stored.eventId(stored.ref(storedRow)))
        && file.due(row) == stored.due(storedRow);
  }

  private static boolean same(
      EventLog.Dictionary a, int aIndex, EventLog.Dictionary b, int bIndex) {
    return java.util.Objects.equals(a.get(aIndex), b.get(bIndex));
  }

  /** What a corrections file (or form) did. */
  public record CorrectionResult(int corrected, int withdrawn, int unchanged)
      implements java.io.Serializable {}

  /**
   * Applies a corrections file (docs/timeliness.md, "Correcting events"): every row or none. Each
   * correction is kept with the values before and after, who made it, when and why, and audited.
   * Applying the same file again changes nothing.
   */
  @Requires(Capability.EDIT_TIMELINESS)
  @Transactional
  public CorrectionResult correctEvents(InputStream file) {
    String text;
    try {
      text =
          java.nio.charset.StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
              .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(file.readAllBytes()))
              .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new InvalidInputException(
          "The file has errors",
          List.of(new FieldProblem(0, "", "Is not UTF-8 text: save the file as CSV UTF-8")));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Could not read the uploaded file", e);
    }
    return correct(known -> EventCorrections.read(new java.io.StringReader(text), known));
  }

  /** Refuses a person who may not correct events (before a correction form is shown). */
  @Requires(Capability.EDIT_TIMELINESS)
  public void checkMayCorrect() {}

  /**
   * Applies one correction given as values by column (the correction form), by the same rules as
   * the file; its problems carry line 0.
   */
  @Requires(Capability.EDIT_TIMELINESS)
  @Transactional
  public CorrectionResult correctEvent(Map<String, String> values) {
    return correct(known -> EventCorrections.read(List.of(values), List.of(0), known));
  }

  private CorrectionResult correct(
      Function<Function<String, Optional<EventCsv.KnownEvent>>, EventCorrections.Result> reader) {
    OrganisationService.KnownIds council = organisation.knownIds();
    long version = events.lockVersion();
    live.refresh();
    Set<String> withdrawnBefore = events.withdrawnIds();
    EventCorrectionCheck.Plan plan =
        live.read(
            stored -> {
              EventLog known = stored.log();
              return EventCorrectionCheck.plan(
                  known,
                  reader.apply(EventCsv.KnownEvent.in(known)),
                  withdrawnBefore,
                  council,
                  row -> refId(known, row));
            });
    List<EventCorrectionCheck.Change> changes = plan.changes();
    int corrected = 0;
    int withdrawn = 0;
    java.time.Instant now = clock.instant();
    String by = AuditLog.actor();
    for (EventCorrectionCheck.Change change : changes) {
      EventCorrections.Correction c = change.correction();
      boolean withdraw = change.after() == null;
      if (withdraw) {
        events.delete(c.eventId());
        withdrawn++;
      } else {
        events.replace(change.event());
        corrected++;
      }
      events.insertCorrection(
          new CaseEventRepository.CorrectionRow(
              c.eventId(),
              withdraw ? "withdrawn" : "corrected",
              c.reason(),
              emptyAsNull(change.before().get(3)),
              withdraw ? null : emptyAsNull(change.after().get(3)),
              EventCorrections.line(change.before()),
              withdraw ? null : EventCorrections.line(change.after()),
              now,
              by));
      audit.record(
          withdraw ? "withdraw" : "correct",
          "case-event",
          c.eventId(),
          withdraw
              ? "event withdrawn"
              : "event corrected: " + changedColumns(change.before(), change.after()));
    }
    if (!changes.isEmpty()) {
      events.setVersion(version + 1);
      events.markRebuilt();
      afterCommit(live::refresh);
    }
    return new CorrectionResult(corrected, withdrawn, plan.unchanged());
  }

  /** The columns a correction changed, by name (never their values). */
  private static String changedColumns(List<String> before, List<String> after) {
    List<String> changed = new ArrayList<>();
    for (int i = 1; i < before.size(); i++) {
      if (!before.get(i).equals(after.get(i))) {
        changed.add(EventCsv.HEADER.get(i));
      }
    }
    return String.join(", ", changed);
  }

  private String refId(EventLog log, int row) {
    int ref = log.ref(row);
    return ref >= 0 ? log.eventId(ref) : live.waitingRef(row);
  }

  private static String emptyAsNull(String value) {
    return value.isEmpty() ? null : value;
  }

  /**
   * A correction as the case page shows it: the event, whether it was corrected or withdrawn, why,
   * when and by whom (their name), and the event's values before and after (null when withdrawn),
   * in the order of {@link EventCsv#HEADER}.
   */
  public record Correction(
      String eventId,
      boolean withdrawn,
      String reason,
      Instant madeAt,
      String madeBy,
      List<String> before,
      List<String> after) {}

  /** The corrections of the events that are or were on a case, oldest first. */
  @Requires(Capability.READ_CASES)
  public List<Correction> corrections(String caseRef) {
    List<CaseEventRepository.CorrectionRow> rows = events.corrections(caseRef);
    Map<String, String> people =
        audit.people(rows.stream().map(CaseEventRepository.CorrectionRow::madeBy).toList());
    return rows.stream()
        .map(
            r ->
                new Correction(
                    r.eventId(),
                    r.action().equals("withdrawn"),
                    r.reason(),
                    r.madeAt(),
                    people.getOrDefault(r.madeBy(), r.madeBy()),
                    EventCorrections.values(r.valuesBefore()),
                    r.valuesAfter() == null ? null : EventCorrections.values(r.valuesAfter())))
        .toList();
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
  @Requires(Capability.ALLOCATE)
  @Transactional
  public List<String> recordAllocations(List<Allocation> allocations) {
    long version = events.lockVersion();
    List<CaseEvent> rows = new ArrayList<>();
    for (Allocation a : allocations) {
      rows.add(
          new CaseEvent(
              "alloc-" + UUID.randomUUID(),
              a.at(),
              EventType.ALLOCATED.code(),
              a.caseRef(),
              a.childRef(),
              a.workerRef(),
              a.teamRef(),
              null,
              null,
              null));
    }
    events.insertAll(rows.size(), rows::get);
    if (!rows.isEmpty()) {
      changed(version);
    }
    return rows.stream().map(CaseEvent::eventId).toList();
  }

  /** What a children import did. */
  public record ChildrenImport(int created, int updated, int unchanged) {}

  /**
   * Imports a children file (child_id, date_of_birth, family_group): every row or none. A child
   * already stored with the same details is unchanged; with other details (a new sibling's family
   * group, a corrected date of birth), updated.
   */
  @Requires(Capability.EDIT_TIMELINESS)
  @Transactional
  public ChildrenImport importChildren(Reader file) {
    ChildCsv.Result result = ChildCsv.read(file);
    if (!result.problems().isEmpty()) {
      throw new InvalidInputException("The file has errors", result.problems());
    }
    ChildrenImport done = storeChildren(result.children());
    audit.record(
        "import",
        "children",
        null,
        done.created()
            + " children added, "
            + done.updated()
            + " updated, "
            + done.unchanged()
            + " unchanged");
    return done;
  }

  /** Stores children's details (the demo council's, an import's), one transaction. */
  @Transactional
  public ChildrenImport storeChildren(List<ChildCsv.Child> children) {
    long version = events.lockVersion();
    Map<String, ChildRow> stored = events.children();
    List<ChildRow> created = new ArrayList<>();
    List<ChildRow> updated = new ArrayList<>();
    int unchanged = 0;
    for (ChildCsv.Child c : children) {
      ChildRow row = new ChildRow(c.id(), c.dateOfBirth(), c.familyGroup());
      ChildRow before = stored.get(c.id());
      if (before == null) {
        created.add(row);
      } else if (before.equals(row)) {
        unchanged++;
      } else {
        updated.add(row);
      }
    }
    events.insertChildren(created);
    events.updateChildren(updated);
    if (!created.isEmpty() || !updated.isEmpty()) {
      changed(version);
    }
    return new ChildrenImport(created.size(), updated.size(), unchanged);
  }

  /**
   * Moves the change number on (the caller holds the write lock) and, once the transaction has
   * committed, brings this instance's log up to date; other instances see the new number.
   */
  private void changed(long version) {
    events.setVersion(version + 1);
    afterCommit(live::refresh);
  }

  private static void afterCommit(Runnable work) {
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            work.run();
          }
        });
  }
}
