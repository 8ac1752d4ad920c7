package org.safeload.app.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.app.access.AccessRole;
import org.safeload.app.access.ProviderDirectory;
import org.safeload.app.access.TestAccounts;
import org.safeload.app.access.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A head of service sets up two teams; a team manager allocates waiting cases within the policy
 * (the ASYE rules refuse, a soft target asks for a reason), reads the recommendation, and the head
 * of service plans the exit of one team onto the other and applies it, all at once or not at all.
 * The clock is fixed on 24 November 2026 (application-test.yml).
 */
@SafeloadSpringTest
class TeamManagerAllocatesAndPlansAnExitStoryTest {

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

  /** The story's team manager: the receiving team's, so they see that team's children. */
  private static final String STORY_MANAGER = "story-team-manager";

  private MvcResult as(AccessRole role, MockHttpServletRequestBuilder request) throws Exception {
    String user = role == AccessRole.TEAM_MANAGER ? STORY_MANAGER : TestAccounts.username(role);
    return mvc.perform(request.with(httpBasic(user, TestAccounts.PASSWORD))).andReturn();
  }

  /** The story's team manager's account, linked to a worker of their team. */
  private void manages(String workerId) {
    if (accounts.enabledAccount(STORY_MANAGER).isEmpty()) {
      accounts.createAsSystem(
          new org.safeload.app.access.UserAccounts.NewAccount(
              STORY_MANAGER, "Tess Story", TestAccounts.PASSWORD, AccessRole.TEAM_MANAGER, null));
    }
    long id = accounts.enabledAccount(STORY_MANAGER).orElseThrow().id();
    org.safeload.app.access.SystemAccess.call(
        () -> accounts.linkWorker(id, Long.parseLong(workerId)));
  }

  private String json(
      AccessRole role, MockHttpServletRequestBuilder request, String body, int status)
      throws Exception {
    MvcResult r = as(role, request.contentType(MediaType.APPLICATION_JSON).content(body));
    assertThat(r.getResponse().getStatus())
        .as(r.getResponse().getContentAsString())
        .isEqualTo(status);
    return r.getResponse().getContentAsString();
  }

  private String get200(AccessRole role, String url) throws Exception {
    MvcResult r = as(role, get(url));
    assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
    return r.getResponse().getContentAsString();
  }

  private long events() {
    return jdbc.sql("select count(*) from case_event").query(Long.class).single();
  }

  private String worker(long team, String name, String fte, String qualified, String asye)
      throws Exception {
    String body =
        """
        {"name":"%s","role":"social-worker","employmentType":"permanent","fte":%s,
         "startDate":"2026-09-01","qualificationDate":"%s","asyeStartDate":%s,
         "sweRegistration":"SW%d","teamId":%d}
        """
            .formatted(
                name,
                fte,
                qualified,
                asye == null ? "null" : "\"" + asye + "\"",
                880000 + Math.abs(name.hashCode() % 99999),
                team);
    String id =
        String.valueOf(
            JsonPath.<Integer>read(
                json(AccessRole.ADMIN, post("/api/v1/workers"), body, 201), "$.id"));
    // Their checks are recorded before they take any case.
    org.safeload.app.organisation.Vetted.record(mvc, id);
    return id;
  }

  private static String allocated(
      String id, String caseId, String worker, String team, String type) {
    return id
        + ",2026-10-01T10:00,allocated,"
        + caseId
        + ",K"
        + caseId
        + ","
        + worker
        + ","
        + team
        + ","
        + type
        + ",,\n";
  }

