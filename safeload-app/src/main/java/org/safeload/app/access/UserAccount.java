package org.safeload.app.access;

import java.time.Instant;

/** A local account. OIDC sign-ins are matched to an account by username. */
public record UserAccount(
    long id,
    String username,
    String displayName,
    AccessRole role,
    Long providerId,
    boolean enabled,
    Instant createdAt)
    implements java.io.Serializable {}
