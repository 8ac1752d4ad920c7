package org.safeload.app.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database failing before any controller (reading the session, or an API token): the request is
 * answered by {@link ErrorPages} as a 503 at once. Left to the servlet container's error dispatch,
 * the session would be read from the database again (waiting for a connection once more) and that
 * failure would end in the container's own 500 page. This filter runs before the session filter, so
 * the error page is shown without the session.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (RuntimeException | ServletException e) {
      if (!DatabaseUnavailable.causes(e) || response.isCommitted()) {
        throw e;
      }
      LOG.warn(
          "The database is unavailable: {} {} answered 503 ({})",
          request.getMethod(),
          request.getRequestURI(),
          e.getClass().getSimpleName());
      response.resetBuffer();
      request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, e);
      request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 503);
      request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
      request.getRequestDispatcher("/error").forward(request, response);
    }
  }
}