  @Test
  void allocatingWithinThePolicyThenHandingATeamOver() throws Exception {
    long service =
        JsonPath.<Integer>read(
            json(
                AccessRole.ADMIN,
                post("/api/v1/services"),
                "{\"name\":\"Story service\",\"description\":\"For a test\"}",
                201),
            "$.id");
    long exiting = team(service, "Story exiting team");
    long receiving = team(service, "Story receiving team");
    String asha = worker(receiving, "Asha Story", "1", "2026-07-01", "2026-09-01");
    String bob = worker(receiving, "Bob Story", "1", "2015-07-01", null);
    String cai = worker(receiving, "Cai Story", "0.5", "2012-07-01", null);
    String dee = worker(exiting, "Dee Story", "1", "2014-07-01", null);
    manages(bob);
    String r = String.valueOf(receiving);
    String x = String.valueOf(exiting);

    // Asha (ASYE) holds 14 cin cases, Bob 16, Cai 4; Dee, in the exiting team, holds D1 and D2
    // (brother and sister), D3 (cp) and D4; U1 (cp), U2 and U3 (cin) wait in the receiving team.
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 1; i <= 14; i++) {
      csv.append(allocated("st-a" + i, "SA" + i, asha, r, "cin"));
    }
    for (int i = 1; i <= 16; i++) {
      csv.append(allocated("st-b" + i, "SB" + i, bob, r, "cin"));
    }
    for (int i = 1; i <= 4; i++) {
      csv.append(allocated("st-c" + i, "SC" + i, cai, r, "cin"));
    }
    csv.append(allocated("st-d1", "SD1", dee, x, "cin"))
        .append(allocated("st-d2", "SD2", dee, x, "cin"))
        .append(allocated("st-d3", "SD3", dee, x, "cp"))
        .append(allocated("st-d4", "SD4", dee, x, "cin"));
    // Referred on Thursday 19 November, waiting since: 3 working days by Tuesday 24th.
    for (String u : List.of("SU1", "SU2", "SU3")) {
      csv.append("st-" + u + ",2026-11-19T09:00,referral," + u + ",K" + u + ",," + r + ",,,\n");
    }
    csv.append("st-SU1-cp,2026-11-19T10:00,case-type-changed,SU1,KSU1,," + r + ",cp,,\n");
    assertThat(
            as(
                    AccessRole.HEAD_OF_SERVICE,
                    post("/api/v1/case-events/import")
                        .contentType("text/csv")
                        .content(csv.toString()))
                .getResponse()
                .getStatus())
        .isEqualTo(200);
    // D1 and D2 are brother and sister: the children file says so (a bad file changes nothing).
    String badChildren = "child_id,date_of_birth,family_group\nKSD1,2016-02-30,STFAM1\n";
    assertThat(
            as(
                    AccessRole.HEAD_OF_SERVICE,
                    post("/api/v1/children/import").contentType("text/csv").content(badChildren))
                .getResponse()
                .getContentAsString())
        .contains("\"line\":2")
        .contains("date_of_birth");
    String children = "child_id,date_of_birth,family_group\nKSD1,2016-02-03,STFAM1\nKSD2,,STFAM1\n";
    for (String expected : List.of("\"created\":2", "\"unchanged\":2")) {
      assertThat(
              as(
                      AccessRole.HEAD_OF_SERVICE,
                      post("/api/v1/children/import").contentType("text/csv").content(children))
                  .getResponse()
                  .getContentAsString())
          .contains(expected);
    }

    // The board: Bob at 16 per FTE is at the team's target; Cai at 4 cases on 0.5 FTE.
    String board = get200(AccessRole.TEAM_MANAGER, "/api/v1/caseloads/teams/" + receiving);
    assertThat(JsonPath.<Integer>read(board, "$.team.load.load.cases")).isEqualTo(34);
    // 34 cases over 2.5 FTE = 13.60.
    assertThat(JsonPath.<Double>read(board, "$.team.load.casesPerFte")).isEqualTo(13.6);
    assertThat(JsonPath.<Integer>read(board, "$.team.load.unallocated")).isEqualTo(3);
    // Its workers come a page at a time: Asha, Bob and Cai fit on the first; one a page, the
    // second page holds the second of them.
    List<String> names = JsonPath.read(board, "$.workers.items[*].holder.name");
    assertThat(names).containsExactlyInAnyOrder("Asha Story", "Bob Story", "Cai Story");
    assertThat(JsonPath.<Integer>read(board, "$.workers.total")).isEqualTo(3);
    String second =
        get200(AccessRole.TEAM_MANAGER, "/api/v1/caseloads/teams/" + receiving + "?size=1&page=2");
    assertThat(JsonPath.<List<String>>read(second, "$.workers.items[*].holder.name"))
        .containsExactly(names.get(1));
    assertThat(JsonPath.<Integer>read(second, "$.workers.pages")).isEqualTo(3);

