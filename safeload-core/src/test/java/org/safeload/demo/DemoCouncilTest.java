package org.safeload.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.safeload.demo.DemoCouncil.DemoTeam;
import org.safeload.demo.DemoCouncil.DemoWorker;
import org.safeload.organisation.EmploymentType;
import org.safeload.organisation.EstablishmentLine;
import org.safeload.organisation.Role;
import org.safeload.organisation.TeamKind;
import org.safeload.workforce.Staffing;

class DemoCouncilTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  @Test
  void hasTwoServicesFourSubstantiveTeamsAndOneManagedTeam() {
    List<DemoTeam> teams =
        DemoCouncil.services().stream().flatMap(s -> s.teams().stream()).toList();
    assertThat(DemoCouncil.services()).hasSize(2);
    assertThat(teams).filteredOn(t -> t.kind() == TeamKind.SUBSTANTIVE).hasSize(4);
    assertThat(teams)
        .filteredOn(t -> t.kind() == TeamKind.MANAGED)
        .singleElement()
        .satisfies(t -> assertThat(t.provider()).isEqualTo(DemoCouncil.PROVIDER_NAME));
  }

  @Test
  void hasAboutFortyFiveValidWorkersWithARealisticMix() {
    List<DemoWorker> workers = DemoCouncil.workers();
    assertThat(workers).hasSize(45);
    assertThat(workers).allSatisfy(w -> assertThat(w.details().problems()).isEmpty());
    assertThat(workers.stream().map(w -> w.details().name()).collect(Collectors.toSet()))
        .hasSize(45);
    Map<EmploymentType, Long> byType =
        workers.stream()
            .collect(
                Collectors.groupingBy(w -> w.details().employmentType(), Collectors.counting()));
    assertThat(byType.keySet())
        .contains(EmploymentType.PERMANENT, EmploymentType.AGENCY, EmploymentType.MANAGED_SERVICE);
    assertThat(workers).filteredOn(w -> w.details().inAsyeOn(TODAY)).hasSize(2);
    Set<Integer> pqe =
        workers.stream()
            .filter(w -> w.details().role().registeredSocialWorker())
            .map(w -> w.details().pqeYears(TODAY))
            .collect(Collectors.toSet());
    assertThat(pqe).hasSizeGreaterThan(10);
    assertThat(workers).filteredOn(w -> w.previousTeam() != null).hasSize(1);
    assertThat(workers).filteredOn(w -> w.details().endDate() != null).hasSize(1);
  }

  @Test
  void isTheSameEveryTime() {
    assertThat(DemoCouncil.workers()).isEqualTo(DemoCouncil.workers());
    assertThat(DemoCouncil.services()).isEqualTo(DemoCouncil.services());
  }

  @Test
  void hasAFewVacancies() {
    // By hand from the roster, counting every FTE in post: North 7 - 5.8 = 1.2 SW; South 1 AP +
    // (7 - 5.6 =) 1.4 SW + 0.5 BS; CP 7 - 4.6 = 2.4 SW; Court 6 - 5.8 = 0.2 SW (the leaver no
    // longer counts); the managed team none: 6.7 FTE. On the census's basis agency workers leave
    // their posts vacant: North 1 SW, South 1 TM and 1 SW, CP 1 SW and the managed team's 9
    // budgeted FTE (1 TM, 7 SW, 1 BS) add 13: 19.7 FTE, 13 of them covered by agency.
    java.math.BigDecimal vacant = java.math.BigDecimal.ZERO;
    java.math.BigDecimal cover = java.math.BigDecimal.ZERO;
    for (DemoTeam team :
        DemoCouncil.services().stream().flatMap(s -> s.teams().stream()).toList()) {
      List<EstablishmentLine> establishment =
          team.establishment().entrySet().stream()
              .map(e -> new EstablishmentLine(0, e.getKey(), e.getValue()))
              .toList();
      Staffing staffing =
          Staffing.of(
              TODAY,
              establishment,
              DemoCouncil.workers().stream()
                  .filter(w -> w.team().equals(team.name()))
                  .map(DemoWorker::details)
                  .toList());
      vacant = vacant.add(staffing.vacant());
      cover = cover.add(staffing.agencyCover());
      if (team.kind() == TeamKind.MANAGED) {
        assertThat(staffing.vacant()).isEqualByComparingTo("9");
        assertThat(staffing.agencyCover()).isEqualByComparingTo("9");
        assertThat(staffing.role(Role.PROVIDER_MANAGER).orElseThrow().filled())
            .isEqualByComparingTo("0.2");
      }
    }
    assertThat(vacant).isEqualByComparingTo("19.7");
    assertThat(cover).isEqualByComparingTo("13");
  }

  @Test
  void sicknessInTheYearTo30September2026Is9Point8DaysPerFteWorkedOutByHand() {
    // By hand from workers(): the employed (permanent or secondee) team managers, advanced
    // practitioners and social workers in post at 30 September 2026. North: TM 1, AP 1, SWs 1 + 1
    // + 0.8 and the two ASYE social workers who started on 7 September 1 + 1 = 6.8 (the agency
    // social worker not counted). South: SWs 1 + 1 + 0.6 + 1 (ASYE) + 1 = 4.6 (the agency TM and
    // SW not counted). CP: TM 1, AP 1, SWs 1 + 0.6 + 1 + 1 = 5.6. Court: TM 1, AP 1, SWs 1 + 1 + 1
    // (the secondee) + 1 + 0.8 + 1 = 7.8 (the leaver of 30 June is not in post). The managed team
    // is not employed. 6.8 + 4.6 + 5.6 + 7.8 = 24.8 FTE.
    // Days lost in the year by those workers and the leaver: stress and mental health 50 + 30 + 6
    // (recorded, part-time) = 86; operations 23 + 35 = 58; musculoskeletal 20 + 15 + 8 (recorded)
    // + 10 (the leaver) = 53; injury 15; infections 5 + 4 + 4 + 3 + 3 + 2 = 21; digestive 2;
    // other 4 + 2 = 6; the spell across the year end 3 of 5 = 3. 86 + 58 + 53 + 15 + 21 + 2 + 6 +
    // 3 = 244 (the agency worker's 2 days not counted). 244 / 24.8 = 9.84 -> 9.8 days per FTE;
    // 244 / (24.8 x 253) = 3.89% -> 3.9%; 86 / 244 = 35% stress-related.
    LocalDate yearEnd = LocalDate.of(2026, 9, 30);
    org.safeload.calendar.WorkingCalendar calendar =
        org.safeload.calendar.WorkingCalendar.englandAndWales();
    List<DemoWorker> workers = DemoCouncil.workers();
    List<org.safeload.workforce.SicknessAbsence> absences = new java.util.ArrayList<>();
    for (DemoCouncil.DemoAbsence a : DemoCouncil.sickness()) {
      assertThat(a.to()).isBefore(TODAY);
      if (!a.recorded()) {
        assertThat(org.safeload.workforce.SicknessAbsence.counted(a.from(), a.to(), calendar))
            .as("working days %s to %s", a.from(), a.to())
            .isEqualByComparingTo(a.workingDaysLost());
      }
      absences.add(
          new org.safeload.workforce.SicknessAbsence(
              a.worker(), a.from(), a.to(), a.workingDaysLost(), a.recorded(), a.reason()));
    }
    var measures = measures(yearEnd, workers, absences, calendar);
    assertThat(measures.employedFte()).isEqualByComparingTo("24.8");
    assertThat(measures.daysLost()).isEqualByComparingTo("244");
    assertThat(measures.sicknessDaysPerFte()).isEqualByComparingTo("9.8");
    assertThat(measures.absenceRate()).isEqualByComparingTo("3.9");
    java.math.BigDecimal stress =
        DemoCouncil.sickness().stream()
            .filter(a -> a.reason() == org.safeload.workforce.SicknessReason.MENTAL_HEALTH)
            .filter(a -> !a.from().isBefore(LocalDate.of(2025, 10, 1)))
            .map(DemoCouncil.DemoAbsence::workingDaysLost)
            .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    assertThat(stress).isEqualByComparingTo("86");
    // The year before: 30 + 25 + 30 + 6 + 5 + 3 + 2 = 101 days over 23.8 FTE (not yet the two
    // ASYE social workers of September 2026, but the leaver): 4.2 days per FTE.
    var before = measures(LocalDate.of(2025, 9, 30), workers, absences, calendar);
    assertThat(before.daysLost()).isEqualByComparingTo("101");
    assertThat(before.employedFte()).isEqualByComparingTo("23.8");
    assertThat(before.sicknessDaysPerFte()).isEqualByComparingTo("4.2");
  }

  /** The census measures of the demo's workers (worker id: their place in the list). */
  private static org.safeload.workforce.WorkforceMeasures measures(
      LocalDate yearEnd,
      List<DemoWorker> workers,
      List<org.safeload.workforce.SicknessAbsence> absences,
      org.safeload.calendar.WorkingCalendar calendar) {
    Map<Long, java.math.BigDecimal> lost =
        org.safeload.workforce.Sickness.daysLostByWorker(yearEnd, absences, calendar);
    List<org.safeload.workforce.WorkforceMeasures.Member> members = new java.util.ArrayList<>();
    for (int i = 0; i < workers.size(); i++) {
      members.add(
          new org.safeload.workforce.WorkforceMeasures.Member(
              workers.get(i).details(),
              0,
              lost.getOrDefault((long) i, java.math.BigDecimal.ZERO),
              null));
    }
    return org.safeload.workforce.WorkforceMeasures.of(yearEnd, members);
  }

  @Test
  void theRecruitmentPipelineAndPlacementsAreValidAndDatedBeforeToday() {
    List<DemoCouncil.DemoCandidate> candidates = DemoCouncil.candidates();
    Set<String> teams =
        DemoCouncil.services().stream()
            .flatMap(s -> s.teams().stream())
            .map(DemoTeam::name)
            .collect(Collectors.toSet());
    for (DemoCouncil.DemoCandidate c : candidates) {
      assertThat(teams).contains(c.team());
      assertThat(org.safeload.workforce.Candidate.read(c.candidate().fields()).problems())
          .isEmpty();
      if (c.candidate().registrationApplied() != null) {
        assertThat(c.candidate().registrationApplied()).isBefore(TODAY);
      }
    }
    assertThat(candidates)
        .filteredOn(
            c ->
                c.candidate().stage()
                    == org.safeload.workforce.CandidateStage.AWAITING_REGISTRATION)
        .hasSize(3)
        .allSatisfy(c -> assertThat(c.candidate().international()).isTrue());
    assertThat(candidates)
        .filteredOn(c -> c.candidate().stage() == org.safeload.workforce.CandidateStage.OFFERED)
        .singleElement()
        .satisfies(c -> assertThat(c.candidate().expectedStart()).hasMonthValue(1).hasYear(2027));
    assertThat(candidates)
        .filteredOn(c -> c.candidate().stage() == org.safeload.workforce.CandidateStage.WITHDRAWN)
        .hasSize(1);

    var placements = DemoCouncil.placements();
    for (var p : placements) {
      assertThat(org.safeload.workforce.SupplierPlacement.read(p.fields()).problems()).isEmpty();
      assertThat(p.requested()).isBefore(TODAY);
    }
    // Filled in 27, 28, 42 and 56 days: median (28 + 42) / 2 = 35, mean 153 / 4 = 38.25 -> 38.3.
    var figures = org.safeload.workforce.Placements.figures(placements);
    assertThat(figures.requested()).isEqualTo(5);
    assertThat(figures.open()).isEqualTo(1);
    assertThat(figures.direct()).isEqualTo(2);
    assertThat(figures.brokered()).isEqualTo(2);
    assertThat(figures.brokeredFrom()).isEqualTo(2);
    assertThat(figures.medianDaysToFill()).isEqualByComparingTo("35.0");
    assertThat(figures.meanDaysToFill()).isEqualByComparingTo("38.3");
    // Each filled request was filled on an agency worker's start date.
    Set<LocalDate> agencyStarts =
        DemoCouncil.workers().stream()
            .filter(w -> w.details().employmentType() == EmploymentType.AGENCY)
            .map(w -> w.details().startDate())
            .collect(Collectors.toSet());
    assertThat(placements)
        .filteredOn(p -> !p.open())
        .allSatisfy(p -> assertThat(agencyStarts).contains(p.filled()));
  }
}
