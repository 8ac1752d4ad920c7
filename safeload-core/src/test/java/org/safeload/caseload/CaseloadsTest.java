package org.safeload.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeload.caseload.Events.asye;
import static org.safeload.caseload.Events.manager;
import static org.safeload.caseload.Events.sw;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeload.caseload.Caseloads.GroupLoad;
import org.safeload.caseload.Caseloads.Status;
import org.safeload.caseload.Caseloads.WorkerLoad;

class CaseloadsTest {

  private static final LocalDate ON = LocalDate.of(2024, 3, 15);
  private static final CaseloadPolicy POLICY = CaseloadPolicy.defaultPolicy();

  private static final CaseBook BOOK =
      Events.log()
          // team T1: W1 14 cin + 3 cp, W2 8 assessments + 4 court, W3 (0.6 FTE) 5 cin + 2 cp
          .held("W1", "T1", "cin", 14, "2024-03-01T09:00")
          .held("W1", "T1", "cp", 3, "2024-03-01T09:00")
          .held("W2", "T1", "assessment", 8, "2024-03-01T09:00")
          .held("W2", "T1", "court", 4, "2024-03-01T09:00")
          .held("W3", "T1", "cin", 5, "2024-03-01T09:00")
          .held("W3", "T1", "cp", 2, "2024-03-01T09:00")
          // a case of W1's that closed before the date counts for nobody
          .add("2024-03-01T09:00", "allocated", "OLD", "K-OLD", "W1", "T1", "cp")
          .add("2024-03-10T09:00", "closed", "OLD", "K-OLD", null, null)
          // a case of W3's allocated after the date does not count yet
          .add("2024-03-16T09:00", "allocated", "NEW", "K-NEW", "W3", "T1", "cin")
          // two unallocated cases in T1, one in T2
          .add("2024-03-12T09:00", "referral", "U1", "K-U1", null, "T1")
          .add("2024-03-13T09:00", "referral", "U2", "K-U2", null, "T1")
          .add("2024-03-13T09:00", "referral", "U3", "K-U3", null, "T2")
          // team T2: an ASYE holding a cp case (a breach), T3: 17 cin, T4: 23 cin
          .held("A1", "T2", "cp", 1, "2024-03-01T09:00")
          .held("W5", "T3", "cin", 17, "2024-03-01T09:00")
          .held("W6", "T4", "cin", 23, "2024-03-01T09:00")
          .book();

  private static final Caseloads LOADS = new Caseloads(BOOK, POLICY, ON);

  @Test
  void aWorkersLoadIsCountedAndWeighted() {
    // W1: 14 cin × 1 + 3 cp × 1.5 = 18.5; the closed case is not counted
    assertThat(LOADS.loadOf("W1").cases()).isEqualTo(17);
    assertThat(LOADS.loadOf("W1").weighted()).isEqualByComparingTo("18.5");
    // W2: 8 assessments × 1 + 4 court × 2 = 16
    assertThat(LOADS.loadOf("W2")).isEqualTo(Events.load(12, "16"));
    // W3: 5 cin + 2 cp × 1.5 = 8 (the case allocated on the 16th is not yet held)
    assertThat(LOADS.loadOf("W3").cases()).isEqualTo(7);
    assertThat(LOADS.loadOf("W3").weighted()).isEqualByComparingTo("8");
    assertThat(LOADS.loadOf("nobody")).isEqualTo(Load.NONE);
    // W1 without one cp case being handed over: 16 cases, 18.5 − 1.5 = 17
    Load without = LOADS.loadOf("W1", java.util.Set.of("W1-cp-1"));
    assertThat(without.cases()).isEqualTo(16);
    assertThat(without.weighted()).isEqualByComparingTo("17");
    assertThat(LOADS.casesOf("W3")).hasSize(7).allMatch(c -> c.worker().equals("W3"));
    assertThat(LOADS.casesOf("nobody")).isEmpty();
    // 17 + 12 + 7 + 3 unallocated + 1 + 17 + 23 open cases in all
    assertThat(LOADS.open()).hasSize(80);
    assertThat(LOADS.date()).isEqualTo(ON);
    assertThat(LOADS.policy()).isSameAs(POLICY);
  }

