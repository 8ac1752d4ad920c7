package org.safeload.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeload.money.TeamAppraisal.Agency;
import org.safeload.money.TeamAppraisal.Composition;
import org.safeload.money.TeamAppraisal.Inputs;
import org.safeload.money.TeamAppraisal.Line;
import org.safeload.money.TeamAppraisal.ManagedTeam;
import org.safeload.money.TeamAppraisal.Option;
import org.safeload.money.TeamAppraisal.Period;
import org.safeload.money.TeamAppraisal.Permanent;
import org.safeload.money.TeamAppraisal.Result;
import org.safeload.organisation.Role;

/**
 * The team options appraisal against figures worked out by hand (docs/money.md, "Team options
 * appraisal"), with the documented example inputs — EXAMPLES, not real price caps or pay scales:
 *
 * <ul>
 *   <li>a team of 1 team manager and 6 social workers;
 *   <li>managed team: £14,230.77 a team-week;
 *   <li>agency: caps £50.00 an hour (team manager) and £41.00 (social worker), fee £3.00 an hour,
 *       37 hours a week, paid 52 weeks in 52;
 *   <li>permanent: £52,000 (team manager) and £39,500 (social worker) a year, on-costs 30%.
 * </ul>
 *
 * They reproduce the order of one council's appraisal in DOMAIN.md: about £740k managed, £610k
 * agency, £376k permanent a year for the same capacity.
 */
class TeamAppraisalTest {

  private static final BigDecimal SW = new BigDecimal("6");

  static Composition team() {
    return new Composition(Map.of(Role.TEAM_MANAGER, BigDecimal.ONE, Role.SOCIAL_WORKER, SW));
  }

  static Agency agency() {
    return new Agency(
        Map.of(
            Role.TEAM_MANAGER,
            new BigDecimal("50.00"),
            Role.SOCIAL_WORKER,
            new BigDecimal("41.00")),
        new BigDecimal("3.00"),
        new BigDecimal("37"),
        new BigDecimal("52"));
  }

  static Permanent permanent(String vacancyRate, String recruitment) {
    return new Permanent(
        Map.of(
            Role.TEAM_MANAGER,
            new BigDecimal("52000"),
            Role.SOCIAL_WORKER,
            new BigDecimal("39500")),
        new BigDecimal("0.30"),
        new BigDecimal(vacancyRate),
        new BigDecimal(recruitment));
  }

