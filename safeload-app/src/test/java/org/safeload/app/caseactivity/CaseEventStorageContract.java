package org.safeload.app.caseactivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeload.app.caseactivity.persistence.CaseEventRepository;
import org.safeload.app.platform.InvalidInputException;
import org.safeload.timeliness.EventLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What an import stores, on each database (H2 through JDBC batches, PostgreSQL through COPY): every
 * value as in the file — quotes and commas in a detail, nulls, summer and winter times, references
 * within the file and to events stored before — and the in-memory log the import appended to is the
 * same as one read afresh from the table.
 */
@WithMockUser(username = "admin", roles = "ADMIN")
abstract class CaseEventStorageContract {

  @Autowired CaseActivity activity;
  @Autowired CaseEventRepository repository;
  @Autowired PlatformTransactionManager transactions;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  // The demo council's first team and two of its workers: an event file names the council's own.
  private String t1;
  private String w1;
  private String w2;

  @org.junit.jupiter.api.BeforeEach
  void councilIds() {
    t1 = String.valueOf(jdbc.sql("select min(id) from team").query(Long.class).single());
    List<Long> workers =
        jdbc.sql("select id from worker order by id").query(Long.class).list().subList(0, 2);
    w1 = String.valueOf(workers.get(0));
    w2 = String.valueOf(workers.get(1));
  }

