package org.safeload.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * OIDC sign-in is switched on by configuration (here an Entra-like registration with explicit
 * endpoints, so nothing is fetched), and an OIDC sign-in gets the role of the matching local
 * account, or nothing.
 */
@SafeloadSpringTest
@TestPropertySource(
    properties = {
      "spring.security.oauth2.client.registration.entra.client-id=safeload-test",
      "spring.security.oauth2.client.registration.entra.client-secret=secret",
      "spring.security.oauth2.client.registration.entra.client-name=Microsoft",
      "spring.security.oauth2.client.registration.entra.scope=openid,profile,email",
      "spring.security.oauth2.client.registration.entra.authorization-grant-type=authorization_code",
      "spring.security.oauth2.client.registration.entra.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
      "spring.security.oauth2.client.provider.entra.authorization-uri=https://login.example.test/authorize",
      "spring.security.oauth2.client.provider.entra.token-uri=https://login.example.test/token",
      "spring.security.oauth2.client.provider.entra.jwk-set-uri=https://login.example.test/keys",
      "spring.security.oauth2.client.provider.entra.user-name-attribute=preferred_username"
    })
class OidcSignInTest {

  @Autowired MockMvc mvc;
  @Autowired UserAccounts accounts;
  @Autowired AccountOidcUserService oidcUsers;

  @Test
  void theSignInPageOffersTheOrganisationsSignInWhichRedirectsToTheProvider() throws Exception {
    String page = mvc.perform(get("/sign-in")).andReturn().getResponse().getContentAsString();
    assertThat(Jsoup.parse(page).select("a[href='/oauth2/authorization/entra']").text())
        .isEqualTo("Sign in with Microsoft");
    String location =
        mvc.perform(get("/oauth2/authorization/entra"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location)
        .startsWith("https://login.example.test/authorize?")
        .contains("client_id=safeload-test");
  }

  private static OidcUser oidcUser(String preferredUsername) {
    OidcIdToken token =
        new OidcIdToken(
            "token",
            Instant.parse("2026-11-23T10:00:00Z"),
            Instant.parse("2026-11-23T11:00:00Z"),
            Map.of("sub", "abc", "preferred_username", preferredUsername));
    return new DefaultOidcUser(List.of(), token);
  }

  @Test
  void anOidcUserGetsTheRoleOfTheirLocalAccountAndNobodyElseGetsIn() {
    accounts.createAsSystem(
        new UserAccounts.NewAccount(
            "fin@northbridge.example", "Fiona Finance", null, AccessRole.FINANCE, null));
    OidcUser user = oidcUsers.toAccountUser(oidcUser("FIN@northbridge.example"));
    assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_FINANCE");
    assertThat(((SafeloadPrincipal) user).displayName()).isEqualTo("Fiona Finance");
    assertThat(user.getName()).isEqualTo("fin@northbridge.example");

    assertThatThrownBy(() -> oidcUsers.toAccountUser(oidcUser("stranger@example.com")))
        .isInstanceOf(OAuth2AuthenticationException.class);
  }

  @Test
  void anOidcOnlyAccountCannotSignInWithAPassword() throws Exception {
    accounts.createAsSystem(
        new UserAccounts.NewAccount("sso-only", "SSO Only", null, AccessRole.READ_ONLY, null));
    assertThat(
            mvc.perform(
                    get("/api/v1/teams")
                        .with(
                            org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.httpBasic("sso-only", "")))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(401);
  }
}
