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

  AuditRepository(JdbcClient jdbc) {
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

  public List<AuditEntry> latest(int limit) {
    return jdbc.sql("select * from audit_event order by id desc fetch first ? rows only")
        .param(limit)
        .query(ROW)
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
