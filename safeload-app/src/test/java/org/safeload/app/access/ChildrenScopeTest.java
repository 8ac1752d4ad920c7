package org.safeload.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A social worker or team manager sees the children of the team their account's worker is in, and
 * none until the account is linked; the link applies at once, in the items, the queue and a case.
 * What each should see is worked out here from the stored events (each case's team after its last
 * event), independently of the app's case book.
 */
@SafeloadSpringTest
class ChildrenScopeTest {

  private static final String PASSWORD = "a-long-scope-password";

  @Autowired MockMvc mvc;
  @Autowired UserAccounts accounts;
  @Autowired JdbcClient jdbc;

  private long account(String username, AccessRole role) {
    if (accounts.enabledAccount(username).isEmpty()) {
      accounts.createAsSystem(
          new UserAccounts.NewAccount(username, username, PASSWORD, role, null));
    }
    long id = accounts.enabledAccount(username).orElseThrow().id();
    SystemAccess.call(() -> accounts.linkWorker(id, null));
    return id;
  }

  private MockHttpServletResponse as(String username, String path) throws Exception {
    return mvc.perform(get(path).with(httpBasic(username, PASSWORD))).andReturn().getResponse();
  }

  /** The events that move a case's holding (docs/caseloads.md); visits and the like do not. */
  private static final String HOLDING =
      " and type in ('referral', 'allocated', 'transferred', 'case-type-changed', 'stepped-down',"
          + " 'closed')";

  /** Each case's team after its last holding event that names one, from the table. */
  private Map<String, String> currentTeams() {
    Map<String, String> teams = new HashMap<>();
    jdbc.sql(
            "select case_ref, team_ref from case_event where case_ref is not null"
                + HOLDING
                + " order by occurred_at, id")
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> {
                  if (rs.getString(2) != null) {
                    teams.put(rs.getString(1), rs.getString(2));
                  }
                });
    return teams;
  }

  private long workerIn(String team) {
    return SystemAccess.call(
        () ->
            accounts.workerChoices().stream()
                .filter(w -> team.equals(w.teamName()))
                .findFirst()
                .orElseThrow()
                .id());
  }

  private String teamId(String name) {
    return String.valueOf(
        jdbc.sql("select id from team where name = ?").param(name).query(Long.class).single());
  }

  private Set<String> itemCases(String username) throws Exception {
    String body = as(username, "/api/v1/timeliness/items?size=500").getContentAsString();
    Set<String> cases = new HashSet<>();
    List<String> refs = JsonPath.read(body, "$.items[*].caseRef");
    refs.stream().filter(r -> r != null).forEach(cases::add);
    return cases;
  }

  /** Each case's worker after its last event that names one, from the table. */
  private Map<String, String> lastWorkers() {
    Map<String, String> workers = new HashMap<>();
    jdbc.sql(
            "select case_ref, worker_ref from case_event where case_ref is not null"
                + " and worker_ref is not null"
                + HOLDING
                + " order by occurred_at, id")
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> workers.put(rs.getString(1), rs.getString(2)));
    return workers;
  }

  @Test
  void aSocialWorkerSeesTheirTeamsChildrenAndTheirOwnCases() throws Exception {
    String username = "scope-own-social-worker";
    long id = account(username, AccessRole.SOCIAL_WORKER);
    long worker = workerIn("Child Protection Team");
    SystemAccess.call(() -> accounts.linkWorker(id, worker));
    Map<String, String> teams = currentTeams();
    Map<String, String> workers = lastWorkers();
    String cp = teamId("Child Protection Team");
    Set<String> seen = itemCases(username);
    assertThat(seen)
        .isNotEmpty()
        .allSatisfy(
            c ->
                assertThat(cp.equals(teams.get(c)) || String.valueOf(worker).equals(workers.get(c)))
                    .as(c)
                    .isTrue());
  }

  @Test
  void anUnlinkedTeamManagerSeesNoChildUntilLinkedThenOnlyTheirTeams() throws Exception {
    String username = "scope-team-manager-items";
    long id = account(username, AccessRole.TEAM_MANAGER);
    Map<String, String> teams = currentTeams();
    String cp = teamId("Child Protection Team");
    String cpCase =
        teams.entrySet().stream()
            .filter(e -> e.getValue().equals(cp))
            .findFirst()
            .orElseThrow()
            .getKey();
    String otherCase =
        teams.entrySet().stream()
            .filter(e -> !e.getValue().equals(cp))
            .findFirst()
            .orElseThrow()
            .getKey();

    assertThat(itemCases(username)).isEmpty();
    assertThat(as(username, "/api/v1/cases/" + cpCase + "/events").getStatus()).isEqualTo(404);
    assertThat(
            JsonPath.<List<Object>>read(
                as(username, "/api/v1/caseloads/unallocated").getContentAsString(), "$"))
        .isEmpty();

    SystemAccess.call(() -> accounts.linkWorker(id, workerIn("Child Protection Team")));
    Set<String> seen = itemCases(username);
    assertThat(seen).isNotEmpty();
    assertThat(seen).allSatisfy(c -> assertThat(teams.get(c)).as(c).isEqualTo(cp));
    // Every item an administrator sees for that team, of a case still in it, the team manager
    // sees too.
    Set<String> adminCp = new HashSet<>();
    List<String> all =
        JsonPath.read(
            mvc.perform(
                    get("/api/v1/timeliness/items?size=500&team=" + cp)
                        .with(httpBasic("admin", "test-admin-password")))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.items[*].caseRef");
    all.stream().filter(c -> c != null && cp.equals(teams.get(c))).forEach(adminCp::add);
    assertThat(adminCp).isNotEmpty();
    assertThat(seen).containsAll(adminCp);
    assertThat(as(username, "/api/v1/cases/" + cpCase + "/events").getStatus()).isEqualTo(200);
    assertThat(as(username, "/api/v1/cases/" + otherCase + "/events").getStatus()).isEqualTo(404);
    assertThat(as(username, "/cases/" + otherCase).getStatus()).isEqualTo(404);
  }

  @Test
  void aTeamManagersQueueHoldsTheirTeamsWaitingCasesOnly() throws Exception {
    String username = "scope-team-manager";
    long id = account(username, AccessRole.TEAM_MANAGER);
    List<Map<String, Object>> everyone =
        JsonPath.read(
            mvc.perform(
                    get("/api/v1/caseloads/unallocated")
                        .with(httpBasic("admin", "test-admin-password")))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$");
    assertThat(everyone).as("the demo has cases waiting").isNotEmpty();
    String team = String.valueOf(everyone.getFirst().get("team"));
    String teamName = String.valueOf(everyone.getFirst().get("teamName"));
    SystemAccess.call(() -> accounts.linkWorker(id, workerIn(teamName)));
    List<Map<String, Object>> mine =
        JsonPath.read(as(username, "/api/v1/caseloads/unallocated").getContentAsString(), "$");
    assertThat(mine)
        .extracting(w -> w.get("caseRef"))
        .containsExactlyElementsOf(
            everyone.stream()
                .filter(w -> team.equals(String.valueOf(w.get("team"))))
                .map(w -> w.get("caseRef"))
                .toList());
    everyone.stream()
        .filter(w -> !team.equals(String.valueOf(w.get("team"))))
        .findFirst()
        .ifPresent(
            other -> {
              try {
                assertThat(
                        as(
                                username,
                                "/api/v1/caseloads/cases/"
                                    + other.get("caseRef")
                                    + "/recommendations")
                            .getStatus())
                    .isEqualTo(404);
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            });
  }
}
