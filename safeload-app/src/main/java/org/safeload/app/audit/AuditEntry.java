package org.safeload.app.audit;

import java.time.Instant;

/**
 * Who changed what and when. The summary names the fields that changed, never their values, so no
 * personal data is copied into the trail.
 */
public record AuditEntry(
    long id,
    Instant occurredAt,
    String actor,
    String action,
    String entityType,
    String entityId,
    String summary) {}
