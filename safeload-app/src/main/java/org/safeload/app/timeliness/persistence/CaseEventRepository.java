package org.safeload.app.timeliness.persistence;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
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

  /** How many ids one {@code in (...)} query names, and how many rows one batch inserts. */
  static final int CHUNK = 1000;

  private static final String INSERT =
      "insert into case_event (event_id, occurred_at, type, case_ref, child_ref, worker_ref,"
          + " team_ref, detail, ref, due_date) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  CaseEventRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
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

  /** The stored events among some ids, by id: one query per 1,000 ids. */
  public Map<String, Row> findByIds(Collection<String> eventIds) {
    List<String> ids = List.copyOf(new LinkedHashSet<>(eventIds));
    Map<String, Row> found = new HashMap<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      jdbc.sql("select * from case_event where event_id in (:ids)")
          .param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
          .query((rs, n) -> row(rs))
          .list()
          .forEach(r -> found.put(r.eventId(), r));
    }
    return found;
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

  /** Inserts events as JDBC batches of 1,000, in the caller's transaction. */
  public void insertAll(List<Row> rows) {
    template.batchUpdate(
        INSERT,
        rows,
        CHUNK,
        (ps, r) -> {
          ps.setString(1, r.eventId());
          ps.setTimestamp(2, Timestamp.from(r.occurredAt()));
          ps.setString(3, r.type());
          text(ps, 4, r.caseRef());
          text(ps, 5, r.childRef());
          text(ps, 6, r.workerRef());
          text(ps, 7, r.teamRef());
          text(ps, 8, r.detail());
          text(ps, 9, r.ref());
          if (r.dueDate() == null) {
            ps.setNull(10, Types.DATE);
          } else {
            ps.setDate(10, Date.valueOf(r.dueDate()));
          }
        });
  }

  private static void text(PreparedStatement ps, int index, String value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }

  public void insertChild(String ref, LocalDate dateOfBirth, String familyGroup) {
    jdbc.sql("insert into child (ref, date_of_birth, family_group) values (?, ?, ?)")
        .params(ref, dateOfBirth == null ? null : Date.valueOf(dateOfBirth), familyGroup)
        .update();
  }

  /** A child as stored. */
  public record ChildRow(String ref, LocalDate dateOfBirth, String familyGroup) {}

  public Optional<ChildRow> findChild(String ref) {
    return jdbc.sql("select ref, date_of_birth, family_group from child where ref = ?")
        .param(ref)
        .query(
            (rs, n) -> {
              Date born = rs.getDate("date_of_birth");
              return new ChildRow(
                  rs.getString("ref"),
                  born == null ? null : born.toLocalDate(),
                  rs.getString("family_group"));
            })
        .optional();
  }

  public void updateChild(String ref, LocalDate dateOfBirth, String familyGroup) {
    jdbc.sql("update child set date_of_birth = ?, family_group = ? where ref = ?")
        .params(dateOfBirth == null ? null : Date.valueOf(dateOfBirth), familyGroup, ref)
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
