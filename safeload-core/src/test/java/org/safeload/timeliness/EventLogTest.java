package org.safeload.timeliness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventLogTest {

  private static final long JULY_14 = 1_784_025_000L; // 2026-07-14T10:30:00Z

  @Test
  void addFromCopiesARowOfAnotherLogWithItsValuesInternedHere() {
    EventLog target = new EventLog();
    // The target already knows some of the values, under other ids than the file's.
    target.add("old", JULY_14 - 86_400, EventType.VISIT, "C2", "K2", "W9", "T1", null, -1, -1);
    EventLog file = new EventLog();
    file.add("e1", JULY_14, EventType.VISIT, "C1", "K1", "W1", "T1", "seen", -1, EventLog.NO_DATE);
    file.add(
        "e2",
        JULY_14 + 60,
        EventType.DOCUMENT_SUBMITTED,
        "C2",
        "K2",
        null,
        null,
        "report",
        -1,
        20_650);

    int first = target.addFrom(file, 0);
    int second = target.addFrom(file, 1);

    assertThat(List.of(first, second)).containsExactly(1, 2);
    assertThat(words(target))
        .containsExactly(
            "old|" + (JULY_14 - 86_400) + "|visit|C2|K2|W9|T1|null|-1|-1",
            "e1|" + JULY_14 + "|visit|C1|K1|W1|T1|seen|-1|" + EventLog.NO_DATE,
            "e2|" + (JULY_14 + 60) + "|document-submitted|C2|K2|null|null|report|-1|20650");
    // Interned, not repeated: C2 and T1 keep their one id each; the new event ids find their rows.
    assertThat(target.cases().size()).isEqualTo(2);
    assertThat(target.teams().size()).isEqualTo(1);
    assertThat(target.caseOf(2)).isEqualTo(target.caseOf(0));
    assertThat(target.rowOf("e2")).isEqualTo(2);
    assertThat(target.day(1)).isEqualTo(file.day(0));
  }

  private static List<String> words(EventLog log) {
    List<String> rows = new ArrayList<>();
    for (int r = 0; r < log.size(); r++) {
      rows.add(
          String.join(
              "|",
              log.eventId(r),
              String.valueOf(log.at(r)),
              log.type(r).code(),
              String.valueOf(log.cases().get(log.caseOf(r))),
              String.valueOf(log.children().get(log.childOf(r))),
              String.valueOf(log.workers().get(log.workerOf(r))),
              String.valueOf(log.teams().get(log.teamOf(r))),
              String.valueOf(log.details().get(log.detailOf(r))),
              String.valueOf(log.ref(r)),
              String.valueOf(log.due(r))));
    }
    return rows;
  }
}
