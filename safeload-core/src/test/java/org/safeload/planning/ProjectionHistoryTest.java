package org.safeload.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeload.caseload.CaseBook;
import org.safeload.timeliness.CaseType;
import org.safeload.timeliness.EventCsv;

class ProjectionHistoryTest {

  private static final String CSV =
      """
      event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date
      e1,2025-12-10T09:00,referral,c1,k1,,T1,,,
      e2,2026-01-05T09:00,allocated,c1,k1,w1,T1,cin,,
      e3,2026-02-10T09:00,closed,c1,k1,,T1,,,
      e4,2026-01-03T09:00,referral,c2,k2,,T1,,,
      e5,2026-01-20T09:00,referral,c3,k3,,T2,,,
      e6,2026-01-25T09:00,closed,c3,k3,,T2,,,
      e7,2025-11-01T09:00,referral,c4,k4,,T2,,,
      e8,2025-11-02T09:00,allocated,c4,k4,w2,T2,cp,,
      e9,2026-02-03T09:00,stepped-down,c4,k4,w2,T2,cin,,
      """;

  @Test
  void theFirstWholeMonthIsTheOneAfterTheEarliestEvent() {
    // The earliest event is e7 on 1 November 2025: November is part-recorded, December the first
    // whole month.
    CaseBook book = CaseBook.of(EventCsv.read(new StringReader(CSV)).log());
    assertEquals(
        java.util.Optional.of(YearMonth.of(2025, 12)), ProjectionHistory.firstWholeMonth(book));
    assertEquals(
        java.util.Optional.empty(),
        ProjectionHistory.firstWholeMonth(
            CaseBook.of(
                EventCsv.read(new StringReader(CSV.lines().findFirst().orElseThrow() + "\n"))
                    .log())));
  }

  @Test
  void readsNewCasesMovesAndOpenCasesFromMonthEnds() {
    EventCsv.Result read = EventCsv.read(new StringReader(CSV));
    assertTrue(read.problems().isEmpty(), read.problems().toString());
    CaseBook book = CaseBook.of(read.log());
    ProjectionHistory.Estimates e =
        ProjectionHistory.from(book, YearMonth.of(2026, 1), YearMonth.of(2026, 2));
    // New cases open at a month's end, open nowhere at the end of the one before: T1 gains c2 in
    // January (c1 was open at the end of December); c3 opened and closed within January.
    assertEquals(List.of(1, 0), e.referrals().get("T1").history());
    assertEquals(List.of(0, 0), e.referrals().get("T2").history());
    // Case-months, end of December → end of January: c1 assessment → cin, c4 cp stays; end of
    // January → end of February: c1 cin ends, c2 assessment stays, c4 cp → cin.
    // Assessment: 2 case-months, 1 to cin (0.5); cin: 1, ended (1.0); cp: 2, 1 to cin (0.5).
    assertEquals(
        Map.of(
            CaseType.ASSESSMENT,
            2,
            CaseType.CIN,
            1,
            CaseType.CP,
            2,
            CaseType.PLO,
            0,
            CaseType.COURT,
            0,
            CaseType.CLA,
            0),
        e.caseMonths());
    assertEquals(0.5, e.moves().change(CaseType.ASSESSMENT, CaseType.CIN));
    assertEquals(0.0, e.moves().exit(CaseType.ASSESSMENT));
    assertEquals(1.0, e.moves().exit(CaseType.CIN));
    assertEquals(0.5, e.moves().change(CaseType.CP, CaseType.CIN));
    assertEquals(0.0, e.moves().exit(CaseType.CP));
    // Open at the end of February: c2 (assessment) in T1, c4 (now cin) in T2.
    assertEquals(Map.of(CaseType.ASSESSMENT, 1), e.openCases().get("T1"));
    assertEquals(Map.of(CaseType.CIN, 1), e.openCases().get("T2"));
  }

  @Test
  void referralsTakeTheLastTwelveMonthsAndSeasonalFactorsFromTwentyFour() {
    // 24 months from January 2024: 10 a month, except every January at 22.
    List<Integer> counts = new java.util.ArrayList<>();
    for (int i = 0; i < 24; i++) {
      counts.add(i % 12 == 0 ? 22 : 10);
    }
    Referrals r = Referrals.history(YearMonth.of(2024, 1), counts);
    // Last 12 months: (22 + 11·10) / 12 = 11. Overall mean also 11; January's mean 22: factor 2.
    assertEquals(11.0, r.mean(), 1e-12);
    assertEquals(2.0, r.factor(1), 1e-12);
    assertEquals(10.0 / 11, r.factor(2), 1e-12);
    double[] means = r.means(YearMonth.of(2026, 1), 2);
    assertEquals(22.0, means[0], 1e-12);
    assertEquals(10.0, means[1], 1e-12);
    // 23 months: no factors.
    Referrals short23 = Referrals.history(YearMonth.of(2024, 1), counts.subList(0, 23));
    assertEquals(1.0, short23.factor(1));
  }
}
