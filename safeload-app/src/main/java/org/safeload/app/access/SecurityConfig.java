package org.safeload.app.access;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Sign-in everywhere except the health check. The API (/api/**) takes API tokens ({@code
 * Authorization: Bearer slt_...}) and HTTP Basic for local accounts, and answers 401/403 as problem
 * details; pages use the sign-in form (and OIDC when it is configured), with CSRF protection and
 * strict headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfig {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
          + " frame-ancestors 'none'";

  /** The filter chains exist only in the web app; commands share the rest (method security). */
  @Configuration(proxyBeanMethods = false)
  @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
  static class WebChains {

    @Bean
    @Order(1)
    SecurityFilterChain api(
        HttpSecurity http,
        ObjectProvider<ApiTokens> tokens,
        ObjectProvider<SignInThrottle> throttle)
        throws Exception {
      http.securityMatcher("/api/**")
          .authorizeHttpRequests(a -> a.anyRequest().authenticated())
          .addFilterBefore(new SignInThrottleFilter(throttle), BasicAuthenticationFilter.class)
          // API tokens (Authorization: Bearer slt_...) first; HTTP Basic for people trying the API.
          // The tokens are found when a request comes (slices of the app without them refuse any).
          .addFilterBefore(
              new ApiTokenFilter(
                  tokens,
                  (req, res, e) -> problem(res, 401, BAD_TOKEN),
                  (req, res, e) -> problem(res, 403, READ_ONLY_TOKEN)),
              BasicAuthenticationFilter.class)
          .httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> signIn(res, e)))
          .exceptionHandling(
              e ->
                  e.authenticationEntryPoint((req, res, ex) -> signIn(res, ex))
                      .accessDeniedHandler((req, res, ex) -> problem(res, 403)))
          .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
          // Stateless Basic authentication: no session cookie for a forged request to ride on.
          .csrf(c -> c.disable())
          .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'")));
      return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(
        HttpSecurity http,
        ObjectProvider<ClientRegistrationRepository> oidcClients,
        ObjectProvider<AccountOidcUserService> oidcUsers,
        ObjectProvider<SignInThrottle> throttle)
        throws Exception {
      http.addFilterBefore(
              new SignInThrottleFilter(throttle),
              org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter
                  .class)
          .authorizeHttpRequests(
              a ->
                  a.requestMatchers(
                          "/actuator/health",
                          "/actuator/health/**",
                          "/sign-in",
                          "/webjars/**",
                          "/assets/**",
                          "/assets/**",
                          "/favicon.ico",
                          "/error")
                      .permitAll()
                      .anyRequest()
                      .authenticated())
          .formLogin(
              f ->
                  f.loginPage("/sign-in")
                      .loginProcessingUrl("/sign-in")
                      .defaultSuccessUrl("/", false)
                      .failureUrl("/sign-in?error"))
          // For tools reading /v3/api-docs with a local account.
          .httpBasic(b -> {})
          .logout(l -> l.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out"))
          .headers(
              h ->
                  h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                      .referrerPolicy(
                          r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
      if (oidcClients.getIfAvailable() != null) {
        AccountOidcUserService users = oidcUsers.getObject();
        http.oauth2Login(
            o ->
                o.loginPage("/sign-in")
                    .failureUrl("/sign-in?error=oidc")
                    .userInfoEndpoint(u -> u.oidcUserService(users)));
      }
      return http.build();
    }
  }

  /**
   * Lets {@link Requires} fill its capability into its {@code @PreAuthorize} expression (Spring
   * Security's meta-annotation templates). Static, as Spring Security asks for it while it sets up
   * method security itself.
   */
  @Bean
  static AnnotationTemplateExpressionDefaults annotationTemplateExpressionDefaults() {
    AnnotationTemplateExpressionDefaults defaults = new AnnotationTemplateExpressionDefaults();
    // A placeholder that names nothing is a mistake in an annotation, not something to ignore.
    defaults.setIgnoreUnknown(false);
    return defaults;
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  AccountOidcUserService accountOidcUserService(UserAccounts accounts) {
    return new AccountOidcUserService(accounts);
  }

  private static final String SIGN_IN =
      "Sign in with an API token (Authorization: Bearer) or HTTP Basic using a local Safeload"
          + " account";
  private static final String BAD_TOKEN =
      "The API token is not valid: it may have expired or been revoked, or its account disabled";
  private static final String READ_ONLY_TOKEN =
      "This API token may only read: ask an administrator for one that may change things";

  private static void problem(HttpServletResponse response, int status) throws IOException {
    problem(response, status, status == 401 ? SIGN_IN : "Your role does not allow this action");
  }

  /**
   * A request that could not be signed in: 401, unless the database could not be asked (the
   * account's password, say), which is a 503 to try again, not a wrong password.
   */
  private static void signIn(
      HttpServletResponse response,
      org.springframework.security.core.AuthenticationException failure)
      throws IOException {
    if (org.safeload.app.platform.DatabaseUnavailable.causes(failure)) {
      org.safeload.app.platform.ProblemResponse.writeDatabaseUnavailable(response);
    } else {
      problem(response, 401);
    }
  }

  private static void problem(HttpServletResponse response, int status, String detail)
      throws IOException {
    if (status == 401) {
      response.addHeader("WWW-Authenticate", "Bearer realm=\"Safeload\"");
      response.addHeader("WWW-Authenticate", "Basic realm=\"Safeload\"");
    }
    org.safeload.app.platform.ProblemResponse.write(response, status, detail);
  }
}
