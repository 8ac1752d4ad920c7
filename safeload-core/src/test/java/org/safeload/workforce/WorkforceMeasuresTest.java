package org.safeload.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeload.organisation.EmploymentType;
import org.safeload.organisation.Role;
import org.safeload.organisation.WorkerDetails;
import org.safeload.workforce.WorkforceMeasures.Experience;
import org.safeload.workforce.WorkforceMeasures.Member;

/** The census's caseload, sickness and experience measures on a register worked out by hand. */
class WorkforceMeasuresTest {

  private static final LocalDate YEAR_END = LocalDate.of(2025, 9, 30);

  private static Member member(
      Role role, EmploymentType type, String fte, String end, int cases, String lost, Integer pqe) {
    return new Member(
        new WorkerDetails(
            "w",
            role,
            type,
            new BigDecimal(fte),
            LocalDate.of(2020, 1, 6),
            end == null ? null : LocalDate.parse(end),
            null,
            null,
            null),
        cases,
        new BigDecimal(lost),
        pqe);
  }

  @Test
  void caseloadSicknessAndExperienceFollowTheCensusDefinitions() {
    List<Member> register =
        List.of(
            member(Role.SOCIAL_WORKER, EmploymentType.PERMANENT, "1", null, 18, "5", 1),
            member(Role.SOCIAL_WORKER, EmploymentType.SECONDEE, "0.8", null, 12, "3.5", 4),
            member(Role.TEAM_MANAGER, EmploymentType.PERMANENT, "1", null, 0, "0", 10),
            // An agency worker holds cases but their sickness and experience are not counted.
            member(Role.SOCIAL_WORKER, EmploymentType.AGENCY, "1", null, 20, "7", 3),
            // A leaver in the year: their days lost count, they are not in post.
            member(Role.SOCIAL_WORKER, EmploymentType.PERMANENT, "0.6", "2025-06-30", 0, "4", 6),
            // Not a role the census counts.
            member(Role.BUSINESS_SUPPORT, EmploymentType.PERMANENT, "1", null, 0, "10", null),
            // No qualification date recorded.
            member(Role.SOCIAL_WORKER, EmploymentType.PERMANENT, "0.5", null, 0, "0", null));

    WorkforceMeasures m = WorkforceMeasures.of(YEAR_END, register);

    // By hand: cases 18 + 12 + 20 = 50 held by 1 + 0.8 + 1 = 2.8 FTE: 17.857 -> 17.9.
    assertThat(m.casesHeld()).isEqualTo(50);
    assertThat(m.caseHoldingFte()).isEqualByComparingTo("2.8");
    assertThat(m.caseload()).isEqualByComparingTo("17.9");
    // Days lost by employed workers: 5 + 3.5 + 0 + 4 + 0 = 12.5; employed FTE in post
    // 1 + 0.8 + 1 + 0.5 = 3.3: 3.79 -> 3.8 days per FTE; 12.5 / (3.3 x 253) = 1.497% -> 1.5%.
    assertThat(m.daysLost()).isEqualByComparingTo("12.5");
    assertThat(m.employedFte()).isEqualByComparingTo("3.3");
    assertThat(m.sicknessDaysPerFte()).isEqualByComparingTo("3.8");
    assertThat(m.absenceRate()).isEqualByComparingTo("1.5");
    assertThat(m.experience().get(Experience.UNDER_2)).isEqualByComparingTo("1");
    assertThat(m.experience().get(Experience.TWO_TO_5)).isEqualByComparingTo("0.8");
    assertThat(m.experience().get(Experience.OVER_5)).isEqualByComparingTo("1");
    assertThat(m.experience().get(Experience.UNKNOWN)).isEqualByComparingTo("0.5");
  }

