package org.safeload.app.timeliness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
 * A head of service makes the council's own rule set through the forms (copy, rename, add, change
 * and remove KPIs), each save checked by the core and recorded with who and when; downloads it as
 * YAML; and every timeliness page reads in words (the crawl's own checks, on pages the crawl may
 * not reach: a council set's forms and a case's timeline).
 */
@SafeloadSpringTest
class RuleSetFormsStoryTest {

  @Autowired MockMvc mvc;
  @Autowired UserAccounts accounts;
  @Autowired ProviderDirectory providers;
  @Autowired JdbcClient jdbc;

  private static final AccessRole HOS = AccessRole.HEAD_OF_SERVICE;

  @BeforeEach
  void accounts() {
    TestAccounts.ensure(accounts, providers);
  }

  private MvcResult as(AccessRole role, MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(httpBasic(TestAccounts.username(role), TestAccounts.PASSWORD)))
        .andReturn();
  }

  private Document page(String path) throws Exception {
    MvcResult result = as(HOS, get(path));
    assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
    return Jsoup.parse(result.getResponse().getContentAsString());
  }

  private MvcResult submit(String path, String... params) throws Exception {
    MockHttpServletRequestBuilder request = post(path).with(csrf());
    for (int i = 0; i < params.length; i += 2) {
      request.param(params[i], params[i + 1]);
    }
    return as(HOS, request);
  }

  private static List<String> errorSummary(MvcResult result) throws Exception {
    return Jsoup.parse(result.getResponse().getContentAsString())
        .select(".govuk-error-summary__list li")
        .eachText();
  }

  private String yaml(String id) throws Exception {
    return as(HOS, get("/timeliness/rules/" + id + ".yaml")).getResponse().getContentAsString();
  }

  @Test
  void aCouncilMakesItsOwnRuleSetThroughTheFormsAndEveryChangeIsAudited() throws Exception {
    // Bad: a short code with capitals and spaces; no set to copy.
    MvcResult bad =
        submit(
            "/timeliness/rules/new",
            "setName",
            "Forms standards",
            "setId",
            "Forms Standards",
            "from",
            "statutory");
    assertThat(bad.getResponse().getStatus()).isEqualTo(400);
    assertThat(errorSummary(bad))
        .containsExactly("A rule set's id is 1 to 64 lower-case letters, digits or hyphens");
    assertThat(
            errorSummary(
                submit("/timeliness/rules/new", "setName", "X", "setId", "forms-x", "from", "")))
        .containsExactly("Select the rule set to start from");
    assertThat(
            errorSummary(
                submit(
                    "/timeliness/rules/new",
                    "setName",
                    "Mine",
                    "setId",
                    "contract",
                    "from",
                    "contract")))
        .containsExactly("Built-in sets cannot be changed: give your copy its own id");

    MvcResult created =
        submit(
            "/timeliness/rules/new",
            "setName",
            "Forms standards",
            "setId",
            "forms-standards",
            "from",
            "statutory");
    assertThat(created.getResponse().getRedirectedUrl())
        .isEqualTo("/timeliness/rules/forms-standards");
    assertThat(
            errorSummary(
                submit(
                    "/timeliness/rules/new",
                    "setName",
                    "Again",
                    "setId",
                    "forms-standards",
                    "from",
                    "contract")))
        .containsExactly("There is already a rule set with the id forms-standards: choose another");
    Document set = page("/timeliness/rules/forms-standards");
    assertThat(set.selectFirst("h1").text()).isEqualTo("Forms standards");
    assertThat(set.select("#kpis tbody tr")).hasSize(6);
    assertThat(
            set.select("#kpis tbody tr[data-kpi=cp-visit-10wd] td").first().select("li").eachText())
        .containsExactly(
            "What: Visit (Child seen)",
            "Every: 10 working days",
            "While the case is: Child protection");
    assertThat(set.select("#kpis tbody tr[data-kpi=rcpc-3m-then-6m] li").eachText())
        .containsExactly(
            "What: Meeting (Review child protection conference)",
            "Every: 6 months",
            "The first: 3 months after Meeting (Initial child protection conference)",
            "While the case is: Child protection");

    // A KPI added with a target; a bad one first.
    MvcResult badKpi =
        submit(
            "/timeliness/rules/forms-standards/kpis/new",
            "name",
            "Child seen within 3 working days of a referral",
            "ruleId",
            "seen-3wd",
            "kind",
            "after",
            "anchorType",
            "referral",
            "targetType",
            "visit",
            "targetDetails",
            "seen",
            "amount",
            "0",
            "unit",
            "workingDays",
            "scope",
            "case",
            "goal",
            "ninety");
    assertThat(badKpi.getResponse().getStatus()).isEqualTo(400);
    assertThat(errorSummary(badKpi))
        .containsExactly(
            "The target must be a number, like 1.5 (not ninety)",
            "The time limit must be at least 1 (not 0)");
    Document again = Jsoup.parse(badKpi.getResponse().getContentAsString());
    assertThat(again.selectFirst("#name").val())
        .isEqualTo("Child seen within 3 working days of a referral");
    assertThat(again.selectFirst("#targetDetails").hasAttr("checked")).isTrue();
    assertThat(again.select("#amount-error").text()).contains("at least 1");

    MvcResult added =
        submit(
            "/timeliness/rules/forms-standards/kpis/new",
            "name",
            "Child seen within 3 working days of a referral",
            "ruleId",
            "seen-3wd",
            "kind",
            "after",
            "anchorType",
            "referral",
            "targetType",
            "visit",
            "targetDetails",
            "seen",
            "amount",
            "3",
            "unit",
            "workingDays",
            "scope",
            "case",
            "goal",
            "90");
    assertThat(added.getResponse().getRedirectedUrl())
        .isEqualTo("/timeliness/rules/forms-standards");
    assertThat(yaml("forms-standards"))
        .contains(
            """
              - id: seen-3wd
                name: Child seen within 3 working days of a referral
                anchor: {type: referral}
                target: {type: visit, detail: [seen]}
                within: {workingDays: 3}
                goal: 90
            """);
    Document withKpi = page("/timeliness/rules/forms-standards");
    assertThat(withKpi.select("#kpis tbody tr[data-kpi=seen-3wd] td").eachText())
        .containsExactly(
            "Starts with: Referral Then: Visit (Child seen) Within: 3 working days",
            "90%",
            "Change Child seen within 3 working days of a referral Remove Child seen within 3"
                + " working days of a referral");

    // Changed: the form opens with the KPI as it is; the time limit becomes 2 working days.
    Document form = page("/timeliness/rules/forms-standards/kpis/seen-3wd/edit");
    assertThat(form.selectFirst("#amount").val()).isEqualTo("3");
    assertThat(form.selectFirst("#goal").val()).isEqualTo("90");
    assertThat(form.selectFirst("#anchorType option[selected]").text()).isEqualTo("Referral");
    assertThat(
            errorSummary(
                submit(
                    "/timeliness/rules/forms-standards/kpis/seen-3wd/edit",
                    "name",
                    "Child seen within 2 working days of a referral",
                    "ruleId",
                    "icpc-15wd",
                    "kind",
                    "after",
                    "anchorType",
                    "referral",
                    "targetType",
                    "visit",
                    "amount",
                    "2",
                    "unit",
                    "workingDays")))
        .containsExactly("Another KPI in this set has that short code: choose another");
    MvcResult changed =
        submit(
            "/timeliness/rules/forms-standards/kpis/seen-3wd/edit",
            "name",
            "Child seen within 2 working days of a referral",
            "ruleId",
            "seen-2wd",
            "kind",
            "after",
            "anchorType",
            "referral",
            "targetType",
            "visit",
            "targetDetails",
            "seen",
            "amount",
            "2",
            "unit",
            "workingDays",
            "goal",
            "92.5");
    assertThat(changed.getResponse().getRedirectedUrl())
        .isEqualTo("/timeliness/rules/forms-standards");
    assertThat(yaml("forms-standards"))
        .contains("id: seen-2wd", "within: {workingDays: 2}", "goal: 92.5")
        .doesNotContain("seen-3wd");

    // Renamed; a blank name is refused.
    assertThat(errorSummary(submit("/timeliness/rules/forms-standards/name", "setName", "")))
        .containsExactly("Enter the rule set's name");
    assertThat(
            submit("/timeliness/rules/forms-standards/name", "setName", "Forms local standards")
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo("/timeliness/rules/forms-standards");

    // Removed: every KPI but the last can go.
    List<String> ids =
        page("/timeliness/rules/forms-standards").select("#kpis tbody tr").eachAttr("data-kpi");
    assertThat(ids).hasSize(7);
    for (String id : ids.subList(0, 6)) {
      assertThat(
              submit("/timeliness/rules/forms-standards/kpis/" + id + "/remove")
                  .getResponse()
                  .getRedirectedUrl())
          .isEqualTo("/timeliness/rules/forms-standards");
    }
    MvcResult lastOne = submit("/timeliness/rules/forms-standards/kpis/seen-2wd/remove");
    assertThat(lastOne.getResponse().getStatus()).isEqualTo(400);
    assertThat(errorSummary(lastOne))
        .containsExactly("A rule set has at least one KPI: add another before removing this one");

    // Every save is in the audit trail with who and when, and shown on the set's page.
    List<String> audited =
        jdbc.sql(
                "select actor || ': ' || summary from audit_event where entity_type = 'kpi-rule-set'"
                    + " and entity_id = 'forms-standards' order by id")
            .query(String.class)
            .list();
    String hos = TestAccounts.username(HOS);
    assertThat(audited)
        .containsExactly(
            hos + ": created as a copy of Statutory timescales",
            hos + ": KPI added: Child seen within 3 working days of a referral",
            hos + ": KPI changed: Child seen within 2 working days of a referral",
            hos + ": name changed",
            hos + ": KPI removed: Decision on a referral within 1 working day",
            hos
                + ": KPI removed: Child and family assessment within 45 working days of the referral",
            hos
                + ": KPI removed: Initial child protection conference within 15 working days of the"
                + " strategy discussion",
            hos
                + ": KPI removed: First review conference within 3 months of the initial, then every"
                + " 6 months",
            hos + ": KPI removed: Child on a protection plan seen at least every 10 working days",
            hos + ": KPI removed: Child in care seen at least every 6 weeks");
    Document finalSet = page("/timeliness/rules/forms-standards");
    assertThat(finalSet.selectFirst("h1").text()).isEqualTo("Forms local standards");
    assertThat(finalSet.select("#changes tbody tr")).hasSize(10);
    assertThat(finalSet.select("#changes tbody tr").first().select("td").eachText())
        .containsExactly(
            "24 November 2026 at 12:00pm",
            "Test " + HOS.label(),
            "KPI removed: Child in care seen at least every 6 weeks");

    // The download is the stored YAML, as a file.
    MvcResult download = as(AccessRole.READ_ONLY, get("/timeliness/rules/forms-standards.yaml"));
    assertThat(download.getResponse().getHeader("Content-Disposition"))
        .isEqualTo("attachment; filename=\"forms-standards.yaml\"");
    assertThat(download.getResponse().getContentType()).startsWith("application/yaml");
    assertThat(download.getResponse().getContentAsString())
        .startsWith("id: forms-standards\nname: Forms local standards\nrules:\n");

    // Only those who may edit timeliness can save; everyone may read the forms.
    assertThat(
            as(
                    AccessRole.TEAM_MANAGER,
                    post("/timeliness/rules/forms-standards/name")
                        .param("setName", "Taken over")
                        .with(csrf()))
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(
            as(AccessRole.TEAM_MANAGER, get("/timeliness/rules/forms-standards/name"))
                .getResponse()
                .getStatus())
        .as("the form is not even shown to a role that may not use it")
        .isEqualTo(403);
    for (AccessRole role :
        List.of(
            AccessRole.TEAM_MANAGER,
            AccessRole.SOCIAL_WORKER,
            AccessRole.FINANCE,
            AccessRole.READ_ONLY,
            AccessRole.PROVIDER)) {
      for (MockHttpServletRequestBuilder refused :
          List.of(
              post("/timeliness/rules/new")
                  .param("setName", "Theirs")
                  .param("setId", "theirs")
                  .param("from", "contract"),
              post("/timeliness/rules/forms-standards/kpis/new")
                  .param("name", "Theirs")
                  .param("ruleId", "theirs")
                  .param("kind", "recurring")
                  .param("targetType", "supervision")
                  .param("amount", "1")
                  .param("scope", "worker"),
              post("/timeliness/rules/forms-standards/kpis/seen-2wd/edit")
                  .param("name", "Theirs")
                  .param("ruleId", "seen-2wd")
                  .param("kind", "recurring")
                  .param("targetType", "supervision")
                  .param("amount", "1")
                  .param("scope", "worker"),
              post("/timeliness/rules/forms-standards/kpis/seen-2wd/remove"),
              post("/timeliness/rules/edit").param("document", yaml("forms-standards")))) {
        assertThat(as(role, refused.with(csrf())).getResponse().getStatus())
            .as("%s", role)
            .isEqualTo(403);
      }
    }
    assertThat(yaml("forms-standards")).contains("id: seen-2wd", "name: Forms local standards");
    // Built-in sets are copied, not changed.
    assertThat(as(HOS, get("/timeliness/rules/contract/kpis/new")).getResponse().getStatus())
        .isEqualTo(400);
  }

  @Test
  void aCasesTimelineNamesItsTeamsAndWorkersAndDatesInWords() throws Exception {
    String caseRef =
        jdbc.sql(
                "select min(case_ref) from case_event where type = 'visit-write-up'"
                    + " and worker_ref is not null and team_ref is not null")
            .query(String.class)
            .single();
    Document timeline = page("/cases/" + caseRef);
    Set<String> teams =
        jdbc.sql("select name from team").query(String.class).list().stream()
            .collect(Collectors.toSet());
    Set<String> workers =
        jdbc.sql("select name from worker").query(String.class).list().stream()
            .collect(Collectors.toSet());
    // The last column is each event's "Correct" link, for those who may correct events.
    assertThat(timeline.select("#timeline thead th").eachText())
        .containsExactly("When", "What", "Team", "Worker", "Detail", "Change");
    for (var row : timeline.select("#timeline tbody tr")) {
      List<String> cells = row.select("td").eachText();
      assertThat(cells.get(0)).matches("\\d{1,2} [A-Z][a-z]+ \\d{4} at \\d{1,2}:\\d{2}(am|pm)");
      assertThat(cells.get(2)).isIn(union(teams, "None recorded"));
      assertThat(cells.get(3)).isIn(union(workers, "None recorded"));
    }
    // A write-up names the visit it is for, in words.
    assertThat(timeline.select("#timeline tbody tr").eachText())
        .anyMatch(
            r ->
                r.contains("Visit written up")
                    && r.matches(".*For the visit on \\d{1,2} [A-Z][a-z]+ \\d{4} at .*"));
    assertThat(timeline.select("nav.govuk-breadcrumbs a").eachText())
        .containsExactly("Home", "Timeliness");
  }

  private static Set<String> union(Set<String> names, String also) {
    Set<String> all = new java.util.HashSet<>(names);
    all.add(also);
    return all;
  }

  /**
   * The crawl's own checks ({@code EveryPageSpeaksTheUsersLanguageTest.check}) on every kind of
   * timeliness page, including a council set's forms, which the crawl reaches only if a set exists.
   */
  @Test
  void everyTimelinessPageSpeaksTheUsersLanguage() throws Exception {
    submit(
        "/timeliness/rules/new",
        "setName",
        "Crawl standards",
        "setId",
        "crawl-standards",
        "from",
        "contract");
    String caseRef =
        jdbc.sql("select min(case_ref) from case_event where case_ref like 'C%'")
            .query(String.class)
            .single();
    Method check =
        Class.forName("org.safeload.app.pages.EveryPageSpeaksTheUsersLanguageTest")
            .getDeclaredMethod("check", String.class, Document.class);
    check.setAccessible(true);
    List<String> problems = new ArrayList<>();
    for (String path :
        List.of(
            "/timeliness",
            "/timeliness?rules=statutory&asOf=2026-10-31",
            "/timeliness?rules=crawl-standards&status=overdue&page=2",
            "/timeliness?asOf=31/02/2026",
            "/cases/" + caseRef,
            "/timeliness/import",
            "/timeliness/rules",
            "/timeliness/rules/contract",
            "/timeliness/rules/crawl-standards",
            "/timeliness/rules/new?from=contract",
            "/timeliness/rules/edit?from=crawl-standards",
            "/timeliness/rules/crawl-standards/name",
            "/timeliness/rules/crawl-standards/kpis/new",
            "/timeliness/rules/crawl-standards/kpis/review-4w/edit",
            "/timeliness/rules/crawl-standards/kpis/documents-3wd/remove")) {
      @SuppressWarnings("unchecked")
      List<String> found = (List<String>) check.invoke(null, path, page(path));
      problems.addAll(found);
    }
    assertThat(problems).isEmpty();
    // A mistyped date is said so, and the figures stay on today's.
    Document mistyped = page("/timeliness?asOf=31/02/2026");
    assertThat(mistyped.select(".govuk-error-summary__list li").eachText())
        .containsExactly("The date must be a real date");
    assertThat(mistyped.selectFirst("#kpis-heading").text())
        .isEqualTo("KPIs as of 24 November 2026");
  }
}
