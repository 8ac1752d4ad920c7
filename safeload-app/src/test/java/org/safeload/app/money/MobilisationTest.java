package org.safeload.app.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

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
import org.safeload.app.organisation.Vetted;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Mobilising the demo's managed team: the provider proposes a worker's evidence for its own team,
 * the contract's readiness counts who is cleared against the roster, and the contract page warns
 * while it is not fully cleared (docs/workforce.md).
 */
@SafeloadSpringTest
class MobilisationTest {

  private static final String CONTRACT = "NBC-BRIGHTPATH-2026";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired UserAccounts accounts;
  @Autowired ProviderDirectory providers;

  private long proposed;

  private MockHttpServletResponse as(AccessRole role, MockHttpServletRequestBuilder request)
      throws Exception {
    return mvc.perform(request.with(httpBasic(TestAccounts.username(role), TestAccounts.PASSWORD)))
        .andReturn()
        .getResponse();
  }

  private MockHttpServletResponse admin(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(httpBasic("admin", "test-admin-password")))
        .andReturn()
        .getResponse();
  }

  @BeforeEach
  void aReplacementSocialWorkerJoiningInDecember() throws Exception {
    TestAccounts.ensure(accounts, providers);
    long team =
        jdbc.sql("select id from team where name = 'Brightpath Project Team'")
            .query(Long.class)
            .single();
    MockHttpServletResponse created =
        admin(
            post("/api/v1/workers")
                .contentType("application/json")
                .content(
                    """
                    {"name": "Rae Replacement", "role": "social-worker",
                     "employmentType": "managed-service", "fte": "1", "startDate": "2026-12-07",
                     "qualificationDate": "2015-07-01", "sweRegistration": "SW%d", "teamId": %d}
                    """
                        .formatted(70_000_000 + System.nanoTime() % 10_000_000, team)));
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    proposed = ((Number) JsonPath.read(created.getContentAsString(), "$.id")).longValue();
  }

  /** The replacement leaves the shared demo's managed team as it came. */
  @org.junit.jupiter.api.AfterEach
  void removeTheReplacement() {
    for (String table : List.of("worker_vetting", "worker_assignment")) {
      jdbc.sql("delete from " + table + " where worker_id = ?").param(proposed).update();
    }
    jdbc.sql("delete from worker where id = ?").param(proposed).update();
  }

  @Test
  void theProviderRecordsItsOwnWorkersEvidenceButNotTheCouncilsReferences() throws Exception {
    MockHttpServletResponse recorded =
        as(
            AccessRole.PROVIDER,
            put("/api/v1/workers/" + proposed + "/vetting")
                .contentType("application/json")
                .content(Vetted.CHECKS));
    assertThat(recorded.getStatus()).as(recorded.getContentAsString()).isEqualTo(200);
    // The provider said the council obtained both references: it cannot, so they are the
    // provider's, and the DfE agency rules still want the council's.
    assertThat(
            JsonPath.<String>read(recorded.getContentAsString(), "$.vetting.reference1ByCouncil"))
        .isNotEqualTo("yes");
    assertThat(
            JsonPath.<List<String>>read(
                recorded.getContentAsString(), "$.clearance.failures[*].rule"))
        .containsExactly("agency-references");

    // The council obtains them; the provider's later recording keeps them the council's.
    Vetted.record(mvc, proposed);
    MockHttpServletResponse again =
        as(
            AccessRole.PROVIDER,
            put("/api/v1/workers/" + proposed + "/vetting")
                .contentType("application/json")
                .content(Vetted.CHECKS));
    assertThat(JsonPath.<String>read(again.getContentAsString(), "$.clearance.status"))
        .isEqualTo("cleared");

    // A council worker is not the provider's to see.
    long councilWorker =
        jdbc.sql(
                "select min(w.id) from worker w join worker_assignment a on a.worker_id = w.id"
                    + " join team t on t.id = a.team_id where t.provider_id is null")
            .query(Long.class)
            .single();
    assertThat(
            as(AccessRole.PROVIDER, get("/api/v1/workers/" + councilWorker + "/vetting"))
                .getStatus())
        .isEqualTo(404);
    assertThat(as(AccessRole.FINANCE, get("/api/v1/workers/" + proposed + "/vetting")).getStatus())
        .isEqualTo(403);
  }

  @Test
  void theReadinessCountsTheClearedAgainstTheRosterAndTheContractPageWarns() throws Exception {
    MockHttpServletResponse page =
        as(AccessRole.PROVIDER, get("/contracts/" + CONTRACT + "/readiness"));
    assertThat(page.getStatus()).isEqualTo(200);
    Document doc = Jsoup.parse(page.getContentAsString());
    // The roster on 24 November 2026 (started 5 October, the taper not yet begun): 1 team
    // manager, 7 social workers, 1 business support: 9 people.
    assertThat(doc.selectFirst("#start").text()).isEqualTo("5 October 2026 (started)");
    // A second way to each line's count: every proposed worker's clearance from the vetting API.
    int missing = 0;
    for (String[] line :
        List.of(
            new String[] {"team-manager", "1"},
            new String[] {"social-worker", "7"},
            new String[] {"business-support", "1"})) {
      Element table = doc.selectFirst("table[data-role=" + line[0] + "]");
      int cleared = 0;
      for (Element row : table.select("tr[data-worker]")) {
        String vetting =
            admin(get("/api/v1/workers/" + row.attr("data-worker") + "/vetting"))
                .getContentAsString();
        String status = JsonPath.read(vetting, "$.clearance.status");
        cleared += status.equals("blocked") ? 0 : 1;
        assertThat(row.selectFirst(".govuk-tag").text())
            .isEqualTo(
                status.equals("blocked")
                    ? "Not cleared"
                    : status.equals("expiring") ? "Cleared, a check due soon" : "Cleared");
      }
      int needed = Integer.parseInt(line[1]);
      missing += Math.max(0, needed - cleared);
      assertThat(doc.getElementById("line-" + line[0]).text())
          .endsWith(cleared + " cleared of " + needed + " asked for");
    }
    // The replacement is proposed, with what would clear them.
    Element rae = doc.selectFirst("tr[data-worker=" + proposed + "]");
    assertThat(rae.text()).contains("Rae Replacement", "Not cleared", "No enhanced DBS check");
    // By hand from the demo: every worker cleared but its last social worker (DfE agency
    // rules), and the replacement not yet checked: 6 of 7 social workers cleared, 1 missing (more
    // if another test has left a worker's checks undone in the shared demo).
    assertThat(missing).isPositive();
    assertThat(doc.selectFirst("#ready").text())
        .isEqualTo(missing + " of 9 still to be cleared or found");

    Document contract = Jsoup.parse(admin(get("/contracts/" + CONTRACT)).getContentAsString());
    assertThat(contract.selectFirst("#mobilisation-warning").text())
        .contains(
            "The roster is not fully cleared: "
                + missing
                + (missing == 1 ? " person" : " people")
                + " of 9 still to be cleared or found.");
    // Finance reads the contract's money, not its workers' clearance.
    assertThat(as(AccessRole.FINANCE, get("/contracts/" + CONTRACT + "/readiness")).getStatus())
        .isEqualTo(403);
    assertThat(
            Jsoup.parse(as(AccessRole.FINANCE, get("/contracts/" + CONTRACT)).getContentAsString())
                .selectFirst("#mobilisation-warning"))
        .isNull();
  }

  @Test
  void theProviderProposesAWorkerThroughTheApiAndReadsTheReadiness() throws Exception {
    MockHttpServletResponse made =
        as(
            AccessRole.PROVIDER,
            post("/api/v1/contracts/" + CONTRACT + "/proposed-workers")
                .contentType("application/json")
                .content(
                    """
                    {"name": "Uma Proposed", "role": "team-manager", "fte": "1",
                     "startDate": "2026-12-14", "qualificationDate": "2010-07-01",
                     "employmentType": "permanent", "sweRegistration": "SW%d"}
                    """
                        .formatted(60_000_000 + System.nanoTime() % 10_000_000)));
    assertThat(made.getStatus()).as(made.getContentAsString()).isEqualTo(201);
    long uma = ((Number) JsonPath.read(made.getContentAsString(), "$.workerId")).longValue();
    try {
      // Whatever was sent, a proposed worker is supplied by the provider.
      assertThat(
              jdbc.sql("select employment_type from worker where id = ?")
                  .param(uma)
                  .query(String.class)
                  .single())
          .isEqualTo("managed-service");
      String readiness =
          as(AccessRole.PROVIDER, get("/api/v1/contracts/" + CONTRACT + "/readiness"))
              .getContentAsString();
      assertThat(JsonPath.<String>read(readiness, "$.team")).isEqualTo("Brightpath Project Team");
      assertThat(JsonPath.<Integer>read(readiness, "$.needed")).isEqualTo(9);
      assertThat(
              JsonPath.<List<String>>read(
                  readiness,
                  "$.lines[?(@.role == 'team-manager')].proposed[?(@.workerId == "
                      + uma
                      + ")].status"))
          .containsExactly("blocked");
      assertThat(
              JsonPath.<List<String>>read(
                  readiness,
                  "$.lines[?(@.role == 'team-manager')].proposed[?(@.workerId == "
                      + uma
                      + ")].failures[*].source"))
          .contains("safer-recruitment", "dfe-agency-rules");
      // Nothing readable is refused with a problem; finance proposes no one.
      MockHttpServletResponse unreadable =
          as(
              AccessRole.PROVIDER,
              post("/api/v1/contracts/" + CONTRACT + "/proposed-workers")
                  .contentType("application/json")
                  .content("[1, 2"));
      assertThat(unreadable.getStatus()).isEqualTo(400);
      assertThat(JsonPath.<String>read(unreadable.getContentAsString(), "$.errors[0].field"))
          .isEqualTo("body");
      assertThat(
              as(
                      AccessRole.FINANCE,
                      post("/api/v1/contracts/" + CONTRACT + "/proposed-workers")
                          .contentType("application/json")
                          .content("{}"))
                  .getStatus())
          .isEqualTo(403);
    } finally {
      for (String table : List.of("worker_vetting", "worker_assignment")) {
        jdbc.sql("delete from " + table + " where worker_id = ?").param(uma).update();
      }
      jdbc.sql("delete from worker where id = ?").param(uma).update();
    }
  }
}
