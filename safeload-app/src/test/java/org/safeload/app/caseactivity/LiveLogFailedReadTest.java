package org.safeload.app.caseactivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeload.app.caseactivity.persistence.CaseEventRepository;
import org.safeload.timeliness.EventLog;
import org.safeload.timeliness.EventType;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A read of the stored events that fails part way (H2's "Chunk … not found" under load, a dropped
 * connection) leaves nothing half-read: the next read starts again from the beginning, so no event
 * is in the log twice; the load at start-up tries again by itself.
 */
class LiveLogFailedReadTest {

  private static final long JULY_14 = 1_784_025_000L;

  @Test
  void aReadThatFailsPartWayIsDoneAgainFromTheBeginningWithNoEventTwice() throws Exception {
    CaseEventRepository events = mock(CaseEventRepository.class);
    long[] version = {5};
    when(events.state()).thenAnswer(call -> new CaseEventRepository.State(version[0], 0));
    // The table: rows 1..stored, event ids e1, e2, ...
    int[] stored = {2};
    boolean[] failNext = {false};
    List<Long> askedAfter = new ArrayList<>();
    when(events.appendAfter(anyLong(), any(), any()))
        .thenAnswer(
            call -> {
              long after = call.getArgument(0);
              askedAfter.add(after);
              EventLog log = call.getArgument(1);
              for (long id = after + 1; id <= stored[0]; id++) {
                log.add(
                    "e" + id,
                    JULY_14 + id,
                    EventType.VISIT,
                    "C1",
                    "K1",
                    null,
                    null,
                    null,
                    -1,
                    EventLog.NO_DATE);
                if (failNext[0]) {
                  failNext[0] = false;
                  throw new IllegalStateException("Could not read the case events");
                }
              }
              return (long) stored[0];
            });
    LiveLog live =
        new LiveLog(
            events, mock(PlatformTransactionManager.class), Duration.ofSeconds(1), "", false);
    live.awaitLoaded();

    // Two more rows stored; the read of them fails after the first.
    stored[0] = 4;
    version[0] = 6;
    failNext[0] = true;
    assertThatThrownBy(live::refresh).hasMessage("Could not read the case events");
    live.refresh();

    assertThat(askedAfter).containsExactly(0L, 2L, 0L);
    assertThat(idsAndRows(live)).containsExactly("e1@0", "e2@1", "e3@2", "e4@3");
  }

  @Test
  void theLoadAtStartUpTriesAgainAfterAFailedRead() throws Exception {
    CaseEventRepository events = mock(CaseEventRepository.class);
    when(events.state()).thenReturn(new CaseEventRepository.State(1, 0));
    List<Long> askedAfter = new ArrayList<>();
    when(events.appendAfter(anyLong(), any(), any()))
        .thenAnswer(
            call -> {
              askedAfter.add(call.getArgument(0));
              EventLog log = call.getArgument(1);
              log.add(
                  "e1",
                  JULY_14,
                  EventType.VISIT,
                  "C1",
                  "K1",
                  null,
                  null,
                  null,
                  -1,
                  EventLog.NO_DATE);
              if (askedAfter.size() == 1) {
                throw new IllegalStateException("Could not read the case events");
              }
              return 1L;
            });

    LiveLog live =
        new LiveLog(
            events, mock(PlatformTransactionManager.class), Duration.ofSeconds(1), "", false);
    live.awaitLoaded();

    assertThat(askedAfter).containsExactly(0L, 0L);
    assertThat(idsAndRows(live)).containsExactly("e1@0");
  }

  /** Each event id with the row its id finds: a row added twice would find the first. */
  private static List<String> idsAndRows(LiveLog live) {
    return live.read(
        v -> {
          List<String> all = new ArrayList<>();
          for (int r = 0; r < v.log().size(); r++) {
            all.add(v.log().eventId(r) + "@" + v.log().rowOf(v.log().eventId(r)));
          }
          return all;
        });
  }
}
