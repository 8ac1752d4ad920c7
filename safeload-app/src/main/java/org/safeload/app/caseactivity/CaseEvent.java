package org.safeload.app.caseactivity;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A case event as stored (docs/timeliness.md): what happened, when, to which case and child, by
 * which worker in which team; {@code ref} is the id of the event it refers to (a write-up's visit,
 * minutes' meeting) and {@code dueDate} a submitted document's due date.
 */
public record CaseEvent(
    String eventId,
    Instant occurredAt,
    String type,
    String caseRef,
    String childRef,
    String workerRef,
    String teamRef,
    String detail,
    String ref,
    LocalDate dueDate) {}
