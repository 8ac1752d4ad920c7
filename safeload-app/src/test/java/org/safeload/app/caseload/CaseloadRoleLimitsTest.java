package org.safeload.app.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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

/** Least privilege on caseloads: who may read cases, allocate, plan, apply and edit the policy. */
@SafeloadSpringTest
class CaseloadRoleLimitsTest {

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

  private int status(AccessRole role, MockHttpServletRequestBuilder request) throws Exception {
    return as(role, request).getResponse().getStatus();
  }

  @ParameterizedTest
  @EnumSource(AccessRole.class)
  void everyRoleReadsCaseloadFigures(AccessRole role) throws Exception {
    assertThat(status(role, get("/api/v1/caseloads"))).isEqualTo(200);
    assertThat(status(role, get("/api/v1/caseload-policy"))).isEqualTo(200);
  }

  @Test
  void financeSeesFiguresButNoChildsCase() throws Exception {
    assertThat(status(AccessRole.FINANCE, get("/api/v1/caseloads/unallocated"))).isEqualTo(403);
    assertThat(status(AccessRole.FINANCE, get("/api/v1/caseloads/cases/C1/recommendations")))
        .isEqualTo(403);
    MvcResult problem = as(AccessRole.FINANCE, get("/api/v1/caseloads/unallocated"));
    assertThat(problem.getResponse().getContentType()).isEqualTo("application/problem+json");
  }

