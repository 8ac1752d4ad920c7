package org.safeload.extract;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeload.timeliness.ChildCsv;

/**
 * A council's return read as Safeload's case activity: the events (in file order), the children,
 * the workers and teams named (with the ids the events use), what was read from each list, and the
 * rows that could not be read. With {@code problems} and without {@code skipInvalid}, nothing is
 * imported: {@link #refused()}.
 *
 * @param kind what was read ("Ofsted Annex A", "Children in need census")
 * @param unallocated the cases with no worker (blank or {@code #N/A} everywhere), with their list
 *     and row
 * @param notMeasured the statutory rules the return cannot measure, by id, with the reason: they
 *     are left out of the rules written with it
 */
public record Extract(
    String kind,
    String file,
    LocalDate extractDate,
    List<ExtractEvent> events,
    List<ChildCsv.Child> children,
    List<Named> workers,
    List<Named> teams,
    List<ListReport> lists,
    List<ExtractProblem> problems,
    List<String> unallocated,
    Map<String, String> notMeasured,
    boolean skipInvalid) {

  public Extract {
    events = List.copyOf(events);
    children = List.copyOf(children);
    workers = List.copyOf(workers);
    teams = List.copyOf(teams);
    lists = List.copyOf(lists);
    problems = List.copyOf(problems);
    unallocated = List.copyOf(unallocated);
    notMeasured = Collections.unmodifiableMap(new LinkedHashMap<>(notMeasured));
  }

  /**
   * True when rows could not be read and the reader was not told to skip them, or when nothing
   * could be read at all.
   */
  public boolean refused() {
    return !problems.isEmpty() && (!skipInvalid || events.isEmpty());
  }

  /** Whether reading with skipInvalid would import something: some rows could be read. */
  public boolean skippable() {
    return !events.isEmpty();
  }

  /**
   * How many rows could not be read: a row with two bad cells is one row (a problem with the file
   * or a sheet as a whole counts as one).
   */
  public long unreadableRows() {
    return problems.stream()
        .map(p -> p.row() > 0 ? p.sheet() + "\u0000" + p.row() : p.text())
        .distinct()
        .count();
  }

  /** The number of cases (episodes). */
  public long cases() {
    return events.stream().map(ExtractEvent::caseId).distinct().count();
  }
}
