package org.safeload.timeliness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventLogImageTest {

  private static final long JULY_14 = 1_784_025_000L; // 2026-07-14T10:30:00Z

  @Test
  void aHandMadeLogReadsBackRowForRowAndGoesOnAsTheOriginalWould() throws IOException {
    EventLog log = new EventLog();
    int visit = log.add("e1", JULY_14, EventType.VISIT, "C1", "K1", "W1", "T1", null, -1, 20_650);
    log.add(
        "e2", JULY_14 + 3600, EventType.VISIT_WRITE_UP, "C1", "K1", "W1", "T1", null, visit, -1);
    log.add(
        "é3",
        JULY_14 - 86_400,
        EventType.MEETING,
        "C2",
        null,
        null,
        "T2",
        "x",
        -1,
        EventLog.NO_DATE);

    EventLog back = roundTrip(log);

    assertThat(rows(back))
        .containsExactly(
            "e1|1784025000|" + EventType.VISIT.code() + "|C1|K1|W1|T1|null|-1|20650",
            "e2|1784028600|" + EventType.VISIT_WRITE_UP.code() + "|C1|K1|W1|T1|null|0|-1",
            "é3|1783938600|"
                + EventType.MEETING.code()
                + "|C2|null|null|T2|x|-1|"
                + EventLog.NO_DATE);
    // The local day is the time's day in London (worked out by java.time, a second method).
    assertThat(back.day(0))
        .isEqualTo(
            java.time.Instant.ofEpochSecond(JULY_14)
                .atZone(java.time.ZoneId.of("Europe/London"))
                .toLocalDate()
                .toEpochDay());
    // Its dictionaries find what was interned before, and take new values after them.
    assertThat(back.rowOf("é3")).isEqualTo(2);
    assertThat(back.cases().find("C2")).isEqualTo(1);
    int next = back.add("e4", JULY_14, EventType.VISIT, "C2", "K9", "W1", "T1", null, 2, -1);
    assertThat(next).isEqualTo(3);
    assertThat(back.caseOf(next)).isEqualTo(1);
    assertThat(back.children().get(back.childOf(next))).isEqualTo("K9");
    assertThat(back.children().size()).isEqualTo(2);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void aSeededRandomLogReadsBackTheSameAndPreparesTheSameOrders(long seed) throws IOException {
    System.out.println("EventLogImageTest seed " + seed);
    Random random = new Random(seed);
    EventLog log = new EventLog();
    int n = random.nextInt(5000);
    for (int i = 0; i < n; i++) {
      log.add(
          "ev" + i,
          JULY_14 + random.nextInt(40_000_000) - 20_000_000,
          EventType.values()[random.nextInt(EventType.values().length)],
          maybe(random, "C"),
          maybe(random, "K"),
          maybe(random, "W"),
          maybe(random, "T"),
          maybe(random, "dét"),
          i > 0 && random.nextInt(3) == 0 ? random.nextInt(i) : -1,
          random.nextBoolean() ? EventLog.NO_DATE : 20_000 + random.nextInt(900));
    }

    EventLog back = roundTrip(log);

    assertThat(rows(back)).containsExactlyElementsOf(rows(log));
    for (int i = 0; i < n; i += 97) {
      assertThat(back.rowOf("ev" + i)).isEqualTo(i);
    }
    Timeliness.prepare(log);
    Timeliness.prepare(back);
    assertThat(back.caseOrder).containsExactly(log.caseOrder);
    assertThat(back.workerOrder).containsExactly(log.workerOrder);
  }

  @Test
  void readsNoFurtherThanTheImageSoWhatFollowsItIsLeftToTheCaller() throws IOException {
    EventLog log = new EventLog();
    log.add("e1", JULY_14, EventType.VISIT, "C1", "K1", "W1", "T1", null, -1, -1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    EventLogImage.write(log, out);
    out.write(new byte[] {7, 8, 9});
    InputStream in = new ByteArrayInputStream(out.toByteArray());

    EventLogImage.read(in);

    assertThat(in.readAllBytes()).containsExactly(7, 8, 9);
  }

  @Test
  void somethingElseAShortImageOrAnIdBeyondItsDictionaryIsRefused() throws IOException {
    EventLog log = new EventLog();
    log.add("e1", JULY_14, EventType.VISIT, "C1", "K1", "W1", "T1", null, -1, -1);
    log.add("e2", JULY_14, EventType.VISIT, "C2", "K1", "W1", "T1", null, 0, -1);
    byte[] image = image(log);

    assertThatThrownBy(() -> EventLogImage.read(new ByteArrayInputStream(new byte[40])))
        .isInstanceOf(IOException.class)
        .hasMessage("Not an event log image");
    assertThatThrownBy(
            () ->
                EventLogImage.read(
                    new ByteArrayInputStream(Arrays.copyOf(image, image.length - 1))))
        .isInstanceOf(java.io.EOFException.class);
    // The last column is the due dates; before it, the references: the second row's (0) made 2.
    byte[] badRef = image.clone();
    int refOfRow2 = image.length - 2 * 4 - 4;
    assertThat(badRef[refOfRow2]).isZero();
    badRef[refOfRow2] = 2;
    assertThatThrownBy(() -> EventLogImage.read(new ByteArrayInputStream(badRef)))
        .isInstanceOf(IOException.class)
        .hasMessage("An event log image's row 1 is out of shape");
    byte[] otherFormat = image.clone();
    otherFormat[8] = 9;
    assertThatThrownBy(() -> EventLogImage.read(new ByteArrayInputStream(otherFormat)))
        .isInstanceOf(IOException.class)
        .hasMessage("An event log image of another format (9)");
  }

  @Test
  void aLogWithoutItsEventIdsIsNotWritten() {
    EventLog log = new EventLog(false);
    log.add("e1", JULY_14, EventType.VISIT, "C1", "K1", "W1", "T1", null, -1, -1);
    assertThatThrownBy(() -> EventLogImage.write(log, new ByteArrayOutputStream()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static EventLog roundTrip(EventLog log) throws IOException {
    return EventLogImage.read(new ByteArrayInputStream(image(log)));
  }

  private static byte[] image(EventLog log) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    EventLogImage.write(log, out);
    return out.toByteArray();
  }

  private static String maybe(Random random, String prefix) {
    return random.nextInt(5) == 0 ? null : prefix + random.nextInt(300);
  }

  private static List<String> rows(EventLog log) {
    return EventLogTest.words(log);
  }
}
