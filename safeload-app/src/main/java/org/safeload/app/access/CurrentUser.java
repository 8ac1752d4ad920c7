package org.safeload.app.access;

import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The person making the current request, and what they may see. */
public final class CurrentUser {

  /** A provider id that matches no provider: a provider account without a provider sees nothing. */
  public static final long NO_PROVIDER = -1L;

  private CurrentUser() {}

  public static Optional<Authentication> authentication() {
    return Optional.ofNullable(SecurityContextHolder.getContext().getAuthentication())
        .filter(Authentication::isAuthenticated)
        .filter(auth -> !(auth instanceof AnonymousAuthenticationToken));
  }

  public static Optional<AccessRole> role() {
    return authentication()
        .flatMap(
            auth -> {
              if (auth.getPrincipal() instanceof SafeloadPrincipal p) {
                return Optional.of(p.role());
              }
              return auth.getAuthorities().stream()
                  .map(GrantedAuthority::getAuthority)
                  .map(AccessRole::fromAuthority)
                  .flatMap(Optional::stream)
                  .findFirst();
            });
  }

  public static boolean hasRole(AccessRole... roles) {
    return role().map(r -> java.util.Arrays.asList(roles).contains(r)).orElse(false);
  }

  /** The signed-in person's Safeload account behind the sign-in, if there is one. */
  public static Optional<SafeloadPrincipal> principal() {
    return authentication()
        .map(Authentication::getPrincipal)
        .filter(SafeloadPrincipal.class::isInstance)
        .map(SafeloadPrincipal.class::cast)
        .filter(p -> p.account() != null);
  }

  /** The provider whose teams alone the user may see, or empty when the user may see every team. */
  public static Optional<Long> providerScope() {
    if (!hasRole(AccessRole.PROVIDER)) {
      return Optional.empty();
    }
    return Optional.of(principal().map(SafeloadPrincipal::providerId).orElse(NO_PROVIDER));
  }

  public static String displayName() {
    return authentication()
        .map(
            auth ->
                auth.getPrincipal() instanceof SafeloadPrincipal p
                    ? p.displayName()
                    : auth.getName())
        .orElse("");
  }
}
