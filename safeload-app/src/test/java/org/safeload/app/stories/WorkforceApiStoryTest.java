package org.safeload.app.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A council's administrator sets up a managed team and its workers through the API: create, read
 * back, move, establishment and staffing, and a worker file imported whole or not at all.
 */
@SafeloadSpringTest
class WorkforceApiStoryTest {

  private static final String HEADER =
      "name,role,employment_type,fte,start_date,end_date,qualification_date,asye_start_date,swe_registration,team\n";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  private MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
    return request.with(httpBasic("admin", "test-admin-password"));
  }

  private String json(MockHttpServletRequestBuilder request, String body, int status)
      throws Exception {
    return mvc.perform(admin(request).contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().is(status))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  @Test
  void anAdministratorCreatesAManagedTeamAndItsWorkersAndReadsThemBack() throws Exception {
    long service =
        JsonPath.<Integer>read(
            json(
                post("/api/v1/services"),
                "{\"name\":\"Front Door\",\"description\":\"MASH\"}",
                201),
            "$.id");
    long provider =
        JsonPath.<Integer>read(
            json(post("/api/v1/providers"), "{\"name\":\"Example Provider Ltd\"}", 201), "$.id");
    String team =
        json(
            post("/api/v1/teams"),
            "{\"serviceId\":"
                + service
                + ",\"name\":\"Front Door Project\",\"kind\":\"managed\",\"providerId\":"
                + provider
                + "}",
            201);
    long teamId = JsonPath.<Integer>read(team, "$.id");
    mvc.perform(admin(get("/api/v1/teams/" + teamId)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("Front Door Project"))
        .andExpect(jsonPath("$.kind").value("managed"))
        .andExpect(jsonPath("$.providerId").value(provider));

    json(
        put("/api/v1/teams/" + teamId + "/establishment"),
        "{\"team-manager\": 1, \"social-worker\": 6}",
        200);

    String created =
        json(
            post("/api/v1/workers"),
            """
            {"name":"Ada Example","role":"social-worker","employmentType":"managed-service",
             "fte":0.8,"startDate":"2026-10-05","qualificationDate":"2020-07-01",
             "sweRegistration":"sw 777001","teamId":%d}
            """
                .formatted(teamId),
            201);
    long workerId = JsonPath.<Integer>read(created, "$.id");
    mvc.perform(admin(get("/api/v1/workers/" + workerId)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("Ada Example"))
        .andExpect(jsonPath("$.sweRegistration").value("SW777001"))
        .andExpect(jsonPath("$.fte").value(0.8))
        .andExpect(jsonPath("$.teamId").value(teamId))
        .andExpect(jsonPath("$.teamHistory.length()").value(1));
    json(
        post("/api/v1/workers"),
        """
        {"name":"Ben Example","role":"team-manager","employmentType":"managed-service","fte":"1",
         "startDate":"2026-10-05","qualificationDate":"2010-07-01","sweRegistration":"SW777002","teamId":%d}
        """
            .formatted(teamId),
        201);

    // By hand: a social worker 0.8 and a team manager 1.0 in post against 6 and 1 budgeted, both
    // managed-team (agency) workers, so on the census's basis all 7 FTE stay vacant, 1.8 of them
    // covered by agency; vacancy rate 7 / (7 + 0 employed) = 100%.
    mvc.perform(admin(get("/api/v1/teams/" + teamId + "/staffing").param("on", "2026-11-23")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.budgetedFte").value(7.0))
        .andExpect(jsonPath("$.filledFte").value(1.8))
        .andExpect(jsonPath("$.agencyFte").value(1.8))
        .andExpect(jsonPath("$.vacantFte").value(7.0))
        .andExpect(jsonPath("$.agencyCoverFte").value(1.8))
        .andExpect(
            jsonPath("$.roles[?(@.role == 'social-worker')].employedFte")
                .value(org.hamcrest.Matchers.contains(0)))
        .andExpect(jsonPath("$.vacancyRatePercent").value(100.0));

    // Moving keeps history: the team on any date can still be asked.
    long cpTeam =
        jdbc.sql("select id from team where name = 'Child Protection Team'")
            .query(Long.class)
            .single();
    json(
        post("/api/v1/workers/" + workerId + "/moves"),
        "{\"teamId\":" + cpTeam + ",\"from\":\"2026-11-02\"}",
        200);
    mvc.perform(admin(get("/api/v1/workers/" + workerId)))
        .andExpect(jsonPath("$.teamHistory.length()").value(2))
        .andExpect(jsonPath("$.teamHistory[0].teamId").value(teamId))
        .andExpect(jsonPath("$.teamHistory[0].to").value("2026-11-01"))
        .andExpect(jsonPath("$.teamHistory[1].teamId").value(cpTeam))
        .andExpect(jsonPath("$.teamHistory[1].from").value("2026-11-02"));
    mvc.perform(admin(get("/api/v1/workers/" + workerId + "/team").param("on", "2026-11-01")))
        .andExpect(jsonPath("$.teamId").value(teamId));
    mvc.perform(admin(get("/api/v1/workers/" + workerId + "/team").param("on", "2026-11-02")))
        .andExpect(jsonPath("$.teamId").value(cpTeam))
        .andExpect(jsonPath("$.teamName").value("Child Protection Team"));
    mvc.perform(admin(get("/api/v1/workers/" + workerId + "/team").param("on", "2026-10-04")))
        .andExpect(jsonPath("$.teamId").doesNotExist());
    mvc.perform(admin(get("/api/v1/teams/" + teamId + "/staffing").param("on", "2026-11-01")))
        .andExpect(jsonPath("$.filledFte").value(1.8));
    mvc.perform(admin(get("/api/v1/teams/" + teamId + "/staffing").param("on", "2026-11-02")))
        .andExpect(jsonPath("$.filledFte").value(1.0));

    assertThat(
            jdbc.sql(
                    "select action from audit_event where entity_type = 'worker' and entity_id = ? order by id")
                .param(String.valueOf(workerId))
                .query(String.class)
                .list())
        .containsExactly("create", "move");
  }

  @Test
  void badInputIsAProblemDetailNamingTheField() throws Exception {
    String body =
        json(
            post("/api/v1/workers"),
            "{\"name\":\"\",\"role\":\"nurse\",\"employmentType\":\"agency\",\"fte\":2,\"startDate\":\"5/1/2026\"}",
            400);
    assertThat(JsonPath.<List<String>>read(body, "$.errors[*].field"))
        .containsExactly("name", "role", "fte", "startDate");
    assertThat(JsonPath.<String>read(body, "$.type")).endsWith("/invalid-input");
    json(post("/api/v1/teams"), "{\"serviceId\":1,\"name\":\"X\",\"kind\":\"managed\"}", 400);
    mvc.perform(admin(get("/api/v1/teams/999999")))
        .andExpect(status().isNotFound())
        .andExpect(header().string("Content-Type", "application/problem+json"));
    json(post("/api/v1/services"), "{not json", 400);
  }

  @Test
  void aBadWorkerFileIsRefusedWholeWithEveryBadRowAndAGoodOneImportsOnce() throws Exception {
    long workersBefore = count("worker");
    String bad =
        HEADER
            + "Good Row,social-worker,agency,1,2026-01-05,,2019-07-01,,SW880001,Assessment Team North\n"
            + "Too Much,social-worker,agency,1.5,2026-01-05,,2019-07-01,,SW880002,Assessment Team North\n"
            + "Bad Date,business-support,permanent,1,2026-02-30,,,,,Nowhere Team\n"
            + "Twice,social-worker,agency,1,2026-01-05,,2019-07-01,,SW880001,Child Protection Team\n";
    String problem =
        mvc.perform(admin(post("/api/v1/workers/import")).contentType("text/csv").content(bad))
            .andExpect(status().isBadRequest())
            .andExpect(header().string("Content-Type", "application/problem+json"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<Map<String, Object>> errors = JsonPath.read(problem, "$.errors");
    assertThat(errors)
        .extracting(e -> e.get("line") + ":" + e.get("field"))
        .containsExactly("3:fte", "4:start_date", "4:team", "5:swe_registration");
    assertThat(count("worker")).isEqualTo(workersBefore);

    String good =
        HEADER
            + "\"Okafor, Ada\",social-worker,agency,1,2026-01-05,,2019-07-01,,SW880001,Assessment Team North\n"
            + "Ben Newly,social-worker,permanent,1,2026-09-07,,2026-07-01,2026-09-07,SW880003,Child Protection Team\n"
            + "Cat Admin,business-support,permanent,0.5,2026-01-05,,,,,Child Protection Team\n";
    mvc.perform(admin(post("/api/v1/workers/import")).contentType("text/csv").content(good))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.created").value(3))
        .andExpect(jsonPath("$.updated").value(0))
        .andExpect(jsonPath("$.unchanged").value(0));
    assertThat(count("worker")).isEqualTo(workersBefore + 3);
    long assignments = count("worker_assignment");

    // The same file again changes nothing; as an upload too.
    mvc.perform(
            multipart("/api/v1/workers/import")
                .file(new MockMultipartFile("file", "w.csv", "text/csv", good.getBytes()))
                .with(httpBasic("admin", "test-admin-password")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.created").value(0))
        .andExpect(jsonPath("$.unchanged").value(3));
    assertThat(count("worker")).isEqualTo(workersBefore + 3);
    assertThat(count("worker_assignment")).isEqualTo(assignments);

    // A changed row updates the worker it matches, and a new team is a move that keeps history.
    String changed =
        good.replace(
            "0.5,2026-01-05,,,,,Child Protection Team",
            "0.6,2026-01-05,,,,,Court and Permanence Team");
    mvc.perform(admin(post("/api/v1/workers/import")).contentType("text/csv").content(changed))
        .andExpect(jsonPath("$.updated").value(1))
        .andExpect(jsonPath("$.unchanged").value(2));
    assertThat(count("worker_assignment")).isEqualTo(assignments + 1);
  }
}
