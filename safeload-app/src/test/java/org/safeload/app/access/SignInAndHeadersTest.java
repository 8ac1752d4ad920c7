package org.safeload.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.app.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Sign-in everywhere but the health check; CSRF on forms; secure headers; hashed passwords. */
@SafeloadSpringTest
class SignInAndHeadersTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  @Test
  void healthIsOpenAndUp() throws Exception {
    mvc.perform(get("/actuator/health"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UP"));
  }

  @Test
  void everythingElseNeedsSignIn() throws Exception {
    mvc.perform(get("/teams").accept(MediaType.TEXT_HTML))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/sign-in"));
    mvc.perform(get("/v3/api-docs").accept(MediaType.TEXT_HTML)).andExpect(status().isFound());
    mvc.perform(get("/api/v1/teams"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("Content-Type", "application/problem+json"))
        .andExpect(jsonPath("$.status").value(401));
    mvc.perform(get("/actuator/env")).andExpect(status().is4xxClientError());
  }

  @Test
  void theOpenApiDocumentIsServedToASignedInUser() throws Exception {
    mvc.perform(get("/v3/api-docs").with(httpBasic("admin", "test-admin-password")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.openapi").exists())
        .andExpect(jsonPath("$.paths['/api/v1/workers/import']").exists())
        .andExpect(jsonPath("$.paths['/api/v1/teams/{id}/establishment']").exists());
  }

  @Test
  void theAdministratorSignsInWithTheConfiguredPasswordWhichIsStoredHashed() throws Exception {
    mvc.perform(get("/api/v1/teams").with(httpBasic("admin", "test-admin-password")))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/teams").with(httpBasic("admin", "wrong-password")))
        .andExpect(status().isUnauthorized());
    String hash =
        jdbc.sql("select password_hash from app_user where username = 'admin'")
            .query(String.class)
            .single();
    assertThat(hash).startsWith("{bcrypt}").doesNotContain("test-admin-password");
  }

  @Test
  void theSignInFormNeedsItsCsrfTokenAndThenSignsIn() throws Exception {
    mvc.perform(
            post("/sign-in").param("username", "admin").param("password", "test-admin-password"))
        .andExpect(status().isForbidden());
    SignedIn session =
        SignedIn.from(
            mvc.perform(
                    post("/sign-in")
                        .with(csrf())
                        .param("username", "admin")
                        .param("password", "test-admin-password"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"))
                .andReturn());
    mvc.perform(get("/teams").with(session)).andExpect(status().isOk());
    mvc.perform(post("/services/new").with(session).param("name", "No token"))
        .andExpect(status().isForbidden());
    mvc.perform(post("/sign-in").with(csrf()).param("username", "admin").param("password", "nope"))
        .andExpect(redirectedUrl("/sign-in?error"));
  }

  @Test
  void theSignInPageOffersNoMenuOrSignOutBeforeSigningIn() throws Exception {
    org.jsoup.nodes.Document page =
        org.jsoup.Jsoup.parse(
            mvc.perform(get("/sign-in")).andReturn().getResponse().getContentAsString());
    assertThat(page.select(".sl-header-user")).isEmpty();
    assertThat(page.select(".govuk-service-navigation__list")).isEmpty();
    assertThat(page.select("form[action='/sign-in'] input[name=_csrf]")).hasSize(1);
    assertThat(page.selectFirst("h1").text()).isEqualTo("Sign in to Safeload");
  }

  @Test
  void pagesCarrySecureHeaders() throws Exception {
    mvc.perform(get("/sign-in"))
        .andExpect(status().isOk())
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().string("X-Frame-Options", "DENY"))
        .andExpect(
            header().string("Content-Security-Policy", SecurityConfig.CONTENT_SECURITY_POLICY))
        .andExpect(header().string("Referrer-Policy", "same-origin"));
  }
}
