package org.safeload.app.timeliness.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The case_event, child and kpi_rule_set tables. */
@Repository
public class CaseEventRepository {

  /** An event as stored. */
  public record Row(
      String eventId,
      Instant occurredAt,
      String type,
      String caseRef,
      String childRef,
      String workerRef,
      String teamRef,
      String detail,
      String ref,
      LocalDate dueDate) {}

  /** A stored rule set. */
  public record RuleSetRow(String id, String document, boolean active, Instant updatedAt) {}

  private final JdbcClient jdbc;

  CaseEventRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static Row row(ResultSet rs) throws SQLException {
    Date due = rs.getDate("due_date");
    return new Row(
        rs.getString("event_id"),
        rs.getTimestamp("occurred_at").toInstant(),
        rs.getString("type"),
        rs.getString("case_ref"),
        rs.getString("child_ref"),
        rs.getString("worker_ref"),
        rs.getString("team_ref"),
        rs.getString("detail"),
        rs.getString("ref"),
        due == null ? null : due.toLocalDate());
  }

  public List<Row> findAll() {
    return jdbc.sql("select * from case_event order by occurred_at, id")
        .query((rs, n) -> row(rs))
        .list();
  }

  public List<Row> forCase(String caseRef) {
    return jdbc.sql("select * from case_event where case_ref = ? order by occurred_at, id")
        .param(caseRef)
        .query((rs, n) -> row(rs))
        .list();
  }

  public Optional<Row> find(String eventId) {
    return jdbc.sql("select * from case_event where event_id = ?")
        .param(eventId)
        .query((rs, n) -> row(rs))
        .optional();
  }

  public long count() {
    return jdbc.sql("select count(*) from case_event").query(Long.class).single();
  }

  public void insert(Row r) {
    jdbc.sql(
            "insert into case_event (event_id, occurred_at, type, case_ref, child_ref, worker_ref,"
                + " team_ref, detail, ref, due_date) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            r.eventId(),
            Timestamp.from(r.occurredAt()),
            r.type(),
            r.caseRef(),
            r.childRef(),
            r.workerRef(),
            r.teamRef(),
            r.detail(),
            r.ref(),
            r.dueDate() == null ? null : Date.valueOf(r.dueDate()))
        .update();
  }

  public void insertChild(String ref, LocalDate dateOfBirth, String familyGroup) {
    jdbc.sql("insert into child (ref, date_of_birth, family_group) values (?, ?, ?)")
        .params(ref, dateOfBirth == null ? null : Date.valueOf(dateOfBirth), familyGroup)
        .update();
  }

  public Optional<String> familyOf(String childRef) {
    return jdbc.sql("select family_group from child where ref = ?")
        .param(childRef)
        .query(String.class)
        .optional();
  }

  /** Each child's family group (children without one are left out). */
  public java.util.Map<String, String> familyGroups() {
    java.util.Map<String, String> groups = new java.util.HashMap<>();
    jdbc.sql("select ref, family_group from child where family_group is not null")
        .query(
            (rs, n) -> {
              groups.put(rs.getString(1), rs.getString(2));
              return null;
            })
        .list();
    return groups;
  }

  public List<RuleSetRow> ruleSets() {
    return jdbc.sql("select * from kpi_rule_set order by id")
        .query(
            (rs, n) ->
                new RuleSetRow(
                    rs.getString("id"),
                    rs.getString("document"),
                    rs.getBoolean("active"),
                    rs.getTimestamp("updated_at").toInstant()))
        .list();
  }

  public void saveRuleSet(String id, String document, Instant at) {
    int updated =
        jdbc.sql("update kpi_rule_set set document = ?, updated_at = ? where id = ?")
            .params(document, Timestamp.from(at), id)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into kpi_rule_set (id, document, active, updated_at) values (?, ?, false, ?)")
          .params(id, document, Timestamp.from(at))
          .update();
    }
  }

  public void activate(String id) {
    jdbc.sql("update kpi_rule_set set active = (id = ?)").param(id).update();
  }
}
