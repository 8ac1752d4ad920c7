package org.safeload.app.caseactivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.app.caseactivity.persistence.CaseEventRepository;
import org.safeload.timeliness.EventLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The case activity kept between starts of an embedded database (ADR 0022): taken up at the next
 * start with what was stored since read on top, and thrown away when it no longer matches the
 * database: after a correction, a row gone without one, a damaged file. Each time the log is
 * checked row for row against one read afresh from the table (the second method).
 *
 * <p>The logs here are built on the test database and told an H2 file address only for where to
 * keep their copy.
 */
@SafeloadSpringTest
class KeptLiveLogTest {

  @Autowired CaseEventRepository repository;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcClient jdbc;
  @Autowired CaseActivity activity;

  @TempDir Path dir;

  private String url() {
    return "jdbc:h2:file:" + dir.resolve("safeload") + ";MODE=Regular";
  }

  private LiveLog started() throws InterruptedException {
    LiveLog log = new LiveLog(repository, transactions, Duration.ofSeconds(1), url(), true);
    log.awaitLoaded();
    return log;
  }

  private Path kept() {
    return dir.resolve("safeload.live-log");
  }

  @Test
  void theNextStartTakesUpTheKeptLogAndReadsWhatWasStoredSinceOnTop() throws Exception {
    activity.eventCount(); // the app's own log has loaded
    String p = "kept1";
    // A write-up whose visit is not stored yet: its reference waits, and is kept waiting.
    stored(p + "-w", "visit-write-up", "2026-11-20 10:00:00+00", p + "-v");
    LiveLog first = started();
    assertThat(first.tookUpKept()).isFalse();
    first.keep();
    assertThat(kept()).isRegularFile();
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept())))
          .isEqualTo("rw-------");
    }

    stored(p + "-v", "visit", "2026-11-19 09:15:30+00", null);
    stored(p + "-v2", "visit", "2026-11-21 09:00:00+00", null);
    LiveLog second = started();

    assertThat(second.tookUpKept()).isTrue();
    List<String> rows = rowsOf(second);
    assertThat(rows).isEqualTo(afresh());
    assertThat(rows)
        .anyMatch(r -> r.startsWith(p + "-w|") && r.contains("|" + p + "-v|"))
        .anyMatch(r -> r.startsWith(p + "-v2|"));
    // Its numbers moved on with the database: a later change is read as usual.
    stored(p + "-v3", "visit", "2026-11-22 09:00:00+00", null);
    second.refresh();
    assertThat(rowsOf(second)).isEqualTo(afresh());
  }

  @Test
  void aCorrectionThrowsTheKeptLogAway() throws Exception {
    activity.eventCount();
    LiveLog log = started();
    log.keep();
    assertThat(kept()).isRegularFile();

    // As a correction does: stored events changed in place, the rebuild number moved on.
    jdbc.sql("update case_activity_version set version = version + 1, rebuilt = rebuilt + 1")
        .update();
    long rebuilt = jdbc.sql("select rebuilt from case_activity_version").query(Long.class).single();
    log.refresh();

    // Thrown away at once; the log read afresh is then kept again in the background.
    assertThat(rowsOf(log)).isEqualTo(afresh());
    LiveLogImage.Kept again = keptAgain();
    assertThat(again.rebuilt()).isEqualTo(rebuilt);
    assertThat(rows(again.log())).isEqualTo(afresh());
  }

  @Test
  void aStartThatReadEveryEventKeepsTheLogAtOnceSoAStartAfterACrashIsQuickToo() throws Exception {
    activity.eventCount();
    started(); // never stopped: as an app killed after its start

    assertThat(kept()).isRegularFile();
    LiveLog next = started();
    assertThat(next.tookUpKept()).isTrue();
    assertThat(rowsOf(next)).isEqualTo(afresh());
  }

  /** The kept log once it is there again (it is written in the background), read. */
  private LiveLogImage.Kept keptAgain() throws Exception {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(kept()) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    LiveLogImage image = LiveLogImage.forDatabase(url()).orElseThrow();
    // Written to another file and moved into place: once there, it is whole.
    return image.read();
  }

  @Test
  void aKeptLogThatNoLongerMatchesTheDatabaseIsThrownAwayAndEveryEventRead() throws Exception {
    activity.eventCount();
    String p = "kept3";
    stored(p + "-a", "visit", "2026-11-19 09:00:00+00", null);
    stored(p + "-b", "visit", "2026-11-19 10:00:00+00", null);
    started().keep();
    // A row gone with no correction recorded (a database put back from some other copy).
    jdbc.sql("delete from case_event where event_id = ?").param(p + "-a").update();
    try {
      LiveLog next = started();

      assertThat(next.tookUpKept()).isFalse();
      assertThat(rowsOf(next)).isEqualTo(afresh()).noneMatch(r -> r.startsWith(p + "-a|"));
      // Thrown away, and the log read afresh kept in its place.
      assertThat(rows(keptAgain().log())).isEqualTo(afresh());
    } finally {
      // The app's own log (shared by other tests) still holds the row: read everything again.
      jdbc.sql("update case_activity_version set version = version + 1, rebuilt = rebuilt + 1")
          .update();
    }
  }

  @Test
  void aDamagedKeptLogIsThrownAwayAndEveryEventRead() throws Exception {
    activity.eventCount();
    started().keep();
    byte[] bytes = Files.readAllBytes(kept());
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(kept(), bytes);

    LiveLog next = started();

    assertThat(next.tookUpKept()).isFalse();
    assertThat(rowsOf(next)).isEqualTo(afresh());
    // Thrown away, and the log read afresh kept in its place (its checksum holds).
    assertThat(rows(keptAgain().log())).isEqualTo(afresh());
  }

  @Test
  void onlyAnEmbeddedFileDatabaseKeepsItsLogAndItCanBeTurnedOff() throws Exception {
    assertThat(
            LiveLogImage.forDatabase(
                "jdbc:h2:file:./data/safeload;MODE=Regular;TRACE_LEVEL_FILE=0"))
        .get()
        .extracting(LiveLogImage::file)
        .isEqualTo(Path.of("./data/safeload.live-log"));
    assertThat(LiveLogImage.forDatabase("jdbc:h2:file:~/safeload"))
        .get()
        .extracting(LiveLogImage::file)
        .isEqualTo(Path.of(System.getProperty("user.home") + "/safeload.live-log"));
    assertThat(LiveLogImage.forDatabase("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1")).isEmpty();
    assertThat(LiveLogImage.forDatabase("jdbc:postgresql://127.0.0.1:5432/test")).isEmpty();
    assertThat(LiveLogImage.forDatabase("")).isEmpty();

    activity.eventCount();
    LiveLog off = new LiveLog(repository, transactions, Duration.ofSeconds(1), url(), false);
    off.awaitLoaded();
    off.keep();
    assertThat(kept()).doesNotExist();
  }

  @Test
  void theLogIsKeptAtTheStopWhenTheDatabaseHasClosedFirst() throws Exception {
    // As H2 does when the JVM stops: it closes itself, maybe before the app's own shutdown.
    CaseEventRepository db = org.mockito.Mockito.mock(CaseEventRepository.class);
    org.mockito.Mockito.when(db.state()).thenReturn(new CaseEventRepository.State(3, 1));
    org.mockito.Mockito.when(
            db.appendAfter(
                org.mockito.ArgumentMatchers.anyLong(),
                org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any()))
        .thenAnswer(
            call -> {
              EventLog log = call.getArgument(1);
              if ((long) call.getArgument(0) == 0) {
                log.add(
                    "a1",
                    1_784_025_000L,
                    org.safeload.timeliness.EventType.VISIT,
                    "C",
                    "K",
                    null,
                    null,
                    null,
                    -1,
                    EventLog.NO_DATE);
              }
              return 7L;
            });
    org.mockito.Mockito.when(db.rowsUpTo(7)).thenReturn(1L);
    org.mockito.Mockito.when(db.eventIdAt(7)).thenReturn("a1");
    PlatformTransactionManager tx = org.mockito.Mockito.mock(PlatformTransactionManager.class);
    LiveLog first = new LiveLog(db, tx, Duration.ofSeconds(1), url(), true);
    first.awaitLoaded();
    List<String> before = rowsOf(first);
    org.mockito.Mockito.reset(db);
    Files.delete(kept()); // kept once already, by the start that read every event
    org.mockito.Mockito.when(db.state())
        .thenThrow(new IllegalStateException("Database is already closed"));
    org.mockito.Mockito.when(db.rowsUpTo(org.mockito.ArgumentMatchers.anyLong()))
        .thenThrow(new IllegalStateException("Database is already closed"));

    first.keep();

    assertThat(kept()).isRegularFile();
    LiveLogImage.Kept read = LiveLogImage.forDatabase(url()).orElseThrow().read();
    assertThat(read.lastId()).isEqualTo(7);
    assertThat(read.storedRows()).isEqualTo(1);
    assertThat(read.lastEventId()).isEqualTo("a1");
    assertThat(read.version()).isEqualTo(3);
    assertThat(read.rebuilt()).isEqualTo(1);
    assertThat(rows(read.log())).isEqualTo(before).hasSize(1);
  }

  private static List<String> rowsOf(LiveLog log) {
    return log.read(v -> rows(v.log()));
  }

  private List<String> afresh() {
    LiveLog fresh = new LiveLog(repository, transactions, Duration.ofSeconds(1), "", false);
    fresh.refresh();
    return rowsOf(fresh);
  }

  private void stored(String eventId, String type, String at, String ref) {
    jdbc.sql(
            "insert into case_event (event_id, occurred_at, type, case_ref, child_ref, ref)"
                + " values (?, cast(? as timestamp with time zone), ?, ?, ?, ?)")
        .params(
            eventId, at, type, eventId.substring(0, 5) + "C", eventId.substring(0, 5) + "K", ref)
        .update();
    jdbc.sql("update case_activity_version set version = version + 1 where id = 1").update();
  }

  private static List<String> rows(EventLog log) {
    return CaseEventStorageContract.rows(log);
  }
}
