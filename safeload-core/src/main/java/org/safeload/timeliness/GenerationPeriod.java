package org.safeload.timeliness;

import java.time.LocalDate;
import org.safeload.calendar.WorkingCalendar;

/**
 * The period an {@link EventGenerator} generates, from its first to its last day, and the working
 * days its events fall on.
 */
record GenerationPeriod(WorkingCalendar calendar, LocalDate start, LocalDate end) {

  /** {@code n} working days after a day; the day itself when {@code n} is 0 or less. */
  LocalDate workingDays(LocalDate from, int n) {
    return n <= 0 ? from : calendar.workingDaysAfter(from, n);
  }

  /** The period's first working day. */
  LocalDate firstWorkingDay() {
    return calendar.workingDaysAfter(start.minusDays(1), 1);
  }
}
