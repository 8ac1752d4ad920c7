package org.safeload.caseload;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.caseload.CaseBook.OpenCase;

/**
 * Open cases without a worker who can hold them on a date: never allocated, transferred to a team
 * without a worker, or held by a worker who has left. Oldest first, with their age in working days.
 */
public final class UnallocatedQueue {

  /**
   * A case waiting for a worker.
   *
   * @param since the day it became unallocated
   * @param workingDays working days from {@code since} (day 0) to the date
   * @param formerWorker the worker who has left, when that is why
   */
  public record Waiting(OpenCase openCase, LocalDate since, int workingDays, String formerWorker) {}

  private UnallocatedQueue() {}

  /**
   * @param stillHolds whether a worker can still hold cases on a date (false once they have left)
   * @param leftOn the last day of a worker who has left, or null
   */
  public static List<Waiting> on(
      List<OpenCase> open,
      LocalDate date,
      WorkingCalendar calendar,
      BiPredicate<String, LocalDate> stillHolds,
      java.util.function.Function<String, LocalDate> leftOn) {
    List<Waiting> waiting = new ArrayList<>();
    for (OpenCase c : open) {
      if (c.worker() == null) {
        waiting.add(new Waiting(c, c.since(), age(calendar, c.since(), date), null));
      } else if (!stillHolds.test(c.worker(), date)) {
        LocalDate left = leftOn.apply(c.worker());
        LocalDate since = left == null ? c.since() : left.plusDays(1);
        if (since.isBefore(c.since())) {
          since = c.since();
        }
        waiting.add(new Waiting(c, since, age(calendar, since, date), c.worker()));
      }
    }
    waiting.sort(Comparator.comparing(Waiting::since).thenComparing(w -> w.openCase().caseId()));
    return waiting;
  }

  private static int age(WorkingCalendar calendar, LocalDate since, LocalDate date) {
    // The day it became unallocated is day 0 (the brief's convention for "within N working days").
    return since.isAfter(date) ? 0 : calendar.workingDays(since.plusDays(1), date);
  }
}
