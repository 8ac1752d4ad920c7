package org.safeload.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safeload.caseload.Events.manager;
import static org.safeload.caseload.Events.sw;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeload.caseload.Throughput.Flow;
import org.safeload.caseload.Throughput.Month;

class ThroughputTest {

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  /*
   * Team T, 1 Feb – 31 Mar 2024. Staff: W1 (1 FTE), W2 (1), W3 (0.6), a manager M; W4 (0.5)
   * joins on 1 March. X1 works in another team, T9.
   *
   *  C1  K1  in T with W1 since Jan; to W2 5 Feb, to W3 20 Feb         open start, open end, 2 changes
   *  C2  K2  W1 since Jan; stepped down out 12 Feb                      open start, stepped down out
   *  C3  K3  W2 since Jan (cp); stepped down to cin 14 Feb              open start, stepped down, open end
   *  C4  K4  W2 since Jan; closed 20 Feb                                open start, closed
   *  C5  K5  W3 since Jan; transferred to T9 with X1 on 1 Mar           open start, transferred out
   *  C6  K6  referred to T 19 Jan, unallocated; to W1 6 Feb             open start, open end, 0 changes
   *  C7  K7  X1 in T9 since Jan; transferred into T with W2 7 Feb       transferred in, open end, 1 change
   *  C8  K8  W1 in Jan, closed 25 Jan; new referral to T 12 Mar         received new, open end
   *  C9  K9  referred 5 Feb; W3 6 Feb; to T9 unallocated 15 Mar         received new, transferred out
   *  C10 K10 referred to T9 10 Feb; to T unallocated 12 Feb; W4 4 Mar   transferred in, open end
   *  C11 K11 referred 1 Apr (after the period)                          nothing
   *  C12 K12 referred 23:30 on 31 Jan; closed 00:10 on 1 Feb            open start, closed
   *  C13 K13 referred 23:59 on 31 Mar                                   received new, open end
   *  C14 K14 W1 15 Feb; stepped down out on 29 Feb (leap day)           received new, stepped down out
   *  C15 K15 W1, in team T9, from 1 Feb                                 not T's flow; in W1's caseload
   *
   *  openAtStart  = C1 C2 C3 C4 C5 C6 C12            = 7
   *  receivedNew  = C8 C9 C13 C14                    = 4
   *  transferredIn = C7 C10                          = 2
   *  transferredOut = C5 C9                          = 2
   *  steppedDown  = C2 C3 C14 = 3, steppedDownOut = C2 C14 = 2
   *  closed       = C4 C12                           = 2
   *  openAtEnd    = 7 + 4 + 2 - 2 - 2 - 2 = 7: C1 C3 C6 C7 C8 C10 C13
   *  children in T in the period: K1..K10, K12, K13, K14 = 13
   *  changes: K1 2 (W1→W2→W3), K7 1 (X1→W2 on arriving) = 3; by changes [11, 1, 1, 0];
   *  per child 3 / 13 = 0.2307… → 0.23
   *
   *  Months (cases held by the team's staff, any team):
   *   29 Feb: staff FTE 1 + 1 + 0.6 = 2.6; held: C1 (W3) C3 (W2) C5 (W3) C6 (W1) C7 (W2)
   *           C9 (W3) C15 (W1) = 7; 7 / 2.6 = 2.692… → 2.69
   *   31 Mar: FTE 2.6 + 0.5 = 3.1; held: C1 (W3) C3 (W2) C6 (W1) C7 (W2) C10 (W4) C15 (W1) = 6;
   *           6 / 3.1 = 1.935… → 1.94
   */
  static final CaseBook BOOK =
      Events.log()
          .add("2024-01-10T09:00", "referral", "C1", "K1", null, "T")
          .add("2024-01-11T09:00", "allocated", "C1", "K1", "W1", null)
          .add("2024-02-05T09:00", "allocated", "C1", "K1", "W2", null)
          .add("2024-02-20T09:00", "allocated", "C1", "K1", "W3", null)
          .add("2024-01-15T09:00", "allocated", "C2", "K2", "W1", "T", "cin")
          .add("2024-02-12T09:00", "stepped-down", "C2", "K2", null, null, "")
          .add("2024-01-16T09:00", "allocated", "C3", "K3", "W2", "T", "cp")
          .add("2024-02-14T09:00", "stepped-down", "C3", "K3", null, null, "cin")
          .add("2024-01-17T09:00", "allocated", "C4", "K4", "W2", "T")
          .add("2024-02-20T09:00", "closed", "C4", "K4", null, null)
          .add("2024-01-18T09:00", "allocated", "C5", "K5", "W3", "T")
          .add("2024-03-01T09:00", "transferred", "C5", "K5", "X1", "T9")
          .add("2024-01-19T09:00", "referral", "C6", "K6", null, "T")
          .add("2024-02-06T09:00", "allocated", "C6", "K6", "W1", null)
          .add("2024-01-05T09:00", "allocated", "C7", "K7", "X1", "T9")
          .add("2024-02-07T09:00", "transferred", "C7", "K7", "W2", "T")
          .add("2024-01-03T09:00", "allocated", "C8", "K8", "W1", "T")
          .add("2024-01-25T09:00", "closed", "C8", "K8", null, null)
          .add("2024-03-12T09:00", "referral", "C8", "K8", null, "T")
          .add("2024-02-05T09:00", "referral", "C9", "K9", null, "T")
          .add("2024-02-06T09:00", "allocated", "C9", "K9", "W3", null)
          .add("2024-03-15T09:00", "transferred", "C9", "K9", null, "T9")
          .add("2024-02-10T09:00", "referral", "C10", "K10", null, "T9")
          .add("2024-02-12T09:00", "transferred", "C10", "K10", null, "T")
          .add("2024-03-04T09:00", "allocated", "C10", "K10", "W4", null)
          .add("2024-04-01T09:00", "referral", "C11", "K11", null, "T")
          .add("2024-01-31T23:30", "referral", "C12", "K12", null, "T")
          .add("2024-02-01T00:10", "closed", "C12", "K12", null, null)
          .add("2024-03-31T23:59", "referral", "C13", "K13", null, "T")
          .add("2024-02-15T09:00", "allocated", "C14", "K14", "W1", "T")
          .add("2024-02-29T09:00", "stepped-down", "C14", "K14", null, null, "")
          .add("2024-02-01T09:00", "allocated", "C15", "K15", "W1", "T9")
          .book();

