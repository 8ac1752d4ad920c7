package org.safeload.app.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.app.access.AccessRole;
import org.safeload.app.access.ProviderDirectory;
import org.safeload.app.access.TestAccounts;
import org.safeload.app.access.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The team options appraisal page and API with the demo council's example figures (application.yml,
 * safeload.demo.appraisal): caps £50.00 (team manager) and £41.00 (social worker) an hour, fee
 * £3.00, 37 hours, 52 weeks; salaries £52,000 and £39,500, on-costs 30%. The figures are the ones
 * worked out by hand in the core's TeamAppraisalTest.
 */
@SafeloadSpringTest
class TeamAppraisalPagesTest {

  @Autowired MockMvc mvc;
  @Autowired UserAccounts accounts;
  @Autowired ProviderDirectory providers;

  @BeforeEach
  void accounts() {
    TestAccounts.ensure(accounts, providers);
  }

  private MvcResult as(AccessRole role, MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(httpBasic(TestAccounts.username(role), TestAccounts.PASSWORD)))
        .andReturn();
  }

  private Document page(String url) throws Exception {
    MvcResult result = as(AccessRole.FINANCE, get(java.net.URI.create(url)));
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    return Jsoup.parse(result.getResponse().getContentAsString());
  }

  private static List<String> cells(Document page, String row) {
    return page.select("#options #" + row + " td").eachText();
  }

  @Test
  void theContractsPageLinksToTheFormWhichShowsTheExampleFigures() throws Exception {
    Document contracts = page("/contracts");
    assertThat(contracts.select("#appraisal-link").attr("href")).isEqualTo("/appraisal");
    Document form = page("/appraisal");
    assertThat(form.select("h1").text()).isEqualTo("Team options appraisal");
    assertThat(form.select("#example-figures").text()).contains("example figures");
    assertThat(form.select("#teamManager").val()).isEqualTo("1");
    assertThat(form.select("#socialWorker").val()).isEqualTo("6");
    assertThat(form.select("#months").val()).isEqualTo("12");
    assertThat(form.select("#options")).isEmpty();
    assertThat(form.select("#figures").text())
        .contains(
            "North West (example)", "Social worker: £41.00", "Team manager: £52,000.00", "30.0%");
  }

  /**
   * Twelve months (52 weeks) at £14,230.77 a team-week: £740,000.04 managed, £609,908.00 agency,
   * £375,700.00 permanent (TeamAppraisalTest).
   */
  @Test
  void aYearOfTheTeamSideBySide() throws Exception {
    Document page =
        page(
            "/appraisal?appraise=yes&teamManager=1&socialWorker=6&period=months&months=12"
                + "&price=%C2%A314%2C230.77&vacancy=0");
    assertThat(page.select(".govuk-error-summary")).isEmpty();
    assertThat(page.select("#options thead th").eachText())
        .containsExactly("Managed team", "Agency workers", "Permanent staff");
    assertThat(cells(page, "row-period"))
        .containsExactly("£740,000.04", "£609,908.00", "£375,700.00");
    assertThat(cells(page, "row-annual"))
        .containsExactly("£740,000.04", "£609,908.00", "£375,700.00");
    assertThat(cells(page, "row-above")).containsExactly("£364,300.04", "£234,208.00", "Cheapest");
    // Numbers right-aligned.
    for (Element cell : page.select("#options tbody td")) {
      assertThat(cell.hasClass("govuk-table__cell--numeric")).isTrue();
    }
    assertThat(page.select("#lines-agency tbody tr").eachText())
        .containsExactly(
            "Social worker, agency 6 6 × (£41.00 cap + £3.00 fee) an hour × 37 hours a week"
                + " £507,936.00 £507,936.00",
            "Team manager, agency 1 1 × (£50.00 cap + £3.00 fee) an hour × 37 hours a week"
                + " £101,972.00 £101,972.00",
            "Total £609,908.00 £609,908.00");
  }

  /**
   * 1 April to 30 September 2026 (183 days) with 10% vacancies: permanent £200,656.88 without
   * recruitment (TeamAppraisalTest's 213,256.88 less its 12,600.00 recruitment).
   */
  @Test
  void datesAndAVacancyRate() throws Exception {
    Document page =
        page(
            "/appraisal?appraise=yes&teamManager=1&socialWorker=6&period=dates"
                + "&start.day=1&start.month=4&start.year=2026&end.day=30&end.month=9&end.year=2026"
                + "&price=14230.77&vacancy=10");
    assertThat(page.select(".govuk-error-summary")).isEmpty();
    assertThat(page.select("#period-summary").text())
        .isEqualTo(
            "6 social workers, 1 team manager, for 1 April 2026 to 30 September 2026 (183 days, 26.14 weeks)");
    assertThat(cells(page, "row-period"))
        .containsExactly("£372,032.99", "£306,629.57", "£200,656.88");
  }

  @Test
  void badInputIsNamedAtItsBox() throws Exception {
    Document page =
        page(
            "/appraisal?appraise=yes&teamManager=1&socialWorker=6.333&period=months&months=0"
                + "&price=14230.775&vacancy=150");
    assertThat(page.select(".govuk-error-summary__list li").eachText())
        .containsExactly(
            "Enter the vacancy rate as a percentage from 0 to 100, like 10",
            "Social workers must be a number of FTE with no more than 2 decimal places, like 0.5"
                + " (not 6.333)",
            "The number of months must be more than 0 and at most 120, with no more than 2 decimal"
                + " places (not 0)",
            "The managed team's price per team-week must be in pounds and pence, with no more than 2"
                + " decimal places (not 14230.775)");
    assertThat(page.select("#price-error").text()).contains("pounds and pence");
    assertThat(page.select("#options")).isEmpty();
    page = page("/appraisal?appraise=yes&teamManager=&socialWorker=&period=dates&price=&vacancy=");
    assertThat(page.select(".govuk-error-summary__list li").eachText())
        .containsExactlyInAnyOrder(
            "Enter how many people of each role the team has",
            "Enter the start date",
            "Enter the end date",
            "Enter the managed team's price per team-week");
  }

  @Test
  void theApiAppraisesWithTheCouncilsFiguresForWhatTheBodyLeavesOut() throws Exception {
    MvcResult result =
        as(
            AccessRole.FINANCE,
            post("/api/v1/appraisal")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"composition": {"team-manager": 1, "social-worker": 6},
                     "period": {"weeks": 52},
                     "managedTeam": {"pricePerTeamWeek": "14230.77"},
                     "permanent": {"vacancyRate": "0.1"}}
                    """));
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    String json = result.getResponse().getContentAsString();
    // Permanent with 10% backfilled: 0.9 × 375,700.00 + 0.1 × 609,908.00 = 399,120.80.
    assertThat(JsonPath.<List<Double>>read(json, "$.options[*].total"))
        .containsExactly(740000.04, 609908.0, 399120.8);
    assertThat(JsonPath.<Double>read(json, "$.assumptions.hourlyCaps.social-worker"))
        .isEqualTo(41.0);
    assertThat(JsonPath.<String>read(json, "$.cheapest")).isEqualTo("permanent");
  }

  @Test
  void theApiNamesEveryBadField() throws Exception {
    MvcResult result =
        as(
            AccessRole.FINANCE,
            post("/api/v1/appraisal")
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"composition": {"social-worker": 6, "nurse": 1},
                     "period": {"weeks": 52},
                     "managedTeam": {"pricePerTeamWeek": "14230.775"}}
                    """));
    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    assertThat(result.getResponse().getContentType()).contains("application/problem+json");
    String json = result.getResponse().getContentAsString();
    assertThat(JsonPath.<String>read(json, "$.title")).isEqualTo("The appraisal has errors");
    assertThat(JsonPath.<List<String>>read(json, "$.errors[*].field"))
        .containsExactlyInAnyOrder("composition.nurse", "managedTeam.pricePerTeamWeek");
  }

  @Test
  void caseHoldingStaffSeeNoMoney() throws Exception {
    assertThat(as(AccessRole.SOCIAL_WORKER, get("/appraisal")).getResponse().getStatus())
        .isEqualTo(403);
    assertThat(
            as(
                    AccessRole.SOCIAL_WORKER,
                    post("/api/v1/appraisal")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .getResponse()
                .getStatus())
        .isEqualTo(403);
  }
}
