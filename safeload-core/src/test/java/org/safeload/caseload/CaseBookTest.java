package org.safeload.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeload.caseload.CaseBook.History;
import org.safeload.caseload.CaseBook.OpenCase;
import org.safeload.caseload.CaseBook.Step;
import org.safeload.timeliness.CaseType;
import org.safeload.timeliness.EventType;

class CaseBookTest {

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  /** The case's state at the end of a day, as "worker/team/type/open/since". */
  private static String state(CaseBook book, String caseId, String day) {
    return book.history(caseId)
        .orElseThrow()
        .on(d(day))
        .map(
            s ->
                s.worker()
                    + "/"
                    + s.team()
                    + "/"
                    + (s.type() == null ? null : s.type().code())
                    + "/"
                    + (s.open() ? "open" : "ended")
                    + "/"
                    + s.since())
        .orElse("not begun");
  }

  /** One case through its whole life (all in 2024; 4 March is a Monday). */
  private static final CaseBook LIFE =
      Events.log()
          .add("2024-03-04T09:00", "referral", "C1", "K1", null, "T1")
          .add("2024-03-04T11:00", "visit", "C1", "K1", "W9", "T1", "seen") // not a holding event
          .add("2024-03-05T10:00", "allocated", "C1", "K1", "W1", null)
          .add("2024-03-11T09:00", "case-type-changed", "C1", "K1", null, null, "cp")
          .add("2024-03-18T09:00", "transferred", "C1", "K1", "W2", "T2")
          .add("2024-03-25T09:00", "stepped-down", "C1", "K1", null, null, "cin")
          .add("2024-04-02T09:00", "transferred", "C1", "K1", null, "T3")
          .add("2024-04-08T09:00", "stepped-down", "C1", "K1", null, null, "")
          .add("2024-05-01T09:00", "referral", "C1", "K1", null, "T1")
          .book();

  @Test
  void aCaseIsFollowedThroughItsLife() {
    assertThat(state(LIFE, "C1", "2024-03-03")).isEqualTo("not begun");
    // referral: open in T1, unallocated, an assessment, since the referral
    assertThat(state(LIFE, "C1", "2024-03-04")).isEqualTo("null/T1/assessment/open/2024-03-04");
    // allocated without a team: keeps T1, comes to W1
    assertThat(state(LIFE, "C1", "2024-03-05")).isEqualTo("W1/T1/assessment/open/2024-03-05");
    // case-type-changed: cp, same worker, same since
    assertThat(state(LIFE, "C1", "2024-03-11")).isEqualTo("W1/T1/cp/open/2024-03-05");
    // transferred with a worker: to W2 in T2, type kept
    assertThat(state(LIFE, "C1", "2024-03-18")).isEqualTo("W2/T2/cp/open/2024-03-18");
    // stepped down to cin: stays open with W2
    assertThat(state(LIFE, "C1", "2024-03-25")).isEqualTo("W2/T2/cin/open/2024-03-18");
    // transferred without a worker: unallocated in T3 from the transfer
    assertThat(state(LIFE, "C1", "2024-04-02")).isEqualTo("null/T3/cin/open/2024-04-02");
    // stepped down with an empty detail: out of children's social care, ended
    assertThat(state(LIFE, "C1", "2024-04-08")).isEqualTo("null/T3/cin/ended/2024-04-08");
    assertThat(state(LIFE, "C1", "2024-04-30")).isEqualTo("null/T3/cin/ended/2024-04-08");
    // a new referral reopens it in T1, unallocated, as an assessment
    assertThat(state(LIFE, "C1", "2024-05-01")).isEqualTo("null/T1/assessment/open/2024-05-01");

    History h = LIFE.history("C1").orElseThrow();
    assertThat(h.childId()).isEqualTo("K1");
    assertThat(h.steps())
        .extracting(Step::event)
        .containsExactly(
            EventType.REFERRAL,
            EventType.ALLOCATED,
            EventType.CASE_TYPE_CHANGED,
            EventType.TRANSFERRED,
            EventType.STEPPED_DOWN,
            EventType.TRANSFERRED,
            EventType.STEPPED_DOWN,
            EventType.REFERRAL);
  }

  @Test
  void openOnListsTheCaseOnlyWhileOpen() {
    assertThat(LIFE.openOn(d("2024-03-03"))).isEmpty();
    assertThat(LIFE.openOn(d("2024-03-20")))
        .containsExactly(
            new OpenCase("C1", "K1", "W2", "T2", CaseType.CP, d("2024-03-04"), d("2024-03-18")));
    assertThat(LIFE.openOn(d("2024-04-08"))).isEmpty();
    // reopened: opened on the new referral's day
    assertThat(LIFE.openOn(d("2024-06-30")))
        .containsExactly(
            new OpenCase(
                "C1", "K1", null, "T1", CaseType.ASSESSMENT, d("2024-05-01"), d("2024-05-01")));
  }

