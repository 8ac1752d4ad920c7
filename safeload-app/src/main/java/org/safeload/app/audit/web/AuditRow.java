package org.safeload.app.audit.web;

import java.time.Instant;

/**
 * An audit entry as the page shows it: who by name, the action and the record in words.
 *
 * @param subject the record's name, or {@code null} when it has none to show
 * @param path the record's page, or {@code null}
 */
public record AuditRow(
    Instant occurredAt,
    String who,
    String username,
    String action,
    String type,
    String subject,
    String path,
    String summary) {}