    // The queue: the three waiting cases, 3 working days each (Fri 20, Mon 23, Tue 24).
    String queue = get200(AccessRole.TEAM_MANAGER, "/api/v1/caseloads/unallocated");
    List<Map<String, Object>> waiting = JsonPath.read(queue, "$[?(@.team == '" + r + "')]");
    assertThat(waiting).extracting(w -> w.get("caseRef")).containsExactly("SU1", "SU2", "SU3");
    assertThat(waiting).extracting(w -> w.get("workingDays")).containsOnly(3);

    // ASYE: no child protection case, and at most 15 cases.
    String refused =
        json(
            AccessRole.TEAM_MANAGER,
            post("/api/v1/caseloads/allocations"),
            "{\"caseRef\":\"SU1\",\"workerId\":\"" + asha + "\"}",
            400);
    assertThat(JsonPath.<String>read(refused, "$.errors[0].field")).isEqualTo("workerId");
    assertThat(JsonPath.<String>read(refused, "$.errors[0].message"))
        .contains("may not hold Child protection cases");
    // Her 15th case is within her cap but over her target of 13: it needs a reason.
    String fifteenth =
        json(
            AccessRole.TEAM_MANAGER,
            post("/api/v1/caseloads/allocations"),
            "{\"caseRef\":\"SU2\",\"workerId\":\""
                + asha
                + "\",\"reason\":\"Sibling of a child Asha holds\"}",
            201);
    assertThat(JsonPath.<List<String>>read(fifteenth, "$.overTargets"))
        .containsExactly("15 cases would be over the target of 13");
    String capped =
        json(
            AccessRole.TEAM_MANAGER,
            post("/api/v1/caseloads/allocations"),
            "{\"caseRef\":\"SU3\",\"workerId\":\"" + asha + "\"}",
            400);
    assertThat(JsonPath.<String>read(capped, "$.errors[0].message"))
        .isEqualTo("16 cases would be over the cap of 15");

    // Bob's 17th case goes over his soft target of 16: only with a recorded reason.
    String noReason =
        json(
            AccessRole.TEAM_MANAGER,
            post("/api/v1/caseloads/allocations"),
            "{\"caseRef\":\"SU3\",\"workerId\":\"" + bob + "\"}",
            400);
    assertThat(JsonPath.<String>read(noReason, "$.errors[0].field")).isEqualTo("reason");
    String withReason =
        json(
            AccessRole.TEAM_MANAGER,
            post("/api/v1/caseloads/allocations"),
            "{\"caseRef\":\"SU3\",\"workerId\":\""
                + bob
                + "\",\"reason\":\"Bob knows the school; Cai is in court all week\"}",
            201);
    assertThat(JsonPath.<List<String>>read(withReason, "$.overTargets"))
        .containsExactly("17 cases would be over the target of 16");
    assertThat(
            jdbc.sql("select reason from allocation_decision where case_ref = 'SU3'")
                .query(String.class)
                .single())
        .isEqualTo("Bob knows the school; Cai is in court all week");

    // The recommendation for the cp case: Cai first (weighted 5.5 on 0.5 FTE = 11.00 after),
    // Bob next (17 + 1.5 = 18.50), Asha last: not allowed.
    String ranked = get200(AccessRole.TEAM_MANAGER, "/api/v1/caseloads/cases/SU1/recommendations");
    assertThat(JsonPath.<List<String>>read(ranked, "$.options[*].candidate.holder.id"))
        .containsExactly(cai, bob, asha);
    assertThat(JsonPath.<Double>read(ranked, "$.options[0].candidate.weightedPerFteAfter"))
        .isEqualTo(11.0);
    assertThat(JsonPath.<List<String>>read(ranked, "$.options[2].candidate.verdict.breaches"))
        .isNotEmpty();

