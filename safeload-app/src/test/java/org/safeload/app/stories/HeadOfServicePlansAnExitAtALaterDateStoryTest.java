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
 * A head of service plans a managed team's exit for the day its last worker leaves: the workers in
 * post then receive the cases, each case moves on its worker's last day, and applying the plan
 * records the moves for those days, so today's caseloads are unchanged and a later date's count
 * them. The clock is fixed on 24 November 2026 (application-test.yml).
 */
@SafeloadSpringTest
class HeadOfServicePlansAnExitAtALaterDateStoryTest {

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

  private String json(
      AccessRole role, MockHttpServletRequestBuilder request, String body, int status)
      throws Exception {
    MvcResult r =
        mvc.perform(
                request
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body)
                    .with(httpBasic(TestAccounts.username(role), TestAccounts.PASSWORD)))
            .andReturn();
    assertThat(r.getResponse().getStatus())
        .as(r.getResponse().getContentAsString())
        .isEqualTo(status);
    return r.getResponse().getContentAsString();
  }

  private String get200(String url) throws Exception {
    MvcResult r =
        mvc.perform(
                get(url)
                    .with(
                        httpBasic(
                            TestAccounts.username(AccessRole.HEAD_OF_SERVICE),
                            TestAccounts.PASSWORD)))
            .andReturn();
    assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
    return r.getResponse().getContentAsString();
  }

  private String worker(long team, String name, String start, String end) throws Exception {
    String body =
        """
        {"name":"%s","role":"social-worker","employmentType":"permanent","fte":1,
         "startDate":"%s","endDate":%s,"qualificationDate":"2014-07-01",
         "sweRegistration":"SW%d","teamId":%d}
        """
            .formatted(
                name,
                start,
                end == null ? "null" : "\"" + end + "\"",
                770000 + Math.abs(name.hashCode() % 99999),
                team);
    String id =
        String.valueOf(
            JsonPath.<Integer>read(
                json(AccessRole.ADMIN, post("/api/v1/workers"), body, 201), "$.id"));
    org.safeload.app.organisation.Vetted.record(mvc, id);
    return id;
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

  private static String allocated(String caseId, String worker, long team) {
    return "lx-%s,2026-10-01T10:00,allocated,%s,K%s,%s,%d,cin,,\n"
        .formatted(caseId, caseId, caseId, worker, team);
  }

  @Test
  void theExitIsPlannedForTheDayTheTeamLeavesAndMovesOnEachWorkersLastDay() throws Exception {
    long service =
        JsonPath.<Integer>read(
            json(
                AccessRole.ADMIN,
                post("/api/v1/services"),
                "{\"name\":\"Later service\",\"description\":\"For a test\"}",
                201),
            "$.id");
    long leaving = team(service, "Later leaving team");
    long staying = team(service, "Later staying team");
    // Eve leaves on Friday 15 January 2027 and Finn on Friday 26 February; Gus stays; Hana
    // starts on Monday 1 February, between the two.
    String eve = worker(leaving, "Eve Later", "2026-06-01", "2027-01-15");
    String finn = worker(leaving, "Finn Later", "2026-06-01", "2027-02-26");
    String gus = worker(staying, "Gus Later", "2020-01-06", null);
    String hana = worker(staying, "Hana Later", "2027-02-01", null);
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 1; i <= 3; i++) {
      csv.append(allocated("LE" + i, eve, leaving)).append(allocated("LF" + i, finn, leaving));
    }
    for (int i = 1; i <= 10; i++) {
      csv.append(allocated("LG" + i, gus, staying));
    }
    // LW1 waits in the staying team, referred on Monday 23 November.
    csv.append("lx-LW1,2026-11-23T09:00,referral,LW1,KLW1,,%d,,,\n".formatted(staying));
    MvcResult imported =
        mvc.perform(
                post("/api/v1/case-events/import")
                    .contentType("text/csv")
                    .content(csv.toString())
                    .with(
                        httpBasic(
                            TestAccounts.username(AccessRole.HEAD_OF_SERVICE),
                            TestAccounts.PASSWORD)))
            .andReturn();
    assertThat(imported.getResponse().getStatus()).isEqualTo(200);

    // A plan for a day already gone is refused.
    json(
        AccessRole.HEAD_OF_SERVICE,
        post("/api/v1/caseloads/handover/plan"),
        "{\"fromTeam\":%d,\"toTeams\":[%d],\"on\":\"2026-11-23\"}".formatted(leaving, staying),
        400);

    // For Friday 26 February 2027. By hand: Eve's three cases move on 15 January, when only Gus
    // is in post (Hana starts on 1 February): Gus 10 + 3 = 13. Finn's move on 26 February, to Gus
    // or Hana. The highest load per FTE cannot go below Gus's 13, and every split of Finn's three
    // keeps it there; the balance Σ W² is least with all three to Hana: 13² + 3² = 178 against
    // 14² + 2² = 200, 15² + 1² = 226 or 16² = 256.
    String plan =
        json(
            AccessRole.HEAD_OF_SERVICE,
            post("/api/v1/caseloads/handover/plan"),
            "{\"fromTeam\":%d,\"toTeams\":[%d],\"on\":\"2027-02-26\"}".formatted(leaving, staying),
            200);
    assertThat(JsonPath.<String>read(plan, "$.on")).isEqualTo("2027-02-26");
    assertThat(JsonPath.<String>read(plan, "$.plan.status")).isEqualTo("OPTIMAL");
    assertThat(JsonPath.<Double>read(plan, "$.plan.maxWeightedPerFte")).isEqualTo(13.0);
    assertThat(JsonPath.<List<String>>read(plan, "$.moves[?(@.from == '" + eve + "')].to"))
        .containsExactly(gus, gus, gus);
    assertThat(JsonPath.<List<String>>read(plan, "$.moves[?(@.from == '" + eve + "')].date"))
        .containsOnly("2027-01-15");
    assertThat(JsonPath.<List<String>>read(plan, "$.moves[?(@.from == '" + finn + "')].to"))
        .containsExactly(hana, hana, hana);
    assertThat(JsonPath.<List<String>>read(plan, "$.moves[?(@.from == '" + finn + "')].date"))
        .containsOnly("2027-02-26");
    assertThat(JsonPath.<List<String>>read(plan, "$.stages[*].date"))
        .containsExactly("2027-01-15", "2027-02-26");
    assertThat(JsonPath.<List<Integer>>read(plan, "$.stages[*].moves")).containsExactly(3, 3);
    // On 15 January Gus holds 13; on 26 February still 13, and Hana 3.
    assertThat(JsonPath.<List<Double>>read(plan, "$.stages[*].highest"))
        .containsExactly(13.0, 13.0);

    // Applying it records each move for its day: today's board is as it was.
    List<Map<String, Object>> moves = JsonPath.read(plan, "$.moves[*]");
    StringBuilder apply = new StringBuilder("{\"moves\":[");
    for (int i = 0; i < moves.size(); i++) {
      Map<String, Object> m = moves.get(i);
      apply
          .append(i == 0 ? "" : ",")
          .append(
              "{\"caseRef\":\"%s\",\"from\":\"%s\",\"to\":\"%s\",\"date\":\"%s\"}"
                  .formatted(m.get("caseRef"), m.get("from"), m.get("to"), m.get("date")));
    }
    apply.append("]}");
    String applied =
        json(
            AccessRole.HEAD_OF_SERVICE,
            post("/api/v1/caseloads/handover/apply"),
            apply.toString(),
            201);
    assertThat(JsonPath.<Integer>read(applied, "$.moved")).isEqualTo(6);
    assertThat(
            jdbc.sql(
                    "select count(*) from case_event where case_ref in"
                        + " ('LE1','LE2','LE3','LF1','LF2','LF3') and type = 'allocated'"
                        + " and occurred_at > ?")
                .param(java.sql.Timestamp.from(java.time.Instant.parse("2027-01-01T00:00:00Z")))
                .query(Long.class)
                .single())
        .isEqualTo(6);
    String today = get200("/api/v1/caseloads/teams/" + staying);
    assertThat(JsonPath.<Integer>read(today, "$.team.load.load.cases")).isEqualTo(10);
    // On 1 February the moves planned up to then count: Gus 13, and Hana in post with none.
    String february = get200("/api/v1/caseloads/teams/" + staying + "?on=2027-02-01");
    assertThat(JsonPath.<Integer>read(february, "$.team.load.load.cases")).isEqualTo(13);
    String march = get200("/api/v1/caseloads/teams/" + staying + "?on=2027-03-01");
    assertThat(JsonPath.<Integer>read(march, "$.team.load.load.cases")).isEqualTo(16);

    // Who should take the waiting case: today and on 20 January only Gus is in post (13 cases by
    // then, the moves planned up to it counted); on 1 March Hana, with 3, comes first.
    String recommended = "/api/v1/caseloads/cases/LW1/recommendations";
    assertThat(JsonPath.<List<String>>read(get200(recommended), "$.options[*].candidate.holder.id"))
        .containsExactly(gus);
    String january = get200(recommended + "?on=2027-01-20");
    assertThat(JsonPath.<List<String>>read(january, "$.options[*].candidate.holder.id"))
        .containsExactly(gus);
    assertThat(JsonPath.<Integer>read(january, "$.options[0].candidate.current.cases"))
        .isEqualTo(13);
    String later = get200(recommended + "?on=2027-03-01");
    assertThat(JsonPath.<List<String>>read(later, "$.options[*].candidate.holder.id"))
        .containsExactly(hana, gus);
    assertThat(JsonPath.<List<Integer>>read(later, "$.options[*].candidate.current.cases"))
        .containsExactly(3, 13);
    MvcResult past =
        mvc.perform(
                get(recommended + "?on=2026-11-01")
                    .with(
                        httpBasic(
                            TestAccounts.username(AccessRole.HEAD_OF_SERVICE),
                            TestAccounts.PASSWORD)))
            .andReturn();
    assertThat(past.getResponse().getStatus()).isEqualTo(400);
    assertThat(past.getResponse().getContentAsString()).contains("today or a later date");

    // Gus takes 9 more cases today: 19 now, 22 (his cap) once Eve's 3 arrive. Allocating the
    // waiting case to him is within his cap today (20) but not on 26 February, when the last
    // planned moves have happened (23): refused, naming the day.
    StringBuilder more = new StringBuilder(HEADER);
    for (int i = 11; i <= 19; i++) {
      more.append(allocated("LG" + i, gus, staying));
    }
    MvcResult added =
        mvc.perform(
                post("/api/v1/case-events/import")
                    .contentType("text/csv")
                    .content(more.toString())
                    .with(
                        httpBasic(
                            TestAccounts.username(AccessRole.HEAD_OF_SERVICE),
                            TestAccounts.PASSWORD)))
            .andReturn();
    assertThat(added.getResponse().getStatus()).isEqualTo(200);
    String refused =
        json(
            AccessRole.HEAD_OF_SERVICE,
            post("/api/v1/caseloads/allocations"),
            "{\"caseRef\":\"LW1\",\"workerId\":\"" + gus + "\"}",
            400);
    assertThat(refused).contains("On 26 February 2027, with the moves planned up to then");
  }
}
