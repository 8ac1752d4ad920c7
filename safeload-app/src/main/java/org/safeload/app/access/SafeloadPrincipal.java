package org.safeload.app.access;

/** The signed-in person, however they signed in (local account or OIDC). */
public interface SafeloadPrincipal {

  String username();

  String displayName();

  AccessRole role();

  /** The provider a {@code PROVIDER} account belongs to; {@code null} otherwise. */
  Long providerId();
}
