package org.safeload.extract;

import java.time.LocalDateTime;
import org.safeload.timeliness.EventType;

/**
 * One row of the event file an extract writes (docs/timeliness.md), with its source for reports.
 */
public record ExtractEvent(
    String eventId,
    LocalDateTime occurredAt,
    EventType type,
    String caseId,
    String childId,
    String workerId,
    String teamId,
    String detail) {}
