package org.safeload.app.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks every request before anything reads it or signs anyone in:
 *
 * <ul>
 *   <li><b>Size.</b> A body larger than its endpoint allows is refused (413) before it is read:
 *       event and children files up to 1 GB (streamed), a workers file up to 50 MB, an Annex A
 *       workbook up to 100 MB (streamed to a temporary file), anything else up to 4 MB (a contract,
 *       rule set or policy is a few kilobytes; documents are refused beyond 2 million characters
 *       anyway). Uploads through pages are multipart, limited by {@code spring.servlet.multipart}.
 *   <li><b>Origin.</b> A change to the API (POST, PUT, PATCH, DELETE) sent by a browser from
 *       another site is refused (403): a page elsewhere cannot make a signed-in browser (HTTP Basic
 *       credentials it remembers) import or change anything. Programs send no Origin header.
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestGuard extends OncePerRequestFilter {

  public static final long MAX_BODY = 4L << 20;
  public static final long MAX_WORKERS_FILE = 50L << 20;
  public static final long MAX_EVENTS_FILE = 1L << 30;
  public static final long MAX_WORKBOOK = 100L << 20;

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean api = path.startsWith("/api/");
    if (api && !SAFE_METHODS.contains(request.getMethod()) && crossSite(request)) {
      ProblemResponse.write(
          response, 403, "Changes to the API are not accepted from a page on another site");
      return;
    }
    long limit = limit(path, request.getContentType());
    long length = request.getContentLengthLong();
    if (length > limit) {
      ProblemResponse.write(
          response,
          413,
          "The request is " + length + " bytes; this address accepts at most " + limit);
      return;
    }
    chain.doFilter(request, response);
  }

  /** The largest body an address accepts. */
  static long limit(String path, String contentType) {
    if (contentType != null
        && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
      return Long.MAX_VALUE; // spring.servlet.multipart's limits apply
    }
    if (path.equals("/api/v1/case-events/import") || path.equals("/api/v1/children/import")) {
      return MAX_EVENTS_FILE;
    }
    if (path.equals("/api/v1/workers/import")) {
      return MAX_WORKERS_FILE;
    }
    if (path.equals("/api/v1/annex-a/report")) {
      return MAX_WORKBOOK;
    }
    return MAX_BODY;
  }

  /**
   * Whether a browser says the request comes from another site: an {@code Origin} that is not this
   * server's own (or "null", from a sandboxed page or a file), or {@code Sec-Fetch-Site:
   * cross-site}.
   */
  static boolean crossSite(HttpServletRequest request) {
    if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
      return true;
    }
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return false;
    }
    return !origin.equalsIgnoreCase(ownOrigin(request));
  }

  private static String ownOrigin(HttpServletRequest request) {
    String scheme = request.getScheme();
    int port = request.getServerPort();
    boolean defaultPort =
        ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
  }
}
