package org.safeload.app.caseload.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The caseload_policy, allocation_decision and handover tables. */
@Repository
public class CaseloadRepository {

  /** A stored policy. */
  public record PolicyRow(String id, String document, boolean active, Instant updatedAt) {}

  /** Why an allocation was made: a soft target exceeded and the reason given, or a handover. */
  public record Decision(
      String eventId,
      String caseRef,
      String workerRef,
      Instant decidedAt,
      String decidedBy,
      String overTarget,
      String reason,
      Long handoverId) {}

  private final JdbcClient jdbc;

  CaseloadRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Takes the council's allocation lock until the transaction ends: allocations, handovers and
   * policy changes happen one at a time, so two at once cannot both pass a cap check.
   */
  public void lockAllocations() {
    jdbc.sql("select id from allocation_lock where id = 1 for update").query(Integer.class).list();
  }

  public List<PolicyRow> policies() {
    return jdbc.sql("select * from caseload_policy order by id")
        .query(
            (rs, n) ->
                new PolicyRow(
                    rs.getString("id"),
                    rs.getString("document"),
                    rs.getBoolean("active"),
                    rs.getTimestamp("updated_at").toInstant()))
        .list();
  }

  public Optional<PolicyRow> activePolicy() {
    return policies().stream().filter(PolicyRow::active).findFirst();
  }

  /** Saves a policy and makes it the one in force. */
  public void saveActive(String id, String document, Instant at) {
    jdbc.sql("update caseload_policy set active = false").update();
    int updated =
        jdbc.sql(
                "update caseload_policy set document = ?, updated_at = ?, active = true where id = ?")
            .params(document, Timestamp.from(at), id)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into caseload_policy (id, document, active, updated_at) values (?, ?, true, ?)")
          .params(id, document, Timestamp.from(at))
          .update();
    }
  }

  /** Puts the built-in policy back in force (the council's copies are kept). */
  public void deactivateAll() {
    jdbc.sql("update caseload_policy set active = false").update();
  }

  public void insertDecision(Decision d) {
    jdbc.sql(
            "insert into allocation_decision (event_id, case_ref, worker_ref, decided_at,"
                + " decided_by, over_target, reason, handover_id) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            d.eventId(),
            d.caseRef(),
            d.workerRef(),
            Timestamp.from(d.decidedAt()),
            d.decidedBy(),
            d.overTarget(),
            d.reason(),
            d.handoverId())
        .update();
  }

  public List<Decision> decisionsFor(String caseRef) {
    return jdbc.sql("select * from allocation_decision where case_ref = ? order by decided_at, id")
        .param(caseRef)
        .query(
            (rs, n) ->
                new Decision(
                    rs.getString("event_id"),
                    rs.getString("case_ref"),
                    rs.getString("worker_ref"),
                    rs.getTimestamp("decided_at").toInstant(),
                    rs.getString("decided_by"),
                    rs.getString("over_target"),
                    rs.getString("reason"),
                    (Long) rs.getObject("handover_id", Long.class)))
        .list();
  }

  public long insertHandover(
      Instant at, String by, int cases, String status, BigDecimal maxPerFte, String policyId) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into handover (applied_at, applied_by, cases, status, max_weighted_per_fte,"
                + " policy_id) values (?, ?, ?, ?, ?, ?)")
        .params(Timestamp.from(at), by, cases, status, maxPerFte, policyId)
        .update(keys, "id");
    return keys.getKeyAs(Long.class);
  }

  public long handoverCount() {
    return jdbc.sql("select count(*) from handover").query(Long.class).single();
  }
}
