package org.safeload.timeliness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeload.calendar.WorkingCalendar;

/** Each counting convention in docs/timeliness.md, with cases worked out by hand. */
class TimelinessTest {

  private static final String HEADER =
      "event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date\n";
  private final Timeliness engine = new Timeliness(WorkingCalendar.englandAndWales());

  private static EventLog log(String rows) {
    EventCsv.Result result = EventCsv.read(new StringReader(HEADER + rows));
    assertThat(result.problems()).isEmpty();
    return result.log();
  }

  /** Each item of a rule as "case status deadline-day [done]". */
  private List<String> items(String ruleSet, String ruleId, String rows, String asOf) {
    return items(ruleSet, ruleId, rows, asOf, Map.of());
  }

  private List<String> items(
      String ruleSet, String ruleId, String rows, String asOf, Map<String, LocalDate> ends) {
    EventLog log = log(rows);
    KpiRuleSet set = KpiRuleSet.builtIn(ruleSet);
    KpiItems items = engine.evaluate(log, set, LocalDate.parse(asOf), ends);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (set.rules().get(items.rule(i)).id().equals(ruleId)) {
        String who =
            items.caseOf(i) >= 0
                ? log.cases().get(items.caseOf(i))
                : log.workers().get(items.workerOf(i));
        String status =
            new String[] {"met", "late", "overdue", "pending"}[items.status(i)]
                + (items.dueSoon(i) ? "+soon" : "");
        out.add(who + " " + status + " " + LocalDate.ofEpochDay(items.deadlineDay(i)));
      }
    }
    return out;
  }

  @Test
  void aWorkingDayDeadlineRunsOverTheJubileeHolidaysAndAWeekend() {
    // Allocated Wed 1 June 2022: Thu 2 and Fri 3 June are bank holidays, then the weekend; the
    // fifth working day after is Fri 10 June. Seen on the 10th: met. Seen Mon 13th: late.
    String rows =
        """
        a1,2022-06-01T10:00,allocated,C1,K1,W1,T1,,,
        v1,2022-06-10T16:00,visit,C1,K1,W1,T1,seen,,
        a2,2022-06-01T10:00,allocated,C2,K2,W1,T1,,,
        v2,2022-06-13T09:00,visit,C2,K2,W1,T1,seen,,
        v3,2022-06-03T09:00,visit,C2,K2,W1,T1,not-seen,,
        """;
    assertThat(items("contract", "seen-5wd", rows, "2022-06-30"))
        .containsExactly("C1 met 2022-06-10", "C2 late 2022-06-10");
  }

  @Test
  void anHourWindowUsesRealElapsedTimeAcrossTheMarchClockChange() {
    // Clocks went forward at 01:00 on Sun 27 March 2022, so from 10:00 on Sat 26 March (GMT) 48
    // hours end at 11:00 on Mon 28 March (BST). A write-up at 10:45 local is 47¾ hours later (met);
    // one at 11:15 local is 48¼ hours later (late), though local clock time alone says otherwise.
    String rows =
        """
        v1,2022-03-26T10:00,visit,C1,K1,W1,T1,seen,,
        w1,2022-03-28T10:45,visit-write-up,C1,K1,W1,T1,,v1,
        v2,2022-03-26T10:00,visit,C2,K2,W1,T1,seen,,
        w2,2022-03-28T11:15,visit-write-up,C2,K2,W1,T1,,v2,
        v3,2022-03-26T10:00,visit,C3,K3,W1,T1,seen,,
        """;
    assertThat(items("contract", "write-up-48h", rows, "2022-03-31"))
        .containsExactly("C1 met 2022-03-28", "C2 late 2022-03-28", "C3 overdue 2022-03-28");
  }

  @Test
  void aRollingFourWeekObligationIsMetThenLateThenEndedByClosure() {
    // The case becomes CIN on Mon 8 Jan 2024: a review is due by Mon 5 Feb. Held Thu 1 Feb: met;
    // the next is due 28 days later, Thu 29 Feb. Held Tue 5 Mar: late; the next would be due Tue 2
    // Apr, but the case closes on 20 Mar: no more items.
    String rows =
        """
        r1,2024-01-02T09:00,referral,C1,K1,,T1,,,
        t1,2024-01-08T09:00,case-type-changed,C1,K1,,T1,cin,,
        m1,2024-02-01T14:00,meeting,C1,K1,W1,T1,cin-review,,
        m2,2024-03-05T14:00,meeting,C1,K1,W1,T1,cin-review,,
        x1,2024-03-20T12:00,closed,C1,K1,W1,T1,,,
        """;
    assertThat(items("contract", "review-4w", rows, "2024-04-30"))
        .containsExactly("C1 met 2024-02-05", "C1 late 2024-02-29");
    // Without the closure the obligation goes on, and by 30 April the April review is overdue.
    assertThat(
            items(
                "contract",
                "review-4w",
                rows.replace("x1,2024-03-20T12:00,closed,C1,K1,W1,T1,,,\n", ""),
                "2024-04-30"))
        .containsExactly("C1 met 2024-02-05", "C1 late 2024-02-29", "C1 overdue 2024-04-02");
  }

  @Test
  void aCaseMeasuredFromItsLatestVisitIsJudgedOnlyOnTheIntervalRunningSince() {
    // On a plan from Mon 8 Jan 2024, the only visit known is Mon 4 March (an extract holds the
    // latest). Measured from it, the next is due 10 working days on, Mon 18 March: pending (and
    // due soon) on Tue 12 March, overdue on Mon 25 March. The plan's start gives no item.
    String rows =
        """
        t1,2024-01-08T00:00,case-type-changed,C1,K1,W1,T1,cp,,
        v1,2024-03-04T00:00,visit,C1,K1,W1,T1,seen,,
        m1,2024-03-04T00:00,measured-from,C1,K1,,,cp-visit-10wd rcpc-3m-then-6m,,
        """;
    assertThat(items("statutory", "cp-visit-10wd", rows, "2024-03-12"))
        .containsExactly("C1 pending+soon 2024-03-18");
    assertThat(items("statutory", "cp-visit-10wd", rows, "2024-03-25"))
        .containsExactly("C1 overdue 2024-03-18");
    // Without it the plan's first visit was due 22 January and came late.
    String unmeasured = rows.substring(0, rows.indexOf("m1,"));
    assertThat(items("statutory", "cp-visit-10wd", unmeasured, "2024-03-25"))
        .containsExactly("C1 late 2024-01-22", "C1 overdue 2024-03-18");
    // The order of a visit and its measured-from at one instant does not matter.
    String swapped =
        """
        t1,2024-01-08T00:00,case-type-changed,C1,K1,W1,T1,cp,,
        m1,2024-03-04T00:00,measured-from,C1,K1,,,cp-visit-10wd,,
        v1,2024-03-04T00:00,visit,C1,K1,W1,T1,seen,,
        """;
    assertThat(items("statutory", "cp-visit-10wd", swapped, "2024-03-25"))
        .containsExactly("C1 overdue 2024-03-18");
  }

  @Test
  void aReviewConferenceMeasuredFromTheLatestReviewWithNoInitialConferenceKnown() {
    // Only the latest review (Mon 5 Feb 2024) is known: the next is due 6 months on, 5 August.
    String rows =
        """
        t1,2024-01-08T00:00,case-type-changed,C1,K1,W1,T1,cp,,
        m1,2024-02-05T00:00,meeting,C1,K1,W1,T1,rcpc,,
        f1,2024-02-05T00:00,measured-from,C1,K1,,,cp-visit-10wd rcpc-3m-then-6m,,
        """;
    assertThat(items("statutory", "rcpc-3m-then-6m", rows, "2024-07-01"))
        .containsExactly("C1 pending 2024-08-05");
    assertThat(items("statutory", "rcpc-3m-then-6m", rows, "2024-09-30"))
        .containsExactly("C1 overdue 2024-08-05");
    // A rule it does not name is measured as before.
    assertThat(items("statutory", "cla-visit-6w", rows, "2024-09-30")).isEmpty();
    // Stepped down from the plan before the review was due: nothing is owed.
    String ended = rows + "s1,2024-06-03T00:00,stepped-down,C1,K1,W1,T1,cin,,\n";
    assertThat(items("statutory", "rcpc-3m-then-6m", ended, "2024-09-30")).isEmpty();
  }

  @Test
  void anAfterRuleMeasuredFromLaterCountsNoAnchorBeforeIt() {
    String rows =
        """
        s1,2024-01-02T10:00,meeting,C1,K1,W1,T1,strategy-discussion,,
        s2,2024-03-01T10:00,meeting,C1,K1,W1,T1,strategy-discussion,,
        f1,2024-02-01T00:00,measured-from,C1,K1,,,icpc-15wd,,
        """;
    // The first discussion is before the case is measured; 15 working days after Fri 1 March 2024
    // is Fri 22 March.
    assertThat(items("statutory", "icpc-15wd", rows, "2024-04-30"))
        .containsExactly("C1 overdue 2024-03-22");
  }

  @Test
  void aChildInCareIsSeenEverySixWeeks() {
    // In care from Mon 8 Jan 2024: seen by Mon 19 Feb. Seen Mon 12 Feb (met); the next by Mon 25
    // March, and there is none by 30 April (overdue). A child in need case owes no such visit.
    String rows =
        """
        t1,2024-01-08T09:00,case-type-changed,C1,K1,W1,T1,cla,,
        v1,2024-02-12T09:00,visit,C1,K1,W1,T1,seen,,
        t2,2024-01-08T09:00,case-type-changed,C2,K2,W1,T1,cin,,
        """;
    assertThat(items("statutory", "cla-visit-6w", rows, "2024-04-30"))
        .containsExactly("C1 met 2024-02-19", "C1 overdue 2024-03-25");
  }

  @Test
  void aMeasuredFromNamesItsRules() {
    EventCsv.Result result =
        EventCsv.read(new StringReader(HEADER + "f1,2024-02-01T00:00,measured-from,C1,K1,,,,,\n"));
    assertThat(result.problems())
        .extracting(p -> p.line() + " " + p.field() + ": " + p.message())
        .containsExactly(
            "2 detail: A measured-from names the rules it starts (rule ids, separated by spaces)");
  }

  @Test
  void aDocumentSubmittedTwoOrFourWorkingDaysBeforeItIsDue() {
    // Due Fri 15 March 2024: the third working day before is Tue 12 March. Submitted Wed 13 (two
    // working days before): late. Submitted Mon 11 (four before): met.
    String rows =
        """
        d1,2024-03-13T12:00,document-submitted,C1,K1,W1,T1,conference-report,,2024-03-15
        d2,2024-03-11T12:00,document-submitted,C2,K2,W1,T1,court-statement,,2024-03-15
        """;
    assertThat(items("contract", "documents-3wd", rows, "2024-03-31"))
        .containsExactly("C1 late 2024-03-12", "C2 met 2024-03-12");
  }

  @Test
  void pendingDueSoonAndOverdueDependOnTheAsOfDate() {
    // Allocated Fri 1 March 2024: seen due by Fri 8 March. On Thu 7 March it is pending and due
    // within 5 working days; on Mon 11 March it is overdue.
    String rows = "a1,2024-03-01T09:00,allocated,C1,K1,W1,T1,,,\n";
    assertThat(items("contract", "seen-5wd", rows, "2024-03-07"))
        .containsExactly("C1 pending+soon 2024-03-08");
    assertThat(items("contract", "seen-5wd", rows, "2024-03-08"))
        .containsExactly("C1 pending+soon 2024-03-08");
    assertThat(items("contract", "seen-5wd", rows, "2024-03-11"))
        .containsExactly("C1 overdue 2024-03-08");
    // A visit after the as-of date has not happened yet.
    String later = rows + "v1,2024-03-06T09:00,visit,C1,K1,W1,T1,seen,,\n";
    assertThat(items("contract", "seen-5wd", later, "2024-03-05"))
        .containsExactly("C1 pending+soon 2024-03-08");
    assertThat(items("contract", "seen-5wd", later, "2024-03-06"))
        .containsExactly("C1 met 2024-03-08");
  }

  @Test
  void twentyFourHoursAreTwentyFourHours() {
    String rows =
        """
        a1,2024-03-01T09:00,allocated,C1,K1,W1,T1,,,
        o1,2024-03-02T09:00,oversight-note,C1,K1,M1,T1,,,
        a2,2024-03-01T09:00,allocated,C2,K2,W1,T1,,,
        o2,2024-03-02T09:01,oversight-note,C2,K2,M1,T1,,,
        """;
    assertThat(items("contract", "oversight-24h", rows, "2024-03-31"))
        .containsExactly("C1 met 2024-03-02", "C2 late 2024-03-02");
  }

  @Test
  void supervisionRollsPerWorkerAndStopsWhenTheWorkerLeaves() {
    // W1's first event is Mon 8 Jan 2024: supervision due by 5 Feb; held 1 Feb (met); next due 29
    // Feb; none by 15 March: overdue. W2 started the same day, was supervised on 1 Feb, and left
    // on 20 Feb, before the next was due: nothing more is owed.
    String rows =
        """
        a1,2024-01-08T09:00,allocated,C1,K1,W1,T1,,,
        s1,2024-02-01T10:00,supervision,,,W1,T1,,,
        a2,2024-01-08T09:00,allocated,C2,K2,W2,T1,,,
        s2,2024-02-01T10:00,supervision,,,W2,T1,,,
        """;
    assertThat(
            items(
                "contract",
                "supervision-4w",
                rows,
                "2024-03-15",
                Map.of("W2", LocalDate.parse("2024-02-20"))))
        .containsExactly("W1 met 2024-02-05", "W1 overdue 2024-02-29", "W2 met 2024-02-05");
  }

  @Test
  void statutoryConferencesFromTheStrategyDiscussion() {
    // Strategy discussion Mon 3 July 2023; the 15th working day after is Mon 24 July. ICPC on
    // 20 July: met. First review within 3 months of the ICPC: by 20 Oct 2023; held 16 Oct (met);
    // the next within 6 months: by 16 April 2024, pending on 30 Nov 2023.
    String rows =
        """
        s1,2023-07-03T10:00,meeting,C1,K1,W1,T1,strategy-discussion,,
        t1,2023-07-20T09:00,case-type-changed,C1,K1,W1,T1,cp,,
        i1,2023-07-20T10:00,meeting,C1,K1,W1,T1,icpc,,
        r1,2023-10-16T10:00,meeting,C1,K1,W1,T1,rcpc,,
        """;
    assertThat(items("statutory", "icpc-15wd", rows, "2023-11-30"))
        .containsExactly("C1 met 2023-07-24");
    assertThat(items("statutory", "rcpc-3m-then-6m", rows, "2023-11-30"))
        .containsExactly("C1 met 2023-10-20", "C1 pending 2024-04-16");
  }

  @Test
  void theReportCountsByDeadlineAndGroup() {
    String rows =
        """
        a1,2024-03-01T09:00,allocated,C1,K1,W1,T1,,,
        v1,2024-03-04T09:00,visit,C1,K1,W1,T1,seen,,
        a2,2024-03-01T09:00,allocated,C2,K2,W2,T2,,,
        a3,2024-04-01T09:00,allocated,C3,K3,W2,T2,,,
        v3,2024-04-20T09:00,visit,C3,K3,W2,T2,seen,,
        """;
    EventLog log = log(rows);
    KpiRuleSet set = KpiRuleSet.builtIn("contract");
    KpiItems items = engine.evaluate(log, set, LocalDate.parse("2024-04-30"), Map.of());
    KpiReport report =
        KpiReport.of(
            items,
            set,
            log,
            LocalDate.parse("2024-04-30"),
            null,
            null,
            KpiReport.GroupBy.TEAM,
            Map.of("T2", "Brightpath"));
    KpiReport.Kpi seen =
        report.kpis().stream().filter(k -> k.id().equals("seen-5wd")).findFirst().orElseThrow();
    // C1 met; C2 overdue; C3 (allocated Mon 1 April, Easter Monday, due Mon 8 April) late.
    assertThat(List.of(seen.met(), seen.late(), seen.overdue(), seen.pending()))
        .containsExactly(1, 1, 1, 0);
    assertThat(seen.rate()).isEqualByComparingTo("0.3333");
    assertThat(seen.groups()).extracting(KpiReport.Counts::key).containsExactly("T1", "T2");
    // March only: C1 and C2 are due in March.
    KpiReport march =
        KpiReport.of(
            items,
            set,
            log,
            LocalDate.parse("2024-04-30"),
            LocalDate.parse("2024-03-01"),
            LocalDate.parse("2024-03-31"),
            KpiReport.GroupBy.PROVIDER,
            Map.of("T2", "Brightpath"));
    KpiReport.Kpi seenMarch =
        march.kpis().stream().filter(k -> k.id().equals("seen-5wd")).findFirst().orElseThrow();
    assertThat(seenMarch.met() + seenMarch.overdue()).isEqualTo(2);
    assertThat(seenMarch.late()).isZero();
    assertThat(seenMarch.groups())
        .extracting(KpiReport.Counts::key)
        .containsExactly("(council)", "Brightpath");
  }

  @Test
  void eachMonthCountsTheItemsWhoseDeadlineFallsInIt() {
    // Child seen within 5 working days of allocation, as of Thu 30 April 2026:
    // C1 allocated Mon 2 March, due Mon 9 March, seen Wed 4 March: met (March).
    // C2 allocated Mon 16 March, due Mon 23 March, seen Wed 25 March: late (March).
    // C3 allocated Mon 30 March: 31 March, 1 and 2 April, then Good Friday 3 April and Easter
    //   Monday 6 April are bank holidays, so 7 and 8 April: due Wed 8 April; never seen: overdue.
    // C6 allocated Wed 1 April: 2, 7, 8, 9, 10 April: due Fri 10 April; seen Thu 9 April: met.
    // C4 allocated Mon 20 April, due Mon 27 April, seen Fri 24 April: met (April).
    // C5 allocated Tue 28 April: 29, 30 April, 1 May, then the early May bank holiday on Mon 4
    //   May, so 5 and 6 May: due Wed 6 May; not yet seen: pending (May).
    String rows =
        """
        a1,2026-03-02T09:00,allocated,C1,K1,W1,T1,,,
        v1,2026-03-04T09:00,visit,C1,K1,W1,T1,seen,,
        a2,2026-03-16T09:00,allocated,C2,K2,W1,T1,,,
        v2,2026-03-25T09:00,visit,C2,K2,W1,T1,seen,,
        a3,2026-03-30T09:00,allocated,C3,K3,W1,T1,,,
        a6,2026-04-01T09:00,allocated,C6,K6,W1,T1,,,
        v6,2026-04-09T09:00,visit,C6,K6,W1,T1,seen,,
        a4,2026-04-20T09:00,allocated,C4,K4,W1,T1,,,
        v4,2026-04-24T09:00,visit,C4,K4,W1,T1,seen,,
        a5,2026-04-28T09:00,allocated,C5,K5,W1,T1,,,
        """;
    EventLog log = log(rows);
    KpiRuleSet set = KpiRuleSet.builtIn("contract");
    LocalDate asOf = LocalDate.parse("2026-04-30");
    KpiItems items = engine.evaluate(log, set, asOf, Map.of());
    List<KpiReport.Trend> trends =
        KpiReport.byMonth(
            items, set, java.time.YearMonth.of(2026, 2), java.time.YearMonth.of(2026, 5));
    assertThat(trends).extracting(KpiReport.Trend::id).hasSize(7).contains("seen-5wd");
    KpiReport.Trend seen =
        trends.stream().filter(t -> t.id().equals("seen-5wd")).findFirst().orElseThrow();
    assertThat(seen.name()).isEqualTo("Child seen within 5 working days of allocation");
    assertThat(seen.goal()).isNull();
    assertThat(seen.months())
        .extracting(
            m -> m.month() + " " + m.met() + "/" + m.late() + "/" + m.overdue() + "/" + m.pending())
        .containsExactly(
            "2026-02 0/0/0/0", "2026-03 1/1/0/0", "2026-04 2/0/1/0", "2026-05 0/0/0/1");
    assertThat(seen.months())
        .extracting(KpiReport.Month::rate)
        .containsExactly(null, new BigDecimal("0.5000"), new BigDecimal("0.6667"), null);
    // Each month is the report over that month.
    for (KpiReport.Month m : seen.months()) {
      KpiReport.Kpi month =
          KpiReport.of(
                  items,
                  set,
                  log,
                  asOf,
                  m.month().atDay(1),
                  m.month().atEndOfMonth(),
                  KpiReport.GroupBy.NONE,
                  Map.of())
              .kpis()
              .stream()
              .filter(k -> k.id().equals("seen-5wd"))
              .findFirst()
              .orElseThrow();
      assertThat(List.of(month.met(), month.late(), month.overdue(), month.pending()))
          .containsExactly(m.met(), m.late(), m.overdue(), m.pending());
    }
  }
}
