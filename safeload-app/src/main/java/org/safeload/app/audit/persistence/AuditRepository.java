package org.safeload.app.audit.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.safeload.app.audit.AuditEntry;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit_event table. */
@Repository
public class AuditRepository {

  private static final RowMapper<AuditEntry> ROW =
      (rs, n) ->
          new AuditEntry(
              rs.getLong("id"),
              rs.getTimestamp("occurred_at").toInstant(),
              rs.getString("actor"),
              rs.getString("action"),
              rs.getString("entity_type"),
              rs.getString("entity_id"),
              rs.getString("summary"));

  private final JdbcClient jdbc;
  private final org.springframework.jdbc.core.JdbcTemplate batch;

  AuditRepository(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch) {
    this.batch = batch;
    this.jdbc = jdbc;
  }

  public void insert(
      Instant at, String actor, String action, String entityType, String entityId, String summary) {
    jdbc.sql(
            "insert into audit_event (occurred_at, actor, action, entity_type, entity_id, summary)"
                + " values (?, ?, ?, ?, ?, ?)")
        .params(Timestamp.from(at), actor, action, entityType, entityId, summary)
        .update();
  }

  /** One row to insert. */
  public record NewEntry(
      Instant at,
      String actor,
      String action,
      String entityType,
      String entityId,
      String summary) {}

  /** Inserts rows in one batch, in order. */
  public void insertAll(List<NewEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    batch.batchUpdate(
        "insert into audit_event (occurred_at, actor, action, entity_type, entity_id, summary)"
            + " values (?, ?, ?, ?, ?, ?)",
        entries,
        entries.size(),
        (ps, e) -> {
          ps.setTimestamp(1, Timestamp.from(e.at()));
          ps.setString(2, e.actor());
          ps.setString(3, e.action());
          ps.setString(4, e.entityType());
          ps.setString(5, e.entityId());
          ps.setString(6, e.summary());
        });
  }

  public List<AuditEntry> latest(int limit) {
    return jdbc.sql("select * from audit_event order by id desc fetch first ? rows only")
        .param(limit)
        .query(ROW)
        .list();
  }

  /**
   * What the trail is filtered by; {@code null} means any.
   *
   * @param from the first instant, inclusive
   * @param before the instant after the last, exclusive
   */
  public record Filter(String actor, String action, Instant from, Instant before) {}

  private static String where(Filter f) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    if (f.actor() != null) {
      where.append(" and actor = :actor");
    }
    if (f.action() != null) {
      where.append(" and action = :action");
    }
    if (f.from() != null) {
      where.append(" and occurred_at >= :from");
    }
    if (f.before() != null) {
      where.append(" and occurred_at < :before");
    }
    return where.toString();
  }

  private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f) {
    if (f.actor() != null) {
      spec = spec.param("actor", f.actor());
    }
    if (f.action() != null) {
      spec = spec.param("action", f.action());
    }
    if (f.from() != null) {
      spec = spec.param("from", Timestamp.from(f.from()));
    }
    if (f.before() != null) {
      spec = spec.param("before", Timestamp.from(f.before()));
    }
    return spec;
  }

  /** How many entries match the filter. */
  public int count(Filter f) {
    return bind(jdbc.sql("select count(*) from audit_event" + where(f)), f)
        .query(Integer.class)
        .single();
  }

  /** One page of the entries that match the filter, newest first. */
  public List<AuditEntry> page(Filter f, int offset, int limit) {
    return bind(
            jdbc.sql(
                "select * from audit_event"
                    + where(f)
                    + " order by id desc offset :offset rows fetch next :limit rows only"),
            f)
        .param("offset", offset)
        .param("limit", limit)
        .query(ROW)
        .list();
  }

  /** Everyone who has acted, by username. */
  public List<String> actors() {
    return jdbc.sql("select distinct actor from audit_event order by actor")
        .query(String.class)
        .list();
  }

  /** Every action recorded. */
  public List<String> actions() {
    return jdbc.sql("select distinct action from audit_event order by action")
        .query(String.class)
        .list();
  }

  public List<AuditEntry> forEntity(String entityType, String entityId) {
    return jdbc.sql(
            "select * from audit_event where entity_type = ? and entity_id = ? order by id desc")
        .params(entityType, entityId)
        .query(ROW)
        .list();
  }
}
