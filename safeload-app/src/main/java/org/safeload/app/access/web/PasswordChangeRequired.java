package org.safeload.app.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.safeload.app.access.CurrentUser;
import org.safeload.app.access.SafeloadPrincipal;
import org.safeload.app.access.UserAccounts;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * After an administrator resets a password, its owner sees only the page to choose their own until
 * they have. Asked once per session (the reset ends every session of the account).
 */
@Configuration(proxyBeanMethods = false)
class PasswordChangeRequired implements WebMvcConfigurer {

  static final String CHECKED = PasswordChangeRequired.class.getName() + ".mustChange";

  private final UserAccounts accounts;

  PasswordChangeRequired(UserAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(
            new HandlerInterceptor() {
              @Override
              public boolean preHandle(
                  HttpServletRequest request, HttpServletResponse response, Object handler)
                  throws java.io.IOException {
                HttpSession session = request.getSession(false);
                java.util.Optional<SafeloadPrincipal> principal = CurrentUser.principal();
                if (session == null || principal.isEmpty()) {
                  return true;
                }
                Boolean mustChange = (Boolean) session.getAttribute(CHECKED);
                if (mustChange == null) {
                  mustChange = accounts.mustChangePassword(principal.get().account().id());
                  session.setAttribute(CHECKED, mustChange);
                }
                if (mustChange) {
                  response.sendRedirect(request.getContextPath() + "/account/password");
                  return false;
                }
                return true;
              }
            })
        .excludePathPatterns(
            "/api/**",
            "/account/password",
            "/sign-in",
            "/sign-out",
            "/assets/**",
            "/webjars/**",
            "/error",
            "/actuator/**");
    // The API with the password an administrator passed on (HTTP Basic): refused until its owner
    // has chosen their own, as pages are. API tokens are credentials of their own and still work.
    registry
        .addInterceptor(
            new HandlerInterceptor() {
              @Override
              public boolean preHandle(
                  HttpServletRequest request, HttpServletResponse response, Object handler)
                  throws java.io.IOException {
                if (CurrentUser.principal()
                    .filter(SafeloadPrincipal::byPassword)
                    .map(p -> accounts.mustChangePassword(p.account().id()))
                    .orElse(false)) {
                  org.safeload.app.platform.ProblemResponse.write(
                      response,
                      403,
                      "This password was reset by an administrator: sign in on a page and choose"
                          + " your own before using the API with a password");
                  return false;
                }
                return true;
              }
            })
        .addPathPatterns("/api/**");
  }
}
