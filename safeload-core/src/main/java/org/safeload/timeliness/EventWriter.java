package org.safeload.timeliness;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.safeload.calendar.WorkingCalendar;

/**
 * Writes generated events to a {@link EventGenerator.Sink}: gives each the next id, draws the
 * minute of its time, and writes the events that come in a pattern wherever they occur (a meeting
 * and its minutes, an allocation and the manager's oversight note, a visit's write-up, a document
 * submitted before it is due, a worker's supervision through a period). The chances and delays of
 * those patterns are drawn here, from the generator's one random sequence.
 */
final class EventWriter {

  private final EventGenerator.Sink sink;
  private final SplittableRandom random;
  private final WorkingCalendar calendar;
  private final Supplier<String> ids;

  /**
   * @param ids the generator's event ids ({@code E1}, {@code E2}, …), continued across runs
   */
  EventWriter(
      EventGenerator.Sink sink,
      SplittableRandom random,
      WorkingCalendar calendar,
      Supplier<String> ids) {
    this.sink = sink;
    this.random = random;
    this.calendar = calendar;
    this.ids = ids;
  }

  /** A time on a day, at an hour and a random minute. */
  LocalDateTime at(LocalDate day, int hour) {
    return LocalDateTime.of(day, LocalTime.of(hour, random.nextInt(60)));
  }

  /** Writes an event with the next id, and returns the id. */
  String event(
      LocalDateTime at,
      EventType type,
      String caseId,
      String childId,
      String workerId,
      String teamId,
      String detail,
      String ref,
      LocalDate due) {
    String id = ids.get();
    sink.event(id, at, type, caseId, childId, workerId, teamId, detail, ref, due);
    return id;
  }

  /**
   * As {@link #event(LocalDateTime, EventType, String, String, String, String, String, String,
   * LocalDate)}, with no reference to another event and no due date.
   */
  String event(
      LocalDateTime at,
      EventType type,
      String caseId,
      String childId,
      String workerId,
      String teamId,
      String detail) {
    return event(at, type, caseId, childId, workerId, teamId, detail, "", null);
  }

  /** A meeting of a kind, and (mostly, mostly on time) its minutes distributed. */
  void meeting(
      String caseId,
      String childId,
      String workerId,
      String teamId,
      LocalDate day,
      int hour,
      String kind) {
    LocalDateTime at = at(day, hour);
    String meeting = event(at, EventType.MEETING, caseId, childId, workerId, teamId, kind);
    if (random.nextInt(100) < 95) {
      int hours = random.nextInt(100) < 85 ? 4 + random.nextInt(60) : 73 + random.nextInt(72);
      event(
          at.plusHours(hours),
          EventType.MINUTES_DISTRIBUTED,
          caseId,
          childId,
          workerId,
          teamId,
          "",
          meeting,
          null);
    }
  }

  /**
   * A case allocated to a worker on a day, and (mostly, mostly within a day) the team manager's
   * oversight note (by {@code M} and the team id).
   */
  void allocation(
      String caseId, String childId, String workerId, String teamId, LocalDate day, String detail) {
    LocalDateTime allocatedAt = at(day, 10);
    event(allocatedAt, EventType.ALLOCATED, caseId, childId, workerId, teamId, detail);
    if (random.nextInt(100) < 93) {
      event(
          allocatedAt.plusHours(
              random.nextInt(100) < 88 ? 2 + random.nextInt(20) : 25 + random.nextInt(48)),
          EventType.OVERSIGHT_NOTE,
          caseId,
          childId,
          "M" + teamId,
          teamId,
          "");
    }
  }

  /** A visit's write-up (mostly, mostly within a day of the visit). */
  void writeUp(
      String caseId,
      String childId,
      String workerId,
      String teamId,
      LocalDate visited,
      String visitId) {
    if (random.nextInt(100) < 96) {
      LocalDate writeUp =
          visited.plusDays(random.nextInt(100) < 85 ? random.nextInt(2) : 2 + random.nextInt(4));
      event(
          at(writeUp, 17),
          EventType.VISIT_WRITE_UP,
          caseId,
          childId,
          workerId,
          teamId,
          "",
          visitId,
          null);
    }
  }

  /** A document of a kind due on a day, submitted (mostly) three working days or more before. */
  void document(
      String caseId, String childId, String workerId, String teamId, LocalDate due, String kind) {
    LocalDate submitted =
        calendar.workingDaysBefore(
            due, random.nextInt(100) < 80 ? 3 + random.nextInt(3) : 1 + random.nextInt(2));
    event(
        at(submitted, 12),
        EventType.DOCUMENT_SUBMITTED,
        caseId,
        childId,
        workerId,
        teamId,
        kind,
        "",
        due);
  }

  /** A worker's supervision from a day to a day: every three to four weeks, a few missed. */
  void supervision(String workerId, String teamId, LocalDate from, LocalDate to) {
    LocalDate day = from.plusDays(random.nextInt(10));
    while (!day.isAfter(to)) {
      if (random.nextInt(100) < 95) {
        event(at(day, 14), EventType.SUPERVISION, "", "", workerId, teamId, "");
      }
      day = day.plusDays(21 + random.nextInt(12));
    }
  }
}
