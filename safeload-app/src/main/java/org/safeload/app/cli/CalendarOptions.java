package org.safeload.app.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.safeload.calendar.WorkingCalendar;
import picocli.CommandLine.Option;

/** The working-day calendar of a command, with the council's closure days. */
class CalendarOptions {

  @Option(
      names = "--closures",
      split = ",",
      paramLabel = "DATE",
      description = "Council closure days, not working days (as SAFELOAD_CALENDAR_CLOSURES).")
  List<LocalDate> closures = new ArrayList<>();

  WorkingCalendar calendar() {
    return closures.isEmpty()
        ? WorkingCalendar.englandAndWales()
        : WorkingCalendar.englandAndWales(
            closures.stream().map(d -> new WorkingCalendar.DayOff(d, "Council closure")).toList());
  }
}