  @Test
  void aWorkerOverTheirTargetIsLabelledSo() {
    WorkerLoad w1 = LOADS.worker(sw("W1", "T1", "1"));
    // 17 cases > target 16 (under the cap of 22); 18.5 weighted ≤ 20
    assertThat(w1.status()).isEqualTo(Status.OVER_TARGET);
    assertThat(w1.status().label()).isEqualTo("Over target");
    assertThat(w1.status().colour()).isEqualTo("yellow");
    assertThat(w1.breaches()).isEmpty();
    assertThat(w1.overTargets()).containsExactly("17 cases, over the target of 16");
    assertThat(w1.casesPerFte()).isEqualByComparingTo("17.00");
    assertThat(w1.weightedPerFte()).isEqualByComparingTo("18.50");
  }

  @Test
  void aWorkerWithinTargetIsLabelledSo() {
    // W3 at 0.6 FTE: 7 cases ≤ 9.6, 8 weighted ≤ 12; 7 / 0.6 = 11.666… → 11.67,
    // 8 / 0.6 = 13.333… → 13.33
    WorkerLoad w3 = LOADS.worker(sw("W3", "T1", "0.6"));
    assertThat(w3.status()).isEqualTo(Status.WITHIN_TARGET);
    assertThat(w3.status().label()).isEqualTo("Within target");
    assertThat(w3.status().colour()).isEqualTo("green");
    assertThat(w3.casesPerFte()).isEqualByComparingTo("11.67");
    assertThat(w3.weightedPerFte()).isEqualByComparingTo("13.33");
    assertThat(w3.limits().maxCases()).isEqualTo(13);
  }

  @Test
  void aWorkerOverTheCapIsLabelledSo() {
    WorkerLoad w6 = LOADS.worker(sw("W6", "T4", "1"));
    assertThat(w6.status()).isEqualTo(Status.OVER_CAP);
    assertThat(w6.status().label()).isEqualTo("Over cap");
    assertThat(w6.status().colour()).isEqualTo("red");
    assertThat(w6.breaches()).containsExactly("23 cases, over the cap of 22");
    // at 0.5 FTE the same 23 cases also break the weighted cap of 13
    assertThat(LOADS.worker(sw("W6", "T4", "0.5")).breaches())
        .containsExactly(
            "23 cases, over the cap of 11", "a weighted load of 23, over the cap of 13");
  }

  @Test
  void anAsyeHoldingACpCaseIsABreach() {
    WorkerLoad a1 = LOADS.worker(asye("A1", "T2", "1"));
    // one case, far under the cap of 15, but cp is excluded for an ASYE
    assertThat(a1.load()).isEqualTo(Events.load(1, "1.5"));
    assertThat(a1.status()).isEqualTo(Status.OVER_CAP);
    // counted, never naming the case: the board is read by roles that see no child
    assertThat(a1.breaches())
        .containsExactly(
            "holds 1 case of type Child protection, which Newly qualified social worker (ASYE) may not hold");
    // the same worker past their ASYE may hold it
    assertThat(LOADS.worker(sw("A1", "T2", "1")).status()).isEqualTo(Status.WITHIN_TARGET);
  }

  @Test
  void aTeamsCasesPerFteAreOverItsCaseHoldingFte() {
    GroupLoad t1 =
        LOADS.group(
            "T1",
            List.of(
                sw("W1", "T1", "1"),
                sw("W2", "T1", "1"),
                sw("W3", "T1", "0.6"),
                manager("M1", "T1")),
            List.of("T1"));
    // the manager is not case-holding: FTE = 1 + 1 + 0.6 = 2.6
    assertThat(t1.workers()).extracting(w -> w.holder().id()).containsExactly("W1", "W2", "W3");
    assertThat(t1.fte()).isEqualByComparingTo("2.6");
    // cases 17 + 12 + 7 = 36; 36 / 2.6 = 13.846… → 13.85
    assertThat(t1.load().cases()).isEqualTo(36);
    assertThat(t1.casesPerFte()).isEqualByComparingTo("13.85");
    // weighted 18.5 + 16 + 8 = 42.5; 42.5 / 2.6 = 16.346… → 16.35
    assertThat(t1.load().weighted()).isEqualByComparingTo("42.5");
    assertThat(t1.weightedPerFte()).isEqualByComparingTo("16.35");
    // U1 and U2 wait in T1 (U3 is T2's)
    assertThat(t1.unallocated()).isEqualTo(2);
    assertThat(t1.target()).isEqualByComparingTo("16");
    // 13.85 ≤ 16: within the team target, though W1 (17 cases > 16) is over their own target
    assertThat(t1.status()).isEqualTo(Status.WITHIN_TARGET);
    assertThat(t1.workersOverCap()).isZero();
    assertThat(t1.workersOverTarget()).isEqualTo(1);
    assertThat(t1.id()).isEqualTo("T1");
  }

