package org.safeload.app.cli;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.safeload.calendar.WorkingCalendar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Working days and bank holidays between two dates. */
@Command(
    name = "calendar",
    mixinStandardHelpOptions = true,
    description =
        "England and Wales working days and bank holidays between two dates (both included).")
public class CalendarCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--from", required = true, paramLabel = "DATE")
  LocalDate from;

  @Option(names = "--to", required = true, paramLabel = "DATE")
  LocalDate to;

  @Option(names = "--format", defaultValue = "json", paramLabel = "json|table")
  String format;

  @Mixin CalendarOptions calendarOptions = new CalendarOptions();

  @Override
  public Integer call() {
    if (to.isBefore(from)) {
      spec.commandLine().getErr().println("--to must be on or after --from");
      return 2;
    }
    WorkingCalendar calendar = calendarOptions.calendar();
    int working;
    List<WorkingCalendar.DayOff> holidays;
    try {
      working = calendar.workingDays(from, to);
      holidays = calendar.daysOff(from, to);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 2;
    }
    if ("table".equals(format)) {
      spec.commandLine().getOut().printf("From %s to %s: %d working days%n", from, to, working);
      for (WorkingCalendar.DayOff day : holidays) {
        spec.commandLine().getOut().printf("%s  %s%n", day.date(), day.name());
      }
    } else {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("from", from.toString());
      json.put("to", to.toString());
      json.put("workingDays", working);
      json.put(
          "bankHolidays",
          holidays.stream()
              .map(d -> Map.of("date", d.date().toString(), "name", d.name()))
              .toList());
      spec.commandLine().getOut().println(EvaluateCommand.json().writeValueAsString(json));
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
