package org.safeload.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeload.app.access.AccessRole.ADMIN;
import static org.safeload.app.access.AccessRole.FINANCE;
import static org.safeload.app.access.AccessRole.HEAD_OF_SERVICE;
import static org.safeload.app.access.AccessRole.PROVIDER;
import static org.safeload.app.access.AccessRole.READ_ONLY;
import static org.safeload.app.access.AccessRole.SOCIAL_WORKER;
import static org.safeload.app.access.AccessRole.TEAM_MANAGER;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.demo.DemoCouncil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Each role's limits on every endpoint that exists, through the real security filters with HTTP
 * Basic. Allowed roles get the success status; the rest 403 (or, for a provider looking outside its
 * own teams, 404, so it cannot learn what exists).
 */
@SafeloadSpringTest
class RoleLimitsTest {

  private static final AtomicInteger UNIQUE = new AtomicInteger();
  private static final Set<AccessRole> EVERYONE = EnumSet.allOf(AccessRole.class);

  @Autowired MockMvc mvc;
  @Autowired UserAccounts accounts;
  @Autowired ProviderDirectory providers;
  @Autowired JdbcClient jdbc;

  /** Ids from the demo council, found by name. */
  record Ids(
      long cpTeam,
      long projectTeam,
      long cpWorker,
      long projectWorker,
      long service,
      String projectCase,
      String councilCase,
      long readOnlyAccount) {}

  private Ids ids;

  @BeforeEach
  void accounts() throws Exception {
    TestAccounts.ensure(accounts, providers);
    if (jdbc.sql("select count(*) from contract where code = ?")
            .param(EDITED_CONTRACT)
            .query(Long.class)
            .single()
        == 0) {
      mvc.perform(
          post("/api/v1/contracts")
              .contentType("application/yaml")
              .content(
                  "id: "
                      + EDITED_CONTRACT
                      + "\nprovider: P\nstart: 2025-01-01\nend: 2025-01-31\nroster:\n"
                      + "  - {role: social-worker, count: 1, rate: {amount: 1, per: month}}\n")
              .with(httpBasic(TestAccounts.username(ADMIN), TestAccounts.PASSWORD)));
    }
    ids =
        new Ids(
            teamId("Child Protection Team"),
            teamId("Brightpath Project Team"),
            firstWorkerIn("Child Protection Team"),
            firstWorkerIn("Brightpath Project Team"),
            jdbc.sql("select min(id) from service").query(Long.class).single(),
            caseIn(teamId("Brightpath Project Team"), true),
            caseIn(teamId(TestAccounts.TEAM), true),
            accounts.enabledAccount(TestAccounts.username(READ_ONLY)).orElseThrow().id());
  }

  /** A demo case whose events are all in (or none in) a team. */
  private String caseIn(long team, boolean inside) {
    return jdbc.sql(
            "select min(case_ref) from case_event where case_ref is not null group by case_ref having "
                + (inside ? "min" : "max")
                + "(case when team_ref = ? then 1 else 0 end) = "
                + (inside ? "1" : "0")
                + " order by 1 fetch first 1 rows only")
        .param(String.valueOf(team))
        .query(String.class)
        .single();
  }

  private long teamId(String name) {
    return jdbc.sql("select id from team where name = ?").param(name).query(Long.class).single();
  }

  private long firstWorkerIn(String team) {
    return jdbc.sql(
            "select min(a.worker_id) from worker_assignment a join team t on t.id = a.team_id"
                + " where t.name = ? and a.to_date is null")
        .param(team)
        .query(Long.class)
        .single();
  }

  /** An endpoint, the roles allowed, and the statuses for allowed and refused roles. */
  record Case(
      String name,
      Function<Ids, MockHttpServletRequestBuilder> request,
      Set<AccessRole> allowed,
      int allowedStatus,
      Function<AccessRole, Integer> refusedStatus) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Integer forbidden(AccessRole role) {
    return 403;
  }

