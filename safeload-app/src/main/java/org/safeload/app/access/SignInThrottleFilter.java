package org.safeload.app.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before a password is checked: an account or address that {@link SignInThrottle} has blocked is
 * answered 429 with {@code Retry-After}, and HTTP Basic (which runs bcrypt on every call) is
 * limited to a burst of 20 requests and then 5 a second from one address ({@code
 * safeload.sign-in.*}). API tokens are not limited here: they are checked with a fast hash.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

  private final ObjectProvider<SignInThrottle> throttle;
  private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

  SignInThrottleFilter(ObjectProvider<SignInThrottle> throttle) {
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String username = basicUsername(request);
    boolean basic = username != null;
    if (!basic && "POST".equals(request.getMethod()) && path.equals("/sign-in")) {
      username = request.getParameter("username");
    }
    SignInThrottle limits = throttle.getIfAvailable();
    if (username != null && limits != null) {
      Optional<Duration> blocked = limits.blocked(username, request.getRemoteAddr());
      if (blocked.isPresent()) {
        tooMany(
            path,
            response,
            blocked.get(),
            "Too many wrong passwords for this account or from this address: try again in "
                + minutes(blocked.get()));
        return;
      }
    }
    if (basic && limits != null && !take(limits, request.getRemoteAddr())) {
      tooMany(
          path,
          response,
          Duration.ofSeconds(1),
          "Too many requests with a password: use an API token for programs");
      return;
    }
    chain.doFilter(request, response);
  }

  /** Takes a token from the address's bucket for a request signed in with HTTP Basic. */
  private boolean take(SignInThrottle limits, String address) {
    if (buckets.size() > 100_000) {
      buckets.clear();
    }
    double[] bucket =
        buckets.computeIfAbsent(address, a -> new double[] {limits.basicBurst(), now()});
    synchronized (bucket) {
      double now = now();
      bucket[0] =
          Math.min(limits.basicBurst(), bucket[0] + (now - bucket[1]) * limits.basicPerSecond());
      bucket[1] = now;
      if (bucket[0] < 1) {
        return false;
      }
      bucket[0]--;
      return true;
    }
  }

  private static double now() {
    return System.nanoTime() / 1e9;
  }

  private static String basicUsername(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String minutes(Duration d) {
    long minutes = Math.max(1, (d.getSeconds() + 59) / 60);
    return minutes == 1 ? "a minute" : minutes + " minutes";
  }

  private static void tooMany(
      String path, HttpServletResponse response, Duration retry, String detail) throws IOException {
    response.setStatus(429);
    response.setHeader("Retry-After", String.valueOf(Math.max(1, retry.toSeconds())));
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (path.startsWith("/api/")) {
      org.safeload.app.platform.ProblemResponse.write(response, 429, detail);
    } else {
      response.setContentType(MediaType.TEXT_HTML_VALUE);
      response
          .getWriter()
          .write(
              "<!DOCTYPE html><html lang=\"en\"><head><title>Too many attempts - Safeload</title>"
                  + "</head><body><h1>Too many attempts to sign in</h1><p>"
                  + detail
                  + ".</p><p><a href=\"/sign-in\">Sign in</a></p></body></html>");
    }
  }
}
