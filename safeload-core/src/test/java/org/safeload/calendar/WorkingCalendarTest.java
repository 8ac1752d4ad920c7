package org.safeload.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

  private final WorkingCalendar calendar = WorkingCalendar.englandAndWales();

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void theOneOffHolidaysOf2022And2023AreDaysOff() {
    assertThat(calendar.isWorkingDay(d("2022-06-02"))).isFalse(); // spring bank holiday, moved
    assertThat(calendar.isWorkingDay(d("2022-06-03"))).isFalse(); // platinum jubilee
    assertThat(calendar.isWorkingDay(d("2022-09-19"))).isFalse(); // state funeral
    assertThat(calendar.isWorkingDay(d("2023-05-08"))).isFalse(); // coronation
    assertThat(calendar.isWorkingDay(d("2022-05-30"))).isTrue(); // the usual last Monday of May
    // September 2022: 22 weekdays less the state funeral.
    assertThat(calendar.workingDays(d("2022-09-01"), d("2022-09-30"))).isEqualTo(21);
  }

  @Test
  void aDeadlineRunsOverABankHolidayAndAWeekend() {
    // Within 5 working days of Wednesday 1 June 2022: Thu 2 and Fri 3 are bank holidays, then the
    // weekend; Mon 6 is day 1 ... Fri 10 is day 5.
    assertThat(calendar.workingDaysAfter(d("2022-06-01"), 5)).isEqualTo(d("2022-06-10"));
    // From Friday 23 December 2022: Mon 26 (Boxing Day) and Tue 27 (Christmas, substitute) are
    // off, so one working day later is Wednesday 28.
    assertThat(calendar.workingDaysAfter(d("2022-12-23"), 1)).isEqualTo(d("2022-12-28"));
    // Day 0 need not be a working day: from Saturday 4 June 2022, day 1 is Monday 6 June.
    assertThat(calendar.workingDaysAfter(d("2022-06-04"), 1)).isEqualTo(d("2022-06-06"));
  }

  @Test
  void aDeadlinePastTheCalendarsLastYearCountsWeekdays() {
    // From Thursday 20 December 2040: Fri 21 is day 1, Mon 24 day 2, Christmas and Boxing Day off,
    // Thu 27 day 3, Fri 28 day 4, Mon 31 day 5. Past 2040 no bank holiday is known: Tuesday 1
    // January 2041 is day 6, and day 10 is Monday 7 January.
    assertThat(calendar.workingDaysAfter(d("2040-12-20"), 5)).isEqualTo(d("2040-12-31"));
    assertThat(calendar.workingDaysAfter(d("2040-12-20"), 6)).isEqualTo(d("2041-01-01"));
    assertThat(calendar.workingDaysAfter(d("2040-12-20"), 10)).isEqualTo(d("2041-01-07"));
    assertThat(calendar.workingDaysAfter((int) d("2040-12-20").toEpochDay(), 10))
        .isEqualTo((int) d("2041-01-07").toEpochDay());
    assertThat(calendar.workingDaysAfter(d("2041-01-04"), 1)).isEqualTo(d("2041-01-07"));
  }

  @Test
  void countsBeforeADueDate() {
    // Three working days before Tuesday 7 June 2022: Mon 6, then (Fri 3 and Thu 2 being holidays)
    // Wed 1, then Tue 31 May.
    assertThat(calendar.workingDaysBefore(d("2022-06-07"), 3)).isEqualTo(d("2022-05-31"));
    assertThat(calendar.workingDaysBefore(d("2025-01-06"), 1)).isEqualTo(d("2025-01-03"));
  }

  @Test
  void aYearHasTheWorkingDaysItShould() {
    // 2024: 262 weekdays less 8 bank holidays, all on weekdays.
    assertThat(calendar.workingDays(d("2024-01-01"), d("2024-12-31"))).isEqualTo(254);
    assertThat(calendar.daysOff(d("2024-01-01"), d("2024-12-31"))).hasSize(8);
    assertThat(calendar.workingDays(d("2024-01-02"), d("2024-01-01"))).isZero();
  }

  @Test
  void councilClosureDaysAreAddedByConfiguration() {
    WorkingCalendar withClosure =
        WorkingCalendar.englandAndWales(
            List.of(new WorkingCalendar.DayOff(d("2024-12-27"), "Council closure")));
    assertThat(withClosure.isWorkingDay(d("2024-12-27"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2024-12-27"))).isTrue();
    assertThat(withClosure.daysOff(d("2024-12-27"), d("2024-12-27")))
        .containsExactly(new WorkingCalendar.DayOff(d("2024-12-27"), "Council closure"));
  }

  @Test
  void refusesDatesOutsideItsRange() {
    assertThatThrownBy(() -> calendar.isWorkingDay(d("1999-12-31")))
        .hasMessageContaining("outside the working-day calendar");
    assertThat(calendar.isWorkingDay(d("2040-12-31"))).isTrue();
  }

  @RepeatedTest(20)
  void agreesWithCountingDayByDay() {
    long seed = System.nanoTime();
    System.out.println("WorkingCalendarTest seed " + seed);
    Random random = new Random(seed);
    LocalDate from = d("2000-01-01").plusDays(random.nextInt(14_000));
    LocalDate to = from.plusDays(random.nextInt(400));
    int slow = 0;
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      if (calendar.isWorkingDay(day)) {
        slow++;
      }
    }
    assertThat(calendar.workingDays(from, to)).as("seed %d", seed).isEqualTo(slow);
    int n = 1 + random.nextInt(60);
    LocalDate stepped = from;
    for (int i = 0; i < n; ) {
      stepped = stepped.plusDays(1);
      if (calendar.isWorkingDay(stepped)) {
        i++;
      }
    }
    assertThat(calendar.workingDaysAfter(from, n)).as("seed %d", seed).isEqualTo(stepped);
  }
}
