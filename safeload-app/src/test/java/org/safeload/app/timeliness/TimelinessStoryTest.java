package org.safeload.app.timeliness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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

/**
 * A head of service imports case activity (all or nothing, idempotent), sees each KPI by team on
 * the dashboard, follows an overdue item to the child's case timeline (and that read is audited),
 * and copies and edits a rule set.
 */
@SafeloadSpringTest
class TimelinessStoryTest {

  private static final String HEADER =
      "event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date\n";

  @Autowired MockMvc mvc;
  @Autowired UserAccounts accounts;
  @Autowired ProviderDirectory providers;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void accounts() {
    TestAccounts.ensure(accounts, providers);
  }

  private MvcResult as(AccessRole role, MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(httpBasic(TestAccounts.username(role), TestAccounts.PASSWORD)))
        .andReturn();
  }

  private long events() {
    return jdbc.sql("select count(*) from case_event").query(Long.class).single();
  }

  /** The id of one of the demo council's workers, as an event file names it. */
  private String worker() {
    return String.valueOf(jdbc.sql("select min(id) from worker").query(Long.class).single());
  }

  private String team(String name) {
    return String.valueOf(
        jdbc.sql("select id from team where name = ?").param(name).query(Long.class).single());
  }

  @Test
  void importIsAllOrNothingAndIdempotent() throws Exception {
    String north = team("Assessment Team North");
    String w1 = worker();
    long before = events();
    String bad =
        HEADER
            + "t1,2026-11-02T10:00,allocated,TC1,TK1,"
            + w1
            + ","
            + north
            + ",,,\n"
            + "t2,2026-11-02T25:00,visit,TC1,TK1,"
            + w1
            + ","
            + north
            + ",seen,,\n"
            + "t3,2026-11-03T10:00,visit-write-up,TC1,TK1,"
            + w1
            + ","
            + north
            + ",,nope,\n";
    MvcResult refused =
        as(
            AccessRole.HEAD_OF_SERVICE,
            post("/api/v1/case-events/import").contentType("text/csv").content(bad));
    assertThat(refused.getResponse().getStatus()).isEqualTo(400);
    assertThat(
            JsonPath.<List<Integer>>read(
                refused.getResponse().getContentAsString(), "$.errors[*].line"))
        .containsExactly(3, 4);
    assertThat(events()).isEqualTo(before);

    String good =
        HEADER
            + "t1,2026-11-02T10:00,allocated,TC1,TK1,"
            + w1
            + ","
            + north
            + ",,,\n"
            + "t2,2026-11-05T10:00,visit,TC1,TK1,"
            + w1
            + ","
            + north
            + ",seen,,\n";
    MvcResult first =
        as(
            AccessRole.HEAD_OF_SERVICE,
            post("/api/v1/case-events/import").contentType("text/csv").content(good));
    assertThat(first.getResponse().getContentAsString())
        .isEqualTo("{\"created\":2,\"unchanged\":0}");
    MvcResult again =
        as(
            AccessRole.HEAD_OF_SERVICE,
            post("/api/v1/case-events/import").contentType("text/csv").content(good));
    assertThat(again.getResponse().getContentAsString())
        .isEqualTo("{\"created\":0,\"unchanged\":2}");
    assertThat(events()).isEqualTo(before + 2);

    // A write-up may refer to a visit imported before; a changed event is refused.
    String later =
        HEADER + "t3,2026-11-06T09:00,visit-write-up,TC1,TK1," + w1 + "," + north + ",,t2,\n";
    assertThat(
            as(
                    AccessRole.HEAD_OF_SERVICE,
                    post("/api/v1/case-events/import").contentType("text/csv").content(later))
                .getResponse()
                .getStatus())
        .isEqualTo(200);
    String changed = good.replace("2026-11-05T10:00", "2026-11-05T11:00");
    MvcResult conflict =
        as(
            AccessRole.HEAD_OF_SERVICE,
            post("/api/v1/case-events/import").contentType("text/csv").content(changed));
    assertThat(conflict.getResponse().getStatus()).isEqualTo(400);
    assertThat(conflict.getResponse().getContentAsString())
        .contains("imported before with different details");

    assertThat(
            as(
                    AccessRole.TEAM_MANAGER,
                    post("/api/v1/case-events/import").contentType("text/csv").content(good))
                .getResponse()
                .getStatus())
        .isEqualTo(403);
  }

  @Test
  void datesAtAndBeyondTheCalendarsEdgesAreRefusedOrAnsweredNeverAFailedPage() throws Exception {
    // An as-of date outside the calendar is refused, naming the field, on the API and the page.
    for (String outside : new String[] {"2099-01-01", "1999-12-31"}) {
      MvcResult api =
          as(AccessRole.HEAD_OF_SERVICE, get("/api/v1/timeliness/kpis").param("asOf", outside));
      assertThat(api.getResponse().getStatus()).as(outside).isEqualTo(400);
      assertThat(api.getResponse().getContentAsString())
          .contains("asOf")
          .contains("Must be a date");
      MvcResult items =
          as(AccessRole.HEAD_OF_SERVICE, get("/api/v1/timeliness/items").param("asOf", outside));
      assertThat(items.getResponse().getStatus()).as(outside).isEqualTo(400);
      MvcResult page = as(AccessRole.HEAD_OF_SERVICE, get("/timeliness").param("asOf", outside));
      assertThat(page.getResponse().getStatus()).as(outside).isEqualTo(400);
    }
    // An event late in the calendar's last year, whose deadlines run past it, is stored and read.
    String north = team("Assessment Team North");
    String w1 = worker();
    String late =
        HEADER
            + "edge-1,2040-12-20T10:00,allocated,EDGE1,KEDGE1,"
            + w1
            + ","
            + north
            + ",cin,,\n"
            + "edge-2,2040-12-28T10:00,document-submitted,EDGE1,KEDGE1,"
            + w1
            + ","
            + north
            + ",report,,2040-12-31\n";
    MvcResult imported =
        as(
            AccessRole.HEAD_OF_SERVICE,
            post("/api/v1/case-events/import").contentType("text/csv").content(late));
    assertThat(imported.getResponse().getStatus())
        .as(imported.getResponse().getContentAsString())
        .isEqualTo(200);
    for (String asOf : new String[] {"2040-12-31", "2000-01-03"}) {
      assertThat(
              as(AccessRole.HEAD_OF_SERVICE, get("/api/v1/timeliness/kpis").param("asOf", asOf))
                  .getResponse()
                  .getStatus())
          .as(asOf)
          .isEqualTo(200);
      assertThat(
              as(AccessRole.HEAD_OF_SERVICE, get("/timeliness").param("asOf", asOf))
                  .getResponse()
                  .getStatus())
          .as(asOf)
          .isEqualTo(200);
    }
    assertThat(as(AccessRole.HEAD_OF_SERVICE, get("/timeliness")).getResponse().getStatus())
        .isEqualTo(200);
  }

  @Test
  void theDashboardShowsEachKpiByTeamAndTheOverdueListLeadsToAnAuditedTimeline() throws Exception {
    Document page =
        Jsoup.parse(
            as(AccessRole.HEAD_OF_SERVICE, get("/timeliness").param("asOf", "2026-11-23"))
                .getResponse()
                .getContentAsString());
    assertThat(page.select("#kpis tbody tr")).hasSize(7);
    long teams = jdbc.sql("select count(*) from team").query(Long.class).single();
    long managed =
        jdbc.sql("select count(*) from team where kind = 'managed'").query(Long.class).single();
    assertThat(page.select("#by-team tbody tr")).hasSize((int) teams);
    assertThat(page.select("#by-team tbody tr .govuk-tag")).hasSize((int) managed);
    assertThat(
            page.select("#by-team tr[data-team=" + team("Brightpath Project Team") + "] .govuk-tag")
                .text())
        .isEqualTo("Managed");
    assertThat(page.select("#trend-table thead th").size()).isBetween(7, 13); // KPI, 6-12 months
    assertThat(page.select("#items tbody tr[data-status=overdue]")).isNotEmpty();
    String caseLink = page.selectFirst("#items tbody tr[data-status=overdue] a").attr("href");
    assertThat(caseLink).startsWith("/cases/C");

    long reads =
        jdbc.sql(
                "select count(*) from audit_event where action = 'read' and entity_type = 'child-case'")
            .query(Long.class)
            .single();
    Document timeline =
        Jsoup.parse(as(AccessRole.READ_ONLY, get(caseLink)).getResponse().getContentAsString());
    assertThat(timeline.select("#timeline tbody tr")).isNotEmpty();
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'read' and entity_type = 'child-case' and actor = ?")
                .param(TestAccounts.username(AccessRole.READ_ONLY))
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(1);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'read' and entity_type = 'child-case'")
                .query(Long.class)
                .single())
        .isEqualTo(reads + 1);

    // Finance sees the figures, not the children.
    Document finance =
        Jsoup.parse(as(AccessRole.FINANCE, get("/timeliness")).getResponse().getContentAsString());
    assertThat(finance.select("#kpis tbody tr")).hasSize(7);
    assertThat(finance.select("#items")).isEmpty();
    assertThat(as(AccessRole.FINANCE, get(caseLink)).getResponse().getStatus()).isEqualTo(403);
  }

  @Test
  void theApiAnswersTheSameCountsAsTheEngineAndAProviderSeesOnlyItsTeam() throws Exception {
    String all =
        as(AccessRole.HEAD_OF_SERVICE, get("/api/v1/timeliness/kpis").param("asOf", "2026-11-23"))
            .getResponse()
            .getContentAsString();
    List<Integer> mets = JsonPath.read(all, "$.kpis[?(@.id == 'seen-5wd')].met");
    int met = mets.getFirst();
    List<Integer> groupMet = JsonPath.read(all, "$.kpis[?(@.id == 'seen-5wd')].groups[*].met");
    assertThat(groupMet.stream().mapToInt(Integer::intValue).sum()).isEqualTo(met);
    String mine =
        as(AccessRole.PROVIDER, get("/api/v1/timeliness/kpis").param("asOf", "2026-11-23"))
            .getResponse()
            .getContentAsString();
    List<String> keys = JsonPath.read(mine, "$.kpis[?(@.id == 'seen-5wd')].groups[*].key");
    assertThat(keys).containsOnly(team("Brightpath Project Team"));
    // Every listed item names its case, child, worker, team and (for a managed team) provider.
    String items =
        as(
                AccessRole.PROVIDER,
                get("/api/v1/timeliness/items").param("asOf", "2026-11-23").param("size", "500"))
            .getResponse()
            .getContentAsString();
    List<String> providers = JsonPath.read(items, "$.items[*].provider");
    assertThat(providers).isNotEmpty().containsOnly("Brightpath Social Work Ltd");
    // (supervision is a worker's, not a case's)
    assertThat(JsonPath.<List<String>>read(items, "$.items[?(@.rule != 'supervision-4w')].caseRef"))
        .isNotEmpty()
        .doesNotContainNull();
    assertThat(
            JsonPath.<List<String>>read(items, "$.items[?(@.rule != 'supervision-4w')].childRef"))
        .doesNotContainNull();
    assertThat(JsonPath.<List<String>>read(items, "$.items[*].worker")).doesNotContainNull();
  }

  @Test
  void aProviderNoLongerSeesTheItemsOfACaseItHasHandedOver() throws Exception {
    String project = team("Brightpath Project Team");
    String north = team("Assessment Team North");
    String theirs =
        String.valueOf(
            jdbc.sql(
                    "select min(w.id) from worker w join worker_assignment a on a.worker_id = w.id"
                        + " where a.team_id = ?")
                .param(Long.parseLong(project))
                .query(Long.class)
                .single());
    String ours = worker();
    // Allocated in the provider's team on 2 November, never seen: overdue by 24 November.
    String allocated =
        HEADER
            + "moved-1,2026-11-02T09:00,referral,MOVED1,KMOVED1,,"
            + project
            + ",,,\n"
            + "moved-2,2026-11-02T10:00,allocated,MOVED1,KMOVED1,"
            + theirs
            + ","
            + project
            + ",cin,,\n";
    as(
        AccessRole.HEAD_OF_SERVICE,
        post("/api/v1/case-events/import").contentType("text/csv").content(allocated));
    assertThat(providerItemCases()).contains("MOVED1");
    // Handed over to a council team on 20 November: the provider no longer sees it.
    as(
        AccessRole.HEAD_OF_SERVICE,
        post("/api/v1/case-events/import")
            .contentType("text/csv")
            .content(
                HEADER
                    + "moved-3,2026-11-20T10:00,allocated,MOVED1,KMOVED1,"
                    + ours
                    + ","
                    + north
                    + ",cin,,\n"));
    assertThat(providerItemCases()).doesNotContain("MOVED1").isNotEmpty();
    assertThat(
            Jsoup.parse(
                    as(AccessRole.PROVIDER, get("/timeliness")).getResponse().getContentAsString())
                .text())
        .doesNotContain("MOVED1");
    // The council still sees it.
    String council =
        as(AccessRole.HEAD_OF_SERVICE, get("/api/v1/timeliness/items").param("size", "500"))
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<List<String>>read(council, "$.items[*].caseRef")).contains("MOVED1");
  }

  private List<String> providerItemCases() throws Exception {
    String items =
        as(AccessRole.PROVIDER, get("/api/v1/timeliness/items").param("size", "500"))
            .getResponse()
            .getContentAsString();
    return JsonPath.read(items, "$.items[*].caseRef");
  }

  @Test
  void aCouncilCopiesAndEditsARuleSetInTheUi() throws Exception {
    Document edit =
        Jsoup.parse(
            as(AccessRole.HEAD_OF_SERVICE, get("/timeliness/rules/edit").param("from", "statutory"))
                .getResponse()
                .getContentAsString());
    String copy = edit.selectFirst("#document").text();
    assertThat(copy).contains("id: my-statutory");
    MvcResult bad =
        as(
            AccessRole.HEAD_OF_SERVICE,
            post("/timeliness/rules/edit")
                .param(
                    "document", copy.replace("every: {workingDays: 10}", "every: {fortnights: 1}"))
                .with(csrf()));
    assertThat(
            Jsoup.parse(bad.getResponse().getContentAsString())
                .select("#rule-errors tbody tr")
                .eachText())
        .anyMatch(row -> row.contains("fortnights"));
    MvcResult saved =
        as(
            AccessRole.HEAD_OF_SERVICE,
            post("/timeliness/rules/edit")
                .param(
                    "document",
                    copy.replace("every: {workingDays: 10}", "every: {workingDays: 15}"))
                .with(csrf()));
    assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/timeliness/rules/my-statutory");
    String yaml =
        as(AccessRole.READ_ONLY, get("/api/v1/kpi-rule-sets/my-statutory"))
            .getResponse()
            .getContentAsString();
    assertThat(yaml).contains("every: {workingDays: 15}");
    Document dashboard =
        Jsoup.parse(
            as(AccessRole.HEAD_OF_SERVICE, get("/timeliness").param("rules", "my-statutory"))
                .getResponse()
                .getContentAsString());
    assertThat(dashboard.select("#kpis tbody tr")).hasSize(6);
  }

  /** A worker in a team today, by id. */
  private String workerIn(String team) {
    return String.valueOf(
        jdbc.sql(
                "select min(a.worker_id) from worker_assignment a join team t on t.id = a.team_id"
                    + " where t.name = ? and a.to_date is null")
            .param(team)
            .query(Long.class)
            .single());
  }

  private String workerName(String id) {
    return jdbc.sql("select name from worker where id = ?")
        .param(Long.parseLong(id))
        .query(String.class)
        .single();
  }

  private Document page(AccessRole role, MockHttpServletRequestBuilder request) throws Exception {
    MvcResult result = as(role, request);
    assertThat(result.getResponse().getStatus())
        .as(result.getResponse().getContentAsString())
        .isEqualTo(200);
    return Jsoup.parse(result.getResponse().getContentAsString());
  }

  @Test
  void theListIsPagedFiftyAtATimeAndTheTrendComesFromTheEngine() throws Exception {
    // One KPI that only these events meet: an oversight note within 1 working day of a
    // document of the kind "paging-check", aiming for 80% on time.
    String yaml =
        """
        id: paging-check
        name: Paging check
        rules:
          - id: doc-check
            name: Paging check document seen by a manager within a working day
            anchor: {type: document-submitted, detail: [paging-check]}
            target: {type: oversight-note}
            within: {workingDays: 1}
            goal: 80
        """;
    assertThat(
            as(
                    AccessRole.HEAD_OF_SERVICE,
                    org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                            "/api/v1/kpi-rule-sets")
                        .contentType("application/yaml")
                        .content(yaml))
                .getResponse()
                .getStatus())
        .isEqualTo(200);
    String north = team("Assessment Team North");
    String cp = team("Child Protection Team");
    String northWorker = workerIn("Assessment Team North");
    String cpWorker = workerIn("Child Protection Team");
    StringBuilder csv = new StringBuilder(HEADER);
    // 70 documents in Assessment Team North and 50 in the Child Protection Team, submitted on
    // Monday 2 November 2026 with no oversight note: each was due by the end of Tuesday 3
    // November, so on 24 November all 120 are overdue.
    for (int i = 1; i <= 120; i++) {
      boolean inNorth = i <= 70;
      String c = String.format(inNorth ? "PG-N-%03d" : "PG-C-%03d", inNorth ? i : i - 70);
      csv.append(
          String.join(
                  ",",
                  "pg-" + i,
                  "2026-11-02T10:00",
                  "document-submitted",
                  c,
                  "PGK-" + i,
                  inNorth ? northWorker : cpWorker,
                  inNorth ? north : cp,
                  "paging-check",
                  "",
                  "2026-11-20")
              + "\n");
    }
    // In October (Monday 5 October): three noted the next day (met), one on Thursday 8 October
    // (late, after the end of Tuesday 6 October): 3 of 4, 75%.
    for (int i = 1; i <= 4; i++) {
      String c = "PG-O-" + i;
      csv.append(
          "pgo-"
              + i
              + ",2026-10-05T10:00,document-submitted,"
              + c
              + ",PGOK-"
              + i
              + ","
              + northWorker
              + ","
              + north
              + ",paging-check,,2026-10-20\n");
      csv.append(
          "pgon-"
              + i
              + (i <= 3 ? ",2026-10-06T15:00" : ",2026-10-08T09:00")
              + ",oversight-note,"
              + c
              + ",PGOK-"
              + i
              + ","
              + northWorker
              + ","
              + north
              + ",,,\n");
    }
    assertThat(
            as(
                    AccessRole.HEAD_OF_SERVICE,
                    post("/api/v1/case-events/import")
                        .contentType("text/csv")
                        .content(csv.toString()))
                .getResponse()
                .getContentAsString())
        .isEqualTo("{\"created\":128,\"unchanged\":0}");

    Document first =
        page(AccessRole.HEAD_OF_SERVICE, get("/timeliness").param("rules", "paging-check"));
    assertThat(first.selectFirst("#showing").text()).isEqualTo("Showing 1 to 50 of 120 items");
    assertThat(first.select("#items tbody tr")).hasSize(50);
    // By deadline (all the same), then by case: the Child Protection Team's PG-C cases first.
    assertThat(first.select("#items tbody tr").first().select("a").text()).isEqualTo("PG-C-001");
    assertThat(first.select("#pagination .govuk-pagination__item").eachText())
        .containsExactly("1", "2", "3");
    assertThat(first.selectFirst("#pagination .govuk-pagination__item--current").text())
        .isEqualTo("1");
    assertThat(first.selectFirst("#pagination .govuk-pagination__prev")).isNull();
    assertThat(first.selectFirst("#pagination a[rel=next]").attr("href"))
        .isEqualTo("/timeliness?rules=paging-check&page=2#items");

    Document last =
        page(
            AccessRole.HEAD_OF_SERVICE,
            get("/timeliness").param("rules", "paging-check").param("page", "3"));
    assertThat(last.selectFirst("#showing").text()).isEqualTo("Showing 101 to 120 of 120 items");
    assertThat(last.select("#items tbody tr")).hasSize(20);
    assertThat(last.select("#items tbody tr").last().select("a").text()).isEqualTo("PG-N-070");
    assertThat(last.selectFirst("#pagination .govuk-pagination__next")).isNull();

    // Filtered to Assessment Team North: 70 items, two pages; the links keep the filter.
    Document team =
        page(
            AccessRole.HEAD_OF_SERVICE,
            get("/timeliness")
                .param("rules", "paging-check")
                .param("team", north)
                .param("kpi", "doc-check"));
    assertThat(team.selectFirst("#showing").text()).isEqualTo("Showing 1 to 50 of 70 items");
    String next = team.selectFirst("#pagination a[rel=next]").attr("href");
    assertThat(next)
        .isEqualTo("/timeliness?rules=paging-check&team=" + north + "&kpi=doc-check&page=2#items");
    Document second =
        page(
            AccessRole.HEAD_OF_SERVICE,
            get("/timeliness")
                .param("rules", "paging-check")
                .param("team", north)
                .param("kpi", "doc-check")
                .param("page", "2"));
    assertThat(second.selectFirst("#showing").text()).isEqualTo("Showing 51 to 70 of 70 items");
    assertThat(second.select("#items tbody tr")).hasSize(20);
    assertThat(second.select("#items tbody tr").first().select("a").text()).isEqualTo("PG-N-051");
    // Names, not ids: the team, the worker, the KPI; the deadline in words.
    var row = second.selectFirst("#items tbody tr").select("td").eachText();
    assertThat(row)
        .containsExactly(
            "3 Nov 2026",
            "Overdue",
            "Paging check document seen by a manager within a working day",
            "Assessment Team North",
            workerName(northWorker),
            "PG-N-051",
            "PGK-51");
    // A page past the end shows the last.
    assertThat(
            page(
                    AccessRole.HEAD_OF_SERVICE,
                    get("/timeliness").param("rules", "paging-check").param("page", "9"))
                .selectFirst("#showing")
                .text())
        .isEqualTo("Showing 101 to 120 of 120 items");

    // The trend: six months to November 2026; October 75% (3 of 4), November 0% (0 of 120),
    // nothing due before; the rule's 80% target drawn as a line.
    assertThat(first.selectFirst("#trend-chart-title").text())
        .isEqualTo(
            "Paging check document seen by a manager within a working day: % on time by month");
    assertThat(first.select("#trend-chart-table tbody tr").eachText())
        .containsExactly(
            "Jun 2026 No figure",
            "Jul 2026 No figure",
            "Aug 2026 No figure",
            "Sept 2026 No figure",
            "Oct 2026 75%",
            "Nov 2026 0%");
    assertThat(first.select("#trend-chart .sl-chart__reference text").text())
        .isEqualTo("Target: 80%");
    assertThat(first.select("#trend-chart .sl-chart__axis-title").eachText())
        .containsExactly("Month (by deadline)", "% on time");
    assertThat(first.select("#trend-table tr[data-kpi=doc-check] td").eachText())
        .containsExactly(
            "– nothing due", "– nothing due", "– nothing due", "– nothing due", "75%", "0%");
  }
}
