package org.safeload.app.caseactivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.safeload.timeliness.EventLog;
import org.safeload.timeliness.EventType;

/**
 * A provider's share of the log: every event of a case that has been in one of its teams (before
 * and after), its teams' events without a case, and nothing else; references kept.
 */
class ScopedLogTest {

  private static long at(String local) {
    return LocalDateTime.parse(local).atZone(java.time.ZoneId.of("Europe/London")).toEpochSecond();
  }

  @Test
  void keepsTheCasesThatHaveBeenInTheTeamsWithTheirReferences() {
    EventLog all = new EventLog();
    // C1 starts in the council's team T1 and moves to the provider's T9.
    all.add(
        "e1",
        at("2026-01-05T09:00"),
        EventType.REFERRAL,
        "C1",
        "K1",
        null,
        "T1",
        null,
        -1,
        EventLog.NO_DATE);
    all.add(
        "e2",
        at("2026-01-06T09:00"),
        EventType.TRANSFERRED,
        "C1",
        "K1",
        null,
        "T9",
        null,
        -1,
        EventLog.NO_DATE);
    int visit =
        all.add(
            "e3",
            at("2026-01-07T09:00"),
            EventType.VISIT,
            "C1",
            "K1",
            "W9",
            null,
            "seen",
            -1,
            EventLog.NO_DATE);
    // C2 never leaves T1.
    all.add(
        "e4",
        at("2026-01-05T10:00"),
        EventType.REFERRAL,
        "C2",
        "K2",
        null,
        "T1",
        null,
        -1,
        EventLog.NO_DATE);
    all.add(
        "e5",
        at("2026-01-08T09:00"),
        EventType.VISIT_WRITE_UP,
        "C1",
        "K1",
        "W9",
        null,
        null,
        visit,
        EventLog.NO_DATE);
    // A worker event in T9 (no case), and one in T1.
    all.add(
        "e6",
        at("2026-01-09T09:00"),
        EventType.values()[workerEvent()],
        null,
        null,
        "W9",
        "T9",
        null,
        -1,
        EventLog.NO_DATE);
    all.add(
        "e7",
        at("2026-01-09T09:00"),
        EventType.values()[workerEvent()],
        null,
        null,
        "W1",
        "T1",
        null,
        -1,
        EventLog.NO_DATE);

    EventLog mine = LiveLog.scoped(all, Set.of("T9"));

    List<String> ids = new ArrayList<>();
    for (int row = 0; row < mine.size(); row++) {
      ids.add(mine.eventId(row));
    }
    assertThat(ids).containsExactly("e1", "e2", "e3", "e5", "e6");
    int writeUp = mine.rowOf("e5");
    assertThat(mine.ref(writeUp)).isEqualTo(mine.rowOf("e3"));
    assertThat(LiveLog.scoped(all, Set.of("T-unknown")).size()).isZero();
  }

  private static int workerEvent() {
    for (EventType t : EventType.values()) {
      if (t.workerEvent()) {
        return t.ordinal();
      }
    }
    throw new AssertionError("no worker event type");
  }
}