  @Test
  void aTeamWithAWorkerOverACapIsNotItselfOverCapButCountsThem() {
    // T2: the ASYE A1 holds a cp case (a breach: over a cap), but the team holds 1 case on 1 FTE,
    // far within the team target of 16: the team's own tag says so, the count names the breach.
    GroupLoad t2 = LOADS.group("T2", List.of(asye("A1", "T2", "1")), List.of("T2"));
    assertThat(t2.status()).isEqualTo(Status.WITHIN_TARGET);
    assertThat(t2.workersOverCap()).isEqualTo(1);
    assertThat(t2.workersOverTarget()).isZero();
    assertThat(t2.unallocated()).isEqualTo(1);
    // 1 case / 1 FTE
    assertThat(t2.casesPerFte()).isEqualByComparingTo("1.00");
  }

  @Test
  void aTeamOverItsTargetWithAWorkerOverACapCountsBoth() {
    // T3 + T4 as one team: W5 17 cin (over the target of 16, within the cap of 22), W6 23 cin
    // (over the cap of 22). 40 cases / 2 FTE = 20.00 > 16: over the team target.
    GroupLoad both =
        LOADS.group("T34", List.of(sw("W5", "T3", "1"), sw("W6", "T4", "1")), List.of("T3", "T4"));
    assertThat(both.casesPerFte()).isEqualByComparingTo("20.00");
    assertThat(both.status()).isEqualTo(Status.OVER_TARGET);
    assertThat(both.workersOverCap()).isEqualTo(1);
    assertThat(both.workersOverTarget()).isEqualTo(1);
  }

  @Test
  void aTeamIsOverItsTargetOnlyWhenItsCasesPerFteAreAboveIt() {
    // Exactly at the target is within it: 16 cases on 1 FTE; 24 cases on 1.5 FTE (16.00).
    assertThat(
            Caseloads.groupStatus(
                16, new java.math.BigDecimal("1"), new java.math.BigDecimal("16")))
        .isEqualTo(Status.WITHIN_TARGET);
    assertThat(
            Caseloads.groupStatus(
                24, new java.math.BigDecimal("1.5"), new java.math.BigDecimal("16")))
        .isEqualTo(Status.WITHIN_TARGET);
    // 25 cases on 1.5 FTE = 16.67 > 16
    assertThat(
            Caseloads.groupStatus(
                25, new java.math.BigDecimal("1.5"), new java.math.BigDecimal("16")))
        .isEqualTo(Status.OVER_TARGET);
    // 1001 cases on 62.5 FTE = 16.016 (16.02 shown) > 16; 1000 on 62.5 = 16 exactly
    assertThat(
            Caseloads.groupStatus(
                1001, new java.math.BigDecimal("62.5"), new java.math.BigDecimal("16")))
        .isEqualTo(Status.OVER_TARGET);
    assertThat(
            Caseloads.groupStatus(
                1000, new java.math.BigDecimal("62.5"), new java.math.BigDecimal("16")))
        .isEqualTo(Status.WITHIN_TARGET);
  }

  @Test
  void withoutATeamTargetATeamHasNoTargetToBeOverOrWithin() {
    CaseloadPolicy noTeamTarget =
        CaseloadPolicy.read(
            """
            id: no-team-target
            groups:
              - id: sw
                when: {role: social-worker}
                maxCasesPerFte: 22
                targetCasesPerFte: 16
            """);
    GroupLoad t3 =
        new Caseloads(BOOK, noTeamTarget, ON)
            .group("T3", List.of(sw("W5", "T3", "1")), List.of("T3"));
    assertThat(t3.target()).isNull();
    assertThat(t3.status()).isEqualTo(Status.NO_TARGET);
    assertThat(t3.status().label()).isEqualTo("No team target");
    assertThat(t3.workersOverTarget()).isEqualTo(1);
  }

