package org.safeload.app.annexa;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.safeload.extract.Extract;
import org.safeload.extract.ExtractProblem;
import org.safeload.extract.ListReport;

/**
 * The mapping report of a workbook, before anything is imported: what was read from each list and
 * what was skipped and why, the rows that could not be read, the cases with no worker, the rules it
 * cannot measure, and each worker and team it names with its match in Safeload.
 *
 * @param refused rows could not be read and they were not to be skipped: nothing can be imported
 * @param unallocated the cases with no worker, each with the list and row it was read from
 * @param notMeasured the statutory rules the workbook cannot measure (by id), with why: left out of
 *     the rule set it is measured with
 * @param workers the workers the workbook's cases are allocated to (a name a list gives for a case
 *     another list's worker holds is left out: nothing is imported for it)
 * @param teams the teams the workbook's cases are in
 */
public record Report(
    String kind,
    String file,
    LocalDate extractDate,
    boolean refused,
    boolean skipInvalid,
    long cases,
    int events,
    int children,
    List<ListReport> lists,
    List<ExtractProblem> problems,
    long unreadableRows,
    List<String> unallocated,
    Map<String, String> notMeasured,
    List<NameMatch> workers,
    List<NameMatch> teams) {

  static Report of(Extract x, List<NameMatch> workers, List<NameMatch> teams) {
    return new Report(
        x.kind(),
        x.file(),
        x.extractDate(),
        x.refused(),
        x.skipInvalid(),
        x.cases(),
        x.events().size(),
        x.children().size(),
        x.lists(),
        x.problems(),
        x.unreadableRows(),
        x.unallocated(),
        x.notMeasured(),
        workers,
        teams);
  }

  /** The workers with no match in Safeload. */
  public List<NameMatch> unmatchedWorkers() {
    return workers.stream().filter(w -> !w.matched()).toList();
  }

  /** The teams with no match in Safeload. */
  public List<NameMatch> unmatchedTeams() {
    return teams.stream().filter(t -> !t.matched()).toList();
  }
}
