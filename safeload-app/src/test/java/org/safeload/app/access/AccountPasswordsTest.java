package org.safeload.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.safeload.app.SafeloadSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Adding an account with a password the rule refuses shows why on the form; nothing is added. */
@SafeloadSpringTest
class AccountPasswordsTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired UserAccounts accounts;
  @Autowired ApiTokens tokens;

  private int api(org.springframework.test.web.servlet.request.RequestPostProcessor credentials)
      throws Exception {
    return mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/teams")
                .with(credentials))
        .andReturn()
        .getResponse()
        .getStatus();
  }

  @org.junit.jupiter.api.Test
  void aPasswordAnAdministratorPassedOnDoesNotOpenTheApiButTheAccountsTokensStillDo()
      throws Exception {
    String username = "reset-api-user";
    if (accounts.enabledAccount(username).isEmpty()) {
      accounts.createAsSystem(
          new UserAccounts.NewAccount(
              username, "Reset Api", "an-own-long-phrase-1", AccessRole.READ_ONLY, null));
    }
    long id = accounts.enabledAccount(username).orElseThrow().id();
    String token = SystemAccess.call(() -> tokens.create(id, "reset test", 30, true)).secret();
    assertThat(api(httpBasic(username, "an-own-long-phrase-1"))).isEqualTo(200);
    SystemAccess.call(() -> accounts.resetPassword(id, "passed-on-by-the-admin-7"));
    MockHttpServletResponse refused =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/api/v1/teams")
                    .with(httpBasic(username, "passed-on-by-the-admin-7")))
            .andReturn()
            .getResponse();
    assertThat(refused.getStatus()).isEqualTo(403);
    assertThat(refused.getContentType()).startsWith("application/problem+json");
    assertThat(refused.getContentAsString()).contains("choose your own");
    assertThat(
            api(
                r -> {
                  r.addHeader("Authorization", "Bearer " + token);
                  return r;
                }))
        .isEqualTo(200);
    // Once its owner has chosen their own, the password opens the API again.
    SystemAccess.call(
        () -> {
          accounts.changeOwnPassword(username, "my-very-own-phrase-22", "my-very-own-phrase-22");
          return null;
        });
    assertThat(api(httpBasic(username, "my-very-own-phrase-22"))).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "twelve a's|aaaaaaaaaaaa|one character repeated",
        "the username|probeusername12|not be the username",
        "73 bytes|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa|at most 72 bytes",
        "80 bytes|éééééééééééééééééééééééééééééééééééééééé|at most 72 bytes",
        "common|1qaz2wsx3edc4rfv|too common"
      })
  void aRefusedPasswordIsExplainedOnTheForm(String what, String password, String why)
      throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                post("/admin/users/new")
                    .param("username", "probeusername12")
                    .param("displayName", "Probe")
                    .param("password", password)
                    .param("role", "SOCIAL_WORKER")
                    .with(csrf())
                    .with(httpBasic("admin", "test-admin-password")))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).as(what).isIn(200, 400);
    assertThat(Jsoup.parse(response.getContentAsString()).select(".govuk-error-summary").text())
        .as(what)
        .contains(why);
    assertThat(
            jdbc.sql("select count(*) from app_user where username = 'probeusername12'")
                .query(Long.class)
                .single())
        .isZero();
  }

  @org.junit.jupiter.api.Test
  void signingInWithAPasswordLongerThanBcryptReadsIsRefusedNotAnError() throws Exception {
    MockHttpServletResponse api =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/api/v1/teams")
                    .with(httpBasic("admin", "x".repeat(100))))
            .andReturn()
            .getResponse();
    assertThat(api.getStatus()).isEqualTo(401);
    MockHttpServletResponse form =
        mvc.perform(
                post("/sign-in")
                    .param("username", "admin")
                    .param("password", "x".repeat(100))
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(form.getStatus()).isEqualTo(302);
    assertThat(form.getRedirectedUrl()).endsWith("/sign-in?error");
  }

  @org.junit.jupiter.api.Test
  void anAdministratorCannotDisableOrDemoteThemselvesAndACouncilAccountHasNoProvider()
      throws Exception {
    long admin =
        jdbc.sql("select id from app_user where username = 'admin'").query(Long.class).single();
    for (String action : new String[] {"disable", "role"}) {
      MockHttpServletResponse response =
          mvc.perform(
                  post("/admin/users/" + admin + "/" + action)
                      .param("role", "READ_ONLY")
                      .with(csrf())
                      .with(httpBasic("admin", "test-admin-password")))
              .andReturn()
              .getResponse();
      assertThat(Jsoup.parse(response.getContentAsString()).select(".govuk-error-summary").text())
          .as(action)
          .contains("your own account");
    }
    assertThat(
            jdbc.sql("select enabled from app_user where id = ?")
                .param(admin)
                .query(Boolean.class)
                .single())
        .isTrue();
    org.springframework.security.core.context.SecurityContextHolder.clearContext();
    assertThat(accounts.enabledAccount("admin").orElseThrow().providerId()).isNull();
  }
}
