package org.safeload.app.access;

import java.time.Instant;

/**
 * An API token of an account, as listed to administrators. The token itself is never stored: only
 * its SHA-256, which never leaves the repository.
 */
public record ApiToken(
    long id,
    long accountId,
    String label,
    Instant createdAt,
    String createdBy,
    Instant lastUsedAt,
    Instant revokedAt,
    String revokedBy,
    Instant expiresAt,
    boolean readOnly) {

  public boolean revoked() {
    return revokedAt != null;
  }

  /** Whether the token has expired by this instant (tokens made before expiry existed never do). */
  public boolean expiredBy(Instant now) {
    return expiresAt != null && !expiresAt.isAfter(now);
  }
}