  private CaseActivity.ImportResult importing(String rows) {
    String csv =
        "event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date\n" + rows;
    return activity.importEvents(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anImportIsStoredAsWrittenAndTheLiveLogMatchesTheTable() {
    String prefix = getClass().getSimpleName();
    String first =
        prefix
            + "-v,2026-07-14T10:30,visit,"
            + prefix
            + "C,"
            + prefix
            + "K,"
            + w1
            + ","
            + t1
            + ",seen,,\n"
            + prefix
            + "-d,2026-01-05T09:00,document-submitted,"
            + prefix
            + "C,"
            + prefix
            + "K,,"
            + t1
            + ",\"Conference \"\"report\"\", part 1\",,2026-01-09\n"
            + prefix
            + "-w,2026-07-15T16:00,visit-write-up,"
            + prefix
            + "C,"
            + prefix
            + "K,"
            + w1
            + ",,,"
            + prefix
            + "-v,\n";
    assertThat(importing(first)).isEqualTo(new CaseActivity.ImportResult(3, 0));
    // A second file: one unchanged row, and a write-up of the visit stored before.
    String second =
        prefix
            + "-v,2026-07-14T10:30,visit,"
            + prefix
            + "C,"
            + prefix
            + "K,"
            + w1
            + ","
            + t1
            + ",seen,,\n"
            + prefix
            + "-w2,2026-07-16T08:00,visit-write-up,"
            + prefix
            + "C,"
            + prefix
            + "K,"
            + w2
            + ",,,"
            + prefix
            + "-v,\n";
    assertThat(importing(second)).isEqualTo(new CaseActivity.ImportResult(1, 1));

    List<CaseEvent> stored = activity.caseEvents(prefix + "C");
    assertThat(stored)
        .containsExactly(
            new CaseEvent(
                prefix + "-d",
                Instant.parse("2026-01-05T09:00:00Z"), // winter: London is UTC
                "document-submitted",
                prefix + "C",
                prefix + "K",
                null,
                t1,
                "Conference \"report\", part 1",
                null,
                LocalDate.of(2026, 1, 9)),
            new CaseEvent(
                prefix + "-v",
                Instant.parse("2026-07-14T09:30:00Z"), // summer: London is UTC+1
                "visit",
                prefix + "C",
                prefix + "K",
                w1,
                t1,
                "seen",
                null,
                null),
            new CaseEvent(
                prefix + "-w",
                Instant.parse("2026-07-15T15:00:00Z"),
                "visit-write-up",
                prefix + "C",
                prefix + "K",
                w1,
                null,
                null,
                prefix + "-v",
                null),
            new CaseEvent(
                prefix + "-w2",
                Instant.parse("2026-07-16T07:00:00Z"),
                "visit-write-up",
                prefix + "C",
                prefix + "K",
                w2,
                null,
                null,
                prefix + "-v",
                null));

    // A log read afresh from the table holds what the live one appended, row for row.
    LiveLog fresh = new LiveLog(repository, transactions, Duration.ofSeconds(1), "", false);
    fresh.refresh();
    List<String> afresh = fresh.read(v -> rows(v.log()));
    List<String> live = activity.read(v -> rows(v.log()));
    assertThat(live).isEqualTo(afresh);
    assertThat(live).anyMatch(r -> r.startsWith(prefix + "-w2|"));
  }

  @Test
  void aChangedEventIsRefusedWithItsLineAndNothingIsStored() {
    String prefix = getClass().getSimpleName() + "x";
    // Visits (they open no case, so the shared demo council's queue is left as it was).
    importing(
        prefix
            + "-r,2026-03-02T09:00,visit,"
            + prefix
            + "C,"
            + prefix
            + "K,"
            + w1
            + ","
            + t1
            + ",seen,,\n");
    long before = activity.eventCount();
    assertThatThrownBy(
            () ->
                importing(
                    prefix
                        + "-new,2026-03-03T09:00,visit,"
                        + prefix
                        + "D,"
                        + prefix
                        + "L,"
                        + w1
                        + ","
                        + t1
                        + ",seen,,\n"
                        + prefix
                        + "-r,2026-03-02T09:00,visit,"
                        + prefix
                        + "C,"
                        + prefix
                        + "K,"
                        + w1
                        + ","
                        + t1
                        + ",not-seen,,\n"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.problems()).hasSize(1);
              assertThat(e.problems().getFirst().line()).isEqualTo(3);
              assertThat(e.problems().getFirst().field()).isEqualTo("event_id");
            });
    assertThat(activity.eventCount()).isEqualTo(before);
  }

  @Test
  void aLogReadFromTheTableResolvesLaterReferencesAndLeavesOutUnknownTypes() {
    String p = getClass().getSimpleName() + "t";
    // As another app instance (or a newer version) might have stored them: a write-up stored
    // before the visit it refers to, and a row of a type this version does not know.
    stored(p + "-w", "visit-write-up", "2026-11-20 10:00:00+00", p + "-v", null);
    stored(p + "-x", "a-later-kind", "2026-11-20 10:30:00+00", null, null);
    stored(p + "-v", "visit", "2026-11-19 09:15:30+00", null, "2026-11-27");

    LiveLog fresh = new LiveLog(repository, transactions, Duration.ofSeconds(1), "", false);
    fresh.refresh();
    List<String> rows =
        fresh.read(v -> rows(v.log()).stream().filter(r -> r.startsWith(p + "-")).toList());
    long visitAt = Instant.parse("2026-11-19T09:15:30Z").getEpochSecond();
    assertThat(rows)
        .containsExactly(
            p
                + "-w|"
                + Instant.parse("2026-11-20T10:00:00Z").getEpochSecond()
                + "|visit-write-up|"
                + p
                + "C|"
                + p
                + "K|null|null|null|"
                + p
                + "-v|"
                + EventLog.NO_DATE,
            p
                + "-v|"
                + visitAt
                + "|visit|"
                + p
                + "C|"
                + p
                + "K|null|null|null|-|"
                + LocalDate.of(2026, 11, 27).toEpochDay());
  }

  private void stored(String eventId, String type, String at, String ref, String due) {
    String p = getClass().getSimpleName() + "t";
    jdbc.sql(
            "insert into case_event (event_id, occurred_at, type, case_ref, child_ref, ref,"
                + " due_date) values (?, cast(? as timestamp with time zone), ?, ?, ?, ?,"
                + " cast(? as date))")
        .params(eventId, at, type, p + "C", p + "K", ref, due)
        .update();
    // As any writer does: the live log reads what is new at its next look.
    jdbc.sql("update case_activity_version set version = version + 1 where id = 1").update();
  }

  /** Every row of a log in words: id, time, type, case, child, worker, team, detail, ref, due. */
  static List<String> rows(EventLog log) {
    List<String> rows = new ArrayList<>();
    for (int r = 0; r < log.size(); r++) {
      int ref = log.ref(r);
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
              ref < 0 ? "-" : log.eventId(ref),
              String.valueOf(log.due(r))));
    }
    return rows;
  }
}