  @Test
  void sicknessNotKnownForAnEmployedWorkerLeavesTheGroupsSicknessFiguresOut() {
    WorkforceMeasures m =
        WorkforceMeasures.of(
            YEAR_END,
            List.of(
                member(Role.SOCIAL_WORKER, EmploymentType.PERMANENT, "1", null, 3, "2", 4),
                new Member(
                    member(Role.SOCIAL_WORKER, EmploymentType.PERMANENT, "1", null, 0, "0", 4)
                        .worker(),
                    2,
                    null,
                    4)));
    assertThat(m.sicknessDaysPerFte()).isNull();
    assertThat(m.absenceRate()).isNull();
    assertThat(m.caseload()).isEqualByComparingTo("2.5");
  }

  @Test
  void anEmptyGroupHasNoRatesRatherThanAnError() {
    WorkforceMeasures m = WorkforceMeasures.of(YEAR_END, List.of());
    assertThat(m.caseload()).isNull();
    assertThat(m.sicknessDaysPerFte()).isNull();
    assertThat(m.absenceRate()).isNull();
    assertThat(m.experience()).isEmpty();
  }

  @Test
  void aCensusYearWith29FebruaryHas254WorkingDays() {
    assertThat(Sickness.workingDaysInYear(LocalDate.of(2024, 9, 30))).isEqualTo(254);
    assertThat(Sickness.workingDaysInYear(LocalDate.of(2025, 9, 30))).isEqualTo(253);
    assertThat(Sickness.workingDaysInYear(LocalDate.of(2023, 9, 30))).isEqualTo(253);
    // A year ending 31 March 2024 contains 29 February 2024 too.
    assertThat(Sickness.workingDaysInYear(LocalDate.of(2024, 3, 31))).isEqualTo(254);
    assertThat(Sickness.workingDaysInYear(LocalDate.of(2024, 2, 28))).isEqualTo(253);
  }

  @Test
  void englandIn2023GivesThePublishedFigures() {
    WorkforceMeasures.National england = WorkforceMeasures.National.england2023();
    // DOMAIN.md: vacancy 18.9%, agency 17.8%, turnover 15.9%, agency cover 74.4%, caseload 16.0,
    // absence 3.2%; 270,751 days over 33,119.1 FTE is 8.18 -> 8.2 days per FTE.
    assertThat(england.figures().vacancyRate()).isEqualByComparingTo("18.9");
    assertThat(england.figures().agencyRate()).isEqualByComparingTo("17.8");
    assertThat(england.figures().turnoverRate()).isEqualByComparingTo("15.9");
    assertThat(england.figures().agencyCoverRate()).isEqualByComparingTo("74.4");
    assertThat(england.caseload()).isEqualByComparingTo("16.0");
    assertThat(england.absenceRate()).isEqualByComparingTo("3.2");
    assertThat(england.sicknessDaysPerFte()).isEqualByComparingTo("8.2");
  }

  @Test
  void aGroupOfTeamsAddsUpItsTeamsSoOneTeamsSurplusFillsNoOtherVacancy() {
    List<WorkforceCensus.Member> members =
        List.of(
            new WorkforceCensus.Member(
                "North",
                new WorkerDetails(
                    "a",
                    Role.SOCIAL_WORKER,
                    EmploymentType.PERMANENT,
                    new BigDecimal("3"),
                    LocalDate.of(2020, 1, 6),
                    null,
                    null,
                    null,
                    null)));
    List<WorkforceCensus.Post> posts =
        List.of(
            new WorkforceCensus.Post("north", Role.SOCIAL_WORKER, new BigDecimal("2")),
            new WorkforceCensus.Post("South", Role.SOCIAL_WORKER, new BigDecimal("2")),
            new WorkforceCensus.Post("East", Role.SOCIAL_WORKER, new BigDecimal("1")));
    WorkforceCensus.Result result = WorkforceCensus.of(YEAR_END, members, posts);
    // North is over-filled by 1 FTE: South's 2 vacant FTE stay vacant; East is not in the group.
    WorkforceCensus.Figures group = result.group(List.of("NORTH", "South", "Nowhere", "south"));
    assertThat(group.vacancyFte()).isEqualByComparingTo("2");
    assertThat(group.inPostFte()).isEqualByComparingTo("3");
    assertThat(group.establishmentFte()).isEqualByComparingTo("4");
    assertThat(result.council().vacancyFte()).isEqualByComparingTo("3");
  }
}
