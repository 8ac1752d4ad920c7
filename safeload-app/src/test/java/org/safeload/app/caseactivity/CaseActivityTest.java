package org.safeload.app.caseactivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.longThat;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.safeload.app.SafeloadSpringTest;
import org.safeload.app.caseactivity.persistence.CaseEventRepository;
import org.safeload.timeliness.EventLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The case activity is read from the database once, then only what is new: pages and the API read
 * the in-memory log, an import adds to it, and a change written by another instance (here: straight
 * into the tables, with the change number moved on) is picked up on a later read.
 */
@SafeloadSpringTest
class CaseActivityTest {

  @Autowired MockMvc mvc;
  @Autowired CaseActivity activity;
  @Autowired JdbcClient jdbc;
  @MockitoSpyBean CaseEventRepository events;

  private int status(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse().getStatus();
  }

  @Test
  void pagesAndTheApiNeverReadTheWholeEventTableAgain() throws Exception {
    activity.eventCount(); // waits for the load at start-up, if it is still running
    clearInvocations(events);
    for (String path :
        new String[] {
          "/timeliness",
          "/caseloads",
          "/caseloads/unallocated",
          "/api/v1/timeliness/kpis",
          "/api/v1/timeliness/items",
          "/api/v1/caseloads",
          "/api/v1/caseloads/unallocated",
          "/"
        }) {
      assertThat(status(get(path).with(httpBasic("admin", "test-admin-password"))))
          .as(path)
          .isEqualTo(200);
    }
    String csv =
        "event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date\n"
            + "whole-1,2026-11-20T10:00,visit,WHOLE1,KWHOLE1,"
            + jdbc.sql("select min(id) from worker").query(Long.class).single()
            + ",,seen,,\n";
    assertThat(
            status(
                post("/api/v1/case-events/import")
                    .contentType("text/csv")
                    .content(csv)
                    .with(httpBasic("admin", "test-admin-password"))))
        .isEqualTo(200);
    assertThat(status(get("/timeliness").with(httpBasic("admin", "test-admin-password"))))
        .isEqualTo(200);

    verify(events, never()).appendAfter(eq(0L), any(), any());
    // The import's own events were appended as written, not read back.
    verify(events, never()).appendAfter(longThat(id -> id > 0), any(), any());
    int whole = activity.read(v -> v.log().rowOf("whole-1"));
    assertThat(whole).isNotNegative();
  }

  private void storedElsewhere(
      String eventId, String type, String caseRef, String detail, String ref) {
    jdbc.sql(
            "insert into case_event (event_id, occurred_at, type, case_ref, child_ref, detail, ref)"
                + " values (?, timestamp with time zone '2026-11-20 10:00:00+00', ?, ?, ?, ?, ?)")
        .params(eventId, type, caseRef, "K" + caseRef, detail, ref)
        .update();
    jdbc.sql("update case_activity_version set version = version + 1 where id = 1").update();
  }

  private int rowOf(String eventId) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    int row = activity.read(v -> v.log().rowOf(eventId));
    while (row < 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
      row = activity.read(v -> v.log().rowOf(eventId));
    }
    return row;
  }

  @Test
  void aChangeMadeThroughAnotherInstanceIsReadOnALaterReadWithItsReferencesResolved()
      throws Exception {
    // A write-up stored before the visit it refers to (a file may list them in either order).
    storedElsewhere("elsewhere-w", "visit-write-up", "ELSE1", null, "elsewhere-v");
    int writeUp = rowOf("elsewhere-w");
    assertThat(writeUp).as("read within the check interval").isNotNegative();
    int unresolved = activity.read(v -> v.log().ref(writeUp));
    assertThat(unresolved).isEqualTo(-1);

    storedElsewhere("elsewhere-v", "visit", "ELSE1", "seen", null);
    int visit = rowOf("elsewhere-v");
    assertThat(visit).isGreaterThan(writeUp);
    EventLog.Dictionary cases = activity.read(v -> v.log().cases());
    int resolved = activity.read(v -> v.log().ref(writeUp));
    assertThat(resolved).isEqualTo(visit);
    String caseOfVisit = activity.read(v -> cases.get(v.log().caseOf(visit)));
    assertThat(caseOfVisit).isEqualTo("ELSE1");
  }

  @Test
  void anImportLinksEachReferenceAsAFreshReadOfTheDatabaseDoes() throws Exception {
    long worker = jdbc.sql("select min(id) from worker").query(Long.class).single();
    String header =
        "event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date\n";
    String visit1 = "refs-v1,2026-11-20T10:00,visit,REFS1,KREFS1," + worker + ",,seen,,\n";
    assertThat(importing(header + visit1)).isEqualTo(200);
    // Stored by another instance: a write-up of a visit not stored yet (it waits for it).
    storedElsewhere("refs-w0", "visit-write-up", "REFS1", null, "refs-v2");
    assertThat(
            importing(
                header
                    + visit1 // unchanged: refs-w1 refers to a row of the file not added
                    + "refs-w1,2026-11-20T11:00,visit-write-up,REFS1,KREFS1,"
                    + worker
                    + ",,,refs-v1,\n"
                    + "refs-v2,2026-11-21T10:00,visit,REFS1,KREFS1,"
                    + worker
                    + ",,seen,,\n"
                    + "refs-w2,2026-11-21T11:00,visit-write-up,REFS1,KREFS1,"
                    + worker
                    + ",,,refs-v2,\n"))
        .isEqualTo(200);

    java.util.Map<String, String> live = new java.util.TreeMap<>();
    activity.read(
        v -> {
          for (String id : new String[] {"refs-w0", "refs-w1", "refs-w2"}) {
            int ref = v.log().ref(v.log().rowOf(id));
            live.put(id, ref < 0 ? null : v.log().eventId(ref));
          }
          return null;
        });
    // The second method: every stored event read again from the database into a new log.
    EventLog fresh = new EventLog();
    java.util.Map<Integer, String> refs = new java.util.HashMap<>();
    events.appendAfter(0L, fresh, refs::put);
    java.util.Map<String, String> stored = new java.util.TreeMap<>();
    for (String id : live.keySet()) {
      stored.put(id, refs.get(fresh.rowOf(id)));
    }
    assertThat(live)
        .isEqualTo(stored)
        .containsEntry("refs-w0", "refs-v2")
        .containsEntry("refs-w1", "refs-v1")
        .containsEntry("refs-w2", "refs-v2");
  }

  private int importing(String csv) throws Exception {
    return status(
        post("/api/v1/case-events/import")
            .contentType("text/csv")
            .content(csv)
            .with(httpBasic("admin", "test-admin-password")));
  }
}
