package org.safeload.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import org.safeload.organisation.Role;
import org.safeload.timeliness.EventCsv;
import org.safeload.timeliness.EventLog;

/** Builds case activity logs for the caseload tests from CSV rows, as a file would give them. */
final class Events {

  static final String HEADER =
      "event_id,occurred_at,type,case_id,child_id,worker_id,team_id,detail,ref,due_date\n";

  private final StringBuilder rows = new StringBuilder(HEADER);
  private int next = 1;

  static Events log() {
    return new Events();
  }

  /** Adds a row: {@code at} is a London local date-time like 2024-03-01T09:00. */
  Events add(String at, String type, String caseId, String child, String worker, String team) {
    return add(at, type, caseId, child, worker, team, "");
  }

  Events add(
      String at,
      String type,
      String caseId,
      String child,
      String worker,
      String team,
      String detail) {
    rows.append("e")
        .append(next++)
        .append(',')
        .append(at)
        .append(',')
        .append(type)
        .append(',')
        .append(caseId)
        .append(',')
        .append(child)
        .append(',')
        .append(worker == null ? "" : worker)
        .append(',')
        .append(team == null ? "" : team)
        .append(',')
        .append(detail == null ? "" : detail)
        .append(",,\n");
    return this;
  }

  /**
   * Allocates {@code n} new cases of a type to a worker in a team at a time, one child each (case
   * ids like {@code W1-cp-1}, children {@code K-W1-cp-1}).
   */
  Events held(String worker, String team, String type, int n, String at) {
    for (int i = 1; i <= n; i++) {
      String id = worker + "-" + type + "-" + i;
      add(at, "allocated", id, "K-" + id, worker, team, type);
    }
    return this;
  }

  String csv() {
    return rows.toString();
  }

  EventLog eventLog() {
    EventCsv.Result result = EventCsv.read(new StringReader(rows.toString()));
    assertThat(result.problems()).as("problems in the test's own event file").isEmpty();
    return result.log();
  }

  CaseBook book() {
    return CaseBook.of(eventLog());
  }

  static CaseHolder sw(String id, String team, String fte) {
    return new CaseHolder(id, id, team, Role.SOCIAL_WORKER, new BigDecimal(fte), false, 5);
  }

  static CaseHolder asye(String id, String team, String fte) {
    return new CaseHolder(id, id, team, Role.SOCIAL_WORKER, new BigDecimal(fte), true, 0);
  }

  static CaseHolder ap(String id, String team, String fte) {
    return new CaseHolder(id, id, team, Role.ADVANCED_PRACTITIONER, new BigDecimal(fte), false, 10);
  }

  static CaseHolder manager(String id, String team) {
    return new CaseHolder(id, id, team, Role.TEAM_MANAGER, BigDecimal.ONE, false, 12);
  }

  static Load load(int cases, String weighted) {
    return new Load(cases, new BigDecimal(weighted));
  }

  private Events() {}
}
