package org.safeload.app.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.safeload.app.PostgresTestSchema;
import org.safeload.app.SafeloadSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The caseload journeys on PostgreSQL, the production database (127.0.0.1:5432, database {@code
 * test}, a schema of its own dropped afterwards), with the demo council: audited reads inside
 * transactions, the allocation lock, a handover planned and applied.
 */
@SafeloadSpringTest
class PostgresCaseloadTest {

  static final String SCHEMA = PostgresTestSchema.name("safeload_cl_");

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestSchema.register(registry, SCHEMA);
  }

  @AfterAll
  static void dropSchema() throws Exception {
    PostgresTestSchema.drop(SCHEMA);
  }

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  private MvcResult admin(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(httpBasic("admin", "test-admin-password"))).andReturn();
  }

  private String ok(MockHttpServletRequestBuilder request, int status) throws Exception {
    MvcResult r = admin(request);
    assertThat(r.getResponse().getStatus())
        .as(r.getResponse().getContentAsString())
        .isEqualTo(status);
    return r.getResponse().getContentAsString();
  }

  @Test
  void theCaseloadJourneysWorkOnPostgres() throws Exception {
    String queue = ok(get("/api/v1/caseloads/unallocated"), 200);
    List<String> waiting = JsonPath.read(queue, "$[*].caseRef");
    assertThat(waiting).isNotEmpty();
    String caseRef = waiting.getFirst();

    // Audited reads of a child's case, inside a transaction that writes the audit record.
    // (Reads of lists are written in batches, whenever the writer runs: they are not counted.)
    String count = "select count(*) from audit_event where action <> 'read-list'";
    long audits = jdbc.sql(count).query(Long.class).single();
    String ranked = ok(get("/api/v1/caseloads/cases/" + caseRef + "/recommendations"), 200);
    ok(get("/api/v1/cases/" + caseRef + "/events"), 200);
    assertThat(jdbc.sql(count).query(Long.class).single()).isEqualTo(audits + 2);

    // Allocation takes the lock and writes the event and its decision.
    List<String> eligible =
        JsonPath.read(
            ranked, "$.options[?(@.candidate.verdict.breaches.length() == 0)].candidate.holder.id");
    String worker = eligible.getFirst();
    ok(
        post("/api/v1/caseloads/allocations")
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"caseRef\":\""
                    + caseRef
                    + "\",\"workerId\":\""
                    + worker
                    + "\",\"reason\":\"Tested on PostgreSQL\"}"),
        201);
    assertThat(
            jdbc.sql("select count(*) from allocation_decision where case_ref = ?")
                .param(caseRef)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // The managed team's exit planned onto the council's teams.
    long managed =
        jdbc.sql("select id from team where kind = 'managed'").query(Long.class).single();
    List<Long> council =
        jdbc.sql("select id from team where kind = 'substantive' order by id")
            .query(Long.class)
            .list();
    String plan =
        ok(
            post("/api/v1/caseloads/handover/plan")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"fromTeam\":" + managed + ",\"toTeams\":" + council + "}"),
            200);
    assertThat(JsonPath.<String>read(plan, "$.plan.status")).isIn("OPTIMAL", "FEASIBLE");
    assertThat(JsonPath.<List<Object>>read(plan, "$.moves")).isNotEmpty();
  }
}
