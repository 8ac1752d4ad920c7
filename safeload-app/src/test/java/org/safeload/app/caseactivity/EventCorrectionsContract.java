package org.safeload.app.caseactivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeload.app.access.AccessRole;
import org.safeload.app.caseactivity.persistence.CaseEventRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Correcting and withdrawing imported events (docs/timeliness.md, "Correcting events"), through the
 * API as a council would: the event changes in place or stops counting, the values before and after
 * are kept with the reason, the same corrections applied twice change nothing, and the original
 * event file can still be imported again without bringing a withdrawn event back.
 */
abstract class EventCorrectionsContract {

  private static final AtomicInteger UNIQUE = new AtomicInteger();
  private static final String EVENTS_HEADER =
      "event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date\n";
  private static final String CORRECTIONS_HEADER =
      "event_id,action,reason,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date\n";

  @Autowired MockMvc mvc;
  @Autowired CaseActivity activity;
  @Autowired JdbcClient jdbc;
  @Autowired CaseEventRepository repository;
  @Autowired org.safeload.app.access.UserAccounts accounts;
  @Autowired org.safeload.app.access.ProviderDirectory providers;

  private String p;
  private String kase;
  private long worker;
  private long otherWorker;
  private long team;
  private String events;

  /** A closed case of its own for each test: a visit, its write-up and the same visit twice. */
  @BeforeEach
  void aCase() throws Exception {
    p = "cor" + UNIQUE.incrementAndGet() + "-" + System.nanoTime() % 100_000 + "-";
    kase = p + "CASE";
    List<Long> workers =
        jdbc.sql(
                "select w.id from worker w join worker_assignment a on a.worker_id = w.id order by"
                    + " w.id fetch first 2 rows only")
            .query(Long.class)
            .list();
    worker = workers.get(0);
    otherWorker = workers.get(1);
    team =
        jdbc.sql("select team_id from worker_assignment where worker_id = ? order by id")
            .param(worker)
            .query(Long.class)
            .list()
            .getFirst();
    events =
        EVENTS_HEADER
            + row("ref", "2026-11-02T09:00", "referral", "", team, "", "")
            + row("alloc", "2026-11-02T10:00", "allocated", worker, team, "", "")
            + row("visit", "2026-11-03T14:30", "visit", worker, team, "seen", "")
            + row("wu", "2026-11-04T09:00", "visit-write-up", worker, team, "", p + "visit")
            + row("dup", "2026-11-03T14:30", "visit", worker, team, "seen", "")
            + row("closed", "2026-11-20T09:00", "closed", "", team, "", "");
    MockHttpServletResponse imported = api("/api/v1/case-events/import", events);
    assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(200);
  }

  private String row(
      String id, String at, String type, Object worker, Object team, String detail, String ref) {
    return String.join(
            ",",
            p + id,
            at,
            type,
            kase,
            p + "CHILD",
            String.valueOf(worker),
            String.valueOf(team),
            detail,
            ref,
            "")
        + "\n";
  }

  private MockHttpServletResponse api(String path, String csv) throws Exception {
    return mvc.perform(
            post(path)
                .contentType("text/csv")
                .content(csv)
                .with(httpBasic("admin", "test-admin-password")))
        .andReturn()
        .getResponse();
  }

  private CaseEvent event(String id) {
    return org.safeload.app.access.SystemAccess.call(() -> activity.caseEvents(kase)).stream()
        .filter(e -> e.eventId().equals(p + id))
        .findFirst()
        .orElse(null);
  }

  private String corrections() {
    return CORRECTIONS_HEADER
        + p
        + "visit,correct,Visit was on the 4th and the child was not seen,2026-11-04T14:30,visit,"
        + kase
        + ","
        + p
        + "CHILD,"
        + otherWorker
        + ","
        + team
        + ",not-seen,,\n"
        + p
        + "dup,withdraw,Recorded twice,,,,,,,,,\n";
  }

