package org.safeload.app.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The caseload pages on the demo council, in GOV.UK markup, working without JavaScript. */
@SafeloadSpringTest
class CaseloadPagesTest {

  private static final Map<String, String> COLOURS =
      Map.of(
          "Over cap",
          "govuk-tag--red",
          "Over target",
          "govuk-tag--yellow",
          "Within target",
          "govuk-tag--green");

  @Autowired MockMvc mvc;
  @Autowired UserAccounts accounts;
  @Autowired ProviderDirectory providers;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void accounts() {
    TestAccounts.ensure(accounts, providers);
  }

  private MvcResult as(AccessRole role, MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(
            request
                .with(httpBasic(TestAccounts.username(role), TestAccounts.PASSWORD))
                .with(csrf()))
        .andReturn();
  }

  private Document page(AccessRole role, MockHttpServletRequestBuilder request, int status)
      throws Exception {
    MvcResult r = as(role, request);
    assertThat(r.getResponse().getStatus())
        .as(r.getResponse().getContentAsString())
        .isEqualTo(status);
    return Jsoup.parse(r.getResponse().getContentAsString());
  }

  private long team(String name) {
    return jdbc.sql("select id from team where name = ?").param(name).query(Long.class).single();
  }

  private static BigDecimal number(Element cell) {
    return new BigDecimal(cell.text());
  }

  /** Every status is a coloured tag with its words, never a colour alone. */
  private static void statusesAreLabelled(Document page, String rows) {
    assertThat(page.select(rows)).isNotEmpty();
    for (Element row : page.select(rows)) {
      Element tag = row.select("td strong.govuk-tag").last();
      assertThat(tag).isNotNull();
      assertThat(COLOURS).containsKey(tag.text());
      assertThat(tag.hasClass(COLOURS.get(tag.text().trim()))).isTrue();
    }
  }

  @Test
  void theOverviewAddsUpItsTeams() throws Exception {
    Document overview = page(AccessRole.HEAD_OF_SERVICE, get("/caseloads?on=2026-11-24"), 200);
    assertThat(overview.select("h1").text()).isEqualTo("Caseloads");
    // The demo's five teams (other tests in this context may add more).
    assertThat(overview.select("#teams tbody tr").size()).isGreaterThanOrEqualTo(5);
    statusesAreLabelled(overview, "#teams tbody tr");
    // The council's figure from the teams' own rows: all cases over all case-holding FTE.
    BigDecimal fte = BigDecimal.ZERO;
    BigDecimal cases = BigDecimal.ZERO;
    for (Element row : overview.select("#teams tbody tr")) {
      fte = fte.add(number(row.select("td").get(0)));
      cases = cases.add(number(row.select("td").get(1)));
    }
    assertThat(number(overview.selectFirst("#council-cases"))).isEqualByComparingTo(cases);
    assertThat(number(overview.selectFirst("#council-per-fte")))
        .isEqualByComparingTo(cases.divide(fte, 2, RoundingMode.HALF_UP));
    assertThat(overview.select("nav a[href=/caseloads]").text()).isEqualTo("Caseloads");
  }

  @Test
  void aTeamBoardShowsEachWorkerWithAStatusInWords() throws Exception {
    long cp = team("Child Protection Team");
    Document board =
        page(AccessRole.TEAM_MANAGER, get("/caseloads/teams/" + cp + "?on=2026-11-24"), 200);
    statusesAreLabelled(board, "#board tbody tr");
    // The team's cases are its workers' cases.
    int sum = 0;
    for (Element row : board.select("#board tbody tr")) {
      sum += Integer.parseInt(row.select("td").get(1).text());
    }
    assertThat(board.selectFirst("#team-cases").text()).startsWith(sum + " ");
  }

  @Test
  void aBadDateIsAnErrorOnTheFormNotAFailure() throws Exception {
    Document overview = page(AccessRole.HEAD_OF_SERVICE, get("/caseloads?on=2026-13-40"), 200);
    assertThat(overview.select(".govuk-error-summary a[href=#on]").text())
        .contains("Enter a real date");
    assertThat(overview.select(".govuk-form-group--error #on")).hasSize(1);
  }

