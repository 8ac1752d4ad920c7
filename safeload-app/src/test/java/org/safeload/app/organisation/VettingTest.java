package org.safeload.app.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.app.access.AccessRole;
import org.safeload.app.access.ProviderDirectory;
import org.safeload.app.access.TestAccounts;
import org.safeload.app.access.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A worker's vetting through the API (the test clock: 24 November 2026): nothing recorded blocks on
 * every check; recording them leaves only the DfE agency rule an agency worker with 2 years fails;
 * a register extract suspending them blocks again; bad fields are refused by name and change
 * nothing.
 */
@SafeloadSpringTest
class VettingTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired UserAccounts accounts;
  @Autowired ProviderDirectory providers;

  private long worker;
  private String swe;

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
  void anAgencyWorkerWithTwoYears() throws Exception {
    TestAccounts.ensure(accounts, providers);
    swe = "SW" + (80_000_000 + System.nanoTime() % 10_000_000);
    long team = jdbc.sql("select min(id) from team").query(Long.class).single();
    MockHttpServletResponse created =
        admin(
            post("/api/v1/workers")
                .contentType("application/json")
                .content(
                    """
                    {"name": "Vera Vetting", "role": "social-worker", "employmentType": "agency",
                     "fte": "1", "startDate": "2026-11-02", "qualificationDate": "2024-07-01",
                     "sweRegistration": "%s", "teamId": %d}
                    """
                        .formatted(swe, team)));
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    worker = ((Number) JsonPath.read(created.getContentAsString(), "$.id")).longValue();
  }

  private static final String CHECKS = Vetted.CHECKS;

  @Test
  void checksRecordedLeaveOnlyTheAgencyRuleAndARegisterSuspensionBlocksAgain() throws Exception {
    String none = admin(get("/api/v1/workers/" + worker + "/vetting")).getContentAsString();
    assertThat(JsonPath.<String>read(none, "$.clearance.status")).isEqualTo("blocked");
    assertThat(JsonPath.<List<String>>read(none, "$.clearance.failures[*].source"))
        .containsExactly(
            "safer-recruitment",
            "safer-recruitment",
            "safer-recruitment",
            "dfe-agency-rules",
            "dfe-agency-rules");
    assertThat(JsonPath.<List<String>>read(none, "$.clearance.failures[*].rule"))
        .containsExactly("dbs", "registration", "right-to-work", "agency-pqe", "agency-references");

    MockHttpServletResponse recorded =
        admin(
            put("/api/v1/workers/" + worker + "/vetting")
                .contentType("application/json")
                .content(CHECKS));
    assertThat(recorded.getStatus()).as(recorded.getContentAsString()).isEqualTo(200);
    String body = recorded.getContentAsString();
    // Qualified 1 July 2024: 2 whole years on 24 November 2026.
    assertThat(JsonPath.<Integer>read(body, "$.clearance.pqeYears")).isEqualTo(2);
    assertThat(JsonPath.<List<String>>read(body, "$.clearance.failures[*].reason"))
        .containsExactly(
            "An agency social worker needs at least 3 years' post-qualifying experience; this"
                + " worker has 2");
    assertThat(JsonPath.<String>read(body, "$.vetting.dbsCertificate")).isEqualTo("001234567890");
    assertThat(
            jdbc.sql(
                    "select summary from audit_event where entity_type = 'worker' and entity_id = ?"
                        + " and action = 'record-vetting'")
                .param(String.valueOf(worker))
                .query(String.class)
                .list())
        .containsExactly("vetting recorded: DBS, registration, references, right to work");

    MockHttpServletResponse extract =
        admin(
            post("/api/v1/workers/register-extract")
                .contentType("text/csv")
                .content(
                    "registration_number,status,conditions,checked_on\n"
                        + swe
                        + ",suspended,,2026-11-20\nSW1,registered,,2026-11-20\n"));
    assertThat(extract.getContentAsString())
        .isEqualTo("{\"updated\":1,\"unchanged\":0,\"notOurs\":1}");
    String suspended = admin(get("/api/v1/workers/" + worker + "/vetting")).getContentAsString();
    assertThat(JsonPath.<List<String>>read(suspended, "$.clearance.failures[*].reason"))
        .contains(
            "Social Work England registration " + swe + " is suspended (checked 20 November 2026)");
  }

  @Test
  void badFieldsAreRefusedByNameAndNothingIsRecorded() throws Exception {
    MockHttpServletResponse refused =
        admin(
            put("/api/v1/workers/" + worker + "/vetting")
                .contentType("application/json")
                .content(
                    "{\"dbsCertificate\": \"123\", \"dbsIssued\": \"2027-01-01\","
                        + " \"registrationStatus\": \"struck-off\", \"registrationCheckedOn\":"
                        + " \"2026-11-01\"}"));
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(JsonPath.<List<String>>read(refused.getContentAsString(), "$.errors[*].field"))
        .containsExactly("dbsCertificate", "dbsIssued", "dbsOutcome", "registrationStatus");
    assertThat(
            jdbc.sql("select count(*) from worker_vetting where worker_id = ?")
                .param(worker)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void onlyThoseWhoManageWorkersReadVetting() throws Exception {
    for (AccessRole role : AccessRole.values()) {
      int status = as(role, get("/api/v1/workers/" + worker + "/vetting")).getStatus();
      boolean may =
          role == AccessRole.ADMIN
              || role == AccessRole.HEAD_OF_SERVICE
              || role == AccessRole.TEAM_MANAGER;
      // A provider records its own teams' workers' checks: a council worker is not found.
      assertThat(status)
          .as(role.name())
          .isEqualTo(may ? 200 : role == AccessRole.PROVIDER ? 404 : 403);
    }
  }

  @Test
  void aBlockedWorkerIsRefusedACaseWithTheReason() throws Exception {
    admin(
        put("/api/v1/workers/" + worker + "/vetting")
            .contentType("application/json")
            .content(CHECKS));
    long team =
        jdbc.sql("select team_id from worker_assignment where worker_id = ?")
            .param(worker)
            .query(Long.class)
            .single();
    String kase = "VET-" + System.nanoTime() % 1_000_000;
    String header =
        "event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date\n";
    MockHttpServletResponse referred =
        admin(
            post("/api/v1/case-events/import")
                .contentType("text/csv")
                .content(
                    header
                        + kase
                        + "-r,2026-11-20T09:00,referral,"
                        + kase
                        + ",K"
                        + kase
                        + ",,"
                        + team
                        + ",,,\n"));
    assertThat(referred.getStatus()).as(referred.getContentAsString()).isEqualTo(200);
    try {
      MockHttpServletResponse refused =
          admin(
              post("/api/v1/caseloads/allocations")
                  .contentType("application/json")
                  .content("{\"caseRef\": \"" + kase + "\", \"workerId\": \"" + worker + "\"}"));
      assertThat(refused.getStatus()).isEqualTo(400);
      assertThat(JsonPath.<List<String>>read(refused.getContentAsString(), "$.errors[*].message"))
          .containsExactly(
              "Vera Vetting is not cleared: An agency social worker needs at least 3 years'"
                  + " post-qualifying experience; this worker has 2");
      // The allocation page ranks her with those who may not take the case, saying why.
      MockHttpServletResponse page = admin(get("/caseloads/cases/" + kase));
      assertThat(page.getStatus()).isEqualTo(200);
      org.jsoup.nodes.Element vera =
          org.jsoup.Jsoup.parse(page.getContentAsString())
              .selectFirst("#recommendation [data-worker=" + worker + "]");
      assertThat(vera.attr("data-eligible")).isEqualTo("false");
      assertThat(vera.select(".govuk-tag").eachText()).contains("Not cleared");
      assertThat(vera.selectFirst(".govuk-radios__hint").text())
          .startsWith(
              "Not cleared: An agency social worker needs at least 3 years' post-qualifying"
                  + " experience");
    } finally {
      // The case leaves the shared demo's queue as it came.
      admin(
          post("/api/v1/case-events/import")
              .contentType("text/csv")
              .content(
                  header
                      + kase
                      + "-c,2026-11-20T10:00,closed,"
                      + kase
                      + ",K"
                      + kase
                      + ",,"
                      + team
                      + ",,,\n"));
    }
  }

  @Test
  void aHandoverLeavesOutAReceiverWhoIsNotCleared() throws Exception {
    long team =
        jdbc.sql("select team_id from worker_assignment where worker_id = ?")
            .param(worker)
            .query(Long.class)
            .single();
    MockHttpServletResponse refused =
        admin(
            post("/api/v1/caseloads/handover/plan")
                .contentType("application/json")
                .content("{\"fromTeam\": " + team + ", \"toWorkers\": [\"" + worker + "\"]}"));

    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(JsonPath.<List<String>>read(refused.getContentAsString(), "$.errors[*].message"))
        .containsExactly(
            "No receiving worker is cleared to work with children: Vera Vetting: No enhanced DBS"
                + " check with the children's barred list is recorded; No Social Work England"
                + " registration is recorded; No right-to-work check is recorded; An agency social"
                + " worker needs at least 3 years' post-qualifying experience; this worker has 2; 0"
                + " of the 2 practice-based references on the Department's template were obtained"
                + " by the council");
  }

  @Test
  void theManagedTeamsContractMinimumsApplyToItsWorkers() throws Exception {
    long project =
        jdbc.sql("select id from team where name = 'Brightpath Project Team'")
            .query(Long.class)
            .single();
    // The demo contract asks for social workers with 4 years' PQE: one with 2 is blocked by it
    // (and by the DfE agency rules' 3 years).
    MockHttpServletResponse created =
        admin(
            post("/api/v1/workers")
                .contentType("application/json")
                .content(
                    """
                    {"name": "Pat Proposed", "role": "social-worker",
                     "employmentType": "managed-service", "fte": "1", "startDate": "2026-11-16",
                     "qualificationDate": "2024-07-01", "sweRegistration": "SW%d", "teamId": %d}
                    """
                        .formatted(90_000_000 + System.nanoTime() % 1_000_000, project)));
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    long pat = ((Number) JsonPath.read(created.getContentAsString(), "$.id")).longValue();
    Vetted.record(mvc, pat);
    String body = admin(get("/api/v1/workers/" + pat + "/vetting")).getContentAsString();
    assertThat(JsonPath.<List<String>>read(body, "$.clearance.failures[*].rule"))
        .containsExactly("agency-pqe", "contract-pqe");
    assertThat(JsonPath.<String>read(body, "$.clearance.failures[1].source")).isEqualTo("contract");
    assertThat(JsonPath.<String>read(body, "$.clearance.failures[1].reason"))
        .isEqualTo(
            "The contract needs a social worker with at least 4 years' post-qualifying experience;"
                + " this worker has 2");

    // The demo's own project workers meet the contract: all cleared but the one the DfE agency
    // rules block.
    List<String> blocked = new java.util.ArrayList<>();
    for (long id :
        jdbc.sql(
                "select a.worker_id from worker_assignment a join worker w on w.id = a.worker_id"
                    + " where a.team_id = ? and w.name <> 'Pat Proposed'"
                    // The demo's own: those who started with the contract (other tests in the
                    // shared demo may add workers to the team).
                    + " and w.start_date = date '2026-10-05' order by a.worker_id")
            .param(project)
            .query(Long.class)
            .list()) {
      String v = admin(get("/api/v1/workers/" + id + "/vetting")).getContentAsString();
      if (JsonPath.<String>read(v, "$.clearance.status").equals("blocked")) {
        blocked.add(
            String.join(",", JsonPath.<List<String>>read(v, "$.clearance.failures[*].rule")));
      }
    }
    assertThat(blocked).containsExactly("agency-references,agency-three-months");
  }
}
