package org.safeload.app.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.safeload.app.access.RouteTable;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a call the {@link RouteTable} does not allow, once Spring has chosen the controller
 * method and before it reads the request: a refused role learns nothing from how its request would
 * have been checked, and the answer is the same one the services' own checks give (the refusal is
 * an AccessDeniedException, which ApiProblems and PageProblems answer with a 403). A route missing
 * from the table is refused to everyone: a new page or API is closed until someone says who may use
 * it.
 */
@Configuration(proxyBeanMethods = false)
class RouteGuard implements WebMvcConfigurer, HandlerInterceptor {

  /** After the password-change interceptors: someone who must change theirs is sent there first. */
  private static final int ORDER = 100;

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).order(ORDER);
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod)) {
      // Static files (/assets/**, /webjars/**): no controller, nothing to protect beyond sign-in.
      return true;
    }
    if ("OPTIONS".equals(request.getMethod())) {
      // Answered by Spring MVC itself with the methods the address takes; no controller runs.
      return true;
    }
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    RouteTable.Route route =
        RouteTable.find(request.getMethod(), String.valueOf(pattern))
            .orElseThrow(
                () ->
                    new AccessDeniedException(
                        "No entry in the route table for " + request.getMethod() + " " + pattern));
    if (!route.allowsCurrentUser()) {
      throw new AccessDeniedException("Refused by the route table: " + route.key());
    }
    return true;
  }
}
