package org.safeload.app.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's {@code Authorization: Bearer slt_...}: a valid token signs the request in as its
 * account (for this request only; the API keeps no session); any other Bearer token is answered
 * 401, and a read-only token's change (anything but GET, HEAD, OPTIONS) 403. Requests without a
 * Bearer token pass on to HTTP Basic. The token is never logged.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final ObjectProvider<ApiTokens> tokens;
  private final AuthenticationEntryPoint entryPoint;
  private final SecurityContextHolderStrategy contexts =
      SecurityContextHolder.getContextHolderStrategy();
  private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

  /** What a read-only token may do. */
  private static final java.util.Set<String> READS = java.util.Set.of("GET", "HEAD", "OPTIONS");

  private final org.springframework.security.web.access.AccessDeniedHandler readOnly;

  ApiTokenFilter(
      ObjectProvider<ApiTokens> tokens,
      AuthenticationEntryPoint entryPoint,
      org.springframework.security.web.access.AccessDeniedHandler readOnly) {
    this.tokens = tokens;
    this.entryPoint = entryPoint;
    this.readOnly = readOnly;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      chain.doFilter(request, response);
      return;
    }
    ApiTokens known = tokens.getIfAvailable();
    Optional<org.safeload.app.access.persistence.ApiTokenRepository.Match> match =
        known == null
            ? Optional.empty()
            : known.authenticate(header.substring(BEARER.length()).strip());
    if (match.isEmpty()) {
      contexts.clearContext();
      entryPoint.commence(
          request, response, new BadCredentialsException("unknown or revoked API token"));
      return;
    }
    if (match.get().readOnly() && !READS.contains(request.getMethod())) {
      contexts.clearContext();
      readOnly.handle(
          request,
          response,
          new org.springframework.security.access.AccessDeniedException("read-only token"));
      return;
    }
    TokenUser user = new TokenUser(match.get().account());
    UsernamePasswordAuthenticationToken authentication =
        UsernamePasswordAuthenticationToken.authenticated(
            user, null, List.of(new SimpleGrantedAuthority(user.role().authority())));
    authentication.setDetails(details.buildDetails(request));
    SecurityContext context = contexts.createEmptyContext();
    context.setAuthentication(authentication);
    contexts.setContext(context);
    chain.doFilter(request, response);
  }
}
