package org.safeload.app.access;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Work the app does on its own behalf rather than a signed-in user's: commands run by the operator
 * on the server itself, who already holds the database credentials (recorded as "cli" in the audit
 * trail), and figures worked out ahead of the first request. It acts as the administrator.
 */
public final class SystemAccess {

  private SystemAccess() {}

  /** Does the work as the administrator named "cli". */
  public static <T> T call(Supplier<T> work) {
    return call("cli", work);
  }

  /** Does the work as the administrator, under the given name. */
  public static <T> T call(String name, Supplier<T> work) {
    var previous = SecurityContextHolder.getContext();
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            name, null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
    SecurityContextHolder.setContext(context);
    try {
      return work.get();
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }
}