  @Test
  void correctionsChangeTheEventsInPlaceAndKeepWhatTheyWere() throws Exception {
    MockHttpServletResponse done = api("/api/v1/case-events/corrections", corrections());

    assertThat(done.getStatus()).as(done.getContentAsString()).isEqualTo(200);
    assertThat(done.getContentAsString())
        .isEqualTo("{\"corrected\":1,\"withdrawn\":1,\"unchanged\":0}");
    CaseEvent visit = event("visit");
    // 4 November is after the clocks went back: London time is UTC.
    assertThat(visit.occurredAt()).isEqualTo(java.time.Instant.parse("2026-11-04T14:30:00Z"));
    assertThat(visit.detail()).isEqualTo("not-seen");
    assertThat(visit.workerRef()).isEqualTo(String.valueOf(otherWorker));
    assertThat(event("dup")).isNull();
    int dupRow = activity.read(v -> v.log().rowOf(p + "dup"));
    assertThat(dupRow).isNegative();
    // The write-up still refers to its visit.
    assertThat(event("wu").ref()).isEqualTo(p + "visit");

    List<CaseEventRepository.CorrectionRow> kept = repository.corrections(kase);
    assertThat(kept)
        .extracting(
            CaseEventRepository.CorrectionRow::eventId,
            CaseEventRepository.CorrectionRow::action,
            CaseEventRepository.CorrectionRow::valuesBefore,
            CaseEventRepository.CorrectionRow::valuesAfter,
            CaseEventRepository.CorrectionRow::madeBy)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                p + "visit",
                "corrected",
                row("visit", "2026-11-03T14:30", "visit", worker, team, "seen", "").strip(),
                String.join(
                    ",",
                    p + "visit",
                    "2026-11-04T14:30",
                    "visit",
                    kase,
                    p + "CHILD",
                    String.valueOf(otherWorker),
                    String.valueOf(team),
                    "not-seen",
                    "",
                    ""),
                "admin"),
            org.assertj.core.groups.Tuple.tuple(
                p + "dup",
                "withdrawn",
                row("dup", "2026-11-03T14:30", "visit", worker, team, "seen", "").strip(),
                null,
                "admin"));
    assertThat(
            jdbc.sql(
                    "select action || ' ' || summary from audit_event where entity_type ="
                        + " 'case-event' and entity_id in (?, ?) order by id")
                .params(p + "visit", p + "dup")
                .query(String.class)
                .list())
        .containsExactly(
            "correct event corrected: occurred_at, worker_id, detail", "withdraw event withdrawn");

    // The same corrections again change nothing.
    MockHttpServletResponse again = api("/api/v1/case-events/corrections", corrections());
    assertThat(again.getContentAsString())
        .isEqualTo("{\"corrected\":0,\"withdrawn\":0,\"unchanged\":2}");
    assertThat(repository.corrections(kase)).hasSize(2);

    // The original file imports again as it was: the corrected and withdrawn events are earlier
    // versions, so nothing is created and the withdrawn one does not come back.
    MockHttpServletResponse reimport = api("/api/v1/case-events/import", events);
    assertThat(reimport.getStatus()).as(reimport.getContentAsString()).isEqualTo(200);
    assertThat(reimport.getContentAsString()).isEqualTo("{\"created\":0,\"unchanged\":6}");
    assertThat(event("dup")).isNull();
    assertThat(event("visit").detail()).isEqualTo("not-seen");

    // A version that never was is refused, naming the way to correct it.
    MockHttpServletResponse other =
        api(
            "/api/v1/case-events/import",
            EVENTS_HEADER + row("dup", "2026-11-05T14:30", "visit", worker, team, "seen", ""));
    assertThat(other.getStatus()).isEqualTo(400);
    assertThat(other.getContentAsString()).contains("was withdrawn").contains("line");
  }

  @Test
  void theCasePageShowsEachCorrectionInWords() throws Exception {
    api("/api/v1/case-events/corrections", corrections());
    String workerName =
        jdbc.sql("select name from worker where id = ?").param(worker).query(String.class).single();

    Document page =
        Jsoup.parse(
            mvc.perform(get("/cases/" + kase).with(httpBasic("admin", "test-admin-password")))
                .andReturn()
                .getResponse()
                .getContentAsString());

    var rows = page.select("#corrections tbody tr");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).select("td").eachText())
        .contains("Corrected", "Visit was on the 4th and the child was not seen")
        .anySatisfy(
            cell ->
                assertThat(cell)
                    .startsWith("Visit on 3 November 2026 at 2:30pm")
                    .contains(workerName)
                    .endsWith("Child seen"));
    assertThat(rows.get(1).select("td").eachText())
        .contains("Withdrawn", "Recorded twice", "No longer counts");
    assertThat(page.select("#timeline tr[data-event=" + p + "dup]")).isEmpty();
  }

  @Test
  void withdrawingAnEventAnotherRefersToIsRefusedAndNothingChanges() throws Exception {
    MockHttpServletResponse refused =
        api(
            "/api/v1/case-events/corrections",
            CORRECTIONS_HEADER
                + p
                + "dup,withdraw,Recorded twice,,,,,,,,,\n"
                + p
                + "visit,withdraw,Did not happen,,,,,,,,,\n");

    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString())
        .contains("Event " + p + "wu refers to this event; correct or withdraw it in the same file")
        .contains("\"line\":3");
    assertThat(event("dup")).isNotNull();
    assertThat(repository.corrections(kase)).isEmpty();

    // Withdrawn together, both go.
    MockHttpServletResponse both =
        api(
            "/api/v1/case-events/corrections",
            CORRECTIONS_HEADER
                + p
                + "visit,withdraw,Did not happen,,,,,,,,,\n"
                + p
                + "wu,withdraw,Its visit did not happen,,,,,,,,,\n");
    assertThat(both.getContentAsString())
        .isEqualTo("{\"corrected\":0,\"withdrawn\":2,\"unchanged\":0}");
  }

  @Test
  void aWorkerTheCouncilDoesNotHaveIsRefusedWithItsLine() throws Exception {
    MockHttpServletResponse refused =
        api(
            "/api/v1/case-events/corrections",
            CORRECTIONS_HEADER
                + p
                + "dup,withdraw,Recorded twice,,,,,,,,,\n"
                + p
                + "alloc,correct,Other worker,2026-11-02T10:00,allocated,"
                + kase
                + ","
                + p
                + "CHILD,no-such-worker,"
                + team
                + ",,,\n");

    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString())
        .contains("\"line\":3")
        .contains("worker_id")
        .contains("The council has no worker with the id no-such-worker");
    assertThat(event("dup")).isNotNull();
    assertThat(event("alloc").workerRef()).isEqualTo(String.valueOf(worker));
  }

  @Test
  void onlyThoseWhoImportEventsMayCorrectThem() throws Exception {
    org.safeload.app.access.TestAccounts.ensure(accounts, providers);
    for (AccessRole role : AccessRole.values()) {
      int status =
          mvc.perform(
                  post("/api/v1/case-events/corrections")
                      .contentType("text/csv")
                      .content(CORRECTIONS_HEADER + p + "dup,withdraw,Recorded twice,,,,,,,,,\n")
                      .with(
                          httpBasic(
                              org.safeload.app.access.TestAccounts.username(role),
                              org.safeload.app.access.TestAccounts.PASSWORD)))
              .andReturn()
              .getResponse()
              .getStatus();
      boolean may = role == AccessRole.ADMIN || role == AccessRole.HEAD_OF_SERVICE;
      assertThat(status).as(role.name()).isEqualTo(may ? 200 : 403);
    }
    assertThat(event("dup")).isNull();
  }
}
