package org.safeload.app.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.app.access.AccessRole;
import org.safeload.app.access.ProviderDirectory;
import org.safeload.app.access.SystemAccess;
import org.safeload.app.access.TestAccounts;
import org.safeload.app.access.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The recruitment pipeline, supplier placements and sickness absence through the API and the pages
 * (the test clock: Tuesday 24 November 2026), and an allocation to a worker who has not started
 * refused with their start date. What a test records here it deletes again: the shared demo council
 * is left as it was (but for the workers it adds, as other tests do).
 */
@SafeloadSpringTest
class RecruitmentAndSicknessTest {

  private static final String RUN = "T" + System.nanoTime() % 1_000_000;

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired WorkforceService workforce;
  @Autowired SicknessService sickness;
  @Autowired UserAccounts accounts;
  @Autowired ProviderDirectory providers;

  private Long worker;

  private MockHttpServletResponse admin(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(httpBasic("admin", "test-admin-password")))
        .andReturn()
        .getResponse();
  }

  private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder r, String body) {
    return r.contentType("application/json").content(body);
  }

  private long team() {
    return jdbc.sql("select min(id) from team").query(Long.class).single();
  }

  private long newWorker(String name, LocalDate start) {
    return SystemAccess.call(
            () ->
                workforce.create(
                    new org.safeload.organisation.WorkerDetails(
                        name,
                        org.safeload.organisation.Role.SOCIAL_WORKER,
                        org.safeload.organisation.EmploymentType.PERMANENT,
                        BigDecimal.ONE,
                        start,
                        null,
                        LocalDate.of(2015, 7, 1),
                        null,
                        "SW" + (50_000_000 + System.nanoTime() % 10_000_000)),
                    team()))
        .id();
  }

  @AfterEach
  void leaveTheDemoAsItWas() {
    jdbc.sql("delete from recruitment_candidate where name like ?").param(RUN + "%").update();
    jdbc.sql("delete from supplier_placement where supplier like ?").param(RUN + "%").update();
    if (worker != null) {
      jdbc.sql("delete from sickness_absence where worker_id = ?").param(worker).update();
    }
  }

  @Test
  void anInternationalRecruitAwaitingRegistrationIsInThePipelineWithTheirDates() throws Exception {
    String name = RUN + " Amara Okafor";
    MockHttpServletResponse added =
        admin(
            json(
                post("/api/v1/workforce/candidates"),
                """
                {"name": "%s", "role": "social-worker", "route": "international",
                 "stage": "awaiting-registration", "teamId": "%d", "fte": 1,
                 "expectedStart": "2027-01-04", "registrationApplied": "2026-09-01",
                 "registrationExpected": "2027-01-14"}
                """
                    .formatted(name, team())));
    assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(201);
    assertThat(JsonPath.<String>read(added.getContentAsString(), "$.likelyStart"))
        .isEqualTo("2027-01-14");

    long id = ((Number) JsonPath.read(added.getContentAsString(), "$.id")).longValue();
    // The audit trail names the candidate and links to them; it says what happened in words.
    String trail = admin(get("/admin/audit")).getContentAsString(StandardCharsets.UTF_8);
    assertThat(trail)
        .contains("href=\"/workforce/recruitment/" + id + "/edit\"")
        .contains("Candidate added: awaiting registration.")
        .doesNotContain("2026-09-01");

    String pipeline = admin(get("/api/v1/workforce/candidates")).getContentAsString();
    assertThat(JsonPath.<List<String>>read(pipeline, "$.candidates[*].name")).contains(name);
    assertThat(JsonPath.<List<String>>read(pipeline, "$.expectedStarts[*].month"))
        .contains("2027-01");
    assertThat(JsonPath.<Integer>read(pipeline, "$.byStage.awaiting-registration"))
        .isGreaterThanOrEqualTo(1);
    assertThat(JsonPath.<Integer>read(pipeline, "$.international.awaitingRegistration"))
        .isGreaterThanOrEqualTo(1);

    String page = admin(get("/workforce/recruitment")).getContentAsString(StandardCharsets.UTF_8);
    assertThat(page)
        .contains(name)
        .contains("Applied 1 September 2026")
        .contains("Expected 14 January 2027")
        .contains("January 2027")
        .doesNotContain("awaiting-registration</td>");

    MockHttpServletResponse bad =
        admin(
            json(
                post("/api/v1/workforce/candidates"),
                """
                {"name": "%s Bad", "role": "social-worker", "route": "agency",
                 "stage": "awaiting-registration", "fte": "2", "teamId": "999999"}
                """
                    .formatted(RUN)));
    assertThat(bad.getStatus()).isEqualTo(400);
    assertThat(bad.getContentType()).startsWith("application/problem+json");
    assertThat(JsonPath.<List<String>>read(bad.getContentAsString(), "$.errors[*].field"))
        .containsExactly("fte", "expectedStart", "stage");
  }

  @Test
  void placementsGiveTimeToFillBySupplier() throws Exception {
    String supplier = RUN + " Corporate Agency";
    for (String[] p :
        new String[][] {
          {"", "2026-09-01", "2026-09-29"},
          {"Northern Care", "2026-09-01", "2026-10-11"},
          {"", "2026-10-01", ""}
        }) {
      MockHttpServletResponse r =
          admin(
              json(
                  post("/api/v1/workforce/placements"),
                  """
                  {"supplier": "%s", "brokeredFrom": "%s", "role": "social-worker",
                   "requested": "%s", "filled": "%s"}
                  """
                      .formatted(supplier, p[0], p[1], p[2])));
      assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
    }
    String list = admin(get("/api/v1/workforce/placements")).getContentAsString();
    List<Map<String, Object>> mine =
        JsonPath.read(list, "$.bySupplier[?(@.supplier == '" + supplier + "')].figures");
    // 28 and 40 days: median and mean 34; one open; one direct, one brokered from one agency.
    assertThat(mine)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f).containsEntry("requested", 3).containsEntry("filled", 2);
              assertThat(f).containsEntry("open", 1).containsEntry("direct", 1);
              assertThat(f).containsEntry("brokered", 1).containsEntry("brokeredFrom", 1);
              assertThat(((Number) f.get("medianDaysToFill")).doubleValue()).isEqualTo(34.0);
              assertThat(((Number) f.get("meanDaysToFill")).doubleValue()).isEqualTo(34.0);
            });
    MockHttpServletResponse bad =
        admin(
            json(
                post("/api/v1/workforce/placements"),
                "{\"supplier\": \"\", \"role\": \"social-worker\", \"requested\": \"2026-13-01\"}"));
    assertThat(bad.getStatus()).isEqualTo(400);
    assertThat(JsonPath.<List<String>>read(bad.getContentAsString(), "$.errors[*].field"))
        .containsExactly("supplier", "requested");
    assertThat(admin(get("/workforce/placements")).getContentAsString(StandardCharsets.UTF_8))
        .contains(supplier)
        .contains("Brokered from Northern Care")
        .contains("29 September 2026");
  }

  @Test
  void sicknessIsCountedFromTheCalendarAndOverlapsAreRefused() throws Exception {
    worker = newWorker(RUN + " Sam Sickness", LocalDate.of(2026, 11, 2));
    // Monday 9 to Friday 13 November 2026: 5 working days, counted.
    MockHttpServletResponse counted =
        admin(
            json(
                post("/api/v1/workers/" + worker + "/sickness"),
                "{\"from\": \"2026-11-09\", \"to\": \"2026-11-13\", \"reason\": \"infection\"}"));
    assertThat(counted.getStatus()).as(counted.getContentAsString()).isEqualTo(201);
    assertThat(JsonPath.<Double>read(counted.getContentAsString(), "$.workingDaysLost"))
        .isEqualTo(5.0);
    assertThat(JsonPath.<Boolean>read(counted.getContentAsString(), "$.daysRecorded")).isFalse();
    // Monday 16 and Tuesday 17 November, recorded as one and a half days (a part-time pattern).
    MockHttpServletResponse recorded =
        admin(
            json(
                post("/api/v1/workers/" + worker + "/sickness"),
                """
                {"from": "2026-11-16", "to": "2026-11-17", "workingDaysLost": "1.5",
                 "reason": "mental-health"}
                """));
    assertThat(recorded.getStatus()).as(recorded.getContentAsString()).isEqualTo(201);

    MockHttpServletResponse overlap =
        admin(
            json(
                post("/api/v1/workers/" + worker + "/sickness"),
                "{\"from\": \"2026-11-13\", \"to\": \"2026-11-13\", \"reason\": \"other\"}"));
    assertThat(overlap.getStatus()).isEqualTo(400);
    assertThat(JsonPath.<List<String>>read(overlap.getContentAsString(), "$.errors[*].message"))
        .containsExactly("These days overlap an absence already recorded: change that one instead");
    MockHttpServletResponse future =
        admin(
            json(
                post("/api/v1/workers/" + worker + "/sickness"),
                "{\"from\": \"2026-11-25\", \"to\": \"2026-11-26\", \"reason\": \"bad\"}"));
    assertThat(future.getStatus()).isEqualTo(400);
    assertThat(JsonPath.<List<String>>read(future.getContentAsString(), "$.errors[*].field"))
        .containsExactly("from", "reason");

    String read = admin(get("/api/v1/workers/" + worker + "/sickness")).getContentAsString();
    assertThat(JsonPath.<String>read(read, "$.yearEnd")).isEqualTo("2027-09-30");
    assertThat(JsonPath.<Double>read(read, "$.daysLostThisYear")).isEqualTo(6.5);
    assertThat(JsonPath.<List<String>>read(read, "$.absences[*].from"))
        .containsExactly("2026-11-16", "2026-11-09");
    Map<Long, BigDecimal> lost =
        SystemAccess.call(() -> sickness.workingDaysLost(LocalDate.of(2027, 9, 30)));
    assertThat(lost.get(worker)).isEqualByComparingTo("6.5");

    String page = admin(get("/workers/" + worker)).getContentAsString(StandardCharsets.UTF_8);
    assertThat(page)
        .contains("Working days lost in the year to 30 September 2027: 6.5.")
        .contains("9 November 2026")
        .contains("1.5 (recorded)")
        .contains("Stress, anxiety, depression or other mental health");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where entity_type = 'worker' and entity_id ="
                        + " ? and action = 'record-sickness'")
                .param(String.valueOf(worker))
                .query(Integer.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void aWorkerWhoHasNotStartedIsRefusedACaseWithTheirStartDate() throws Exception {
    TestAccounts.ensure(accounts, providers);
    long starter = newWorker(RUN + " Nia Newstart", LocalDate.of(2026, 12, 7));
    Vetted.record(mvc, starter);
    String kase = "REC-" + System.nanoTime() % 1_000_000;
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
                        + team()
                        + ",,,\n"));
    assertThat(referred.getStatus()).as(referred.getContentAsString()).isEqualTo(200);
    try {
      MockHttpServletResponse refused =
          mvc.perform(
                  json(
                          post("/api/v1/caseloads/allocations"),
                          "{\"caseRef\": \"" + kase + "\", \"workerId\": \"" + starter + "\"}")
                      .with(
                          httpBasic(
                              TestAccounts.username(AccessRole.HEAD_OF_SERVICE),
                              TestAccounts.PASSWORD)))
              .andReturn()
              .getResponse();
      assertThat(refused.getStatus()).isEqualTo(400);
      assertThat(JsonPath.<List<String>>read(refused.getContentAsString(), "$.errors[*].message"))
          .containsExactly(
              RUN + " Nia Newstart starts on 7 December 2026 and holds cases only from then");
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
                      + team()
                      + ",,,\n"));
    }
  }
}