    // The exiting team's four cases to the receiving team. By hand: Bob is at 17 per FTE already
    // and Asha can take nothing (15 cases, and D3 is cp), so the least maximum is 17.00, reached
    // only by giving all four (weight 1 + 1 + 1.5 + 1 = 4.5) to Cai: (4 + 4.5) / 0.5 = 17.00.
    String plan =
        json(
            AccessRole.HEAD_OF_SERVICE,
            post("/api/v1/caseloads/handover/plan"),
            "{\"fromTeam\":" + exiting + ",\"toTeams\":[" + receiving + "]}",
            200);
    assertThat(JsonPath.<String>read(plan, "$.plan.status")).isEqualTo("OPTIMAL");
    assertThat(JsonPath.<Double>read(plan, "$.plan.maxWeightedPerFte")).isEqualTo(17.0);
    assertThat(JsonPath.<List<String>>read(plan, "$.moves[*].to")).containsOnly(cai).hasSize(4);
    assertThat(JsonPath.<List<String>>read(plan, "$.moves[?(@.caseRef == 'SD1')].familyGroup"))
        .containsExactly("STFAM1");

    // A stale plan (U1 said to be Dee's) is refused whole: nothing moves.
    long appliedBefore = appliedHandovers();
    long before = events();
    String stale =
        json(
            AccessRole.HEAD_OF_SERVICE,
            post("/api/v1/caseloads/handover/apply"),
            "{\"moves\":[{\"caseRef\":\"SD1\",\"from\":\""
                + dee
                + "\",\"to\":\""
                + cai
                + "\"},{\"caseRef\":\"SU1\",\"from\":\""
                + dee
                + "\",\"to\":\""
                + cai
                + "\"}]}",
            400);
    assertThat(JsonPath.<String>read(stale, "$.errors[0].field")).isEqualTo("moves[1]");
    assertThat(events()).isEqualTo(before);

    // A team manager may plan but not apply.
    List<Map<String, Object>> moves = JsonPath.read(plan, "$.moves[*]");
    StringBuilder apply = new StringBuilder("{\"moves\":[");
    for (int i = 0; i < moves.size(); i++) {
      Map<String, Object> m = moves.get(i);
      apply
          .append(i == 0 ? "" : ",")
          .append("{\"caseRef\":\"")
          .append(m.get("caseRef"))
          .append("\",\"from\":\"")
          .append(m.get("from"))
          .append("\",\"to\":\"")
          .append(m.get("to"))
          .append("\"}");
    }
    apply.append("]}");
    json(AccessRole.TEAM_MANAGER, post("/api/v1/caseloads/handover/apply"), apply.toString(), 403);
    String applied =
        json(
            AccessRole.HEAD_OF_SERVICE,
            post("/api/v1/caseloads/handover/apply"),
            apply.toString(),
            201);
    assertThat(JsonPath.<Integer>read(applied, "$.moved")).isEqualTo(4);
    assertThat(events()).isEqualTo(before + 4);

    // After: Cai holds 8 cases at 17.00 weighted per FTE; the exiting team holds none, and its
    // throughput shows the four transferred out.
    String after = get200(AccessRole.TEAM_MANAGER, "/api/v1/caseloads/teams/" + receiving);
    List<Double> caiPerFte =
        JsonPath.read(after, "$.workers.items[?(@.holder.id == '" + cai + "')].weightedPerFte");
    assertThat(caiPerFte).containsExactly(17.0);
    String flow =
        get200(
            AccessRole.HEAD_OF_SERVICE,
            "/api/v1/caseloads/teams/" + exiting + "/throughput?from=2026-10-01&to=2026-11-24");
    assertThat(JsonPath.<Integer>read(flow, "$.flow.receivedNew")).isEqualTo(4);
    assertThat(JsonPath.<Integer>read(flow, "$.flow.transferredOut")).isEqualTo(4);
    assertThat(JsonPath.<Integer>read(flow, "$.flow.openAtEnd")).isZero();
    // One handover applied by this story (others share the database).
    assertThat(appliedHandovers()).isEqualTo(appliedBefore + 1);
  }

  private long appliedHandovers() {
    return jdbc.sql(
            "select count(*) from audit_event where action = 'apply' and entity_type = 'handover'")
        .query(Long.class)
        .single();
  }

  private long team(long service, String name) throws Exception {
    return JsonPath.<Integer>read(
        json(
            AccessRole.ADMIN,
            post("/api/v1/teams"),
            "{\"serviceId\":" + service + ",\"name\":\"" + name + "\",\"kind\":\"substantive\"}",
            201),
        "$.id");
  }
}
