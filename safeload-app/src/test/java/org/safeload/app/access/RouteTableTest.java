package org.safeload.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import jakarta.servlet.RequestDispatcher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.app.SignedIn;
import org.safeload.app.access.RouteTable.Route;
import org.safeload.app.access.RouteTable.Scope;
import org.safeload.app.caseload.AllocationPolicies;
import org.safeload.app.money.ContractService;
import org.safeload.timeliness.KpiRuleSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The route table, proven: every handler mapping the app registers (pages and API) has an entry in
 * {@link RouteTable} and every entry a mapping; then each mapping is called as every role and as no
 * one, and the answer is compared with the table. Allowed: neither 401 nor 403 nor the sign-in page
 * (nor a server error). Refused: 403; with no one signed in, 401 from the API and a redirect to the
 * sign-in page otherwise. Where the table says a role sees only its own records, the same role
 * asking for somebody else's gets 404.
 *
 * <p>The requests are built from the mapping alone: path variables are the demo council's ids (each
 * role's own: the provider's managed team, the council's Child Protection Team for everyone else),
 * and a change is sent with a body that cannot be read (or a form with nothing filled in), so that
 * what answers is the authorisation and then the refusal of the body: nothing is written, which the
 * last test checks table by table. The accounts are this test's own ({@code route-...}): the page
 * calls use a signed-in session, the API calls an API token.
 */
@SafeloadSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RouteTableTest {

  private static final String PREFIX = "route";
  private static final String TARGET = "route-target";

  /** A contract of a provider other than the demo's, which its accounts must not find. */
  private static final String OTHER_CONTRACT = "ROUTE-OTHER";

  /** Tables whose rows the calls must leave as they were (the shared demo council's data). */
  private static final List<String> DATA =
      List.of(
          "council",
          "provider",
          "service",
          "team",
          "worker",
          "worker_assignment",
          "establishment",
          "contract",
          "child",
          "case_event",
          "kpi_rule_set",
          "caseload_policy",
          "handover",
          "allocation_decision",
          "recruitment_candidate",
          "supplier_placement",
          "sickness_absence",
          "worker_vetting");

  /**
   * Routes whose allowed answer is 404 by design of the request: the error page asked directly (as
   * for an unknown address), and revoking a token that does not exist.
   */
  private static final Set<String> NOT_FOUND_WHEN_ALLOWED =
      Set.of("* /error", "POST /admin/users/{id}/tokens/{tokenId}/revoke");

  /**
   * What a call needs besides its path, where the bare call would not reach the question: the dates
   * a period asks for; a value that cannot be a number of posts (an establishment form left blank
   * is a valid answer, "no posts", and would be saved).
   */
  private static final Map<String, Map<String, String>> PARAMETERS =
      Map.of(
          "GET /api/v1/caseloads/teams/{id}/throughput",
          Map.of("from", "2026-05-01", "to", "2026-10-31"),
          "POST /teams/{id}/establishment",
          Map.of("social-worker", "not a number"));

  @Autowired MockMvc mvc;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping handlerMapping;

  @Autowired UserAccounts accounts;
  @Autowired ProviderDirectory providers;
  @Autowired ApiTokens apiTokens;
  @Autowired ContractService contracts;
  @Autowired AllocationPolicies policies;
  @Autowired JdbcClient jdbc;

  /** The records a request names: a team, a worker, a service, a contract and a child's case. */
  record Ids(long team, long worker, long service, String contract, String caseRef) {}

  /**
   * The council's Child Protection Team's records (the test team manager's and social worker's).
   */
  private Ids council;

  /** The provider's managed team's records. */
  private Ids managed;

  /** Records no provider account may see: the council's, another provider's contract. */
  private Ids notTheProvidersIds;

  private String ruleSet;
  private String rule;
  private long target;
  private final Map<AccessRole, SignedIn> sessions = new EnumMap<>(AccessRole.class);
  private final Map<AccessRole, String> tokens = new EnumMap<>(AccessRole.class);
  private String customPolicy;
  private Map<String, String> before;

  /** A candidate and a placement of this test's own, for the forms that change one. */
  private long candidate;

  private long placement;

  @BeforeAll
  void setUp() throws Exception {
    Map<AccessRole, String> names = TestAccounts.ensure(accounts, providers, PREFIX);
    for (AccessRole role : AccessRole.values()) {
      String username = names.get(role);
      sessions.put(
          role,
          SignedIn.from(
              mvc.perform(formLogin("/sign-in").user(username).password(TestAccounts.PASSWORD))
                  .andReturn()));
      long id = accounts.enabledAccount(username).orElseThrow().id();
      tokens.put(
          role,
          SystemAccess.call(() -> apiTokens.create(id, "Route table test", 30, false)).secret());
    }
    // The account the administrator's pages act on (disable, enable, sign out...).
    if (accounts.enabledAccount(TARGET).isEmpty()) {
      accounts.createAsSystem(
          new UserAccounts.NewAccount(
              TARGET, "Route target", TestAccounts.PASSWORD, AccessRole.READ_ONLY, null));
    }
    target = accounts.enabledAccount(TARGET).orElseThrow().id();

    long cpTeam = teamId(TestAccounts.TEAM);
    long projectTeam = teamId("Brightpath Project Team");
    council =
        new Ids(
            cpTeam,
            firstWorkerIn(cpTeam),
            serviceOf(cpTeam),
            "NBC-BRIGHTPATH-2026",
            caseOnlyIn(cpTeam));
    managed =
        new Ids(
            projectTeam,
            firstWorkerIn(projectTeam),
            serviceOf(projectTeam),
            "NBC-BRIGHTPATH-2026",
            caseOnlyIn(projectTeam));
    long serviceWithoutTheProvider =
        jdbc.sql(
                "select min(s.id) from service s where not exists (select 1 from team t"
                    + " where t.service_id = s.id and t.provider_id is not null)")
            .query(Long.class)
            .single();
    notTheProvidersIds =
        new Ids(
            council.team(),
            council.worker(),
            serviceWithoutTheProvider,
            OTHER_CONTRACT,
            council.caseRef());
    SystemAccess.call(
        () -> {
          if (contracts.contracts().stream().noneMatch(c -> c.code().equals(OTHER_CONTRACT))) {
            contracts.create(
                "id: "
                    + OTHER_CONTRACT
                    + "\nprovider: Other Provider Ltd\nstart: 2025-01-01\nend: 2025-01-31\n"
                    + "roster:\n  - {role: social-worker, count: 1, rate: {amount: 1, per: month}}\n");
          }
          // Putting the built-in policy back in force (DELETE /api/v1/caseload-policy) must change
          // nothing: so it is in force while the calls are made, and a council's own is put back.
          if (!policies.policy().id().equals(org.safeload.caseload.CaseloadPolicy.DEFAULT)) {
            customPolicy = policies.policyText();
            policies.useBuiltInPolicy();
          }
          return null;
        });
    KpiRuleSet builtIn = KpiRuleSet.builtIn(KpiRuleSet.BUILT_IN.getFirst());
    // A built-in rule set: the forms that change a set refuse it, after the authorisation.
    ruleSet = builtIn.id();
    rule = builtIn.rules().getFirst().id();
    jdbc.sql(
            "insert into recruitment_candidate (name, role, route, stage, fte, updated_at,"
                + " updated_by) values ('Route table candidate', 'social-worker', 'permanent',"
                + " 'applied', 1, current_timestamp, 'route-test')")
        .update();
    candidate =
        jdbc.sql("select max(id) from recruitment_candidate where updated_by = 'route-test'")
            .query(Long.class)
            .single();
    jdbc.sql(
            "insert into supplier_placement (supplier, role, requested_on, updated_at, updated_by)"
                + " values ('Route table supplier', 'social-worker', date '2026-11-02',"
                + " current_timestamp, 'route-test')")
        .update();
    placement =
        jdbc.sql("select max(id) from supplier_placement where updated_by = 'route-test'")
            .query(Long.class)
            .single();
    before = tables();
  }

  @AfterAll
  void removeTheCandidateAndPlacement() {
    jdbc.sql("delete from recruitment_candidate where updated_by = 'route-test'").update();
    jdbc.sql("delete from supplier_placement where updated_by = 'route-test'").update();
  }

  @AfterAll
  void putTheCouncilsPolicyBack() {
    if (customPolicy != null) {
      SystemAccess.call(() -> policies.savePolicy(customPolicy));
    }
  }

  private long teamId(String name) {
    return jdbc.sql("select id from team where name = ?").param(name).query(Long.class).single();
  }

  private long serviceOf(long team) {
    return jdbc.sql("select service_id from team where id = ?")
        .param(team)
        .query(Long.class)
        .single();
  }

  private long firstWorkerIn(long team) {
    return jdbc.sql(
            "select min(worker_id) from worker_assignment where team_id = ? and to_date is null")
        .param(team)
        .query(Long.class)
        .single();
  }

  /** A demo case whose events are all in the team. */
  private String caseOnlyIn(long team) {
    return jdbc.sql(
            "select min(case_ref) from case_event where case_ref is not null group by case_ref"
                + " having min(case when team_ref = ? then 1 else 0 end) = 1"
                + " order by 1 fetch first 1 rows only")
        .param(String.valueOf(team))
        .query(String.class)
        .single();
  }

  // --- The table and the mappings -------------------------------------------------------------

  /** A handler mapping as the table keys it: one per method and pattern. */
  record Mapping(String method, String pattern, RequestMappingInfo info, HandlerMethod handler) {
    String key() {
      return method + " " + pattern;
    }

    String handlerName() {
      return handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName();
    }

    @Override
    public String toString() {
      return key() + " (" + handlerName() + ")";
    }
  }

  private List<Mapping> mappings() {
    List<Mapping> all = new ArrayList<>();
    handlerMapping
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
              for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                  all.add(new Mapping("*", pattern, info, handler));
                }
                for (RequestMethod method : methods) {
                  all.add(new Mapping(method.name(), pattern, info, handler));
                }
              }
            });
    all.sort(java.util.Comparator.comparing(Mapping::toString));
    return all;
  }

  @Test
  @Order(1)
  void everyMappingHasAnEntryAndEveryEntryAMapping() {
    List<Mapping> mappings = mappings();
    assertThat(mappings).hasSizeGreaterThan(100);
    Set<String> listed = new TreeSet<>();
    RouteTable.routes().forEach(r -> listed.add(r.key()));
    List<String> wrong = new ArrayList<>();
    mappings.stream()
        .filter(m -> !listed.contains(m.key()))
        .forEach(m -> wrong.add(m + ": add it to the route table (RouteTable)"));
    Set<String> mapped = new TreeSet<>();
    mappings.forEach(m -> mapped.add(m.key()));
    listed.stream()
        .filter(k -> !mapped.contains(k))
        .forEach(k -> wrong.add(k + ": no handler mapping answers it; take it out of RouteTable"));
    assertThat(wrong).as("the route table and the handler mappings differ").isEmpty();
  }

  // --- Every route, as every role and as no one ------------------------------------------------

  @TestFactory
  @Order(2)
  Stream<DynamicTest> everyRouteAnswersEveryRoleAsTheTableSays() {
    return mappings().stream()
        .filter(m -> RouteTable.find(m.method(), m.pattern()).isPresent())
        .map(
            m ->
                DynamicTest.dynamicTest(
                    m.toString(),
                    () -> {
                      Route route = RouteTable.find(m.method(), m.pattern()).orElseThrow();
                      List<String> wrong = new ArrayList<>();
                      check(m, route, null, wrong);
                      for (AccessRole role : AccessRole.values()) {
                        check(m, route, role, wrong);
                      }
                      assertThat(wrong).as("%s (%s)", m, who(route)).isEmpty();
                    }));
  }

  private static Object who(Route route) {
    return route.who() == RouteTable.Who.CAPABILITY ? route.capability() : route.who();
  }

  private void check(Mapping m, Route route, AccessRole role, List<String> wrong) throws Exception {
    MockHttpServletResponse answer = call(m, route, role, own(role));
    String who = role == null ? "no one signed in" : role.name();
    int status = answer.getStatus();
    String location = answer.getRedirectedUrl();
    boolean toSignIn = location != null && location.endsWith("/sign-in");
    if (role == null && route.who() != RouteTable.Who.ANYONE) {
      // A program (the API, or anything asked for as JSON) is challenged; a browser is sent to
      // the sign-in page.
      boolean program = route.api() || asksForJson(m);
      if (program ? status != 401 : !toSignIn) {
        wrong.add(
            who
                + ": expected "
                + (program ? "401" : "a redirect to the sign-in page")
                + ", got "
                + status
                + (location == null ? "" : " to " + location));
      }
    } else if (role == null || route.allows(role)) {
      boolean notFoundAllowed = NOT_FOUND_WHEN_ALLOWED.contains(route.key());
      if (status == 401
          || status == 403
          || toSignIn
          || status >= 500
          || (status == 404 && !notFoundAllowed)) {
        wrong.add(who + ": allowed by the table, but answered " + status + " " + brief(answer));
      }
    } else if (status != 403) {
      wrong.add(who + ": refused by the table, but answered " + status + " " + brief(answer));
    }
    if (route.api() && (status == 401 || status == 403) && !problemDetails(answer)) {
      wrong.add(who + ": a refusal from the API without problem details: " + brief(answer));
    }
  }

  /** RFC 9457 problem details, as the API answers every failure. */
  private static boolean problemDetails(MockHttpServletResponse answer) {
    return String.valueOf(answer.getContentType()).startsWith("application/problem+json");
  }

  private static boolean asksForJson(Mapping m) {
    return m.info().getProducesCondition().getProducibleMediaTypes().stream()
        .anyMatch(t -> t.isCompatibleWith(MediaType.APPLICATION_JSON));
  }

  private static String brief(MockHttpServletResponse answer) throws Exception {
    if (answer.getRedirectedUrl() != null) {
      return "to " + answer.getRedirectedUrl();
    }
    String body = answer.getContentAsString(StandardCharsets.UTF_8);
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }

  // --- Somebody else's records -----------------------------------------------------------------

  /** The records of another provider's or team's that a role limited to its own asks for. */
  private Ids othersFor(AccessRole role, Scope scope) {
    if (role == AccessRole.PROVIDER && scope != Scope.ALL) {
      return notTheProvidersIds;
    }
    if (scope == Scope.CHILDREN
        && (role == AccessRole.TEAM_MANAGER || role == AccessRole.SOCIAL_WORKER)) {
      return new Ids(
          council.team(),
          council.worker(),
          council.service(),
          council.contract(),
          managed.caseRef());
    }
    return null;
  }

  @TestFactory
  @Order(3)
  Stream<DynamicTest> aRoleLimitedToItsOwnRecordsFindsNoOneElses() {
    return mappings().stream()
        .map(m -> Map.entry(m, RouteTable.find(m.method(), m.pattern())))
        .filter(e -> e.getValue().filter(r -> r.scope() != Scope.ALL).isPresent())
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey().toString(),
                    () -> {
                      Mapping m = e.getKey();
                      Route route = e.getValue().orElseThrow();
                      List<String> wrong = new ArrayList<>();
                      for (AccessRole role : AccessRole.values()) {
                        Ids others = othersFor(role, route.scope());
                        if (others == null || !route.allows(role)) {
                          continue;
                        }
                        MockHttpServletResponse answer = call(m, route, role, others);
                        if (answer.getStatus() != 404) {
                          wrong.add(
                              role
                                  + ": expected 404 for another's record, got "
                                  + answer.getStatus());
                        } else if (route.api() && !problemDetails(answer)) {
                          wrong.add(role + ": a 404 from the API without problem details");
                        }
                      }
                      assertThat(wrong).as("%s (%s)", m, route.scope()).isEmpty();
                    }));
  }

  @Test
  @Order(4)
  void theCallsChangedNoneOfTheCouncilsData() throws Exception {
    Map<String, String> after = tables();
    List<String> changed =
        DATA.stream()
            .filter(t -> !after.get(t).equals(before.get(t)))
            .map(t -> t + ": " + before.get(t) + " before, " + after.get(t) + " after")
            .toList();
    assertThat(changed).as("tables a call changed").isEmpty();
  }

  // --- Building a call from a mapping ----------------------------------------------------------

  /** Each role's own records: the provider's managed team, the council's team for the others. */
  private Ids own(AccessRole role) {
    return role == AccessRole.PROVIDER ? managed : council;
  }

  private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

  /** The pattern with each variable filled with a record the table's question is about. */
  private String path(String pattern, Ids ids) {
    Matcher variable = VARIABLE.matcher(pattern);
    StringBuilder path = new StringBuilder();
    while (variable.find()) {
      String value = value(pattern, variable.group(1), ids);
      variable.appendReplacement(path, Matcher.quoteReplacement(value));
    }
    variable.appendTail(path);
    return path.toString();
  }

  private String value(String pattern, String name, Ids ids) {
    String under = pattern.replaceFirst("^/api/v1", "").replaceFirst("^/caseloads/teams", "/teams");
    return switch (name) {
      case "caseRef" -> ids.caseRef();
      case "eventId" ->
          jdbc.sql(
                  "select event_id from case_event where case_ref = ? order by occurred_at, id"
                      + " fetch first 1 rows only")
              .param(ids.caseRef())
              .query(String.class)
              .single();
      case "number" -> "1";
      case "type" -> "award";
      case "format" -> "pdf";
      case "month" -> "2026-10";
      case "rule" -> rule;
      case "tokenId" -> "987654321";
      case "id" -> {
        if (under.startsWith("/teams/")) {
          yield String.valueOf(ids.team());
        } else if (under.startsWith("/workers/")) {
          yield String.valueOf(ids.worker());
        } else if (under.startsWith("/services/")) {
          yield String.valueOf(ids.service());
        } else if (under.startsWith("/contracts/")) {
          yield ids.contract();
        } else if (under.startsWith("/admin/users/")) {
          yield String.valueOf(target);
        } else if (under.startsWith("/workforce/recruitment/")) {
          yield String.valueOf(candidate);
        } else if (under.startsWith("/workforce/placements/")) {
          yield String.valueOf(placement);
        } else if (under.startsWith("/timeliness/rules/") || under.startsWith("/kpi-rule-sets/")) {
          yield ruleSet;
        }
        throw new AssertionError(unknown(pattern, name));
      }
      default -> throw new AssertionError(unknown(pattern, name));
    };
  }

  private static String unknown(String pattern, String name) {
    return "RouteTableTest does not know which record to put in {"
        + name
        + "} of "
        + pattern
        + ": teach it in value()";
  }

  private MockHttpServletResponse call(Mapping m, Route route, AccessRole role, Ids ids)
      throws Exception {
    String method = m.method().equals("*") ? "GET" : m.method();
    String path = path(m.pattern(), ids);
    Set<MediaType> consumes = m.info().getConsumesCondition().getConsumableMediaTypes();
    Set<MediaType> produces = m.info().getProducesCondition().getProducibleMediaTypes();
    MediaType body = consumes.isEmpty() ? null : consumes.iterator().next();
    AbstractMockHttpServletRequestBuilder<?> request =
        MediaType.MULTIPART_FORM_DATA.equals(body)
            ? multipart(HttpMethod.valueOf(method), path)
                .file(
                    new MockMultipartFile(
                        "file", "unreadable.csv", "text/csv", "not,a\nfile".getBytes()))
            : request(HttpMethod.valueOf(method), path);
    request.accept(
        produces.isEmpty()
            ? (route.api() ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML)
            : produces.iterator().next());
    boolean change = !method.equals("GET") && !method.equals("DELETE");
    if (change && !MediaType.MULTIPART_FORM_DATA.equals(body)) {
      if (body == null && route.api()) {
        body = MediaType.APPLICATION_JSON;
      }
      if (body != null) {
        // A body that cannot be read: whatever reads it refuses it once the call is allowed.
        String unreadable =
            body.getSubtype().contains("json")
                ? "{\""
                : body.getSubtype().contains("yaml") ? "id: [unclosed\n" : "not a header\n";
        request.contentType(body).content(unreadable);
      } else {
        // A form with nothing filled in: every form asks for something.
        request.contentType(MediaType.APPLICATION_FORM_URLENCODED);
      }
    }
    PARAMETERS.getOrDefault(m.key(), Map.of()).forEach(request::param);
    if (m.pattern().equals("/error")) {
      // The error page as the container shows it for an unknown address.
      request.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404);
    }
    if (role != null) {
      if (route.api()) {
        request.header("Authorization", "Bearer " + tokens.get(role));
      } else {
        request.with(sessions.get(role));
      }
    }
    if (!route.api() && !method.equals("GET")) {
      request.with(csrf());
    }
    return mvc.perform(request).andReturn().getResponse();
  }

  /** A digest of every data table's rows, to see that nothing at all was written. */
  private Map<String, String> tables() throws Exception {
    Map<String, String> digests = new LinkedHashMap<>();
    for (String table : DATA) {
      List<String> rows = new ArrayList<>();
      jdbc.sql("select * from " + table)
          .query(
              (RowCallbackHandler)
                  rs -> {
                    StringBuilder row = new StringBuilder();
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                      row.append(rs.getObject(c)).append('\0');
                    }
                    rows.add(row.toString());
                  });
      Collections.sort(rows);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      rows.forEach(r -> sha.update((r + "\n").getBytes(StandardCharsets.UTF_8)));
      digests.put(table, rows.size() + " rows, " + HexFormat.of().formatHex(sha.digest()));
    }
    return digests;
  }
}