  private static String unique() {
    return "Role test " + UNIQUE.incrementAndGet();
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    cases.add(
        new Case(
            "list teams", i -> get("/api/v1/teams"), EVERYONE, 200, RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "read a substantive team",
            i -> get("/api/v1/teams/" + i.cpTeam()),
            EnumSet.complementOf(EnumSet.of(PROVIDER)),
            200,
            r -> 404));
    cases.add(
        new Case(
            "read the provider's own team",
            i -> get("/api/v1/teams/" + i.projectTeam()),
            EVERYONE,
            200,
            RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "read a substantive team's staffing",
            i -> get("/api/v1/teams/" + i.cpTeam() + "/staffing"),
            EnumSet.complementOf(EnumSet.of(PROVIDER)),
            200,
            r -> 404));
    cases.add(
        new Case(
            "read a worker in a substantive team",
            i -> get("/api/v1/workers/" + i.cpWorker()),
            EnumSet.complementOf(EnumSet.of(PROVIDER)),
            200,
            r -> 404));
    cases.add(
        new Case(
            "read a worker in the provider's team",
            i -> get("/api/v1/workers/" + i.projectWorker()),
            EVERYONE,
            200,
            RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "list services",
            i -> get("/api/v1/services"),
            EVERYONE,
            200,
            RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "create a service",
            i -> json(post("/api/v1/services"), "{\"name\":\"" + unique() + "\"}"),
            EnumSet.of(ADMIN, HEAD_OF_SERVICE),
            201,
            RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "create a provider",
            i -> json(post("/api/v1/providers"), "{\"name\":\"" + unique() + "\"}"),
            EnumSet.of(ADMIN, HEAD_OF_SERVICE),
            201,
            RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "create a team",
            i ->
                json(
                    post("/api/v1/teams"),
                    "{\"serviceId\":"
                        + i.service()
                        + ",\"name\":\""
                        + unique()
                        + "\",\"kind\":\"substantive\"}"),
            EnumSet.of(ADMIN, HEAD_OF_SERVICE),
            201,
            RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "create a worker",
            i ->
                json(
                    post("/api/v1/workers"),
                    "{\"name\":\""
                        + unique()
                        + "\",\"role\":\"business-support\",\"employmentType\":\"permanent\","
                        + "\"fte\":\"1\",\"startDate\":\"2026-01-05\",\"teamId\":"
                        + i.cpTeam()
                        + "}"),
            EnumSet.of(ADMIN, HEAD_OF_SERVICE, TEAM_MANAGER),
            201,
            RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "set establishment",
            i ->
                json(
                    put("/api/v1/teams/" + i.cpTeam() + "/establishment"),
                    "{\"social-worker\": 7}"),
            EnumSet.of(ADMIN, HEAD_OF_SERVICE, FINANCE),
            200,
            RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "import workers",
            i ->
                post("/api/v1/workers/import")
                    .contentType("text/csv")
                    .content(
                        "name,role,employment_type,fte,start_date,end_date,qualification_date,"
                            + "asye_start_date,swe_registration,team\n"
                            + unique()
                            + ",business-support,permanent,1,2026-01-05,,,,,Child Protection Team\n"),
            EnumSet.of(ADMIN, HEAD_OF_SERVICE),
            200,
            RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "team page",
            i -> get("/teams/" + i.projectTeam()),
            EVERYONE,
            200,
            RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "substantive team page",
            i -> get("/teams/" + i.cpTeam()),
            EnumSet.complementOf(EnumSet.of(PROVIDER)),
            200,
            r -> 404));
    Set<AccessRole> money = EnumSet.of(ADMIN, HEAD_OF_SERVICE, FINANCE, READ_ONLY, PROVIDER);
    Set<AccessRole> editMoney = EnumSet.of(ADMIN, HEAD_OF_SERVICE, FINANCE);
    cases.add(
        new Case(
            "list contracts",
            i -> get("/api/v1/contracts"),
            money,
            200,
            RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "read the managed team's contract costs",
            i -> get("/api/v1/contracts/NBC-BRIGHTPATH-2026/costs"),
            money,
            200,
            RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "contract page",
            i -> get("/contracts/NBC-BRIGHTPATH-2026"),
            money,
            200,
            RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "add a contract",
            i ->
                post("/api/v1/contracts")
                    .contentType("application/yaml")
                    .content(
                        "id: role-"
                            + UNIQUE.incrementAndGet()
                            + "\nprovider: P\nstart: 2025-01-01\nend: 2025-01-31\nroster:\n"
                            + "  - {role: social-worker, count: 1, rate: {amount: 1, per: month}}\n"),
            editMoney,
            201,
            RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "record an invoice",
            i ->
                json(
                    put("/api/v1/contracts/NBC-BRIGHTPATH-2026/invoices/2026-10"),
                    "{\"amount\":\"81900\",\"reference\":\"BP-2026-10\"}"),
            editMoney,
            200,
            RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "contract form page",
            i -> get("/contracts/new"),
            editMoney,
            200,
            RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "add a contract with the form",
            i ->
                contractForm(post("/contracts/new"))
                    .param("reference", "role-form-" + UNIQUE.incrementAndGet()),
            editMoney,
            302,
            RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "another roster line on the contract form",
            i ->
                contractForm(post("/contracts/new"))
                    .param("reference", "role-add")
                    .param("add", "line"),
            editMoney,
            200,
            RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "change a contract with the form",
            i -> contractForm(post("/contracts/" + EDITED_CONTRACT + "/edit")),
            editMoney,
            302,
            RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "import a contract",
            i ->
                post("/contracts/import")
                    .with(csrf())
                    .param(
                        "document",
                        "id: role-import-"
                            + UNIQUE.incrementAndGet()
                            + "\nprovider: P\nstart: 2025-01-01\nend: 2025-01-31\nroster:\n"
                            + "  - {role: social-worker, count: 1, rate: {amount: 1, per: month}}\n"),
            editMoney,
            302,
            RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "export the managed team's contract (YAML)",
            i -> get("/contracts/NBC-BRIGHTPATH-2026/document.yaml"),
            money,
            200,
            RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "timeliness figures",
            i -> get("/api/v1/timeliness/kpis").param("asOf", "2026-11-23"),
            EVERYONE,
            200,
            RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "timeliness dashboard",
            i -> get("/timeliness"),
            EVERYONE,
            200,
            RoleLimitsTest::forbidden));
    // A team manager or social worker sees only their own team's children (the test accounts are
    // linked to a worker of the Child Protection Team): another team's case is "not found".
    cases.add(
        new Case(
            "a child's case timeline in the managed team",
            i -> get("/api/v1/cases/" + i.projectCase() + "/events"),
            EnumSet.of(ADMIN, HEAD_OF_SERVICE, READ_ONLY, PROVIDER),
            200,
            r -> r == TEAM_MANAGER || r == SOCIAL_WORKER ? 404 : 403));
    cases.add(
        new Case(
            "a child's case timeline in a council team",
            i -> get("/api/v1/cases/" + i.councilCase() + "/events"),
            EnumSet.of(ADMIN, HEAD_OF_SERVICE, TEAM_MANAGER, SOCIAL_WORKER, READ_ONLY),
            200,
            r -> r == PROVIDER ? 404 : 403));
    cases.add(
        new Case(
            "import case activity",
            i ->
                post("/api/v1/case-events/import")
                    .contentType("text/csv")
                    .content(
                        "event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date\n"
                            + "role-"
                            + UNIQUE.incrementAndGet()
                            + ",2026-11-02T10:00,referral,RC1,RK1,,"
                            + i.cpTeam()
                            + ",,,\n"),
            EnumSet.of(ADMIN, HEAD_OF_SERVICE),
            200,
            RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "import children",
            i ->
                post("/api/v1/children/import")
                    .contentType("text/csv")
                    .content(
                        "child_id,date_of_birth,family_group\nRK-"
                            + UNIQUE.incrementAndGet()
                            + ",,\n"),
            EnumSet.of(ADMIN, HEAD_OF_SERVICE),
            200,
            RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "accounts page",
            i -> get("/admin/users"),
            EnumSet.of(ADMIN),
            200,
            RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "an account's API tokens page",
            i -> get("/admin/users/" + i.readOnlyAccount() + "/tokens"),
            EnumSet.of(ADMIN),
            200,
            RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "create an API token",
            i ->
                post("/admin/users/" + i.readOnlyAccount() + "/tokens")
                    .with(csrf())
                    .param("label", unique()),
            EnumSet.of(ADMIN),
            200,
            RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "revoke an API token (one that does not exist: found only by an administrator)",
            i ->
                post("/admin/users/" + i.readOnlyAccount() + "/tokens/987654321/revoke")
                    .with(csrf()),
            EnumSet.of(ADMIN),
            404,
            RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "audit page",
            i -> get("/admin/audit"),
            EnumSet.of(ADMIN),
            200,
            RoleLimitsTest::forbidden));
    cases.add(
        new Case(
            "new worker page (read) is open, saving is not",
            i -> get("/workers/new"),
            EVERYONE,
            200,
            RoleLimitsTest::forbidden));
    return cases;
  }