  @Test
  void allocatingWithoutChoosingAWorkerShowsTheErrorAtTheRadios() throws Exception {
    Document queue = page(AccessRole.TEAM_MANAGER, get("/caseloads/unallocated"), 200);
    Element first = queue.selectFirst("#queue tbody tr a");
    assertThat(first).as("the demo has cases waiting").isNotNull();
    String url = first.attr("href");
    Document form = page(AccessRole.TEAM_MANAGER, get(url), 200);
    assertThat(form.select("#recommendation input[type=radio][name=workerId]")).isNotEmpty();
    assertThat(form.select("#recommendation input#workerId")).hasSize(1);
    Document refused = page(AccessRole.TEAM_MANAGER, post(url), 400);
    assertThat(refused.select(".govuk-error-summary a[href=#workerId]").text())
        .isEqualTo("Select a worker");
    assertThat(refused.select(".govuk-form-group--error #workerId-error")).hasSize(1);
    assertThat(refused.title()).startsWith("Error: ");
    // Reading a child's case to allocate it is audited.
    String caseRef = url.substring(url.lastIndexOf('/') + 1);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where entity_type = 'child-case'"
                        + " and entity_id = ? and action = 'read'")
                .param(caseRef)
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void theHandoverPlannerPlansTheManagedTeamsExitForReview() throws Exception {
    Document form = page(AccessRole.HEAD_OF_SERVICE, get("/caseloads/handover"), 200);
    int teams = jdbc.sql("select count(*) from team").query(Integer.class).single();
    assertThat(form.select("input[type=radio][name=fromTeam]")).hasSize(teams);
    assertThat(form.select("input[type=checkbox][name=toTeams]")).hasSize(teams);
    Document empty = page(AccessRole.HEAD_OF_SERVICE, post("/caseloads/handover"), 400);
    assertThat(empty.select(".govuk-error-summary a[href=#fromTeam]")).hasSize(1);

    long managed = team("Brightpath Project Team");
    java.util.function.Supplier<MockHttpServletRequestBuilder> plan =
        () ->
            post("/caseloads/handover")
                .param("fromTeam", String.valueOf(managed))
                .param("toTeams", String.valueOf(team("Child Protection Team")))
                .param("toTeams", String.valueOf(team("Court and Permanence Team")))
                .param("toTeams", String.valueOf(team("Assessment Team North")))
                .param("toTeams", String.valueOf(team("Assessment Team South")));
    Document review = page(AccessRole.HEAD_OF_SERVICE, plan.get(), 200);
    assertThat(review.selectFirst("#plan-status").text())
        .isIn("Optimal", "Feasible, not proven best", "No plan fits");
    int cases = Integer.parseInt(review.selectFirst("#plan-cases").text());
    assertThat(review.select("#moves tbody tr").size() + review.select("#unplaced tbody tr").size())
        .isEqualTo(cases);
    // Every case to move is in the form to apply, as case|from|to.
    assertThat(review.select("#moves input[type=hidden][name=move]"))
        .hasSize(review.select("#moves tbody tr").size())
        .allSatisfy(i -> assertThat(i.val()).matches("[^|]+\\|[^|]*\\|[^|]+"));
    // A team manager may plan, but the page offers no way to apply.
    Document managerView = page(AccessRole.TEAM_MANAGER, plan.get(), 200);
    assertThat(managerView.select("button:contains(Apply this plan)")).isEmpty();
  }

  @Test
  void throughputBalancesAndDrawsTheMonths() throws Exception {
    long cp = team("Child Protection Team");
    Document flow =
        page(
            AccessRole.HEAD_OF_SERVICE,
            get("/caseloads/teams/" + cp + "/throughput?from=2026-06-01&to=2026-11-24"),
            200);
    java.util.function.Function<String, Integer> row =
        name -> Integer.parseInt(flow.selectFirst("tr[data-row=" + name + "] td").text());
    assertThat(row.apply("open-at-end"))
        .isEqualTo(
            row.apply("open-at-start")
                + row.apply("received")
                - row.apply("closed")
                - row.apply("transferred-out")
                - row.apply("stepped-down-out"));
    assertThat(row.apply("received"))
        .isEqualTo(row.apply("received-new") + row.apply("transferred-in"));
    assertThat(flow.select("#months tbody tr")).hasSize(6);
    assertThat(flow.select("#caseload-chart rect")).hasSize(6);
    assertThat(flow.select("#caseload-chart title").first().text()).contains("table above");
  }

  @Test
  void aPolicyWithErrorsIsNotSavedAndEachProblemIsNamed() throws Exception {
    Document policy = page(AccessRole.SOCIAL_WORKER, get("/caseloads/policy"), 200);
    assertThat(policy.select("#groups tbody tr")).hasSize(3);
    assertThat(policy.select("a:contains(Edit the council)")).isEmpty();
    Document refused =
        page(
            AccessRole.HEAD_OF_SERVICE,
            post("/caseloads/policy/edit")
                .param(
                    "document",
                    "id: ours\ngroups:\n  - id: sw\n    when: {role: social-worker}\n"
                        + "    maxCasesPerFte: lots\n"),
            400);
    assertThat(refused.select("#policy-errors tbody tr").text())
        .contains("5")
        .contains("groups[0].maxCasesPerFte")
        .contains("must be a number");
    assertThat(
            page(AccessRole.SOCIAL_WORKER, get("/caseloads/policy"), 200)
                .select("#policy-name")
                .text())
        .isEqualTo("Common English practice");
  }
}
