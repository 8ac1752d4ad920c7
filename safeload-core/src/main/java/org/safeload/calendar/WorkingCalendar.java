package org.safeload.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * England and Wales working days: Monday to Friday except bank holidays (from jollyday, including
 * the one-off days such as 3 June 2022, 19 September 2022 and 8 May 2023) and any council closure
 * days added by configuration. Built once over a range of years with a precomputed index, so that
 * counting and stepping working days are O(1).
 *
 * <p>Conventions (docs/calendar.md): "within N working days of D" ends at the end of the N-th
 * working day after the calendar date of D, D itself being day 0 whether or not it is a working
 * day.
 */
public final class WorkingCalendar {

  /** A day off: its date and its name. */
  public record DayOff(LocalDate date, String name) {}

  public static final int FIRST_YEAR = 2000;
  public static final int LAST_YEAR = 2040;

  private static volatile WorkingCalendar englandAndWales;

  private final LocalDate first;
  private final LocalDate last;
  private final Map<LocalDate, String> daysOff;

  /** workingUpTo[i]: working days from {@code first} to {@code first + i}, inclusive. */
  private final int[] workingUpTo;

  /** The epoch day of each working day, in order. */
  private final long[] workingDays;

  private WorkingCalendar(int fromYear, int toYear, Map<LocalDate, String> daysOff) {
    this.first = LocalDate.of(fromYear, 1, 1);
    this.last = LocalDate.of(toYear, 12, 31);
    this.daysOff = Map.copyOf(daysOff);
    int days = (int) (last.toEpochDay() - first.toEpochDay() + 1);
    workingUpTo = new int[days];
    long[] working = new long[days];
    int count = 0;
    for (int i = 0; i < days; i++) {
      LocalDate date = first.plusDays(i);
      if (isWeekday(date) && !daysOff.containsKey(date)) {
        working[count++] = date.toEpochDay();
      }
      workingUpTo[i] = count;
    }
    workingDays = java.util.Arrays.copyOf(working, count);
  }

  /** England and Wales, 2000 to 2040, with no extra closure days (built once, then shared). */
  public static WorkingCalendar englandAndWales() {
    WorkingCalendar calendar = englandAndWales;
    if (calendar == null) {
      synchronized (WorkingCalendar.class) {
        calendar = englandAndWales;
        if (calendar == null) {
          calendar = englandAndWales(List.of());
          englandAndWales = calendar;
        }
      }
    }
    return calendar;
  }

  /** England and Wales, 2000 to 2040, with the council's own closure days too. */
  public static WorkingCalendar englandAndWales(Collection<DayOff> closures) {
    Map<LocalDate, String> daysOff = new TreeMap<>();
    HolidayManager manager =
        HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
    for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      for (Holiday holiday : manager.getHolidays(Year.of(year), "eng")) {
        daysOff.put(holiday.getDate(), holiday.getDescription(Locale.UK));
      }
    }
    for (DayOff closure : closures) {
      daysOff.putIfAbsent(closure.date(), closure.name());
    }
    return new WorkingCalendar(FIRST_YEAR, LAST_YEAR, daysOff);
  }

  private static boolean isWeekday(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
  }

  private int index(LocalDate date) {
    if (date.isBefore(first) || date.isAfter(last)) {
      throw new IllegalArgumentException(
          date + " is outside the working-day calendar (" + first + " to " + last + ")");
    }
    return (int) (date.toEpochDay() - first.toEpochDay());
  }

  public LocalDate first() {
    return first;
  }

  public LocalDate last() {
    return last;
  }

  public boolean isWorkingDay(LocalDate date) {
    int i = index(date);
    return workingUpTo[i] != (i == 0 ? 0 : workingUpTo[i - 1]);
  }

  /** Working days from one date to another, both included (0 if {@code to} is before). */
  public int workingDays(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      return 0;
    }
    int a = index(from);
    return workingUpTo[index(to)] - (a == 0 ? 0 : workingUpTo[a - 1]);
  }

  /** The N-th working day after a date (the date itself is day 0). N must be at least 1. */
  public LocalDate workingDaysAfter(LocalDate date, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1");
    }
    if (date.isAfter(last)) {
      return weekdaysAfter(date, n);
    }
    int position = workingUpTo[index(date)] + n - 1;
    if (position >= workingDays.length) {
      int lastWorking = workingDays.length - 1;
      return weekdaysAfter(LocalDate.ofEpochDay(workingDays[lastWorking]), position - lastWorking);
    }
    return LocalDate.ofEpochDay(workingDays[position]);
  }

  /**
   * The N-th weekday after a date: beyond the calendar's last year no bank holiday is known, so a
   * deadline that runs past it counts every weekday (a page never fails for an event late in the
   * last year).
   */
  private static LocalDate weekdaysAfter(LocalDate date, int n) {
    LocalDate day = date;
    for (int left = n; left > 0; ) {
      day = day.plusDays(1);
      if (isWeekday(day)) {
        left--;
      }
    }
    return day;
  }

  /** {@link #workingDaysAfter(LocalDate, int)} on epoch days, without creating objects. */
  public int workingDaysAfter(int epochDay, int n) {
    int i = (int) (epochDay - first.toEpochDay());
    if (n < 1 || i < 0 || i >= workingUpTo.length) {
      return (int) workingDaysAfter(LocalDate.ofEpochDay(epochDay), n).toEpochDay();
    }
    int position = workingUpTo[i] + n - 1;
    if (position >= workingDays.length) {
      return (int) workingDaysAfter(LocalDate.ofEpochDay(epochDay), n).toEpochDay();
    }
    return (int) workingDays[position];
  }

  /** {@link #workingDaysBefore(LocalDate, int)} on epoch days, without creating objects. */
  public int workingDaysBefore(int epochDay, int n) {
    int i = (int) (epochDay - first.toEpochDay());
    if (n < 1 || i <= 0 || i >= workingUpTo.length) {
      return (int) workingDaysBefore(LocalDate.ofEpochDay(epochDay), n).toEpochDay();
    }
    int position = workingUpTo[i - 1] - n;
    if (position < 0) {
      throw new IllegalArgumentException("before the working-day calendar");
    }
    return (int) workingDays[position];
  }

  /** The N-th working day before a date (the date itself is not counted). N must be at least 1. */
  public LocalDate workingDaysBefore(LocalDate date, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1");
    }
    int i = index(date);
    int position = (i == 0 ? 0 : workingUpTo[i - 1]) - n;
    if (position < 0) {
      throw new IllegalArgumentException("before the working-day calendar");
    }
    return LocalDate.ofEpochDay(workingDays[position]);
  }

  /** The days off on weekdays and weekends alike (bank holidays and closures), in date order. */
  public List<DayOff> daysOff(LocalDate from, LocalDate to) {
    List<DayOff> result = new ArrayList<>();
    new TreeMap<>(daysOff)
        .subMap(from, true, to, true)
        .forEach((date, name) -> result.add(new DayOff(date, name)));
    return result;
  }
}