  /** A contract the role cases change through the form (created before the cases run). */
  private static final String EDITED_CONTRACT = "ROLE-EDIT";

  /** The contract form, filled: one social worker at £1 a month for January 2025. */
  private static MockHttpServletRequestBuilder contractForm(MockHttpServletRequestBuilder post) {
    return post.with(csrf())
        .param("provider", "P")
        .param("start.day", "1")
        .param("start.month", "1")
        .param("start.year", "2025")
        .param("end.day", "31")
        .param("end.month", "1")
        .param("end.year", "2025")
        .param("status", "active")
        .param("pricing", "per-person")
        .param("lines[0].role", "social-worker")
        .param("lines[0].count", "1")
        .param("lines[0].amount", "1")
        .param("lines[0].per", "month");
  }

  static Stream<Arguments> roleAndCase() {
    return cases().stream().flatMap(c -> EVERYONE.stream().map(role -> Arguments.of(role, c)));
  }

  private static MockHttpServletRequestBuilder json(
      MockHttpServletRequestBuilder builder, String body) {
    return builder.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("roleAndCase")
  void eachRoleMayDoOnlyWhatItsRoleAllows(AccessRole role, Case c) throws Exception {
    MvcResult result =
        mvc.perform(
                c.request()
                    .apply(ids)
                    .with(httpBasic(TestAccounts.username(role), TestAccounts.PASSWORD)))
            .andReturn();
    int expected = c.allowed().contains(role) ? c.allowedStatus() : c.refusedStatus().apply(role);
    assertThat(result.getResponse().getStatus())
        .as("%s by %s: %s", c.name(), role, result.getResponse().getContentAsString())
        .isEqualTo(expected);
    if (expected >= 400 && c.name().startsWith("read")
        || expected == 403 && result.getRequest().getRequestURI().startsWith("/api")) {
      assertThat(result.getResponse().getContentType()).contains("application/problem+json");
    }
  }

  @Test
  void aProviderSeesOnlyItsOwnTeamsWorkersAndProvider() throws Exception {
    String teams = body(get("/api/v1/teams"), PROVIDER);
    assertThat(teams).contains("Brightpath Project Team").doesNotContain("Child Protection Team");
    String workers = body(get("/api/v1/workers"), PROVIDER);
    // The managed team has 10 workers in the demo council, and no one else is visible.
    assertThat(workers.split("\"id\":").length - 1).isEqualTo(10);
    assertThat(body(get("/api/v1/providers"), PROVIDER)).contains(DemoCouncil.PROVIDER_NAME);
    assertThat(body(get("/api/v1/services"), PROVIDER))
        .contains("Child Protection and Court")
        .doesNotContain("Assessment and Intervention");
  }

  @Test
  void aProviderSeesOnlyItsOwnContracts() throws Exception {
    mvc.perform(
            post("/api/v1/contracts")
                .contentType("application/yaml")
                .content(
                    "id: OTHER-PROVIDER\nprovider: Other Provider Ltd\nstart: 2025-01-01\nend: 2025-01-31\n"
                        + "roster:\n  - {role: social-worker, count: 1, rate: {amount: 1, per: month}}\n")
                .with(httpBasic(TestAccounts.username(ADMIN), TestAccounts.PASSWORD)))
        .andReturn();
    assertThat(body(get("/api/v1/contracts"), PROVIDER))
        .contains("NBC-BRIGHTPATH-2026")
        .doesNotContain("OTHER-PROVIDER");
    assertThat(body(get("/api/v1/contracts"), FINANCE)).contains("OTHER-PROVIDER");
    assertThat(
            mvc.perform(
                    get("/api/v1/contracts/OTHER-PROVIDER/costs")
                        .with(httpBasic(TestAccounts.username(PROVIDER), TestAccounts.PASSWORD)))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);
  }

  @Test
  void aSocialWorkerSeesEveryTeam() throws Exception {
    long teams = jdbc.sql("select count(*) from team").query(Long.class).single();
    assertThat(teams).isGreaterThanOrEqualTo(5);
    assertThat(body(get("/api/v1/teams"), SOCIAL_WORKER).split("\"id\":").length - 1)
        .isEqualTo(teams);
    assertThat(body(get("/api/v1/teams"), READ_ONLY)).contains("Child Protection Team");
  }

  private String body(MockHttpServletRequestBuilder request, AccessRole role) throws Exception {
    return mvc.perform(request.with(httpBasic(TestAccounts.username(role), TestAccounts.PASSWORD)))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