  static final BiFunction<String, LocalDate, List<CaseHolder>> STAFF =
      (team, on) -> {
        if (!team.equals("T")) {
          return List.of(sw("X1", "T9", "1"));
        }
        List<CaseHolder> staff = new ArrayList<>();
        staff.add(sw("W1", "T", "1"));
        staff.add(sw("W2", "T", "1"));
        staff.add(sw("W3", "T", "0.6"));
        staff.add(manager("M", "T"));
        if (!on.isBefore(d("2024-03-01"))) {
          staff.add(sw("W4", "T", "0.5"));
        }
        return staff;
      };

  @Test
  void aTeamsFlowOverTwoMonthsMatchesTheHandWorkedCounts() {
    Flow flow = Throughput.of(BOOK, "T", d("2024-02-01"), d("2024-03-31"), STAFF);
    assertThat(flow.team()).isEqualTo("T");
    assertThat(flow.from()).isEqualTo(d("2024-02-01"));
    assertThat(flow.to()).isEqualTo(d("2024-03-31"));
    assertThat(flow.openAtStart()).isEqualTo(7);
    assertThat(flow.receivedNew()).isEqualTo(4);
    assertThat(flow.transferredIn()).isEqualTo(2);
    assertThat(flow.received()).isEqualTo(6);
    assertThat(flow.steppedDown()).isEqualTo(3);
    assertThat(flow.steppedDownOut()).isEqualTo(2);
    assertThat(flow.closed()).isEqualTo(2);
    assertThat(flow.transferredOut()).isEqualTo(2);
    assertThat(flow.openAtEnd()).isEqualTo(7);
    assertThat(flow.children()).isEqualTo(13);
    assertThat(flow.workerChanges()).isEqualTo(3);
    assertThat(flow.childrenByChanges()).containsExactly(11, 1, 1, 0);
    assertThat(flow.changesPerChild()).isEqualByComparingTo("0.23");
  }

