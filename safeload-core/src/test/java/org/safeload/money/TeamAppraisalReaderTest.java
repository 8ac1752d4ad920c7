package org.safeload.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeload.document.DocumentException;
import org.safeload.organisation.Role;

/**
 * The scenario's {@code teamAppraisal} section: read into the appraisal's inputs, and every problem
 * reported at once with its line and field, as the rest of the scenario.
 */
class TeamAppraisalReaderTest {

  private static final String EXAMPLE =
      """
      teamAppraisal:
        composition: {team-manager: 1, social-worker: 6}
        period: {weeks: 52}
        managedTeam: {pricePerTeamWeek: 14230.77}
        agency:
          hourlyCaps: {team-manager: 50.00, social-worker: 41.00}
          hourlyFee: 3.00
          hoursPerWeek: 37
          weeksPerYear: 52
        permanent:
          salaries: {team-manager: 52000, social-worker: 39500}
          onCostRate: 0.3
          vacancyRate: 0
      """;

  private static List<String> problems(String text) {
    try {
      ScenarioReader.scenario(text);
    } catch (DocumentException e) {
      return e.problems().stream()
          .map(p -> p.line() + " " + p.field() + ": " + p.message())
          .toList();
    }
    throw new AssertionError("expected the scenario to be refused");
  }

  @Test
  void theExampleReadsIntoTheHandWorkedYear() {
    Scenario scenario = ScenarioReader.scenario(EXAMPLE);
    assertThat(scenario.contracts()).isEmpty();
    TeamAppraisal.Inputs in = scenario.teamAppraisal();
    assertThat(in.composition().fte())
        .containsExactly(
            Map.entry(Role.SOCIAL_WORKER, new BigDecimal("6")),
            Map.entry(Role.TEAM_MANAGER, new BigDecimal("1")));
    TeamAppraisal.Result r = TeamAppraisal.of(in);
    // As TeamAppraisalTest works out by hand.
    assertThat(r.option("managed-team").total()).isEqualByComparingTo("740000.04");
    assertThat(r.option("agency").total()).isEqualByComparingTo("609908.00");
    assertThat(r.option("permanent").total()).isEqualByComparingTo("375700.00");
  }

  @Test
  void aScenarioWithoutATeamAppraisalHasNone() {
    String card = "appraisal:\n  - {name: P, kind: permanent, salary: 1000, onCostRate: 0.3}\n";
    assertThat(ScenarioReader.scenario(card).teamAppraisal()).isNull();
  }

  @Test
  void everyProblemIsNamedWithItsLineAndField() {
    assertThat(
            problems(
                """
                teamAppraisal:
                  composition: {team-manager: 1, social-worker: 6.333, nurse: 2}
                  period: {start: 2026-04-01, end: 2026-03-01}
                  managedTeam: {pricePerTeamWeek: 14230.775}
                  agency:
                    hourlyCaps: {team-manager: 50, social-worker: -41}
                    hoursPerWeek: 80
                    weeksPerYear: 53
                    colour: blue
                  permanent:
                    salaries: {team-manager: 52000, social-worker: 39500.001}
                    onCostRate: 1.3
                    vacancyRate: lots
                """))
        .containsExactlyInAnyOrder(
            "2 teamAppraisal.composition.social-worker: must be a number of FTE with no more than 2"
                + " decimal places, like 0.5 (not 6.333)",
            "2 teamAppraisal.composition.nurse: is not a role; roles: social-worker,"
                + " advanced-practitioner, team-manager, business-support, provider-manager",
            "3 teamAppraisal.period.end: must be on or after the start, 2026-04-01",
            "4 teamAppraisal.managedTeam.pricePerTeamWeek: must be in pounds and pence, with no more"
                + " than 2 decimal places (not 14230.775)",
            "9 teamAppraisal.agency.colour: unknown field; expected one of: hourlyCaps, hourlyFee,"
                + " hoursPerWeek, weeksPerYear",
            "6 teamAppraisal.agency.hourlyCaps.social-worker: must not be negative (not -41)",
            "7 teamAppraisal.agency.hoursPerWeek: must be more than 0 and at most 60 (not 80)",
            "8 teamAppraisal.agency.weeksPerYear: must be more than 0 and at most 52 (not 53)",
            "11 teamAppraisal.permanent.salaries.social-worker: must be in pounds and pence, with no"
                + " more than 2 decimal places (not 39500.001)",
            "12 teamAppraisal.permanent.onCostRate: must be a share from 0 to 1, like 0.3 for 30%"
                + " (not 1.3)",
            "13 teamAppraisal.permanent.vacancyRate: must be a number, like 1.5 (not lots)");
  }