  @ParameterizedTest
  @EnumSource(
      value = AccessRole.class,
      names = {"SOCIAL_WORKER", "FINANCE", "PROVIDER", "READ_ONLY"})
  void onlyManagersAllocate(AccessRole role) throws Exception {
    assertThat(
            status(
                role,
                post("/api/v1/caseloads/allocations")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"caseRef\":\"C1\",\"workerId\":\"1\"}")))
        .isEqualTo(403);
  }

  @ParameterizedTest
  @EnumSource(
      value = AccessRole.class,
      names = {"TEAM_MANAGER", "SOCIAL_WORKER", "FINANCE", "PROVIDER", "READ_ONLY"})
  void onlyTheHeadOfServiceAppliesAPlanOrChangesThePolicy(AccessRole role) throws Exception {
    assertThat(
            status(
                role,
                post("/api/v1/caseloads/handover/apply")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"moves\":[]}")))
        .isEqualTo(403);
    assertThat(
            status(
                role,
                put("/api/v1/caseload-policy").contentType("application/yaml").content("id: x")))
        .isEqualTo(403);
    assertThat(status(role, delete("/api/v1/caseload-policy"))).isEqualTo(403);
  }

  @ParameterizedTest
  @EnumSource(
      value = AccessRole.class,
      names = {"TEAM_MANAGER", "SOCIAL_WORKER", "FINANCE", "PROVIDER", "READ_ONLY"})
  void onlyTheHeadOfServiceSendsThePolicyForms(AccessRole role) throws Exception {
    // Refused whatever the answers: a form with a mistake, or "no".
    assertThat(
            status(
                role,
                post("/caseloads/policy/change")
                    .param("id", "x")
                    .param("groups[0].order", "first")
                    .with(csrf())))
        .isEqualTo(403);
    assertThat(status(role, post("/caseloads/policy/built-in").param("confirm", "no").with(csrf())))
        .isEqualTo(403);
    assertThat(status(role, post("/caseloads/policy/edit").param("document", "x").with(csrf())))
        .isEqualTo(403);
    // Everyone may read the policy and download it.
    assertThat(status(role, get("/caseloads/policy.yaml"))).isEqualTo(200);
  }

  @ParameterizedTest
  @EnumSource(
      value = AccessRole.class,
      names = {"ADMIN", "HEAD_OF_SERVICE"})
  void theHeadOfServiceMaySendThePolicyForms(AccessRole role) throws Exception {
    // A mistake is shown on the form (400), "no" goes back to the policy: neither changes it.
    assertThat(
            status(
                role,
                post("/caseloads/policy/change")
                    .param("id", "x")
                    .param("groups[0].order", "first")
                    .with(csrf())))
        .isEqualTo(400);
    assertThat(status(role, post("/caseloads/policy/built-in").param("confirm", "no").with(csrf())))
        .isEqualTo(302);
  }

  @Test
  void aProvidersUserSeesOnlyItsOwnTeam() throws Exception {
    String overview =
        as(AccessRole.PROVIDER, get("/api/v1/caseloads")).getResponse().getContentAsString();
    List<String> teams = JsonPath.read(overview, "$.teams[*].team.name");
    assertThat(teams).containsExactly("Brightpath Project Team");
    String queue =
        as(AccessRole.PROVIDER, get("/api/v1/caseloads/unallocated"))
            .getResponse()
            .getContentAsString();
    List<String> queueTeams = JsonPath.read(queue, "$[*].teamName");
    assertThat(queueTeams).allMatch("Brightpath Project Team"::equals);
  }

  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void aProviderNoLongerSeesACaseItsTeamHasHandedOver() throws Exception {
    long provider =
        jdbc.sql("select id from provider where name = ?")
            .param(org.safeload.demo.DemoCouncil.PROVIDER_NAME)
            .query(Long.class)
            .single();
    long service = jdbc.sql("select min(id) from service").query(Long.class).single();
    String team =
        JsonPath.read(
                as(
                        AccessRole.ADMIN,
                        post("/api/v1/teams")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(
                                "{\"serviceId\":"
                                    + service
                                    + ",\"name\":\"Brightpath second team\",\"kind\":\"managed\","
                                    + "\"providerId\":"
                                    + provider
                                    + "}"))
                    .getResponse()
                    .getContentAsString(),
                "$.id")
            .toString();
    String council =
        String.valueOf(jdbc.sql("select min(id) from team").query(Long.class).single());
    String header =
        "event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date\n";
    String referred = header + "pv-1,2026-11-02T10:00,referral,PV1,PVK1,," + team + ",,,\n";
    assertThat(
            status(
                AccessRole.HEAD_OF_SERVICE,
                post("/api/v1/case-events/import").contentType("text/csv").content(referred)))
        .isEqualTo(200);
    // In the provider's team: its user sees it waiting and may read it.
    String queue =
        as(AccessRole.PROVIDER, get("/api/v1/caseloads/unallocated"))
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<List<String>>read(queue, "$[*].caseRef")).contains("PV1");
    assertThat(status(AccessRole.PROVIDER, get("/api/v1/caseloads/cases/PV1/recommendations")))
        .isEqualTo(200);
    assertThat(status(AccessRole.PROVIDER, get("/api/v1/cases/PV1/events"))).isEqualTo(200);
    // Handed over to a council team: no longer the provider's to read.
    String moved = header + "pv-2,2026-11-20T10:00,transferred,PV1,PVK1,," + council + ",,,\n";
    assertThat(
            status(
                AccessRole.HEAD_OF_SERVICE,
                post("/api/v1/case-events/import").contentType("text/csv").content(moved)))
        .isEqualTo(200);
    queue =
        as(AccessRole.PROVIDER, get("/api/v1/caseloads/unallocated"))
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<List<String>>read(queue, "$[*].caseRef")).doesNotContain("PV1");
    assertThat(status(AccessRole.PROVIDER, get("/api/v1/caseloads/cases/PV1/recommendations")))
        .isEqualTo(404);
    assertThat(status(AccessRole.PROVIDER, get("/api/v1/cases/PV1/events"))).isEqualTo(404);
    assertThat(status(AccessRole.HEAD_OF_SERVICE, get("/api/v1/cases/PV1/events"))).isEqualTo(200);
  }

  @Test
  void aDateOutsideTheCalendarIsAProblemNotAFailure() throws Exception {
    MvcResult r =
        as(AccessRole.HEAD_OF_SERVICE, get("/api/v1/caseloads/unallocated?on=2041-01-02"));
    assertThat(r.getResponse().getStatus()).isEqualTo(400);
    assertThat(r.getResponse().getContentType()).isEqualTo("application/problem+json");
    assertThat(r.getResponse().getContentAsString()).contains("\"field\":\"on\"");
    MvcResult page = as(AccessRole.HEAD_OF_SERVICE, get("/caseloads/unallocated?on=2041-01-02"));
    assertThat(page.getResponse().getStatus()).isEqualTo(200);
    assertThat(page.getResponse().getContentAsString())
        .contains("href=\"#on\"")
        .contains("id=\"on\"");
  }

  @Test
  void signInIsNeeded() throws Exception {
    assertThat(mvc.perform(get("/api/v1/caseloads")).andReturn().getResponse().getStatus())
        .isEqualTo(401);
    assertThat(
            mvc.perform(get("/caseloads").accept(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .endsWith("/sign-in");
  }
}
