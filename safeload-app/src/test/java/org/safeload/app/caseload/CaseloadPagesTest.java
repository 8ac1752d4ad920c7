package org.safeload.app.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
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
      fte = fte.add(number(row.selectFirst("td[data-col=fte]")));
      cases = cases.add(number(row.selectFirst("td[data-col=cases]")));
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
      sum += Integer.parseInt(row.selectFirst("td[data-col=cases]").text());
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
    // Every case to move is in the form to apply, as case|from|to|the day it moves (today).
    assertThat(review.select("#moves input[type=hidden][name=move]"))
        .hasSize(review.select("#moves tbody tr").size())
        .allSatisfy(i -> assertThat(i.val()).matches("[^|]+\\|[^|]*\\|[^|]+\\|2026-11-24"));
    // Read-only staff may plan, but the page offers no way to apply.
    Document readOnlyView = page(AccessRole.READ_ONLY, plan.get(), 200);
    assertThat(readOnlyView.select("button:contains(Apply this plan)")).isEmpty();
    // A team manager sees only their own team's children: another team's cases are not found.
    page(AccessRole.TEAM_MANAGER, plan.get(), 404);
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
    // The shared chart: a point a month, labelled axes, the team target, and its data table.
    assertThat(flow.select("svg#caseload-chart circle")).hasSize(6);
    assertThat(flow.select("svg#caseload-chart .sl-chart__axis-title").eachText())
        .containsExactly("Month", "Cases per FTE");
    assertThat(flow.select("svg#caseload-chart .sl-chart__reference text").text())
        .isEqualTo("Team target: 16");
    assertThat(flow.select("#caseload-chart-table tbody th").eachText())
        .containsExactly("Jun 2026", "Jul 2026", "Aug 2026", "Sept 2026", "Oct 2026", "Nov 2026");
    // The chart plots the figures of the months table, in words.
    assertThat(flow.select("#caseload-chart-table tbody td").eachText())
        .isEqualTo(flow.select("#months tbody tr td:eq(4)").eachText());
    assertThat(flow.select("#months tbody th").eachText())
        .startsWith("June 2026")
        .endsWith("November 2026");
    assertThat(flow.select("#months tbody tr").last().select("td").first().text())
        .isEqualTo("24 November 2026");
    assertThat(flow.select("#from").val()).isEqualTo("1/6/2026");
    assertThat(flow.select("nav.govuk-breadcrumbs a").eachText())
        .containsExactly("Home", "Caseloads", "Child Protection Team");
  }

  @Test
  void aPolicyWithErrorsIsNotSavedAndEachProblemIsNamed() throws Exception {
    Document policy = page(AccessRole.SOCIAL_WORKER, get("/caseloads/policy"), 200);
    assertThat(policy.select("#groups tbody tr")).hasSize(3);
    assertThat(policy.select("a[href=/caseloads/policy/change]")).isEmpty();
    assertThat(policy.select("a[href=/caseloads/policy/edit]")).isEmpty();
    assertThat(policy.select("a#export-policy").attr("href")).isEqualTo("/caseloads/policy.yaml");
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

  // --- Status words that are true --------------------------------------------------------------

  @Test
  void aTeamsTagIsItsOwnCasesPerFteAgainstTheTeamTargetWithItsWorkersCountedApart()
      throws Exception {
    Document overview = page(AccessRole.HEAD_OF_SERVICE, get("/caseloads?on=24/11/2026"), 200);
    int teamsWithAWorkerOverACap = 0;
    for (Element row : overview.select("#teams tbody tr")) {
      BigDecimal cases = number(row.selectFirst("td[data-col=cases]"));
      BigDecimal fte = number(row.selectFirst("td[data-col=fte]"));
      String status = row.selectFirst("td[data-col=status] .govuk-tag").text();
      // The built-in policy's team target: 16 cases per case-holding FTE.
      String expected =
          fte.signum() > 0 && cases.compareTo(fte.multiply(new BigDecimal("16"))) > 0
              ? "Over target"
              : "Within target";
      String team = row.selectFirst("th a").text();
      assertThat(status).as(team).isEqualTo(expected);
      // The counts are the team's board's tags.
      Document board =
          page(AccessRole.HEAD_OF_SERVICE, get(row.selectFirst("th a").attr("href")), 200);
      List<String> tags = board.select("#board tbody td[data-col=status] .govuk-tag").eachText();
      int overCap = java.util.Collections.frequency(tags, "Over cap");
      assertThat(Integer.parseInt(row.selectFirst("td[data-col=over-cap]").text()))
          .as(team)
          .isEqualTo(overCap)
          .isEqualTo(Integer.parseInt(board.selectFirst("#team-over-cap").text()));
      assertThat(Integer.parseInt(row.selectFirst("td[data-col=over-target]").text()))
          .as(team)
          .isEqualTo(java.util.Collections.frequency(tags, "Over target"))
          .isEqualTo(Integer.parseInt(board.selectFirst("#team-over-target").text()));
      assertThat(board.selectFirst("#team-status .govuk-tag").text()).isEqualTo(status);
      teamsWithAWorkerOverACap += overCap > 0 ? 1 : 0;
    }
    // The demo's Child Protection Team has workers over a cap; no team is itself "over cap".
    assertThat(teamsWithAWorkerOverACap).isPositive();
    assertThat(overview.select("#teams td[data-col=status]").eachText()).doesNotContain("Over cap");
  }

  @Test
  void theBoardShowsEachWorkersCapsForCasesAndForWeightedLoad() throws Exception {
    long cp = team("Child Protection Team");
    Document board =
        page(AccessRole.TEAM_MANAGER, get("/caseloads/teams/" + cp + "?on=24/11/2026"), 200);
    assertThat(board.select("nav.govuk-breadcrumbs a").eachText())
        .containsExactly("Home", "Caseloads", "Child Protection Team");
    assertThat(board.select("#board tbody tr")).isNotEmpty();
    for (Element row : board.select("#board tbody tr")) {
      String href = row.selectFirst("th a").attr("href");
      // The worker page links to the board at #worker-{id}.
      assertThat(row.id()).isEqualTo("worker-" + href.substring("/workers/".length()));
      BigDecimal fte = number(row.selectFirst("td[data-col=fte]"));
      boolean asye = !row.select("th .govuk-tag:contains(ASYE)").isEmpty();
      String role = row.selectFirst("th .govuk-hint").text();
      // The built-in policy by hand: an ASYE social worker at most 15 cases and 15 per FTE, no
      // weighted cap; a social worker 22 cases and 26 weighted per FTE; an advanced practitioner
      // 15 and 20. Case caps round down.
      int caseCap;
      String weightedCap;
      if (asye) {
        caseCap = Math.min(15, fte.multiply(new BigDecimal("15")).intValue());
        weightedCap = "No cap";
      } else if (role.startsWith("Social worker")) {
        caseCap = fte.multiply(new BigDecimal("22")).intValue();
        weightedCap = fte.multiply(new BigDecimal("26")).stripTrailingZeros().toPlainString();
      } else {
        assertThat(role).startsWith("Advanced practitioner");
        caseCap = fte.multiply(new BigDecimal("15")).intValue();
        weightedCap = fte.multiply(new BigDecimal("20")).stripTrailingZeros().toPlainString();
      }
      assertThat(row.selectFirst("td[data-col=case-cap]").text())
          .isEqualTo(String.valueOf(caseCap));
      assertThat(row.selectFirst("td[data-col=weighted-cap]").text()).isEqualTo(weightedCap);
      int cases = Integer.parseInt(row.selectFirst("td[data-col=cases]").text());
      String status = row.selectFirst("td[data-col=status] .govuk-tag").text();
      if (cases > caseCap) {
        assertThat(status).isEqualTo("Over cap");
      }
    }
    assertThat(board.selectFirst("#team-types").text()).contains("Child protection");
  }

  @Test
  void theBoardChartsTheTeamsCasesPerFteAtEachMonthEndAgainstTheTarget() throws Exception {
    long cp = team("Child Protection Team");
    Document board =
        page(AccessRole.HEAD_OF_SERVICE, get("/caseloads/teams/" + cp + "?on=24/11/2026"), 200);
    assertThat(board.select("#caseload-chart-table tbody th").eachText())
        .containsExactly("Jun 2026", "Jul 2026", "Aug 2026", "Sept 2026", "Oct 2026", "Nov 2026");
    assertThat(board.select("svg#caseload-chart circle")).hasSize(6);
    assertThat(board.select("svg#caseload-chart .sl-chart__reference text").text())
        .isEqualTo("Team target: 16");
    List<String> plotted = board.select("#caseload-chart-table tbody td").eachText();
    // Each month's figure is the board's own on the month's last day (the last on the date shown).
    String[] ends = {
      "30/6/2026", "31/7/2026", "31/8/2026", "30/9/2026", "31/10/2026", "24/11/2026"
    };
    for (int i = 0; i < ends.length; i++) {
      Document then =
          page(AccessRole.HEAD_OF_SERVICE, get("/caseloads/teams/" + cp).param("on", ends[i]), 200);
      assertThat(plotted.get(i)).as(ends[i]).isEqualTo(then.selectFirst("#team-per-fte").text());
    }
    assertThat(plotted.getLast()).isEqualTo(board.selectFirst("#team-per-fte").text());
  }

  // --- The queue -------------------------------------------------------------------------------

  @Test
  void theQueueIsPagedOldestFirstWithWorkingDaysAndCaseTypesInWords() throws Exception {
    Document first =
        page(AccessRole.TEAM_MANAGER, get("/caseloads/unallocated?on=24/11/2026"), 200);
    int total =
        Integer.parseInt(first.selectFirst("#waiting-count").text().replaceAll("\\D.*", ""));
    assertThat(total).isPositive();
    int shown = Math.min(50, total);
    assertThat(first.select("#queue tbody tr")).hasSize(shown);
    assertThat(first.selectFirst("#showing").text())
        .isEqualTo("Showing 1 to " + shown + " of " + total + (total == 1 ? " case" : " cases"));
    java.time.format.DateTimeFormatter words =
        java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);
    List<java.time.LocalDate> since = new java.util.ArrayList<>();
    List<String> types = new java.util.ArrayList<>();
    int pages = (total + 49) / 50;
    for (int n = 1; n <= pages; n++) {
      Document page =
          n == 1
              ? first
              : page(
                  AccessRole.TEAM_MANAGER,
                  get("/caseloads/unallocated?on=24/11/2026&page=" + n),
                  200);
      int from = (n - 1) * 50 + 1;
      int to = Math.min(total, n * 50);
      assertThat(page.selectFirst("#showing").text())
          .isEqualTo(
              "Showing " + from + " to " + to + " of " + total + (total == 1 ? " case" : " cases"));
      for (Element row : page.select("#queue tbody tr")) {
        since.add(java.time.LocalDate.parse(row.selectFirst("td[data-col=since]").text(), words));
        types.add(row.selectFirst("td[data-col=type]").text());
        assertThat(Integer.parseInt(row.selectFirst("td[data-col=working-days]").text()))
            .isNotNegative();
      }
      if (pages > 1) {
        assertThat(page.select("nav.govuk-pagination .govuk-pagination__item--current").text())
            .isEqualTo(String.valueOf(n));
      }
    }
    assertThat(since).hasSize(total).isSorted();
    assertThat(types)
        .allSatisfy(
            t ->
                assertThat(t)
                    .isIn(
                        java.util.Arrays.stream(org.safeload.timeliness.CaseType.values())
                            .map(org.safeload.timeliness.CaseType::label)
                            .toList()));
    assertThat(first.select("nav.govuk-breadcrumbs a").eachText())
        .containsExactly("Home", "Caseloads");
    // The case's allocation page: its type in words, under Caseloads > Unallocated cases.
    Document allocate =
        page(
            AccessRole.TEAM_MANAGER,
            get(first.selectFirst("#queue tbody tr th a").attr("href")),
            200);
    assertThat(allocate.selectFirst("#case-type").text()).isEqualTo(types.getFirst());
    assertThat(allocate.select("nav.govuk-breadcrumbs a").eachText())
        .containsExactly("Home", "Caseloads", "Unallocated cases");
  }

  // --- The policy as a form --------------------------------------------------------------------

  /** What a browser would send for a form as the page filled it (without its CSRF token). */
  private static Map<String, List<String>> formData(Document page, String action) {
    org.jsoup.nodes.FormElement form =
        (org.jsoup.nodes.FormElement) page.selectFirst("form[action=" + action + "]");
    assertThat(form).as("a form to " + action).isNotNull();
    Map<String, List<String>> data = new java.util.LinkedHashMap<>();
    for (org.jsoup.Connection.KeyVal kv : form.formData()) {
      if (!kv.key().equals("_csrf")) {
        data.computeIfAbsent(kv.key(), k -> new java.util.ArrayList<>()).add(kv.value());
      }
    }
    return data;
  }

  private static MockHttpServletRequestBuilder postForm(
      String path, Map<String, List<String>> data) {
    MockHttpServletRequestBuilder post = post(path);
    data.forEach((k, v) -> post.param(k, v.toArray(String[]::new)));
    return post;
  }

  @Test
  void thePolicyFormSavesThePolicyTheCoreChecksAndShowsItsProblemsAtTheFields() throws Exception {
    try {
      Document form = page(AccessRole.HEAD_OF_SERVICE, get("/caseloads/policy/change"), 200);
      assertThat(form.select("nav.govuk-breadcrumbs a").eachText())
          .containsExactly("Home", "Settings", "Allocation policy");
      assertThat(form.select("#id").val()).isEqualTo("council");
      assertThat(form.select("#groups-1-maxCasesPerFte").val()).isEqualTo("22");
      assertThat(form.select("#weights-cp").val()).isEqualTo("1.5");
      assertThat(form.select("#groups-0-excludeCaseTypes-cp").hasAttr("checked")).isTrue();

      // A mistake: nothing is saved, and the error summary points at the field.
      Map<String, List<String>> data = formData(form, "/caseloads/policy/change");
      data.put("groups[1].maxCasesPerFte", List.of("lots"));
      Document refused =
          page(AccessRole.HEAD_OF_SERVICE, postForm("/caseloads/policy/change", data), 400);
      assertThat(refused.select(".govuk-error-summary a[href=#groups-1-maxCasesPerFte]").text())
          .isEqualTo("Social worker: cap on cases per FTE must be a number, like 1.5 (not lots)");
      assertThat(refused.select(".govuk-form-group--error #groups-1-maxCasesPerFte").val())
          .isEqualTo("lots");
      assertThat(refused.title()).startsWith("Error: ");
      assertThat(
              page(AccessRole.HEAD_OF_SERVICE, get("/caseloads/policy"), 200)
                  .select("#policy-name")
                  .text())
          .isEqualTo("Common English practice");

      // The fix, with the social workers' target raised to 17 and a new group: saved, in force.
      data.put("id", List.of("pages-test"));
      data.put("name", List.of("Pages test policy"));
      data.put("groups[1].maxCasesPerFte", List.of("22"));
      data.put("groups[1].targetCasesPerFte", List.of("17"));
      data.put("groups[3].name", List.of("Senior practitioner"));
      data.put("groups[3].roles", List.of("advanced-practitioner"));
      // third, before the advanced practitioners' group (which would catch them), now fourth
      data.put("groups[3].order", List.of("3"));
      data.put("groups[2].order", List.of("4"));
      data.put("groups[3].minPqeYears", List.of("8"));
      data.put("groups[3].maxCasesPerFte", List.of("12"));
      MvcResult saved = as(AccessRole.HEAD_OF_SERVICE, postForm("/caseloads/policy/change", data));
      assertThat(saved.getResponse().getStatus())
          .as(saved.getResponse().getContentAsString())
          .isEqualTo(302);
      assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/caseloads/policy");
      Document policy = page(AccessRole.SOCIAL_WORKER, get("/caseloads/policy"), 200);
      assertThat(policy.select("#policy-name").text()).isEqualTo("Pages test policy");
      assertThat(policy.select("#groups tbody tr th").eachText())
          .containsExactly(
              "Newly qualified social worker (ASYE)",
              "Social worker",
              "Senior practitioner",
              "Advanced practitioner");
      assertThat(policy.select("#groups tr[data-group=social-worker]").text())
          .contains("17 cases per FTE");
      assertThat(policy.select("#groups tr[data-group=senior-practitioner]").text())
          .contains(
              "Advanced practitioner",
              "At least 8 years since qualifying",
              "At most 12 cases per FTE");
      // The same document the YAML page shows, and the export gives.
      MvcResult export = as(AccessRole.SOCIAL_WORKER, get("/caseloads/policy.yaml"));
      assertThat(export.getResponse().getContentType()).startsWith("application/yaml");
      assertThat(export.getResponse().getHeader("Content-Disposition"))
          .contains("attachment")
          .contains("pages-test-allocation-policy.yaml");
      String yaml = export.getResponse().getContentAsString();
      assertThat(
              org.safeload.caseload.CaseloadPolicy.read(yaml).groups().get(1).targetCasesPerFte())
          .isEqualByComparingTo("17");
      assertThat(policy.selectFirst("#policy-yaml").wholeText()).isEqualTo(yaml);
      // Audited as every policy change is.
      assertThat(
              jdbc.sql(
                      "select count(*) from audit_event where entity_type = 'caseload-policy'"
                          + " and entity_id = 'pages-test'")
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
      // A social worker may read the form's page but not save it.
      assertThat(
              as(AccessRole.SOCIAL_WORKER, postForm("/caseloads/policy/change", data))
                  .getResponse()
                  .getStatus())
          .isEqualTo(403);
      // Back to the built-in policy: a yes is needed.
      Document confirm = page(AccessRole.HEAD_OF_SERVICE, get("/caseloads/policy/built-in"), 200);
      assertThat(confirm.select("input[name=confirm]")).hasSize(2);
      Document unanswered =
          page(AccessRole.HEAD_OF_SERVICE, post("/caseloads/policy/built-in"), 400);
      assertThat(unanswered.select(".govuk-error-summary a[href=#confirm]").text())
          .startsWith("Select yes to use the built-in policy");
    } finally {
      as(AccessRole.HEAD_OF_SERVICE, post("/caseloads/policy/built-in").param("confirm", "yes"));
    }
    assertThat(
            page(AccessRole.SOCIAL_WORKER, get("/caseloads/policy"), 200)
                .select("#policy-name")
                .text())
        .isEqualTo("Common English practice");
  }
}
