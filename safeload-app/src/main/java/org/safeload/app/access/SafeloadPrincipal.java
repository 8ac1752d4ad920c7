package org.safeload.app.access;

/** The signed-in person, however they signed in (local account or OIDC): their account speaks. */
public interface SafeloadPrincipal {

  /** The Safeload account behind the sign-in. */
  UserAccount account();

  default String username() {
    return account().username();
  }

  default String displayName() {
    return account().displayName();
  }

  default AccessRole role() {
    return account().role();
  }

  /** Whether the person signed in with the account's password (not an API token). */
  default boolean byPassword() {
    return true;
  }

  /** The provider a {@code PROVIDER} account belongs to; {@code null} otherwise. */
  default Long providerId() {
    return account().providerId();
  }
}
