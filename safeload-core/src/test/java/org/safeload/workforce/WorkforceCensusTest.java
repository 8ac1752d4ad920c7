package org.safeload.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeload.document.FieldProblem;
import org.safeload.organisation.EmploymentType;
import org.safeload.organisation.Role;
import org.safeload.organisation.WorkerDetails;
import org.safeload.workforce.WorkforceCensus.Figures;
import org.safeload.workforce.WorkforceCensus.Member;
import org.safeload.workforce.WorkforceCensus.Post;

/**
 * The census definitions pinned on a small register worked out by hand (docs/workforce.md), and the
 * rates against the Department's published 2023 figures.
 */
class WorkforceCensusTest {

  private static final LocalDate YEAR_END = LocalDate.of(2025, 9, 30);

  private static Member member(
      String team, Role role, EmploymentType type, String fte, String start, String end) {
    return new Member(
        team,
        new WorkerDetails(
            team + " " + role + " " + start,
            role,
            type,
            new BigDecimal(fte),
            LocalDate.parse(start),
            end == null ? null : LocalDate.parse(end),
            null,
            null,
            null));
  }

  static final List<Member> REGISTER =
      List.of(
          // Alpha: a starter on the year's first day, a leaver on its last day, a leaver before
          // the year, a future starter, an agency worker covering a vacancy, a seconded manager.
          member("Alpha", Role.SOCIAL_WORKER, EmploymentType.PERMANENT, "1", "2024-10-01", null),
          member(
              "Alpha",
              Role.SOCIAL_WORKER,
              EmploymentType.PERMANENT,
              "0.8",
              "2020-01-01",
              "2025-09-30"),
          member(
              "Alpha",
              Role.SOCIAL_WORKER,
              EmploymentType.PERMANENT,
              "1",
              "2019-05-01",
              "2024-09-30"),
          member("Alpha", Role.SOCIAL_WORKER, EmploymentType.PERMANENT, "1", "2025-10-01", null),
          member("Alpha", Role.SOCIAL_WORKER, EmploymentType.AGENCY, "1", "2025-01-06", null),
          member("Alpha", Role.TEAM_MANAGER, EmploymentType.SECONDEE, "1", "2018-01-01", null),
          // Bravo: a managed team of two against one half-time employed worker; business support
          // does not count.
          member(
              "bravo", Role.SOCIAL_WORKER, EmploymentType.MANAGED_SERVICE, "1", "2025-06-01", null),
          member(
              "Bravo",
              Role.SOCIAL_WORKER,
              EmploymentType.MANAGED_SERVICE,
              "1",
              "2025-06-01",
              "2025-12-31"),
          member("Bravo", Role.SOCIAL_WORKER, EmploymentType.PERMANENT, "0.5", "2023-04-01", null),
          member("Bravo", Role.BUSINESS_SUPPORT, EmploymentType.PERMANENT, "1", "2023-04-01", null),
          // Charlie: no establishment at all.
          member(
              "Charlie",
              Role.ADVANCED_PRACTITIONER,
              EmploymentType.PERMANENT,
              "1",
              "2022-01-01",
              null),
          member("Charlie", Role.SOCIAL_WORKER, EmploymentType.AGENCY, "0.6", "2025-02-01", null));

  static final List<Post> ESTABLISHMENT =
      List.of(
          new Post("Alpha", Role.SOCIAL_WORKER, new BigDecimal("5")),
          new Post("Alpha", Role.TEAM_MANAGER, new BigDecimal("1")),
          new Post("Bravo", Role.SOCIAL_WORKER, new BigDecimal("3")),
          new Post("Bravo", Role.BUSINESS_SUPPORT, new BigDecimal("2")));

  private static void same(BigDecimal actual, String expected) {
    assertThat(actual).isEqualByComparingTo(expected);
  }

  private static void rates(
      Figures f, String vacancy, String agency, String cover, String turnover) {
    assertThat(f.vacancyRate()).isEqualTo(vacancy == null ? null : new BigDecimal(vacancy));
    assertThat(f.agencyRate()).isEqualTo(agency == null ? null : new BigDecimal(agency));
    assertThat(f.agencyCoverRate()).isEqualTo(cover == null ? null : new BigDecimal(cover));
    assertThat(f.turnoverRate()).isEqualTo(turnover == null ? null : new BigDecimal(turnover));
  }

