package org.safeload.app.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.app.access.AccessRole;
import org.safeload.app.access.ProviderDirectory;
import org.safeload.app.access.TestAccounts;
import org.safeload.app.access.UserAccounts;
import org.safeload.app.caseactivity.CaseActivity;
import org.safeload.app.caseload.persistence.CaseloadRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Applying a handover plan writes every transfer or none: when the database fails on the second of
 * three writes, nothing of the plan is left behind.
 */
@SafeloadSpringTest
class HandoverIsAllOrNothingTest {

  @Autowired MockMvc mvc;
  @Autowired UserAccounts accounts;
  @Autowired ProviderDirectory providers;
  @Autowired JdbcClient jdbc;
  @MockitoSpyBean CaseloadRepository caseloads;
  @Autowired CaseActivity activity;

  @BeforeEach
  void accounts() {
    TestAccounts.ensure(accounts, providers);
  }

  private MvcResult as(AccessRole role, MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(httpBasic(TestAccounts.username(role), TestAccounts.PASSWORD)))
        .andReturn();
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private String id(MvcResult r) throws Exception {
    assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
    return String.valueOf(JsonPath.<Integer>read(r.getResponse().getContentAsString(), "$.id"));
  }

  /** A new service with one substantive team; the team's id. */
  private String team(String name) throws Exception {
    String service =
        id(
            as(
                AccessRole.ADMIN,
                post("/api/v1/services")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"" + name + "\",\"description\":\"test\"}")));
    return id(
        as(
            AccessRole.ADMIN,
            post("/api/v1/teams")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"serviceId\":"
                        + service
                        + ",\"name\":\""
                        + name
                        + " team\",\"kind\":\"substantive\"}")));
  }

  /** A worker of the team, with every check recorded (cleared to take cases). */
  private String worker(String team, String name, String swe) throws Exception {
    String id = unvetted(team, name, swe);
    org.safeload.app.organisation.Vetted.record(mvc, id);
    return id;
  }

  private String unvetted(String team, String name, String swe) throws Exception {
    return id(
        as(
            AccessRole.ADMIN,
            post("/api/v1/workers")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"name":"%s","role":"social-worker","employmentType":"permanent","fte":1,
                     "startDate":"2026-09-01","qualificationDate":"2015-07-01",
                     "sweRegistration":"%s","teamId":%s}
                    """
                        .formatted(name, swe, team))));
  }

  @Test
  void aFailureHalfWayLeavesNothingMoved() throws Exception {
    String team = team("All or nothing");
    String from = worker(team, "Eve Leaving", "SW991001");
    String to = worker(team, "Fay Staying", "SW991002");
    StringBuilder csv =
        new StringBuilder(
            "event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date\n");
    for (int i = 1; i <= 3; i++) {
      csv.append("aon-" + i + ",2026-10-01T10:00,allocated,AON" + i + ",KAON" + i + "," + from)
          .append("," + team + ",cin,,\n");
    }
    assertThat(
            as(
                    AccessRole.HEAD_OF_SERVICE,
                    post("/api/v1/case-events/import")
                        .contentType("text/csv")
                        .content(csv.toString()))
                .getResponse()
                .getStatus())
        .isEqualTo(200);
    long events = count("case_event");
    long decisions = count("allocation_decision");
    long handovers = count("handover");

    AtomicInteger writes = new AtomicInteger();
    doAnswer(
            call -> {
              if (writes.incrementAndGet() == 2) {
                throw new org.springframework.dao.DataAccessResourceFailureException("disk full");
              }
              return call.callRealMethod();
            })
        .when(caseloads)
        .insertDecision(any());
    String plan =
        "{\"moves\":["
            + "{\"caseRef\":\"AON1\",\"from\":\"%1$s\",\"to\":\"%2$s\"},"
            + "{\"caseRef\":\"AON2\",\"from\":\"%1$s\",\"to\":\"%2$s\"},"
            + "{\"caseRef\":\"AON3\",\"from\":\"%1$s\",\"to\":\"%2$s\"}]}";
    MvcResult failed =
        as(
            AccessRole.HEAD_OF_SERVICE,
            post("/api/v1/caseloads/handover/apply")
                .contentType(MediaType.APPLICATION_JSON)
                .content(plan.formatted(from, to)));
    assertThat(failed.getResponse().getStatus()).isEqualTo(503);
    assertThat(failed.getResponse().getContentType()).isEqualTo("application/problem+json");
    assertThat(writes.get()).isEqualTo(2);
    assertThat(count("case_event")).isEqualTo(events);
    assertThat(count("allocation_decision")).isEqualTo(decisions);
    assertThat(count("handover")).isEqualTo(handovers);
    assertThat(activity.eventCount()).as("the in-memory log").isEqualTo(events);

    // With the database well again, the same plan applies whole.
    writes.set(10);
    MvcResult applied =
        as(
            AccessRole.HEAD_OF_SERVICE,
            post("/api/v1/caseloads/handover/apply")
                .contentType(MediaType.APPLICATION_JSON)
                .content(plan.formatted(from, to)));
    assertThat(applied.getResponse().getStatus())
        .as(applied.getResponse().getContentAsString())
        .isEqualTo(201);
    assertThat(count("case_event")).isEqualTo(events + 3);
    assertThat(count("allocation_decision")).isEqualTo(decisions + 3);
    assertThat(activity.eventCount()).as("the in-memory log").isEqualTo(events + 3);
  }

  @Test
  void aPlanThatTakesAWorkerOverATargetIsAppliedOnlyWithAReason() throws Exception {
    String team = team("Reasons");
    String from = worker(team, "Gil Leaving", "SW992001");
    String to = worker(team, "Hal Staying", "SW992002");
    // Hal holds 15 cin cases; Gil's 2 would take him to 17, over his target of 16 (cap 22).
    StringBuilder csv =
        new StringBuilder(
            "event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date\n");
    for (int i = 1; i <= 15; i++) {
      csv.append("rs-h" + i + ",2026-10-01T10:00,allocated,RSH" + i + ",KRSH" + i + "," + to)
          .append("," + team + ",cin,,\n");
    }
    for (int i = 1; i <= 2; i++) {
      csv.append("rs-g" + i + ",2026-10-01T10:00,allocated,RSG" + i + ",KRSG" + i + "," + from)
          .append("," + team + ",cin,,\n");
    }
    assertThat(
            as(
                    AccessRole.HEAD_OF_SERVICE,
                    post("/api/v1/case-events/import")
                        .contentType("text/csv")
                        .content(csv.toString()))
                .getResponse()
                .getStatus())
        .isEqualTo(200);
    String moves =
        "[{\"caseRef\":\"RSG1\",\"from\":\"%1$s\",\"to\":\"%2$s\"},"
            + "{\"caseRef\":\"RSG2\",\"from\":\"%1$s\",\"to\":\"%2$s\"}]";
    long events = count("case_event");
    MvcResult refused =
        as(
            AccessRole.HEAD_OF_SERVICE,
            post("/api/v1/caseloads/handover/apply")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"moves\":" + moves.formatted(from, to) + "}"));
    assertThat(refused.getResponse().getStatus()).isEqualTo(400);
    assertThat(refused.getResponse().getContentAsString())
        .contains("\"field\":\"reason\"")
        .contains("Hal Staying, 17 cases would be over the target of 16");
    assertThat(count("case_event")).isEqualTo(events);
    MvcResult applied =
        as(
            AccessRole.HEAD_OF_SERVICE,
            post("/api/v1/caseloads/handover/apply")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"moves\":"
                        + moves.formatted(from, to)
                        + ",\"reason\":\"Gil leaves on Friday; Hal knows both families\"}"));
    assertThat(applied.getResponse().getStatus()).isEqualTo(201);
    assertThat(
            jdbc.sql("select reason from allocation_decision where case_ref in ('RSG1', 'RSG2')")
                .query(String.class)
                .list())
        .containsExactly(
            "Gil leaves on Friday; Hal knows both families",
            "Gil leaves on Friday; Hal knows both families");
    // The handover keeps the plan's highest weighted caseload per FTE: Hal's 17.00.
    assertThat(
            jdbc.sql(
                    "select max_weighted_per_fte from handover order by id desc fetch first 1 rows only")
                .query(java.math.BigDecimal.class)
                .single())
        .isEqualByComparingTo("17.00");
  }

  @Test
  void aPlanThatBreaksAHardRuleIsRefusedWholeWithTheRuleNamed() throws Exception {
    String team = team("Hard rules");
    String from = worker(team, "Jo Leaving", "SW993001");
    String asye =
        id(
            as(
                AccessRole.ADMIN,
                post("/api/v1/workers")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"name":"Kit Newly","role":"social-worker","employmentType":"permanent",
                         "fte":1,"startDate":"2026-09-01","qualificationDate":"2026-07-01",
                         "asyeStartDate":"2026-09-01","sweRegistration":"SW993002","teamId":%s}
                        """
                            .formatted(team))));
    org.safeload.app.organisation.Vetted.record(mvc, asye);
    // Kit (ASYE: at most 15 cases, no child protection) holds 14 cin cases; Jo holds a cp case and
    // two cin cases.
    StringBuilder csv =
        new StringBuilder(
            "event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date\n");
    for (int i = 1; i <= 14; i++) {
      csv.append("hr-k" + i + ",2026-10-01T10:00,allocated,HRK" + i + ",KHRK" + i + "," + asye)
          .append("," + team + ",cin,,\n");
    }
    csv.append("hr-j1,2026-10-01T10:00,allocated,HRJ1,KHRJ1," + from + "," + team + ",cp,,\n");
    for (int i = 2; i <= 3; i++) {
      csv.append("hr-j" + i + ",2026-10-01T10:00,allocated,HRJ" + i + ",KHRJ" + i + "," + from)
          .append("," + team + ",cin,,\n");
    }
    assertThat(
            as(
                    AccessRole.HEAD_OF_SERVICE,
                    post("/api/v1/case-events/import")
                        .contentType("text/csv")
                        .content(csv.toString()))
                .getResponse()
                .getStatus())
        .isEqualTo(200);
    long events = count("case_event");
    String move = "{\"caseRef\":\"%s\",\"from\":\"" + from + "\",\"to\":\"" + asye + "\"}";

    // The cp case: Kit may not hold it; the move is named.
    MvcResult excluded =
        as(
            AccessRole.HEAD_OF_SERVICE,
            post("/api/v1/caseloads/handover/apply")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"moves\":[" + move.formatted("HRJ1") + "]}"));
    assertThat(excluded.getResponse().getStatus()).isEqualTo(400);
    String body = excluded.getResponse().getContentAsString();
    assertThat(JsonPath.<String>read(body, "$.errors[0].field")).isEqualTo("moves[0]");
    assertThat(JsonPath.<String>read(body, "$.errors[0].message"))
        .isEqualTo("Kit Newly may not hold Child protection case HRJ1");

    // Both cin cases: 16, over Kit's cap of 15; nothing moves, not even the first.
    MvcResult capped =
        as(
            AccessRole.HEAD_OF_SERVICE,
            post("/api/v1/caseloads/handover/apply")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"moves\":["
                        + move.formatted("HRJ2")
                        + ","
                        + move.formatted("HRJ3")
                        + "],\"reason\":\"Jo leaves today\"}"));
    assertThat(capped.getResponse().getStatus()).isEqualTo(400);
    body = capped.getResponse().getContentAsString();
    assertThat(JsonPath.<String>read(body, "$.errors[0].field")).isEqualTo("moves");
    assertThat(JsonPath.<String>read(body, "$.errors[0].message"))
        .isEqualTo("Kit Newly: 16 cases would be over the cap of 15");
    assertThat(count("case_event")).isEqualTo(events);
  }
}
