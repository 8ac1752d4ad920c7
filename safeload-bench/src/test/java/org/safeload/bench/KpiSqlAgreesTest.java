package org.safeload.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeload.calendar.WorkingCalendar;
import org.safeload.timeliness.EventCsv;
import org.safeload.timeliness.EventGenerator;
import org.safeload.timeliness.EventLog;
import org.safeload.timeliness.EventType;
import org.safeload.timeliness.KpiRuleSet;

/**
 * The KPI benchmark's DuckDB SQL and Safeload's engine give the same counts for every rule of the
 * {@code contract} and {@code statutory} sets (13 rules), including {@code cla-visit-6w}: the
 * generator writes no child in care, so some of its protection plans are recoded as care here.
 */
class KpiSqlAgreesTest {

  private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();
  private static final List<KpiRuleSet> SETS =
      List.of(KpiRuleSet.builtIn("contract"), KpiRuleSet.builtIn("statutory"));

  @Test
  void thirteenRulesAreCompared() {
    assertThat(SETS.stream().mapToInt(s -> s.rules().size()).sum()).isEqualTo(13);
    assertThat(KpiRuleSet.builtIn("statutory").rules())
        .extracting(r -> r.id())
        .contains("cla-visit-6w");
  }

  @Test
  void handWorkedChildrenInCareCountTheSameInBoth() throws Exception {
    // As of Tue 30 April 2024, seen every 6 weeks (42 days) while in care:
    // C1 in care from Mon 8 Jan: due Mon 19 Feb, seen Mon 12 Feb (met); next due Mon 25 March,
    //   seen Tue 2 April (late); next due Tue 14 May: pending.
    // C2 in care from Mon 8 Jan, never seen: due 19 Feb, overdue.
    // C3 a child in need: owes no such visit.
    // C4 in care from Mon 8 Jan, closed Thu 1 Feb, before the first visit was due: nothing.
    // C5 in care from Mon 8 Jan, stepped down to child in need on Fri 1 March, its visit due 19
    //   Feb already missed: overdue.
    String rows =
        """
        event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date
        a1,2024-01-08T09:00,case-type-changed,C1,K1,W1,T1,cla,,
        v1,2024-02-12T09:00,visit,C1,K1,W1,T1,seen,,
        v2,2024-04-02T09:00,visit,C1,K1,W1,T1,seen,,
        a2,2024-01-08T09:00,case-type-changed,C2,K2,W1,T1,cla,,
        a3,2024-01-08T09:00,case-type-changed,C3,K3,W1,T1,cin,,
        a4,2024-01-08T09:00,case-type-changed,C4,K4,W1,T1,cla,,
        c4,2024-02-01T09:00,closed,C4,K4,W1,T1,,,
        a5,2024-01-08T09:00,case-type-changed,C5,K5,W1,T1,cla,,
        s5,2024-03-01T09:00,stepped-down,C5,K5,W1,T1,cin,,
        """;
    EventCsv.Result read = EventCsv.read(new StringReader(rows));
    assertThat(read.problems()).isEmpty();
    LocalDate asOf = LocalDate.of(2024, 4, 30);
    Map<String, long[]> engine = KpiBench.engineCounts(read.log(), SETS, asOf, CALENDAR);
    Map<String, long[]> duck = KpiBench.duckdbCounts(read.log(), SETS, asOf, CALENDAR);
    // met, late, overdue, pending
    assertThat(engine.get("cla-visit-6w")).containsExactly(1, 1, 2, 1);
    assertThat(duck.get("cla-visit-6w")).containsExactly(1, 1, 2, 1);
    assertThat(duck.get("cp-visit-10wd")).containsExactly(0, 0, 0, 0);
  }

  @Test
  void everyRuleAgreesOnGeneratedCasesWithSomePlansRecodedAsCare() throws Exception {
    // 1,500 children over 12 months from April 2022 (the bench's shape, smaller). Every other
    // case's protection plan (its case-type events naming cp) becomes a period in care, so both
    // cp-visit-10wd and cla-visit-6w have items; on those cases three visits in four become
    // "not seen", so that some children in care go more than 6 weeks unseen.
    LocalDate start = LocalDate.of(2022, 4, 1);
    LocalDate asOf = start.plusMonths(12).minusDays(1);
    EventGenerator generator = new EventGenerator(CALENDAR, 7, 1_500, 12, start);
    int[] recoded = {0};
    EventLog log =
        KpiBench.log(
            sink ->
                generator.generate(
                    (id, at, type, caseId, child, worker, team, detail, ref, due) -> {
                      boolean typed =
                          type == EventType.CASE_TYPE_CHANGED
                              || type == EventType.ALLOCATED
                              || type == EventType.STEPPED_DOWN;
                      boolean inCare = (caseId.hashCode() & 1) == 0;
                      String d = detail;
                      if (typed && inCare && detail.equals("cp")) {
                        d = "cla";
                        recoded[0]++;
                      } else if (type == EventType.VISIT
                          && inCare
                          && detail.equals("seen")
                          && Math.floorMod(id.hashCode(), 4) != 0) {
                        d = "not-seen"; // seen less often than every 10 working days
                      }
                      sink.event(id, at, type, caseId, child, worker, team, d, ref, due);
                    }),
            100_000);
    assertThat(recoded[0]).isPositive();

    Map<String, long[]> engine = KpiBench.engineCounts(log, SETS, asOf, CALENDAR);
    Map<String, long[]> duck = KpiBench.duckdbCounts(log, SETS, asOf, CALENDAR);
    assertThat(engine.keySet()).hasSize(13).containsExactlyElementsOf(duck.keySet());
    for (String rule : engine.keySet()) {
      assertThat(duck.get(rule)).as(rule).containsExactly(engine.get(rule));
    }
    long[] cla = engine.get("cla-visit-6w");
    long[] cp = engine.get("cp-visit-10wd");
    // Children in care in every state (with seed 7: 313 met, 168 late, 47 overdue, 106 pending),
    // so the agreement is not on zeros; and the plans left as protection have items too.
    assertThat(java.util.Arrays.stream(cla).min().orElseThrow()).isPositive();
    assertThat(cp[0]).isPositive();
  }
}