  @Test
  void aLeaversCasesCountAsUnallocatedAsInTheQueue() {
    // W2 has left: their 12 cases wait, with T1's two never allocated: 14 (as the queue says).
    Caseloads withLeaver = new Caseloads(BOOK, POLICY, ON, worker -> !worker.equals("W2"));
    GroupLoad t1 =
        withLeaver.group("T1", List.of(sw("W1", "T1", "1"), sw("W3", "T1", "0.6")), List.of("T1"));
    assertThat(t1.unallocated()).isEqualTo(14);
    assertThat(
            UnallocatedQueue.on(
                    withLeaver.open(),
                    ON,
                    org.safeload.calendar.WorkingCalendar.englandAndWales(),
                    (w, d) -> !w.equals("W2"),
                    w -> null)
                .stream()
                .filter(w -> "T1".equals(w.openCase().team())))
        .hasSize(t1.unallocated());
  }

  @Test
  void aTeamOverItsTargetPerFteIsOverTarget() {
    // T3: 17 cases on 1 FTE > 16
    GroupLoad t3 = LOADS.group("T3", List.of(sw("W5", "T3", "1")), List.of("T3"));
    assertThat(t3.casesPerFte()).isEqualByComparingTo("17.00");
    assertThat(t3.status()).isEqualTo(Status.OVER_TARGET);
    assertThat(t3.unallocated()).isZero();
  }

  @Test
  void aServiceSumsItsTeamsAndTheirUnallocatedCases() {
    GroupLoad service =
        LOADS.group(
            "service",
            List.of(
                sw("W1", "T1", "1"),
                sw("W2", "T1", "1"),
                sw("W3", "T1", "0.6"),
                asye("A1", "T2", "1"),
                sw("W5", "T3", "1")),
            List.of("T1", "T2", "T3"));
    // 36 + 1 + 17 = 54 cases on 4.6 FTE: 11.739… → 11.74 ≤ 16: within the team target
    assertThat(service.load().cases()).isEqualTo(54);
    assertThat(service.fte()).isEqualByComparingTo("4.6");
    assertThat(service.casesPerFte()).isEqualByComparingTo("11.74");
    assertThat(service.unallocated()).isEqualTo(3);
    assertThat(service.status()).isEqualTo(Status.WITHIN_TARGET);
    // A1 breaks a hard rule; W1 (17 > 16) and W5 (17 > 16) are over their targets; W2 (12 cases,
    // 16 weighted ≤ 20) and W3 are within
    assertThat(service.workersOverCap()).isEqualTo(1);
    assertThat(service.workersOverTarget()).isEqualTo(2);
  }

  @Test
  void aGroupWithoutCaseHoldersHasNoRate() {
    GroupLoad managers = LOADS.group("M", List.of(manager("M1", "T1")), List.of("T9"));
    assertThat(managers.workers()).isEmpty();
    assertThat(managers.fte()).isEqualByComparingTo("0");
    assertThat(managers.casesPerFte()).isNull();
    assertThat(managers.weightedPerFte()).isNull();
    assertThat(managers.status()).isEqualTo(Status.WITHIN_TARGET);
    assertThat(managers.workersOverCap()).isZero();
    assertThat(managers.workersOverTarget()).isZero();
  }

  @Test
  void aWorkerNoGroupCoversWhoHoldsCasesIsABreach() {
    CaseloadPolicy asyeOnly =
        CaseloadPolicy.read(
            """
            id: asye-only
            groups:
              - id: asye
                when: {asye: true}
                maxCases: 15
            """);
    Caseloads loads = new Caseloads(BOOK, asyeOnly, ON);
    WorkerLoad w1 = loads.worker(sw("W1", "T1", "1"));
    assertThat(w1.load().cases()).isEqualTo(17);
    assertThat(w1.status()).isEqualTo(Status.OVER_CAP);
    assertThat(w1.breaches()).isNotEmpty();
  }
}
