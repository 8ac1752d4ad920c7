package org.safeload.app.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.app.caseactivity.CaseActivity;
import org.safeload.app.money.ContractService;
import org.safeload.app.organisation.OrganisationService;
import org.safeload.app.organisation.TeamInput;
import org.safeload.app.organisation.WorkforceService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * No stored value may break a page for everyone: in a council of its own, every kind of edge value
 * the boundaries accept is stored (names of the longest length, with markup, quotes, accents,
 * right-to-left marks and emoji; money of a penny and of billions; dates on the calendar's first
 * and last days; events whose deadlines run past it), then every page reachable from the home page
 * is opened, following links (at most two of each shape), and none may fail or show "null" or the
 * markup as markup.
 */
@SafeloadSpringTest
@TestPropertySource(properties = "safeload.test.context=edge-values")
@WithMockUser(username = "admin", roles = "ADMIN")
class EveryPageSurvivesEdgeValuesTest {

  private static final String MARKUP = "<script>alert('x')</script>";
  private static final String ODD = " “quoted” \"plain\" & ‮rtl‬ é ß 😀 ";

  @Autowired MockMvc mvc;
  @Autowired OrganisationService organisation;
  @Autowired WorkforceService workforce;
  @Autowired ContractService contracts;
  @Autowired CaseActivity activity;
  @Autowired JdbcClient jdbc;
  @Autowired org.safeload.app.organisation.VettingService vettings;

  private static String longest(String start) {
    String s = start + MARKUP + ODD;
    return (s + "x".repeat(200)).substring(0, 200);
  }

  @Test
  void everyPageOpensWithEdgeValuesStored() throws Exception {
    var service = organisation.createService(longest("Service "), longest("Description "));
    var provider = organisation.createProvider(longest("Provider "));
    var team =
        organisation.createTeam(
            new TeamInput(service.id(), longest("Team "), "managed", provider.id()));
    String worker = longest("Worker ").replace("\"", "'");
    var imported =
        workforce.importCsv(
            "name,role,employment_type,fte,start_date,end_date,qualification_date,"
                + "asye_start_date,swe_registration,team\n"
                + "\""
                + worker
                + "\",social-worker,agency,0.01,2000-01-01,2040-12-31,1990-07-01,,SW99999999,\""
                + team.name().replace("\"", "\"\"")
                + "\"\n");
    assertThat(imported).isNotNull();
    long workerId = jdbc.sql("select max(id) from worker").query(Long.class).single();
    // Every check, with the longest texts and the calendar's edge dates: its page and its form.
    java.util.Map<String, String> checks = new java.util.HashMap<>();
    checks.put("dbsCertificate", "000000000000");
    checks.put("dbsIssued", "1950-01-01");
    checks.put("dbsOutcome", "accepted-after-assessment");
    checks.put("dbsCheckedBy", longest("Checker "));
    checks.put("registrationStatus", "conditions");
    checks.put("registrationConditions", longest("Conditions "));
    checks.put("registrationCheckedOn", "1950-01-01");
    checks.put("pqeOverrideYears", "60");
    checks.put("pqeOverrideReason", longest("Reason "));
    checks.put("managerSince", "1950-01-01");
    checks.put("reference1Role", longest("Referee "));
    checks.put("reference1Received", "1950-01-01");
    checks.put("rightToWorkCheckedOn", "1950-01-01");
    checks.put("rightToWorkExpires", "2040-12-31");
    checks.put("rightToWorkCheckedBy", longest("Checker "));
    checks.put("leftOn", "1950-01-01");
    checks.put("leftCouncil", longest("Council "));
    checks.put("leftRegion", longest("Region "));
    vettings.record(workerId, checks);
    contracts.create(
        """
        id: edge-values
        provider: "%s"
        route: framework
        start: 2000-01-01
        end: 2040-12-31
        ceiling: 9999999999.99
        roster:
          - {role: social-worker, count: 1, rate: {amount: 0.01, per: calendar-day}}
          - {role: team-manager, count: 1, rate: {amount: 99999999.99, per: month}}
        actuals:
          - {month: 2040-12, amount: 0.01, reference: "%s"}
        """
            .formatted(
                provider.name().replace("\\", "\\\\").replace("\"", "\\\""),
                longest("Ref ").replace("\\", "\\\\").replace("\"", "\\\"")));
    String events =
        "event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date\n"
            + "edge-1,2000-01-01T00:00,referral,EDGE:1,K-EDGE_1.x,,%1$s,,,\n"
            + "edge-2,2000-01-01T00:01,allocated,EDGE:1,K-EDGE_1.x,%2$s,%1$s,court,,\n"
            + "edge-3,2040-12-31T23:59,visit,EDGE:1,K-EDGE_1.x,%2$s,%1$s,seen,,\n"
            + "edge-4,2040-12-28T10:00,document-submitted,EDGE:1,K-EDGE_1.x,%2$s,%1$s,x,,2040-12-31\n";
    activity.importEvents(
        new ByteArrayInputStream(
            events.formatted(team.id(), workerId).getBytes(StandardCharsets.UTF_8)));
    // A correction with the longest reason, markup in it, and a withdrawn event: the case page
    // shows both in words, and the correction form opens for every event left.
    String reason = ("\"<script>alert(1)</script>\" ," + "é".repeat(500)).substring(0, 500);
    activity.correctEvents(
        new ByteArrayInputStream(
            ("event_id,action,reason,occurred_at,type,case_id,child_id,worker_id,team_id,detail,"
                    + "ref,due_date\n"
                    + "edge-3,correct,\""
                    + reason.replace("\"", "\"\"")
                    + "\",2040-12-31T23:58,visit,EDGE:1,K-EDGE_1.x,%2$s,%1$s,not-seen,,\n"
                    + "edge-4,withdraw,\""
                    + reason.replace("\"", "\"\"")
                    + "\",,,,,,,,,\n")
                .formatted(team.id(), workerId)
                .getBytes(StandardCharsets.UTF_8)));

    List<String> opened =
        crawl(
            "/",
            "/timeliness?asOf=2040-12-31",
            "/services/" + service.id(),
            "/teams/" + team.id(),
            "/workers/" + workerId,
            "/workers/" + workerId + "/vetting",
            "/contracts/edge-values",
            "/cases/EDGE:1",
            "/caseloads/teams/" + team.id(),
            "/caseloads?on=2040-12-31");
    System.out.println("EveryPageSurvivesEdgeValuesTest opened " + opened.size() + " pages");
    assertThat(opened).hasSizeGreaterThan(60);
  }