  @Test
  void eachTeamAndTheCouncilOnTheDepartmentsDefinitions() {
    WorkforceCensus.Result result = WorkforceCensus.of(YEAR_END, REGISTER, ESTABLISHMENT);

    assertThat(result.teams()).containsOnlyKeys("Alpha", "bravo", "Charlie");
    Figures alpha = result.teams().get("Alpha");
    assertThat(alpha.yearStart()).isEqualTo(LocalDate.of(2024, 10, 1));
    // In post: the first-day starter (1) and the manager (1); the last-day leaver is not.
    same(alpha.inPostFte(), "2");
    assertThat(alpha.inPostHeadcount()).isEqualTo(2);
    same(alpha.agencyFte(), "1");
    same(alpha.establishmentFte(), "6");
    // Social workers 5 - 1 employed = 4 vacant; the agency worker covers 1 of them.
    same(alpha.vacancyFte(), "4");
    same(alpha.agencyCoverFte(), "1");
    same(alpha.startersFte(), "1");
    same(alpha.leaversFte(), "0.8");
    // 4/6, 1/3, 1/4, 0.8/2.
    rates(alpha, "66.7", "33.3", "25.0", "40.0");

    Figures bravo = result.teams().get("Bravo");
    same(bravo.inPostFte(), "0.5");
    same(bravo.agencyFte(), "2");
    assertThat(bravo.agencyHeadcount()).isEqualTo(2);
    same(bravo.establishmentFte(), "3");
    same(bravo.vacancyFte(), "2.5");
    same(bravo.agencyCoverFte(), "2");
    // 2.5/3, 2/2.5, 2/2.5, 0/0.5.
    rates(bravo, "83.3", "80.0", "80.0", "0.0");

    Figures charlie = result.teams().get("charlie");
    same(charlie.inPostFte(), "1");
    same(charlie.agencyFte(), "0.6");
    same(charlie.vacancyFte(), "0");
    same(charlie.agencyCoverFte(), "0");
    // No vacancy to cover: the cover rate is not a number.
    rates(charlie, "0.0", "37.5", null, "0.0");

    Figures council = result.council();
    same(council.inPostFte(), "3.5");
    assertThat(council.inPostHeadcount()).isEqualTo(4);
    same(council.agencyFte(), "3.6");
    assertThat(council.agencyHeadcount()).isEqualTo(4);
    same(council.establishmentFte(), "9");
    same(council.vacancyFte(), "6.5");
    same(council.agencyCoverFte(), "3");
    same(council.startersFte(), "1");
    same(council.leaversFte(), "0.8");
    // 6.5/10 = 65.0; 3.6/7.1 = 50.70; 3/6.5 = 46.15; 0.8/3.5 = 22.86.
    rates(council, "65.0", "50.7", "46.2", "22.9");
  }

  @Test
  void theRatesReproduceTheDepartmentsPublished2023Figures() {
    // The national counts at 30 September 2023 (DOMAIN.md) give vacancy 18.9, agency 17.8,
    // agency cover 74.4 and turnover 15.9.
    Figures england =
        new Figures(
            LocalDate.of(2022, 10, 1),
            LocalDate.of(2023, 9, 30),
            new BigDecimal("33119.1"),
            0,
            new BigDecimal("7173.5"),
            0,
            BigDecimal.ZERO,
            new BigDecimal("7722.7"),
            new BigDecimal("5744.2"),
            new BigDecimal("6027.5"),
            new BigDecimal("5254.6"));

    rates(england, "18.9", "17.8", "74.4", "15.9");
    // Caseload: 337,055 cases / 21,111.4 case-holding FTE = 15.97.
    assertThat(WorkforceCensus.caseload(337_055, new BigDecimal("21111.4"))).isEqualTo("16.0");
    assertThat(WorkforceCensus.caseload(10, BigDecimal.ZERO)).isNull();
  }

  @Test
  void theEstablishmentFileIsCheckedRowByRow() {
    EstablishmentCsv.Result ok =
        EstablishmentCsv.read(new StringReader("team,role,fte\nAlpha,social-worker,5.5\n"));
    assertThat(ok.problems()).isEmpty();
    assertThat(ok.posts())
        .containsExactly(new Post("Alpha", Role.SOCIAL_WORKER, new BigDecimal("5.5")));

    EstablishmentCsv.Result bad =
        EstablishmentCsv.read(
            new StringReader(
                "fte,team,role\n1.234,Alpha,social-worker\n-1,Alpha,team-manager\n"
                    + "2,,chef\n3,ALPHA,team-manager\n4,alpha,team-manager\n"));
    assertThat(bad.posts()).isEmpty();
    assertThat(bad.problems())
        .extracting(FieldProblem::line, FieldProblem::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "fte"),
            org.assertj.core.groups.Tuple.tuple(3, "fte"),
            org.assertj.core.groups.Tuple.tuple(4, "team"),
            org.assertj.core.groups.Tuple.tuple(4, "role"),
            org.assertj.core.groups.Tuple.tuple(6, "role"));
    assertThat(bad.problems().getLast().message())
        .isEqualTo("The team alpha already has a line for team-manager on line 5");
  }

  @Test
  void theAgencyCoverHeadcountIsTheFewestAgencyWorkersWhoFillTheVacancies() {
    // The register: Alpha's agency worker covers 1 of 4 vacant; Bravo's managed team of 2 covers
    // 2 of 2.5; Charlie has no vacancy for its agency worker.
    assertThat(WorkforceCensus.agencyCoverHeadcount(YEAR_END, REGISTER, ESTABLISHMENT))
        .isEqualTo(3);
    // 1.5 vacant against agency workers of 0.5, 1 and 0.8: the largest first, 1 + 0.8 reach it.
    List<Member> delta =
        List.of(
            member("Delta", Role.SOCIAL_WORKER, EmploymentType.AGENCY, "0.5", "2025-01-01", null),
            member("Delta", Role.SOCIAL_WORKER, EmploymentType.AGENCY, "1", "2025-01-02", null),
            member("Delta", Role.SOCIAL_WORKER, EmploymentType.AGENCY, "0.8", "2025-01-03", null),
            member(
                "Delta", Role.SOCIAL_WORKER, EmploymentType.PERMANENT, "0.5", "2025-01-04", null));
    List<Post> posts = List.of(new Post("Delta", Role.SOCIAL_WORKER, new BigDecimal("2")));
    assertThat(WorkforceCensus.agencyCoverHeadcount(YEAR_END, delta, posts)).isEqualTo(2);
    same(WorkforceCensus.of(YEAR_END, delta, posts).council().agencyCoverFte(), "1.5");
  }
}
