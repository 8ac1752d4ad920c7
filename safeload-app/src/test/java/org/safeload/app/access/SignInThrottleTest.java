package org.safeload.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The sign-in limits as shipped (5 wrong passwords for an account, 20 from an address, HTTP Basic
 * 20 at once, here then 1 a second), in a context of their own: the review found 300 wrong
 * passwords followed by the right one signing in, and nothing logged.
 */
@SafeloadSpringTest
@TestPropertySource(
    properties = {
      "safeload.sign-in.account-failures=5",
      "safeload.sign-in.address-failures=20",
      "safeload.sign-in.basic-burst=20",
      // 1 a second rather than 5: one client calling in turn waits for bcrypt (~55 ms a call,
      // more here), so it cannot reach 5 a second; several at once could.
      "safeload.sign-in.basic-per-second=1"
    })
class SignInThrottleTest {

  @Autowired MockMvc mvc;
  @Autowired UserAccounts accounts;
  @Autowired JdbcClient jdbc;

  private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String address)
      throws Exception {
    return mvc.perform(
            request.with(
                r -> {
                  r.setRemoteAddr(address);
                  return r;
                }))
        .andReturn()
        .getResponse();
  }

  private void account(String username) {
    org.springframework.security.test.context.TestSecurityContextHolder.clearContext();
    if (accounts.enabledAccount(username).isEmpty()) {
      accounts.createAsSystem(
          new UserAccounts.NewAccount(
              username, username, "a-long-secret-phrase", AccessRole.READ_ONLY, null));
    }
  }

  @Test
  @org.junit.jupiter.api.extension.ExtendWith(
      org.springframework.boot.test.system.OutputCaptureExtension.class)
  void fiveWrongPasswordsBlockTheAccountEvenForTheRightOneAndAreAudited(
      org.springframework.boot.test.system.CapturedOutput output) throws Exception {
    account("guessed");
    long audited =
        jdbc.sql("select count(*) from audit_event where action = 'sign-in-failed'")
            .query(Long.class)
            .single();
    for (int i = 0; i < 5; i++) {
      assertThat(
              call(get("/api/v1/teams").with(httpBasic("guessed", "wrong-" + i)), "10.0.0." + i)
                  .getStatus())
          .isEqualTo(401);
    }
    MockHttpServletResponse right =
        call(get("/api/v1/teams").with(httpBasic("guessed", "a-long-secret-phrase")), "10.0.1.1");
    assertThat(right.getStatus()).isEqualTo(429);
    assertThat(Integer.parseInt(right.getHeader("Retry-After"))).isBetween(1, 60);
    assertThat(right.getContentAsString()).contains("Too many wrong passwords");
    // The sign-in form is blocked too, and answers with a page.
    MockHttpServletResponse form =
        call(
            post("/sign-in")
                .param("username", "guessed")
                .param("password", "a-long-secret-phrase")
                .with(csrf()),
            "10.0.1.2");
    assertThat(form.getStatus()).isEqualTo(429);
    assertThat(form.getContentType()).startsWith("text/html");
    assertThat(
            jdbc.sql("select count(*) from audit_event where action = 'sign-in-failed'")
                .query(Long.class)
                .single())
        .isEqualTo(audited + 5);
    // Logged without the username or the address.
    assertThat(output.getAll())
        .contains("Sign-in failed; wrong passwords in the last 15 minutes: 5 for the account")
        .doesNotContain("guessed")
        .doesNotContain("10.0.0.");
    // Another account is not affected.
    account("bystander");
    assertThat(
            call(
                    get("/api/v1/teams").with(httpBasic("bystander", "a-long-secret-phrase")),
                    "10.0.1.3")
                .getStatus())
        .isEqualTo(200);
  }

  @Test
  void twentyWrongPasswordsFromOneAddressBlockIt() throws Exception {
    for (int i = 0; i < 20; i++) {
      call(get("/api/v1/teams").with(httpBasic("nobody-" + i, "wrong")), "10.9.9.9");
    }
    account("fromthere");
    assertThat(
            call(
                    get("/api/v1/teams").with(httpBasic("fromthere", "a-long-secret-phrase")),
                    "10.9.9.9")
                .getStatus())
        .isEqualTo(429);
    assertThat(
            call(
                    get("/api/v1/teams").with(httpBasic("fromthere", "a-long-secret-phrase")),
                    "10.9.9.8")
                .getStatus())
        .isEqualTo(200);
  }

  @Test
  void httpBasicFromOneAddressIsLimitedToABurstThenAFewASecond() throws Exception {
    account("busy");
    int ok = 0;
    int limited = 0;
    for (int i = 0; i < 40; i++) {
      int status =
          call(get("/api/v1/teams").with(httpBasic("busy", "a-long-secret-phrase")), "10.7.7.7")
              .getStatus();
      if (status == 200) {
        ok++;
      } else if (status == 429) {
        limited++;
      }
    }
    // 20 at once, plus one a second refilled while the 40 calls ran (a few seconds).
    assertThat(ok + limited).isEqualTo(40);
    assertThat(limited).isPositive();
    assertThat(ok).isBetween(20, 32);
  }
}
