package org.safeload.app.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.safeload.app.access.SafeloadPrincipal;
import org.safeload.app.access.UserAccounts;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
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
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                HttpSession session = request.getSession(false);
                if (session == null
                    || auth == null
                    || !(auth.getPrincipal() instanceof SafeloadPrincipal principal)
                    || principal.account() == null) {
                  return true;
                }
                Boolean mustChange = (Boolean) session.getAttribute(CHECKED);
                if (mustChange == null) {
                  mustChange = accounts.mustChangePassword(principal.account().id());
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
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                if (auth != null
                    && auth.getPrincipal() instanceof SafeloadPrincipal principal
                    && principal.byPassword()
                    && principal.account() != null
                    && accounts.mustChangePassword(principal.account().id())) {
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
