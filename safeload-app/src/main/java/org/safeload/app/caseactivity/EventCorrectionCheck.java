package org.safeload.app.caseactivity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.document.FieldProblem;
import org.safeload.timeliness.EventCorrections;
import org.safeload.timeliness.EventLog;

/**
 * Checks a corrections file (or form) against the stored events and works out what it changes
 * (docs/timeliness.md, "Correcting events"): an event not stored, one withdrawn before, a team or
 * worker not the council's, an event others refer to withdrawn or its kind changed without them;
 * every problem at once, or the changes to make. {@link CaseActivity} makes them.
 */
final class EventCorrectionCheck {

  private EventCorrectionCheck() {}

  /** One event's change: its values before and after (null when withdrawn), as the file gives. */
  record Change(
      EventCorrections.Correction correction,
      List<String> before,
      List<String> after,
      CaseEvent event) {}

  /** The changes to make, and how many rows change nothing. */
  record Plan(List<Change> changes, int unchanged) {}

  /**
   * @param known the stored events
   * @param withdrawnBefore the ids of events withdrawn by earlier corrections
   * @param refId the id of the event a stored row refers to (stored or still awaited), or null
   * @throws InvalidInputException naming every problem, if there are any
   */
  static Plan plan(
      EventLog known,
      EventCorrections.Result result,
      Set<String> withdrawnBefore,
      OrganisationService.KnownIds council,
      IntFunction<String> refId) {
    List<Change> changes = new ArrayList<>();
    int unchanged = 0;
    if (!result.problems().isEmpty()) {
      throw new InvalidInputException("The corrections have errors", result.problems());
    }
    Map<String, EventCorrections.Correction> inFile = new java.util.HashMap<>();
    result.corrections().forEach(c -> inFile.put(c.eventId(), c));
    Map<Integer, List<Integer>> referrers = referrers(known, inFile.keySet());
    List<FieldProblem> problems = new ArrayList<>();
    EventLog values = result.values() == null ? null : result.values().log();
    boolean[] teamSeen = new boolean[values == null ? 0 : values.teams().size()];
    boolean[] workerSeen = new boolean[values == null ? 0 : values.workers().size()];
    for (EventCorrections.Correction c : result.corrections()) {
      int row = known.rowOf(c.eventId());
      if (row < 0) {
        if (withdrawnBefore.contains(c.eventId())
            && c.action() == EventCorrections.Action.WITHDRAW) {
          unchanged++;
        } else {
          problems.add(
              new FieldProblem(
                  c.line(),
                  "event_id",
                  withdrawnBefore.contains(c.eventId())
                      ? "Event " + c.eventId() + " was withdrawn; it cannot be corrected"
                      : "No event with the id " + c.eventId() + " is stored"));
        }
        continue;
      }
      List<String> before = EventCorrections.values(known, row, refId.apply(row));
      if (c.action() == EventCorrections.Action.WITHDRAW) {
        for (String by : referrersNotInFile(known, referrers, row, inFile)) {
          problems.add(
              new FieldProblem(
                  c.line(),
                  "event_id",
                  "Event "
                      + by
                      + " refers to this event; correct or withdraw it in the same file"));
        }
        changes.add(new Change(c, before, null, null));
        continue;
      }
      List<String> after = EventCorrections.values(values, c.row(), result.values().refId(c.row()));
      if (after.equals(before)) {
        unchanged++;
        continue;
      }
      CaseActivity.councilHas(
          problems,
          c.line(),
          "team_id",
          values.teamOf(c.row()),
          values.teams(),
          council.teams(),
          teamSeen);
      CaseActivity.councilHas(
          problems,
          c.line(),
          "worker_id",
          values.workerOf(c.row()),
          values.workers(),
          council.workers(),
          workerSeen);
      boolean keepsKind =
          values.type(c.row()) == known.type(row)
              && java.util.Objects.equals(after.get(3), before.get(3));
      if (!keepsKind) {
        for (String by : referrersNotInFile(known, referrers, row, inFile)) {
          problems.add(
              new FieldProblem(
                  c.line(),
                  "type",
                  "Event "
                      + by
                      + " refers to this event, so its type and case stay; correct "
                      + by
                      + " in the same file to change them"));
        }
      }
      changes.add(
          new Change(
              c, before, after, CaseEvent.of(values, c.row(), result.values().refId(c.row()))));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("The corrections have errors", problems);
    }
    return new Plan(changes, unchanged);
  }

  /** The ids of the stored events that refer to row {@code row} and the file does not correct. */
  private static List<String> referrersNotInFile(
      EventLog known,
      Map<Integer, List<Integer>> referrers,
      int row,
      Map<String, EventCorrections.Correction> inFile) {
    List<String> ids = new ArrayList<>();
    for (int referrer : referrers.getOrDefault(row, List.of())) {
      String by = known.eventId(referrer);
      if (!inFile.containsKey(by)) {
        ids.add(by);
      }
    }
    return ids;
  }

  /** For each of the events named, the rows of the stored events that refer to it. */
  private static Map<Integer, List<Integer>> referrers(EventLog log, Set<String> eventIds) {
    Set<Integer> targets = new java.util.HashSet<>();
    for (String id : eventIds) {
      int row = log.rowOf(id);
      if (row >= 0) {
        targets.add(row);
      }
    }
    Map<Integer, List<Integer>> referrers = new java.util.HashMap<>();
    if (targets.isEmpty()) {
      return referrers;
    }
    for (int row = 0; row < log.size(); row++) {
      int ref = log.ref(row);
      if (ref >= 0 && targets.contains(ref)) {
        referrers.computeIfAbsent(ref, k -> new ArrayList<>()).add(row);
      }
    }
    return referrers;
  }
}
