package org.safeload.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.caseload.UnallocatedQueue.Waiting;

class UnallocatedQueueTest {

  private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  private static List<Waiting> queue(CaseBook book, LocalDate on, Map<String, LocalDate> left) {
    return UnallocatedQueue.on(
        book.openOn(on),
        on,
        CALENDAR,
        (worker, date) -> !left.containsKey(worker) || !date.isAfter(left.get(worker)),
        left::get);
  }

  @Test
  void ageIsInWorkingDaysOverTheChristmasBankHolidays() {
    // Unallocated since Thursday 21 Dec 2023 (day 0). To Wednesday 27 Dec: Fri 22 (1), Sat 23 and
    // Sun 24 (weekend), Mon 25 and Tue 26 (Christmas Day, Boxing Day), Wed 27 (2).
    CaseBook book = Events.log().add("2023-12-21T16:00", "referral", "C1", "K1", null, "T1").book();
    List<Waiting> waiting = queue(book, d("2023-12-27"), Map.of());
    assertThat(waiting)
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.openCase().caseId()).isEqualTo("C1");
              assertThat(w.since()).isEqualTo(d("2023-12-21"));
              assertThat(w.workingDays()).isEqualTo(2);
              assertThat(w.formerWorker()).isNull();
            });
    // on the day itself it is 0; on Friday 22 it is 1; over Christmas still 1
    assertThat(queue(book, d("2023-12-21"), Map.of()).getFirst().workingDays()).isZero();
    assertThat(queue(book, d("2023-12-22"), Map.of()).getFirst().workingDays()).isEqualTo(1);
    assertThat(queue(book, d("2023-12-26"), Map.of()).getFirst().workingDays()).isEqualTo(1);
  }

  @Test
  void theJubileeBankHolidaysDoNotCount() {
    // Wed 1 June 2022 is day 0; Thu 2 and Fri 3 June 2022 were bank holidays; Mon 6 June is the
    // first working day after it, Tue 7 the second.
    CaseBook book = Events.log().add("2022-06-01T10:00", "referral", "C1", "K1", null, "T1").book();
    assertThat(queue(book, d("2022-06-06"), Map.of()).getFirst().workingDays()).isEqualTo(1);
    assertThat(queue(book, d("2022-06-07"), Map.of()).getFirst().workingDays()).isEqualTo(2);
  }

  @Test
  void aWeekendDayZeroCountsFromTheNextWorkingDay() {
    // transferred to T2 without a worker on Saturday 23 Dec 2023; by Wed 27: only Wed 27
    CaseBook book =
        Events.log()
            .add("2023-12-01T09:00", "allocated", "C1", "K1", "W1", "T1")
            .add("2023-12-23T11:00", "transferred", "C1", "K1", null, "T2")
            .book();
    Waiting w = queue(book, d("2023-12-27"), Map.of()).getFirst();
    assertThat(w.since()).isEqualTo(d("2023-12-23"));
    assertThat(w.workingDays()).isEqualTo(1);
  }

  @Test
  void aLeaversCasesWaitFromTheDayAfterTheyLeft() {
    // W1's last day: Friday 15 Dec 2023. Their cases wait from Saturday 16 (day 0).
    // To Wed 27 Dec: Mon 18, Tue 19, Wed 20, Thu 21, Fri 22, Wed 27 = 6 working days.
    // A case given to W1 on Wed 20 Dec (after they left) waits from then: Thu 21, Fri 22, Wed 27 =
    // 3. W2 has not left: their case is not waiting. C1 is unallocated since Thu 21 Dec (2).
    CaseBook book =
        Events.log()
            .add("2023-12-04T09:00", "allocated", "C2", "K2", "W1", "T1")
            .add("2023-12-20T09:00", "allocated", "C3", "K3", "W1", "T1")
            .add("2023-12-04T09:00", "allocated", "C4", "K4", "W2", "T1")
            .add("2023-12-21T16:00", "referral", "C1", "K1", null, "T1")
            .book();
    List<Waiting> waiting = queue(book, d("2023-12-27"), Map.of("W1", d("2023-12-15")));
    assertThat(waiting)
        .extracting(
            w ->
                w.openCase().caseId()
                    + " "
                    + w.since()
                    + " "
                    + w.workingDays()
                    + " "
                    + w.formerWorker())
        .containsExactly("C2 2023-12-16 6 W1", "C3 2023-12-20 3 W1", "C1 2023-12-21 2 null");
  }

  @Test
  void aLeaverWithNoKnownLastDayLeavesTheirCasesWaitingFromWhenTheyGotThem() {
    CaseBook book =
        Events.log().add("2023-12-18T09:00", "allocated", "C2", "K2", "W1", "T1").book();
    List<Waiting> waiting =
        UnallocatedQueue.on(
            book.openOn(d("2023-12-27")),
            d("2023-12-27"),
            CALENDAR,
            (worker, date) -> false,
            worker -> null);
    // Mon 18 is day 0: Tue 19, Wed 20, Thu 21, Fri 22, Wed 27 = 5
    assertThat(waiting)
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.since()).isEqualTo(d("2023-12-18"));
              assertThat(w.workingDays()).isEqualTo(5);
              assertThat(w.formerWorker()).isEqualTo("W1");
            });
  }

  @Test
  void theOldestWaitComesFirstThenByCase() {
    CaseBook book =
        Events.log()
            .add("2024-03-05T09:00", "referral", "B", "K2", null, "T1")
            .add("2024-03-04T09:00", "referral", "Z", "K3", null, "T1")
            .add("2024-03-05T09:00", "referral", "A", "K1", null, "T1")
            .add("2024-03-04T09:00", "allocated", "H", "K4", "W1", "T1")
            .book();
    assertThat(queue(book, d("2024-03-08"), Map.of()))
        .extracting(w -> w.openCase().caseId() + " " + w.workingDays())
        .containsExactly("Z 4", "A 3", "B 3");
  }
}
