package org.safeload.organisation;

/**
 * A team within a service. A managed team names its provider; a substantive team has none.
 *
 * @param providerId the provider of a managed team, {@code null} for a substantive team
 */
public record Team(long id, long serviceId, String name, TeamKind kind, Long providerId) {

  public Team {
    if ((kind == TeamKind.MANAGED) != (providerId != null)) {
      throw new IllegalArgumentException(
          "a managed team, and only a managed team, names a provider");
    }
  }

  public boolean managed() {
    return kind == TeamKind.MANAGED;
  }
}