  @Test
  void workersWhoHeldTheCaseAreListedEarliestFirst() {
    History h = LIFE.history("C1").orElseThrow();
    assertThat(h.workersUpTo(d("2024-03-04"))).isEmpty();
    assertThat(h.workersUpTo(d("2024-03-17"))).containsExactly("W1");
    assertThat(h.workersUpTo(d("2024-12-31"))).containsExactly("W1", "W2");
    // W9 only recorded a visit: not a holder
    assertThat(LIFE.workersOfChild("K1", d("2024-12-31"))).containsExactly("W1", "W2");
  }

  @Test
  void eventsOutOfFileOrderAreTakenInTimeOrder() {
    CaseBook book =
        Events.log()
            .add("2024-03-06T10:00", "closed", "C1", "K1", null, null)
            .add("2024-03-04T09:00", "referral", "C1", "K1", null, "T1")
            .add("2024-03-05T09:00", "allocated", "C1", "K1", "W1", null)
            .book();
    assertThat(book.history("C1").orElseThrow().steps())
        .extracting(Step::event)
        .containsExactly(EventType.REFERRAL, EventType.ALLOCATED, EventType.CLOSED);
    assertThat(state(book, "C1", "2024-03-05")).isEqualTo("W1/T1/assessment/open/2024-03-05");
    assertThat(state(book, "C1", "2024-03-06")).isEqualTo("null/T1/assessment/ended/2024-03-06");
  }

  @Test
  void eventsAtTheSameInstantKeepFileOrder() {
    CaseBook book =
        Events.log()
            .add("2024-03-04T09:00", "referral", "C1", "K1", null, "T1")
            .add("2024-03-04T09:00", "allocated", "C1", "K1", "W1", null)
            .add("2024-03-04T09:00", "allocated", "C1", "K1", "W2", null)
            .book();
    assertThat(state(book, "C1", "2024-03-04")).isEqualTo("W2/T1/assessment/open/2024-03-04");
  }