  /** Opens every page reachable from the home page; returns the paths opened. */
  private List<String> crawl(String... start) throws Exception {
    Deque<String> queue = new ArrayDeque<>(List.of(start));
    Set<String> seen = new LinkedHashSet<>(queue);
    Map<String, Integer> shapes = new HashMap<>();
    List<String> opened = new ArrayList<>();
    while (!queue.isEmpty() && opened.size() < 500) {
      String path = queue.poll();
      MockHttpServletResponse response =
          mvc.perform(get(path).with(httpBasic("admin", "test-admin-password")))
              .andReturn()
              .getResponse();
      opened.add(path);
      assertThat(response.getStatus()).as(path).isLessThan(500);
      if (path.startsWith("/cases/") || path.startsWith("/contracts/edge")) {
        assertThat(response.getStatus()).as(path).isEqualTo(200);
      }
      String type = String.valueOf(response.getContentType());
      if (response.getStatus() != 200 || !type.startsWith("text/html")) {
        continue;
      }
      Document page = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
      assertThat(page.select("script:containsData(alert)")).as(path).isEmpty();
      assertThat(page.body().text()).as(path).doesNotContainPattern("\\bnull\\b");
      for (var link : page.select("a[href]")) {
        String href = link.attr("href");
        int hash = href.indexOf('#');
        href = hash >= 0 ? href.substring(0, hash) : href;
        if (!href.startsWith("/")
            || href.startsWith("//")
            || href.startsWith("/sign-out")
            || href.startsWith("/webjars")
            || href.startsWith("/assets")
            || !seen.add(href)) {
          continue;
        }
        String shape = href.replaceAll("\\d+", "N").replaceAll("=[^&]*", "=");
        if (shapes.merge(shape, 1, Integer::sum) <= 2) {
          queue.add(href);
        }
      }
    }
    return opened;
  }
}
