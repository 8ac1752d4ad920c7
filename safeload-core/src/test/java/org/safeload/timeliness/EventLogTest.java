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

  @Test
  void addAllFromAddsRowsInTheirOrderAndLinksReferencesAmongThem() {
    EventLog target = new EventLog();
    target.add("old", JULY_14 - 86_400, EventType.VISIT, "C2", "K2", "W9", "T1", null, -1, -1);
    EventLog file = new EventLog();
    file.add("e1", JULY_14, EventType.VISIT, "C1", "K1", "W1", "T1", "seen", -1, EventLog.NO_DATE);
    file.add("e2", JULY_14 + 60, EventType.VISIT, "C2", "K2", "W1", "T1", "seen", -1, -1);
    // e3 writes up e2 (row 1), e4 writes up e1 (row 0), which is not among the rows added.
    file.add("e3", JULY_14 + 120, EventType.VISIT_WRITE_UP, "C2", "K2", "W1", "T1", null, 1, -1);
    file.add("e4", JULY_14 + 180, EventType.VISIT_WRITE_UP, "C1", "K1", "W1", "T1", null, 0, -1);

    int first = target.addAllFrom(file, new int[] {3, 1, 2});

    assertThat(first).isEqualTo(1);
    assertThat(words(target))
        .containsExactly(
            "old|" + (JULY_14 - 86_400) + "|visit|C2|K2|W9|T1|null|-1|-1",
            "e4|" + (JULY_14 + 180) + "|visit-write-up|C1|K1|W1|T1|null|-1|-1",
            "e2|" + (JULY_14 + 60) + "|visit|C2|K2|W1|T1|seen|-1|-1",
            "e3|" + (JULY_14 + 120) + "|visit-write-up|C2|K2|W1|T1|null|2|-1");
    assertThat(target.cases().size()).isEqualTo(2);
    assertThat(target.workers().size()).isEqualTo(2);
    assertThat(target.rowOf("e3")).isEqualTo(3);
    // Found by another log's row, as by the id's text.
    assertThat(target.rowOf(file, 2)).isEqualTo(3);
    assertThat(target.rowOf(file, 0)).isEqualTo(-1);
    assertThat(file.rowOf(target, 0)).isEqualTo(-1);
    assertThat(file.rowOf(target, 2)).isEqualTo(1);
  }

  /**
   * {@link EventLog#addAllFrom} against a second method: {@link EventLog#addFrom} row by row, with
   * the references among the rows added set by their ids, on seeded random logs.
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "seed {0}")
  @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void addAllFromAgreesWithAddFromRowByRow(long seed) {
    java.util.Random random = new java.util.Random(seed);
    System.out.println("EventLogTest seed " + seed);
    EventLog file = new EventLog();
    int n = 50 + random.nextInt(300);
    for (int i = 0; i < n; i++) {
      int refRow = i > 0 && random.nextInt(3) == 0 ? random.nextInt(i) : -1;
      file.add(
          "f" + i,
          JULY_14 + random.nextInt(1_000_000),
          EventType.values()[random.nextInt(EventType.values().length)],
          maybe(random, "C"),
          maybe(random, "K"),
          maybe(random, "W"),
          maybe(random, "T"),
          maybe(random, "d"),
          refRow,
          random.nextBoolean() ? EventLog.NO_DATE : 20_000 + random.nextInt(500));
    }
    List<Integer> chosen = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (random.nextInt(4) != 0) {
        chosen.add(i);
      }
    }
    java.util.Collections.shuffle(chosen, random);
    int[] rows = chosen.stream().mapToInt(Integer::intValue).toArray();

    EventLog bulk = startingLog(seed);
    EventLog oneByOne = startingLog(seed);
    int first = bulk.addAllFrom(file, rows);
    for (int row : rows) {
      oneByOne.addFrom(file, row);
    }
    for (int row : rows) {
      int target = file.ref(row);
      if (target >= 0 && chosen.contains(target)) {
        oneByOne.setRef(oneByOne.rowOf("f" + row), oneByOne.rowOf("f" + target));
      }
    }

    assertThat(first).isEqualTo(oneByOne.size() - rows.length);
    assertThat(words(bulk)).containsExactlyElementsOf(words(oneByOne));
    assertThat(bulk.cases().size()).isEqualTo(oneByOne.cases().size());
    assertThat(bulk.details().size()).isEqualTo(oneByOne.details().size());
  }

  private static String maybe(java.util.Random random, String prefix) {
    return random.nextInt(5) == 0 ? null : prefix + random.nextInt(40);
  }

  /** A log already holding some values the random files also name. */
  private static EventLog startingLog(long seed) {
    java.util.Random random = new java.util.Random(-seed);
    EventLog log = new EventLog();
    for (int i = 0; i < 20; i++) {
      log.add(
          "s" + i,
          JULY_14 - i,
          EventType.VISIT,
          maybe(random, "C"),
          maybe(random, "K"),
          maybe(random, "W"),
          maybe(random, "T"),
          null,
          -1,
          EventLog.NO_DATE);
    }
    return log;
  }

  /** Every row of a log in words (its ref as a row number). */
  static List<String> words(EventLog log) {

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
