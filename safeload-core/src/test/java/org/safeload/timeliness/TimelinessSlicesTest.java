package org.safeload.timeliness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.safeload.calendar.WorkingCalendar;

/**
 * The engine evaluates slices of cases and of workers in parallel and joins their items in order:
 * every number of slices must give exactly the items of one slice, in the same order.
 */
class TimelinessSlicesTest {

  private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();
  private static final LocalDate START = LocalDate.of(2025, 4, 1);

  @ParameterizedTest(name = "seed {0}, {1} rules")
  @CsvSource({"1, contract", "42, statutory", "2026, contract"})
  void everyNumberOfSlicesGivesTheItemsOfOne(long seed, String rules) {
    System.out.println("TimelinessSlicesTest seed " + seed);
    EventGenerator generator = new EventGenerator(CALENDAR, seed, 300, 9, START);
    EventLog log = log(generator);
    // Every third worker has left, on a day spread over the period: their items stop there.
    Map<String, LocalDate> ends = new HashMap<>();
    for (int w = 0; w < log.workers.size(); w += 3) {
      ends.put(log.workers.get(w), START.plusDays(7L * w % 270));
    }
    KpiRuleSet set = KpiRuleSet.builtIn(rules);
    LocalDate asOf = START.plusMonths(8);
    Timeliness engine = new Timeliness(CALENDAR);
    List<String> one = describe(engine.evaluate(log, set, asOf, ends, 1));
    assertThat(one).hasSizeGreaterThan(1_000);
    for (int slices : new int[] {2, 3, 7, log.cases.size() + 5}) {
      assertThat(describe(engine.evaluate(log, set, asOf, ends, slices)))
          .as("%d slices", slices)
          .isEqualTo(one);
    }
  }

  private static List<String> describe(KpiItems items) {
    List<String> all = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      all.add(
          items.rule(i)
              + " "
              + items.caseOf(i)
              + " "
              + items.childOf(i)
              + " "
              + items.workerOf(i)
              + " "
              + items.teamOf(i)
              + " "
              + items.deadline(i)
              + " "
              + items.deadlineDay(i)
              + " "
              + items.done(i)
              + " "
              + items.status(i)
              + " "
              + items.dueSoon(i));
    }
    return all;
  }

  private static EventLog log(EventGenerator generator) {
    EventLog log = new EventLog(false);
    Map<String, Integer> rowOf = new HashMap<>();
    generator.generate(
        (id, at, type, caseId, child, worker, team, detail, ref, due) -> {
          int row =
              log.add(
                  null,
                  at.atZone(ZoneId.of("Europe/London")).toEpochSecond(),
                  type,
                  caseId,
                  child,
                  worker,
                  team,
                  detail,
                  ref.isEmpty() ? -1 : rowOf.get(ref),
                  due == null ? EventLog.NO_DATE : (int) due.toEpochDay());
          rowOf.put(id, row);
        });
    return log;
  }
}
