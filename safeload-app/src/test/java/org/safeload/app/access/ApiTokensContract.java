package org.safeload.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * API tokens, the same on H2 and PostgreSQL: an administrator creates one on the account's page and
 * sees it once; only its SHA-256 is stored; the API takes it as a Bearer token and acts as the
 * account, with its role and provider; revoked tokens and disabled accounts get 401.
 */
abstract class ApiTokensContract {

  private static final AtomicInteger UNIQUE = new AtomicInteger();
  private static final Pattern TOKEN = Pattern.compile("value=\"(slt_[A-Za-z0-9_-]{43})\"");

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired UserAccounts accounts;
  @Autowired ProviderDirectory providers;
  @Autowired Clock clock;

  @BeforeEach
  void testAccounts() {
    TestAccounts.ensure(accounts, providers);
  }

  long accountId(AccessRole role) {
    return accounts.enabledAccount(TestAccounts.username(role)).orElseThrow().id();
  }

  String label() {
    return "Token test " + UNIQUE.incrementAndGet();
  }

  MvcResult asAdmin(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(httpBasic("admin", "test-admin-password"))).andReturn();
  }

  /** Creates a token on the account's page, as the administrator; returns the token shown. */
  String createToken(long accountId, String label) throws Exception {
    MvcResult result =
        asAdmin(post("/admin/users/" + accountId + "/tokens").with(csrf()).param("label", label));
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    String page = result.getResponse().getContentAsString();
    assertThat(page).contains("API token created").contains("It will not be shown again");
    Matcher m = TOKEN.matcher(page);
    assertThat(m.find()).as("the new token on the page").isTrue();
    return m.group(1);
  }

  MvcResult api(MockHttpServletRequestBuilder request, String token) throws Exception {
    return mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn();
  }

  int status(MockHttpServletRequestBuilder request, String token) throws Exception {
    return api(request, token).getResponse().getStatus();
  }

  long tokenId(String token) {
    return jdbc.sql("select id from api_token where token_hash = ?")
        .param(ApiTokens.hash(token))
        .query(Long.class)
        .single();
  }

  @Test
  void aTokenIsShownOnceStoredAsItsSha256AndAuditedWithoutIt() throws Exception {
    long account = accountId(AccessRole.TEAM_MANAGER);
    String label = label();
    String token = createToken(account, label);

    assertThat(token).startsWith("slt_").hasSize(4 + 43);
    String stored =
        jdbc.sql("select token_hash from api_token where account_id = ? and label = ?")
            .params(account, label)
            .query(String.class)
            .single();
    assertThat(stored).isEqualTo(ApiTokens.hash(token)).matches("[0-9a-f]{64}");
    assertThat(
            jdbc.sql("select count(*) from api_token where token_hash like ?")
                .param("%" + token.substring(4, 20) + "%")
                .query(Long.class)
                .single())
        .isZero();

    String page =
        asAdmin(get("/admin/users/" + account + "/tokens")).getResponse().getContentAsString();
    assertThat(page)
        .contains(label)
        .contains("by Administrator")
        .contains("Active")
        .contains("Never")
        .doesNotContain(token)
        .doesNotContain("API token created");

    List<String> audited =
        jdbc.sql(
                "select summary from audit_event where entity_type = 'user' and entity_id = ?"
                    + " order by id")
            .param(String.valueOf(account))
            .query(String.class)
            .list();
    assertThat(audited)
        .contains("API token “" + label + "” created (read and change, for 90 days)");
    assertThat(audited).noneMatch(s -> s.contains("slt_"));
  }

  @Test
  void anEmptyLabelIsRefusedWithAnErrorAndNoToken() throws Exception {
    long account = accountId(AccessRole.READ_ONLY);
    long before = jdbc.sql("select count(*) from api_token").query(Long.class).single();
    MvcResult result =
        asAdmin(post("/admin/users/" + account + "/tokens").with(csrf()).param("label", "  "));
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    String page = result.getResponse().getContentAsString();
    assertThat(page)
        .contains("govuk-error-summary")
        .contains("Enter a label for the token")
        .doesNotContain("API token created");
    assertThat(TOKEN.matcher(page).find()).as("a token on the page").isFalse();
    assertThat(jdbc.sql("select count(*) from api_token").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void aBearerTokenSignsInAsItsAccountWithoutASession() throws Exception {
    String token = createToken(accountId(AccessRole.ADMIN), label());
    MvcResult result = api(get("/api/v1/teams"), token);
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    assertThat(result.getResponse().getContentAsString()).contains("Child Protection Team");
    assertThat(result.getRequest().getSession(false)).isNull();
    assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
    // HTTP Basic stays, for people trying the API.
    assertThat(
            mvc.perform(get("/api/v1/teams").with(httpBasic("admin", "test-admin-password")))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(200);
  }

  @Test
  void aTokenHasItsAccountsRoleAndProvider() throws Exception {
    String worker = createToken(accountId(AccessRole.SOCIAL_WORKER), label());
    assertThat(status(get("/api/v1/teams"), worker)).isEqualTo(200);
    MvcResult refused =
        api(
            post("/api/v1/services")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + label() + "\"}"),
            worker);
    assertThat(refused.getResponse().getStatus()).isEqualTo(403);
    assertThat(refused.getResponse().getContentType()).contains("application/problem+json");

    String head = createToken(accountId(AccessRole.HEAD_OF_SERVICE), label());
    assertThat(
            status(
                post("/api/v1/services")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"" + label() + "\"}"),
                head))
        .isEqualTo(201);

    String provider = createToken(accountId(AccessRole.PROVIDER), label());
    assertThat(api(get("/api/v1/teams"), provider).getResponse().getContentAsString())
        .contains("Brightpath Project Team")
        .doesNotContain("Child Protection Team");
  }

  @Test
  void revokedUnknownAndMalformedTokensGet401ProblemDetails() throws Exception {
    long account = accountId(AccessRole.FINANCE);
    String label = label();
    String token = createToken(account, label);
    assertThat(status(get("/api/v1/teams"), token)).isEqualTo(200);

    MvcResult revoked =
        asAdmin(
            post("/admin/users/" + account + "/tokens/" + tokenId(token) + "/revoke").with(csrf()));
    assertThat(revoked.getResponse().getStatus()).isEqualTo(302);
    assertThat(revoked.getResponse().getRedirectedUrl())
        .isEqualTo("/admin/users/" + account + "/tokens");

    for (String refused :
        List.of(token, "slt_" + "A".repeat(43), "not-a-token", token.substring(0, 20), "")) {
      MvcResult result = api(get("/api/v1/teams"), refused);
      assertThat(result.getResponse().getStatus()).as(refused).isEqualTo(401);
      assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
      assertThat(result.getResponse().getContentAsString())
          .contains("\"status\":401")
          .doesNotContain(refused.isEmpty() ? "slt_" : refused);
    }

    assertThat(
            asAdmin(get("/admin/users/" + account + "/tokens")).getResponse().getContentAsString())
        .contains("Revoked")
        .contains("by Administrator");
    assertThat(
            jdbc.sql("select summary from audit_event where entity_type = 'user' and entity_id = ?")
                .param(String.valueOf(account))
                .query(String.class)
                .list())
        .contains("API token “" + label + "” revoked");
  }

  @Test
  void aDisabledAccountsTokensGet401() throws Exception {
    String username = "token-disabled-" + UNIQUE.incrementAndGet();
    UserAccount account =
        accounts.createAsSystem(
            new UserAccounts.NewAccount(
                username, "Disabled Later", null, AccessRole.READ_ONLY, null));
    String token = createToken(account.id(), label());
    assertThat(status(get("/api/v1/teams"), token)).isEqualTo(200);
    jdbc.sql("update app_user set enabled = false where id = ?").param(account.id()).update();
    assertThat(status(get("/api/v1/teams"), token)).isEqualTo(401);
  }

  @Test
  void aTokenExpiresAfterItsLifetimeAndAReadOnlyTokenMayOnlyRead() throws Exception {
    String token = createToken(accountId(AccessRole.HEAD_OF_SERVICE), label());
    Timestamp expires =
        jdbc.sql("select expires_at from api_token where id = ?")
            .param(tokenId(token))
            .query(Timestamp.class)
            .single();
    // 90 days unless another lifetime is chosen.
    assertThat(expires.toInstant()).isEqualTo(clock.instant().plus(java.time.Duration.ofDays(90)));
    assertThat(status(get("/api/v1/teams"), token)).isEqualTo(200);
    jdbc.sql("update api_token set expires_at = ? where id = ?")
        .params(Timestamp.from(clock.instant().minusSeconds(1)), tokenId(token))
        .update();
    assertThat(status(get("/api/v1/teams"), token)).isEqualTo(401);

    MvcResult made =
        asAdmin(
            post("/admin/users/" + accountId(AccessRole.HEAD_OF_SERVICE) + "/tokens")
                .with(csrf())
                .param("label", label())
                .param("days", "30")
                .param("access", "read"));
    Matcher m = TOKEN.matcher(made.getResponse().getContentAsString());
    assertThat(m.find()).isTrue();
    String reader = m.group(1);
    assertThat(status(get("/api/v1/teams"), reader)).isEqualTo(200);
    MvcResult refused =
        api(
            post("/api/v1/services")
                .contentType("application/json")
                .content("{\"name\":\"Read-only attempt\"}"),
            reader);
    assertThat(refused.getResponse().getStatus()).isEqualTo(403);
    assertThat(refused.getResponse().getContentAsString()).contains("may only read");
    assertThat(
            jdbc.sql("select count(*) from service where name = 'Read-only attempt'")
                .query(Long.class)
                .single())
        .isZero();
    // A lifetime that is not offered is refused.
    MvcResult forever =
        asAdmin(
            post("/admin/users/" + accountId(AccessRole.HEAD_OF_SERVICE) + "/tokens")
                .with(csrf())
                .param("label", label())
                .param("days", "100000"));
    assertThat(forever.getResponse().getContentAsString()).contains("Choose how long");
  }

  @Test
  void lastUsedIsWrittenAtMostOnceAMinute() throws Exception {
    String token = createToken(accountId(AccessRole.READ_ONLY), label());
    long id = tokenId(token);
    assertThat(lastUsed(id)).isNull();
    Instant now = clock.instant();

    assertThat(status(get("/api/v1/teams"), token)).isEqualTo(200);
    assertThat(lastUsed(id)).isEqualTo(now);

    // Used 30 seconds ago: not written again.
    setLastUsed(id, now.minusSeconds(30));
    assertThat(status(get("/api/v1/teams"), token)).isEqualTo(200);
    assertThat(lastUsed(id)).isEqualTo(now.minusSeconds(30));

    // Used two minutes ago: written.
    setLastUsed(id, now.minus(Duration.ofMinutes(2)));
    assertThat(status(get("/api/v1/teams"), token)).isEqualTo(200);
    assertThat(lastUsed(id)).isEqualTo(now);
  }

  @Test
  void onlyAnAdministratorManagesTokens() throws Exception {
    long account = accountId(AccessRole.SOCIAL_WORKER);
    String manager = TestAccounts.username(AccessRole.HEAD_OF_SERVICE);
    assertThat(
            mvc.perform(
                    get("/admin/users/" + account + "/tokens")
                        .with(httpBasic(manager, TestAccounts.PASSWORD)))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(
            mvc.perform(
                    post("/admin/users/" + account + "/tokens")
                        .with(csrf())
                        .param("label", label())
                        .with(httpBasic(manager, TestAccounts.PASSWORD)))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    // An account that does not exist: not found, for the administrator.
    assertThat(asAdmin(get("/admin/users/987654321/tokens")).getResponse().getStatus())
        .isEqualTo(404);
  }

  private Instant lastUsed(long id) {
    Timestamp t =
        jdbc.sql("select last_used_at from api_token where id = ?")
            .param(id)
            .query(Timestamp.class)
            .optional()
            .orElse(null);
    return t == null ? null : t.toInstant();
  }

  private void setLastUsed(long id, Instant at) {
    jdbc.sql("update api_token set last_used_at = ? where id = ?")
        .params(Timestamp.from(at), id)
        .update();
  }
}
