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
 * Each role's limits on the changes, made for real: a valid change, through the real security
 * filters with HTTP Basic, succeeds for the roles allowed to make it and is refused (403) to the
 * rest. RouteTableTest calls every page and API as every role from the route table, and proves the
 * reads (a provider's and a team's 404s for others' records included); its changes carry bodies
 * that are refused once the call is allowed, so that they write nothing. What it cannot see, that
 * the service behind a route lets through a role the table lets in, is what these cases show. The
 * tests at the end check what a provider's and a social worker's lists hold.
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
  record Ids(long cpTeam, long service, long readOnlyAccount) {}

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
            jdbc.sql("select min(id) from service").query(Long.class).single(),
            accounts.enabledAccount(TestAccounts.username(READ_ONLY)).orElseThrow().id());
  }

  private long teamId(String name) {
    return jdbc.sql("select id from team where name = ?").param(name).query(Long.class).single();
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
    Set<AccessRole> editMoney = EnumSet.of(ADMIN, HEAD_OF_SERVICE, FINANCE);
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
            "create an API token",
            i ->
                post("/admin/users/" + i.readOnlyAccount() + "/tokens")
                    .with(csrf())
                    .param("label", unique()),
            EnumSet.of(ADMIN),
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
    if (expected == 403 && result.getRequest().getRequestURI().startsWith("/api")) {
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