  @Test
  void aLateEveningEventCountsOnItsLondonDay() {
    // British Summer Time: 00:30 on 10 July is 23:30 UTC on 9 July, 23:30 on 20 July is 22:30
    // UTC on 20 July. Both count on their London day.
    CaseBook book =
        Events.log()
            .add("2023-07-10T00:30", "referral", "C1", "K1", null, "T1")
            .add("2023-07-10T23:30", "allocated", "C1", "K1", "W1", null)
            .add("2023-07-20T23:30", "closed", "C1", "K1", null, null)
            .book();
    assertThat(book.openOn(d("2023-07-09"))).isEmpty();
    assertThat(book.openOn(d("2023-07-10")))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.worker()).isEqualTo("W1");
              assertThat(c.openedOn()).isEqualTo(d("2023-07-10"));
              assertThat(c.since()).isEqualTo(d("2023-07-10"));
            });
    assertThat(book.openOn(d("2023-07-19"))).hasSize(1);
    assertThat(book.openOn(d("2023-07-20"))).isEmpty();
    Step closed = book.history("C1").orElseThrow().steps().get(2);
    assertThat(closed.day()).isEqualTo(d("2023-07-20"));
  }

  @Test
  void aWinterLateEveningEventCountsOnItsDayToo() {
    CaseBook book =
        Events.log()
            .add("2024-01-15T23:30", "allocated", "C1", "K1", "W1", "T1")
            .add("2024-01-16T00:00", "closed", "C1", "K1", null, null)
            .book();
    assertThat(book.openOn(d("2024-01-15"))).hasSize(1);
    assertThat(book.openOn(d("2024-01-16"))).isEmpty();
  }

  @Test
  void anAllocationOpensACaseWithoutAReferralAndMayCarryItsType() {
    CaseBook book =
        Events.log()
            .add("2024-03-04T09:00", "allocated", "C1", "K1", "W1", "T1", "cp")
            .add("2024-03-04T09:00", "allocated", "C2", "K2", "W1", "T1")
            .book();
    assertThat(state(book, "C1", "2024-03-04")).isEqualTo("W1/T1/cp/open/2024-03-04");
    assertThat(state(book, "C2", "2024-03-04")).isEqualTo("W1/T1/assessment/open/2024-03-04");
  }

  @Test
  void reallocatingToTheSameWorkerKeepsTheirStartDay() {
    CaseBook book =
        Events.log()
            .add("2024-03-04T09:00", "allocated", "C1", "K1", "W1", "T1")
            .add("2024-03-08T09:00", "allocated", "C1", "K1", "W1", null, "cin")
            .add("2024-03-12T09:00", "transferred", "C1", "K1", "W1", "T2")
            .book();
    assertThat(state(book, "C1", "2024-03-08")).isEqualTo("W1/T1/cin/open/2024-03-04");
    // transferred to another team with the same worker: still W1's since 4 March
    assertThat(state(book, "C1", "2024-03-12")).isEqualTo("W1/T2/cin/open/2024-03-04");
  }

  @Test
  void aSecondReferralOnAnOpenCaseChangesNothing() {
    CaseBook book =
        Events.log()
            .add("2024-03-04T09:00", "referral", "C1", "K1", null, "T1")
            .add("2024-03-05T09:00", "allocated", "C1", "K1", "W1", null, "cin")
            .add("2024-03-06T09:00", "referral", "C1", "K1", null, "T2")
            .book();
    assertThat(book.history("C1").orElseThrow().steps()).hasSize(2);
    assertThat(state(book, "C1", "2024-03-06")).isEqualTo("W1/T1/cin/open/2024-03-05");
  }

  @Test
  void eventsOnAnEndedCaseAreIgnoredUntilItReopens() {
    CaseBook book =
        Events.log()
            .add("2024-03-04T09:00", "allocated", "C1", "K1", "W1", "T1", "cp")
            .add("2024-03-05T09:00", "closed", "C1", "K1", null, null)
            .add("2024-03-06T09:00", "case-type-changed", "C1", "K1", null, null, "court")
            .add("2024-03-07T09:00", "stepped-down", "C1", "K1", null, null, "cin")
            .add("2024-03-08T09:00", "closed", "C1", "K1", null, null)
            // an allocation after the end reopens it, as an assessment, with its new worker
            .add("2024-03-11T09:00", "allocated", "C1", "K1", "W2", null)
            .book();
    assertThat(book.history("C1").orElseThrow().steps())
        .extracting(Step::event)
        .containsExactly(EventType.ALLOCATED, EventType.CLOSED, EventType.ALLOCATED);
    assertThat(state(book, "C1", "2024-03-08")).isEqualTo("null/T1/cp/ended/2024-03-05");
    assertThat(state(book, "C1", "2024-03-11")).isEqualTo("W2/T1/assessment/open/2024-03-11");
    assertThat(book.openOn(d("2024-03-11")).getFirst().openedOn()).isEqualTo(d("2024-03-11"));
  }

  @Test
  void eventsBeforeTheCaseBeginsAreIgnoredAndACaseWithNoneIsLeftOut() {
    CaseBook book =
        Events.log()
            .add("2024-03-01T09:00", "closed", "C9", "K9", null, "T1")
            .add("2024-03-01T09:00", "visit", "C8", "K8", "W1", "T1", "seen")
            .add("2024-03-02T09:00", "case-type-changed", "C1", "K1", null, null, "cp")
            .add("2024-03-04T09:00", "referral", "C1", "K1", null, "T1")
            .book();
    assertThat(book.cases().keySet()).containsExactly("C1");
    assertThat(book.history("C9")).isEmpty();
    assertThat(state(book, "C1", "2024-03-04")).isEqualTo("null/T1/assessment/open/2024-03-04");
  }

  @Test
  void workersOfAChildSpanAllTheirCasesUpToTheDay() {
    CaseBook book =
        Events.log()
            .add("2024-03-04T09:00", "allocated", "C3", "K3", "W1", "T1")
            .add("2024-03-05T09:00", "allocated", "C4", "K3", "W3", "T1")
            .add("2024-03-06T09:00", "allocated", "C3", "K3", "W2", null)
            .add("2024-03-06T09:00", "allocated", "C5", "K5", "W4", "T1")
            .book();
    assertThat(book.casesOf("K3")).extracting(History::caseId).containsExactly("C3", "C4");
    assertThat(book.casesOf("nobody")).isEmpty();
    assertThat(book.workersOfChild("K3", d("2024-03-03"))).isEmpty();
    assertThat(book.workersOfChild("K3", d("2024-03-05"))).containsExactly("W1", "W3");
    assertThat(book.workersOfChild("K3", d("2024-03-06"))).containsExactly("W1", "W2", "W3");
    assertThat(book.workersOfChild("K5", d("2024-03-06"))).containsExactly("W4");
  }

  @Test
  void openOnGivesEveryOpenCaseWithItsTeamAndType() {
    CaseBook book =
        Events.log()
            .add("2024-03-04T09:00", "referral", "C1", "K1", null, "T1")
            .add("2024-03-04T09:00", "allocated", "C2", "K2", "W1", "T1", "court")
            .add("2024-03-04T09:00", "allocated", "C3", "K3", "W1", "T2", "cp")
            .add("2024-03-05T09:00", "closed", "C3", "K3", null, null)
            .book();
    List<OpenCase> open = book.openOn(d("2024-03-05"));
    assertThat(open)
        .extracting(c -> c.caseId() + " " + c.worker() + " " + c.team() + " " + c.type().code())
        .containsExactly("C1 null T1 assessment", "C2 W1 T1 court");
  }

  @Test
  void aTransferBetweenTeamsDoesNotResetHowLongAnUnallocatedCaseHasWaited() {
    CaseBook book =
        Events.log()
            .add("2024-03-04T09:00", "referral", "C1", "K1", null, "T1")
            .add("2024-03-11T09:00", "transferred", "C1", "K1", null, "T2")
            .book();
    assertThat(state(book, "C1", "2024-03-11")).isEqualTo("null/T2/assessment/open/2024-03-04");
  }
}
