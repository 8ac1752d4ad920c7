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
    LocalDate dueDate) {

  /** Row {@code row} of a log, referring to the event {@code refId} (or to none). */
  public static CaseEvent of(org.safeload.timeliness.EventLog log, int row, String refId) {
    int due = log.due(row);
    return new CaseEvent(
        log.eventId(row),
        Instant.ofEpochSecond(log.at(row)),
        log.type(row).code(),
        log.cases().get(log.caseOf(row)),
        log.children().get(log.childOf(row)),
        log.workers().get(log.workerOf(row)),
        log.teams().get(log.teamOf(row)),
        log.details().get(log.detailOf(row)),
        refId,
        due == org.safeload.timeliness.EventLog.NO_DATE ? null : LocalDate.ofEpochDay(due));
  }

  /**
   * Adds this event to a log (its reference left for the caller to resolve), answering its row, or
   * -1 when its type is not one this version knows (it is then left out).
   */
  public int addTo(org.safeload.timeliness.EventLog log) {
    org.safeload.timeliness.EventType eventType =
        org.safeload.timeliness.EventType.fromCode(type).orElse(null);
    if (eventType == null) {
      return -1;
    }
    return log.add(
        eventId,
        occurredAt.getEpochSecond(),
        eventType,
        caseRef,
        childRef,
        workerRef,
        teamRef,
        detail,
        -1,
        dueDate == null ? org.safeload.timeliness.EventLog.NO_DATE : (int) dueDate.toEpochDay());
  }
}
