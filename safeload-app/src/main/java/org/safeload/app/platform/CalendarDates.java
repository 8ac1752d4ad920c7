package org.safeload.app.platform;

import java.time.LocalDate;
import java.util.Optional;
import org.safeload.calendar.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * The one rule for a date a person asks figures for (an as-of date, a caseload date, a period's
 * ends): it must lie within the working-day calendar, and is refused with the field named
 * otherwise, never a failed page.
 */
@Component
public class CalendarDates {

  private static final Show SHOW = new Show();

  private final WorkingCalendar calendar;

  public CalendarDates(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  /** Why the date cannot be used (outside the calendar), if it cannot. */
  public Optional<String> problem(LocalDate date) {
    if (date.isBefore(calendar.first()) || date.isAfter(calendar.last())) {
      return Optional.of(
          "Must be a date from "
              + SHOW.date(calendar.first())
              + " to "
              + SHOW.date(calendar.last())
              + " (not "
              + SHOW.date(date)
              + ")");
    }
    return Optional.empty();
  }

  /** Refuses a date outside the calendar, naming the field. */
  public void check(LocalDate date, String field) {
    problem(date)
        .ifPresent(
            message -> {
              throw new InvalidInputException(field, message);
            });
  }
}