  @Test
  void caseloadPerFteIsGivenMonthByMonth() {
    Flow flow = Throughput.of(BOOK, "T", d("2024-02-01"), d("2024-03-31"), STAFF);
    assertThat(flow.months())
        .extracting(Month::month, Month::on, Month::cases)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(YearMonth.of(2024, 2), d("2024-02-29"), 7),
            org.assertj.core.groups.Tuple.tuple(YearMonth.of(2024, 3), d("2024-03-31"), 6));
    assertThat(flow.months().get(0).fte()).isEqualByComparingTo("2.6");
    assertThat(flow.months().get(0).casesPerFte()).isEqualByComparingTo("2.69");
    assertThat(flow.months().get(1).fte()).isEqualByComparingTo("3.1");
    assertThat(flow.months().get(1).casesPerFte()).isEqualByComparingTo("1.94");
  }

  @Test
  void theMonthsOfAPeriodEndingMidMonthEndOnItsLastDay() {
    // 10 Feb – 14 Mar 2024. 29 Feb as above: 7 / 2.6 = 2.69. 14 Mar: FTE 3.1 (W4 joined on
    // 1 Mar); held: C1 (W3) C3 (W2) C6 (W1) C7 (W2) C9 (W3, until it moves on the 15th)
    // C10 (W4) C15 (W1) = 7 (C5 went to X1 in T9 on 1 Mar); 7 / 3.1 = 2.258… → 2.26
    List<Month> months = Throughput.months(BOOK, "T", d("2024-02-10"), d("2024-03-14"), STAFF);
    assertThat(months)
        .extracting(Month::month, Month::on, Month::cases)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(YearMonth.of(2024, 2), d("2024-02-29"), 7),
            org.assertj.core.groups.Tuple.tuple(YearMonth.of(2024, 3), d("2024-03-14"), 7));
    assertThat(months)
        .extracting(Month::casesPerFte)
        .map(Object::toString)
        .containsExactly("2.69", "2.26");
    // The same figure as the team's board on each of those days.
    for (Month m : months) {
      Caseloads.GroupLoad board =
          new Caseloads(BOOK, CaseloadPolicy.defaultPolicy(), m.on())
              .group("T", STAFF.apply("T", m.on()), List.of("T"));
      assertThat(board.casesPerFte()).isEqualByComparingTo(m.casesPerFte());
      assertThat(board.load().cases()).isEqualTo(m.cases());
      assertThat(board.fte()).isEqualByComparingTo(m.fte());
    }
    assertThatThrownBy(() -> Throughput.months(BOOK, "T", d("2024-03-02"), d("2024-03-01"), STAFF))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theOpenCountsAgreeWithTheCaseBook() {
    Flow flow = Throughput.of(BOOK, "T", d("2024-02-01"), d("2024-03-31"), STAFF);
    assertThat(BOOK.openOn(d("2024-01-31")).stream().filter(c -> c.team().equals("T")))
        .extracting(CaseBook.OpenCase::caseId)
        .containsExactlyInAnyOrder("C1", "C2", "C3", "C4", "C5", "C6", "C12")
        .hasSize(flow.openAtStart());
    assertThat(BOOK.openOn(d("2024-03-31")).stream().filter(c -> c.team().equals("T")))
        .extracting(CaseBook.OpenCase::caseId)
        .containsExactlyInAnyOrder("C1", "C3", "C6", "C7", "C8", "C10", "C13")
        .hasSize(flow.openAtEnd());
  }

  @Test
  void theOtherTeamSeesTheMirrorImageOfTheTransfers() {
    /*
     * T9, same period: open at start C7 (X1) = 1 (C15 opens on 1 Feb: received new).
     * received new: C10 (10 Feb), C15 (1 Feb) = 2; transferred in: C5 (1 Mar), C9 (15 Mar) = 2;
     * transferred out: C7 (7 Feb), C10 (12 Feb) = 2; open at end: C5 C9 C15 = 3 = 1 + 2 + 2 - 2.
     * Changes: C5 W3 → X1 on arriving = 1; C9 arrives unallocated: none. Children K5 K7 K9 K10
     * K15 = 5.
     */
    Flow t9 = Throughput.of(BOOK, "T9", d("2024-02-01"), d("2024-03-31"), STAFF);
    assertThat(
            List.of(
                t9.openAtStart(),
                t9.receivedNew(),
                t9.transferredIn(),
                t9.transferredOut(),
                t9.steppedDown(),
                t9.closed(),
                t9.openAtEnd(),
                t9.children(),
                t9.workerChanges()))
        .containsExactly(1, 2, 2, 2, 0, 0, 3, 5, 1);
  }

  @Test
  void aPeriodWithinOneMonthHasOneMonthEndingOnItsLastDay() {
    // 10–20 Feb: open at start (end of 9 Feb): C1 C2 C3 C4 C5 C6 C7 (in since 7 Feb) C9 = 8
    // (C12 closed on 1 Feb, C14 comes on 15 Feb);
    // on 20 Feb staff hold C1 (W3) C3 (W2) C5 (W3) C6 (W1) C7 (W2) C9 (W3) C14 (W1) C15 (W1) = 8;
    // 8 / 2.6 = 3.076… → 3.08
    Flow flow = Throughput.of(BOOK, "T", d("2024-02-10"), d("2024-02-20"), STAFF);
    assertThat(flow.openAtStart()).isEqualTo(8);
    assertThat(flow.months())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.month()).isEqualTo(YearMonth.of(2024, 2));
              assertThat(m.on()).isEqualTo(d("2024-02-20"));
              assertThat(m.cases()).isEqualTo(8);
              assertThat(m.casesPerFte()).isEqualByComparingTo("3.08");
            });
    // in the period: C10 in (12 Feb), C14 new (15 Feb); C2 out (12 Feb), C3 down (14 Feb),
    // C4 closed (20 Feb); C1 W2 → W3 (20 Feb) is the only change
    assertThat(flow.transferredIn()).isEqualTo(1);
    assertThat(flow.receivedNew()).isEqualTo(1);
    assertThat(flow.steppedDown()).isEqualTo(2);
    assertThat(flow.steppedDownOut()).isEqualTo(1);
    assertThat(flow.closed()).isEqualTo(1);
    assertThat(flow.workerChanges()).isEqualTo(1);
    // 8 + 1 + 1 - 0 - 1 - 1 = 8: C1 C3 C5 C6 C7 C9 C10 C14
    assertThat(flow.openAtEnd()).isEqualTo(8);
  }

  @Test
  void aTeamWithNothingHasNoChangesPerChild() {
    Flow flow =
        Throughput.of(BOOK, "NOBODY", d("2024-02-01"), d("2024-02-29"), (t, on) -> List.of());
    assertThat(flow.children()).isZero();
    assertThat(flow.changesPerChild()).isNull();
    assertThat(flow.childrenByChanges()).containsExactly(0, 0, 0, 0);
    assertThat(flow.months())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.cases()).isZero();
              assertThat(m.casesPerFte()).isNull();
            });
  }

  @Test
  void aPeriodThatEndsBeforeItStartsIsRefused() {
    assertThatThrownBy(() -> Throughput.of(BOOK, "T", d("2024-03-01"), d("2024-02-29"), STAFF))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ends before it starts");
  }

  @Test
  void aChangeOfWorkerThroughAnUnallocatedSpellStillCounts() {
    CaseBook book =
        Events.log()
            .add("2024-01-10T09:00", "allocated", "C1", "K1", "W1", "T")
            .add("2024-02-05T09:00", "transferred", "C1", "K1", null, "T")
            .add("2024-02-12T09:00", "allocated", "C1", "K1", "W2", null)
            .book();
    Flow flow = Throughput.of(book, "T", d("2024-02-01"), d("2024-02-29"), STAFF);
    assertThat(flow.workerChanges()).isEqualTo(1);
  }

  // ---- property: the counts balance on random logs ----

  private static final String[] TEAMS = {"T1", "T2", "T3"};
  private static final String[] WORKERS = {"W1", "W2", "W3", "W4", "W5", "W6"};
  private static final String[] TYPES = {"assessment", "cin", "cp", "plo", "court"};

  static IntStream seeds() {
    return IntStream.rangeClosed(1, 20);
  }

  /** A random log of 60 cases over 2023–2024, in shuffled file order, some events at midnight. */
  static CaseBook randomBook(long seed) {
    Random r = new Random(seed);
    record Row(LocalDateTime at, String type, String c, String k, String w, String t, String det) {}
    List<Row> rows = new ArrayList<>();
    LocalDateTime start = LocalDateTime.of(2023, 1, 1, 0, 0);
    for (int i = 0; i < 60; i++) {
      String c = "C" + i;
      String k = "K" + r.nextInt(45); // some children have two cases
      LocalDateTime at = start.plusMinutes(r.nextInt(60 * 24 * 500));
      int n = 1 + r.nextInt(10);
      for (int e = 0; e < n; e++) {
        String team = TEAMS[r.nextInt(TEAMS.length)];
        String worker = WORKERS[r.nextInt(WORKERS.length)];
        String type = TYPES[r.nextInt(TYPES.length)];
        Row row =
            switch (r.nextInt(10)) {
              case 0, 1 ->
                  new Row(at, "referral", c, k, null, r.nextInt(8) == 0 ? null : team, null);
              case 2, 3, 4 ->
                  new Row(
                      at,
                      "allocated",
                      c,
                      k,
                      worker,
                      r.nextBoolean() ? team : null,
                      r.nextBoolean() ? type : null);
              case 5 ->
                  new Row(at, "transferred", c, k, r.nextBoolean() ? worker : null, team, null);
              case 6 -> new Row(at, "case-type-changed", c, k, null, null, type);
              case 7 ->
                  new Row(at, "stepped-down", c, k, null, null, r.nextBoolean() ? type : null);
              case 8 -> new Row(at, "closed", c, k, null, null, null);
              default -> new Row(at, "visit", c, k, worker, team, "seen");
            };
        rows.add(row);
        // the next event: the same instant, later that day, or days later (around midnight too)
        at =
            switch (r.nextInt(4)) {
              case 0 -> at;
              case 1 -> at.plusMinutes(r.nextInt(600));
              case 2 -> at.toLocalDate().plusDays(1 + r.nextInt(20)).atTime(23, 59);
              default -> at.plusDays(r.nextInt(90)).plusMinutes(r.nextInt(1440));
            };
      }
    }
    Collections.shuffle(rows, r);
    Events events = Events.log();
    for (Row row : rows) {
      events.add(row.at().toString(), row.type(), row.c(), row.k(), row.w(), row.t(), row.det());
    }
    return events.book();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theCountsBalanceForEveryTeamAndRandomPeriods(long seed) {
    System.out.println("ThroughputTest balance seed " + seed);
    CaseBook book = randomBook(seed);
    Random r = new Random(seed * 31 + 7);
    for (int p = 0; p < 15; p++) {
      LocalDate from = d("2023-01-01").plusDays(r.nextInt(700));
      LocalDate to = from.plusDays(r.nextInt(120));
      int inAll = 0;
      int outAll = 0;
      for (String team : TEAMS) {
        Flow f = Throughput.of(book, team, from, to, (t, on) -> List.of());
        String where = "seed " + seed + ", team " + team + ", " + from + " to " + to;
        assertThat(f.openAtEnd())
            .as(where)
            .isEqualTo(
                f.openAtStart()
                    + f.receivedNew()
                    + f.transferredIn()
                    - f.transferredOut()
                    - f.closed()
                    - f.steppedDownOut());
        assertThat(f.steppedDownOut()).as(where).isBetween(0, f.steppedDown());
        assertThat(f.childrenByChanges().stream().mapToInt(Integer::intValue).sum())
            .as(where)
            .isEqualTo(f.children());
        List<Integer> by = f.childrenByChanges();
        assertThat(by.get(1) + 2 * by.get(2) + 3 * by.get(3))
            .as(where)
            .isLessThanOrEqualTo(f.workerChanges());
        if (by.get(3) == 0) {
          assertThat(by.get(1) + 2 * by.get(2)).as(where).isEqualTo(f.workerChanges());
        }
        assertThat(f.months())
            .as(where)
            .hasSize(
                (int)
                        java.time.temporal.ChronoUnit.MONTHS.between(
                            YearMonth.from(from), YearMonth.from(to))
                    + 1);
        inAll += f.transferredIn();
        outAll += f.transferredOut();
      }
      // a case leaving one team for another arrives in that other team: transfers match overall
      assertThat(inAll).as("seed " + seed + ", " + from + " to " + to).isEqualTo(outAll);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theOpenCountsAgreeWithTheCaseBookOnRandomLogs(long seed) {
    System.out.println("ThroughputTest open-count seed " + seed);
    CaseBook book = randomBook(seed);
    Random r = new Random(seed * 17 + 3);
    for (int p = 0; p < 15; p++) {
      LocalDate from = d("2023-01-01").plusDays(r.nextInt(700));
      LocalDate to = from.plusDays(r.nextInt(120));
      for (String team : TEAMS) {
        Flow f = Throughput.of(book, team, from, to, (t, on) -> List.of());
        String where = "seed " + seed + ", team " + team + ", " + from + " to " + to;
        assertThat(book.openOn(to).stream().filter(c -> team.equals(c.team())).count())
            .as(where + ": open at end")
            .isEqualTo(f.openAtEnd());
        assertThat(
                book.openOn(from.minusDays(1)).stream().filter(c -> team.equals(c.team())).count())
            .as(where + ": open at start")
            .isEqualTo(f.openAtStart());
      }
    }
  }
}