  @Test
  void requiredPartsAndTheOneWayOfEachAreChecked() {
    assertThat(problems("teamAppraisal: {}\n"))
        .containsExactlyInAnyOrder(
            "1 teamAppraisal.composition: is required",
            "1 teamAppraisal.period: is required",
            "1 teamAppraisal.managedTeam: is required",
            "1 teamAppraisal.agency: is required",
            "1 teamAppraisal.permanent: is required");
    assertThat(
            problems(
                """
                teamAppraisal:
                  composition: {}
                  period: {weeks: 52, months: 12}
                  managedTeam: {}
                  agency: {hourlyFee: 3}
                  permanent: {salaries: {social-worker: 0}}
                """))
        .containsExactlyInAnyOrder(
            "2 teamAppraisal.composition: must name at least one role and its FTE, like"
                + " {social-worker: 6}",
            "3 teamAppraisal.period: a period is a start and an end date, a number of weeks, or a"
                + " number of months (just one of them)",
            "4 teamAppraisal.managedTeam: a managed team is priced per team-week (pricePerTeamWeek)"
                + " or per person-week by role (pricePerPersonWeek), just one of them",
            "5 teamAppraisal.agency.hourlyCaps: is required",
            "6 teamAppraisal.permanent.salaries.social-worker: must be more than 0",
            "6 teamAppraisal.permanent.onCostRate: is required");
  }

  @Test
  void aRoleOfTheTeamWithoutItsPricesIsNamed() {
    assertThat(
            problems(
                EXAMPLE.replace(
                    "{team-manager: 1, social-worker: 6}",
                    "{team-manager: 1, social-worker: 6, business-support: 1}")))
        .containsExactly(
            "6 teamAppraisal.agency.hourlyCaps: no hourly cap for business-support, which the"
                + " composition has",
            "11 teamAppraisal.permanent.salaries: no salary for business-support, which the"
                + " composition has");
  }

  @Test
  void theCouncilsTermsFillWhatAnApiBodyLeavesOut() {
    TeamAppraisalReader.Defaults council =
        new TeamAppraisalReader.Defaults(
            TeamAppraisalTest.agency(), TeamAppraisalTest.permanent("0", "0"));
    TeamAppraisal.Inputs in =
        TeamAppraisalReader.read(
            """
            {"composition": {"team-manager": 1, "social-worker": 6},
             "period": {"months": 12},
             "managedTeam": {"pricePerTeamWeek": "14230.77"},
             "permanent": {"vacancyRate": 0.1}}
            """,
            council);
    assertThat(in.agency()).isEqualTo(TeamAppraisalTest.agency());
    assertThat(in.permanent().salaries())
        .isEqualTo(TeamAppraisalTest.permanent("0", "0").salaries());
    assertThat(in.permanent().vacancyRate()).isEqualByComparingTo("0.1");
    // Permanent with 10% backfilled, for a year: 0.9 × 375,700.00 = 338,130.00 employed, and
    // 0.1 × 609,908.00 = 60,990.80 agency: 399,120.80.
    assertThat(TeamAppraisal.of(in).option("permanent").total()).isEqualByComparingTo("399120.80");
  }
}