  static ManagedTeam managed() {
    return ManagedTeam.perTeamWeek(new BigDecimal("14230.77"));
  }

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }

  private static List<BigDecimal> periods(Option o) {
    return o.lines().stream().map(Line::period).toList();
  }

  /**
   * A year (52 weeks), no vacancies.
   *
   * <pre>
   * Managed team: 14,230.77 × 52                                   = 740,000.04
   * Agency:  team manager   1 × (50 + 3) × 37 × 52 = 53 × 1,924     = 101,972.00
   *          social workers 6 × (41 + 3) × 37 × 52 = 264 × 1,924    = 507,936.00
   *                                                           total = 609,908.00
   * Permanent: team manager   52,000 × 1.3                         =  67,600.00
   *            social workers 6 × 39,500 × 1.3                     = 308,100.00
   *                                                           total = 375,700.00
   * Cheapest: permanent. Managed is 740,000.04 − 375,700.00 = 364,300.04 more; agency
   * 609,908.00 − 375,700.00 = 234,208.00 more.
   * </pre>
   */
  @Test
  void aYearOfTheTeamThreeWaysMatchesTheHandWorkedFigures() {
    Result r =
        TeamAppraisal.of(
            new Inputs(
                team(), Period.weeks(money("52")), managed(), agency(), permanent("0", "0")));

    Option m = r.option("managed-team");
    assertThat(m.total()).isEqualByComparingTo("740000.04");
    assertThat(m.annual()).isEqualByComparingTo("740000.04");
    assertThat(m.lines())
        .singleElement()
        .extracting(Line::basis)
        .isEqualTo("£14,230.77 a team-week");
    assertThat(m.lines().getFirst().item())
        .isEqualTo("Managed team (6 social workers, 1 team manager)");

    Option a = r.option("agency");
    // Lines in the order of the roles: social workers, then the team manager.
    assertThat(periods(a)).containsExactly(money("507936.00"), money("101972.00"));
    assertThat(a.total()).isEqualByComparingTo("609908.00");
    assertThat(a.lines().get(1).basis())
        .isEqualTo("1 × (£50.00 cap + £3.00 fee) an hour × 37 hours a week");

    Option p = r.option("permanent");
    assertThat(periods(p)).containsExactly(money("308100.00"), money("67600.00"));
    assertThat(p.total()).isEqualByComparingTo("375700.00");
    assertThat(p.cheapest()).isTrue();

    assertThat(m.aboveCheapest()).isEqualByComparingTo("364300.04");
    assertThat(a.aboveCheapest()).isEqualByComparingTo("234208.00");
    assertThat(p.aboveCheapest()).isEqualByComparingTo("0");
    assertThat(r.options())
        .extracting(Option::kind)
        .containsExactly("managed-team", "agency", "permanent");
  }

  /**
   * 1 April to 30 September 2026: 30 + 31 + 30 + 31 + 31 + 30 = 183 calendar days = 183/7 weeks;
   * 10% of posts vacant and backfilled by agency; £2,000 recruitment per post filled.
   *
   * <pre>
   * Managed: 14,230.77 × 183 / 7 = 2,604,230.91 / 7 = 372,032.987… → 372,032.99
   * Agency:  team manager   53 × 37 × 183 / 7  = 358,863 / 7   = 51,266.142… →  51,266.14
   *          social workers 264 × 37 × 183 / 7 = 1,787,544 / 7 = 255,363.428… → 255,363.43
   *                                                                     total = 306,629.57
   * Permanent (a year's cost × 183 / 364):
   *   social workers employed   5.4 × 39,500 × 1.3 = 277,290 × 183 / 364 = 139,406.785… → 139,406.79
   *   social workers backfilled 0.6 × 44 × 37 × 183 / 7 = 178,754.4 / 7  =  25,536.342… →  25,536.34
   *   team manager employed     0.9 × 52,000 × 1.3 = 60,840 × 183 / 364   =  30,587.142… →  30,587.14
   *   team manager backfilled   0.1 × 53 × 37 × 183 / 7 = 35,886.3 / 7    =   5,126.614… →   5,126.61
   *   recruitment (one-off)     7 × 0.9 = 6.3 posts × 2,000                                  12,600.00
   *                                                                               total = 213,256.88
   * A year's equivalent of permanent: 277,290.00 + 0.6 × 44 × 1,924 = 50,793.60 + 60,840.00
   *   + 0.1 × 53 × 1,924 = 10,197.20 + 12,600.00 = 411,720.80.
   * </pre>
   */
  @Test
  void aPeriodByDatesWithVacanciesBackfilledByAgencyAndRecruitment() {
    Period half = Period.between(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 9, 30));
    assertThat(half.days()).isEqualTo(183);
    assertThat(half.weeks()).isEqualByComparingTo("26.1429");
    Result r =
        TeamAppraisal.of(new Inputs(team(), half, managed(), agency(), permanent("0.1", "2000")));

    assertThat(r.option("managed-team").total()).isEqualByComparingTo("372032.99");
    assertThat(periods(r.option("agency"))).containsExactly(money("255363.43"), money("51266.14"));
    assertThat(r.option("agency").total()).isEqualByComparingTo("306629.57");

    Option p = r.option("permanent");
    assertThat(p.lines())
        .extracting(Line::item)
        .containsExactly(
            "Social worker, employed",
            "Social worker, vacancies (10%) backfilled by agency",
            "Team manager, employed",
            "Team manager, vacancies (10%) backfilled by agency",
            "Recruitment (one-off)");
    assertThat(periods(p))
        .containsExactly(
            money("139406.79"),
            money("25536.34"),
            money("30587.14"),
            money("5126.61"),
            money("12600.00"));
    assertThat(p.total()).isEqualByComparingTo("213256.88");
    assertThat(p.annual()).isEqualByComparingTo("411720.80");
    // The total is the sum of the rounded lines.
    assertThat(p.total())
        .isEqualByComparingTo(periods(p).stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    assertThat(p.cheapest()).isTrue();
    assertThat(r.option("agency").aboveCheapest()).isEqualByComparingTo("93372.69");
  }

  /**
   * Six months are 6 × 52 / 12 = 26 weeks: managed 14,230.77 × 26 = 370,000.02. Priced per
   * person-week instead (£2,500 the team manager, £1,950 a social worker): 2,500 + 6 × 1,950 =
   * 14,200 a week × 26 = 369,200.00, in two lines: 6 × 1,950 × 26 = 304,200.00 and 2,500 × 26 =
   * 65,000.00.
   */
  @Test
  void monthsAreTwelfthsOfA52WeekYearAndAManagedTeamMayBePricedPerPerson() {
    Period six = Period.months(money("6"));
    assertThat(six.weeks()).isEqualByComparingTo("26");
    assertThat(
            TeamAppraisal.of(new Inputs(team(), six, managed(), agency(), permanent("0", "0")))
                .option("managed-team")
                .total())
        .isEqualByComparingTo("370000.02");
    ManagedTeam perPerson =
        new ManagedTeam(
            null, Map.of(Role.TEAM_MANAGER, money("2500"), Role.SOCIAL_WORKER, money("1950")));
    Option m =
        TeamAppraisal.of(new Inputs(team(), six, perPerson, agency(), permanent("0", "0")))
            .option("managed-team");
    assertThat(periods(m)).containsExactly(money("304200.00"), money("65000.00"));
    assertThat(m.total()).isEqualByComparingTo("369200.00");
    assertThat(m.annual()).isEqualByComparingTo("738400.00");
  }

  /**
   * An agency worker paid 47 weeks in 52 (holiday not in the rate): a social worker at (41 + 3) ×
   * 37 × 47 = 76,516.00 a year.
   */
  @Test
  void agencyWeeksPaidInAYearScaleTheAgencyCost() {
    Agency paid47 = new Agency(agency().hourlyCaps(), money("3.00"), money("37"), money("47"));
    Composition one = new Composition(Map.of(Role.SOCIAL_WORKER, BigDecimal.ONE));
    Option a =
        TeamAppraisal.of(new Inputs(one, Period.year(), managed(), paid47, permanent("0", "0")))
            .option("agency");
    assertThat(a.total()).isEqualByComparingTo("76516.00");
    assertThat(a.lines().getFirst().basis()).endsWith(", paid 47 weeks in 52");
  }

  @Test
  void aRoleWithoutAPriceIsRefused() {
    Composition withSupport =
        new Composition(Map.of(Role.SOCIAL_WORKER, SW, Role.BUSINESS_SUPPORT, BigDecimal.ONE));
    assertThatThrownBy(
            () -> new Inputs(withSupport, Period.year(), managed(), agency(), permanent("0", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "agency.hourlyCaps: no hourly cap for business-support; permanent.salaries: no salary"
                + " for business-support");
    assertThatThrownBy(() -> new Composition(Map.of(Role.SOCIAL_WORKER, BigDecimal.ZERO)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
