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

  private static final String INSERT =
      "insert into audit_event (occurred_at, actor, action, entity_type, entity_id, summary,"
          + " row_mac) values (?, ?, ?, ?, ?, ?, ?)";

  public void insert(NewEntry e) {
    jdbc.sql(INSERT)
        .params(
            Timestamp.from(e.at()),
            e.actor(),
            e.action(),
            e.entityType(),
            e.entityId(),
            e.summary(),
            e.rowMac())
        .update();
  }

  /** One row to insert, with the keyed hash of its values. */
  public record NewEntry(
      Instant at,
      String actor,
      String action,
      String entityType,
      String entityId,
      String summary,
      String rowMac) {}

  /** Inserts rows in one batch, in order. */
  public void insertAll(List<NewEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    batch.batchUpdate(
        INSERT,
        entries,
        entries.size(),
        (ps, e) -> {
          ps.setTimestamp(1, Timestamp.from(e.at()));
          ps.setString(2, e.actor());
          ps.setString(3, e.action());
          ps.setString(4, e.entityType());
          ps.setString(5, e.entityId());
          ps.setString(6, e.summary());
          ps.setString(7, e.rowMac());
        });
  }

  /** An entry as stored, with its place in the chain ({@code seq} null until it is sealed). */
  public record Stored(
      long id,
      Long seq,
      Instant at,
      String actor,
      String action,
      String entityType,
      String entityId,
      String summary,
      String rowMac,
      String mac) {

    /** The entry with its place in the chain and its hashes. */
    public Stored sealed(long place, String ownMac, String chainMac) {
      return new Stored(
          id, place, at, actor, action, entityType, entityId, summary, ownMac, chainMac);
    }
  }

  private static final RowMapper<Stored> STORED =
      (rs, n) -> {
        long seq = rs.getLong("seq");
        return new Stored(
            rs.getLong("id"),
            rs.wasNull() ? null : seq,
            rs.getTimestamp("occurred_at").toInstant(),
            rs.getString("actor"),
            rs.getString("action"),
            rs.getString("entity_type"),
            rs.getString("entity_id"),
            rs.getString("summary"),
            rs.getString("row_mac"),
            rs.getString("mac"));
      };

  /** The end of the chain: the last sealed entry's place and hash. */
  public record Head(long seq, String mac, long legacyTo) {}

  private static final RowMapper<Head> HEAD =
      (rs, n) -> new Head(rs.getLong("seq"), rs.getString("mac"), rs.getLong("legacy_to"));

  /** The end of the chain, locked until the transaction ends (one sealer at a time). */
  public Head lockHead() {
    return jdbc.sql("select seq, mac, legacy_to from audit_chain_head where id = 1 for update")
        .query(HEAD)
        .single();
  }

  public Head head() {
    return jdbc.sql("select seq, mac, legacy_to from audit_chain_head where id = 1")
        .query(HEAD)
        .single();
  }

  /** Entries not yet in the chain, oldest first. */
  public List<Stored> unsealed(int limit) {
    return jdbc.sql(
            "select * from audit_event where seq is null order by id fetch first ? rows only")
        .param(limit)
        .query(STORED)
        .list();
  }

  /** Gives entries their place in the chain and moves the head to the last of them. */
  public void seal(List<Stored> sealed) {
    if (sealed.isEmpty()) {
      return;
    }
    batch.batchUpdate(
        "update audit_event set seq = ?, mac = ?, row_mac = ? where id = ? and seq is null",
        sealed,
        sealed.size(),
        (ps, e) -> {
          ps.setLong(1, e.seq());
          ps.setString(2, e.mac());
          ps.setString(3, e.rowMac());
          ps.setLong(4, e.id());
        });
    Stored last = sealed.getLast();
    jdbc.sql("update audit_chain_head set seq = ?, mac = ? where id = 1")
        .params(last.seq(), last.mac())
        .update();
  }

  /** Every sealed entry in chain order, one at a time (the trail may be millions long). */
  public void eachSealed(java.util.function.Consumer<Stored> each) {
    batch.query(
        con -> {
          var ps =
              con.prepareStatement(
                  "select * from audit_event where seq is not null order by seq",
                  java.sql.ResultSet.TYPE_FORWARD_ONLY,
                  java.sql.ResultSet.CONCUR_READ_ONLY);
          ps.setFetchSize(1000);
          return ps;
        },
        rs -> {
          each.accept(STORED.mapRow(rs, 0));
        });
  }

  /** Every entry not yet sealed, oldest first. */
  public void eachUnsealed(java.util.function.Consumer<Stored> each) {
    batch.query(
        "select * from audit_event where seq is null order by id",
        rs -> {
          each.accept(STORED.mapRow(rs, 0));
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
  public record Filter(String actor, String action, Instant from, Instant before, String search) {}

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
    if (f.search() != null) {
      where.append(
          " and (lower(summary) like :search escape '!' or lower(entity_id) like :search"
              + " escape '!')");
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
    if (f.search() != null) {
      String escaped =
          f.search()
              .toLowerCase(java.util.Locale.ROOT)
              .replace("!", "!!")
              .replace("%", "!%")
              .replace("_", "!_");
      spec = spec.param("search", "%" + escaped + "%");
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

  /** Every entry that matches the filter, newest first, one at a time (for an export). */
  public void each(Filter f, java.util.function.Consumer<AuditEntry> each) {
    bind(jdbc.sql("select * from audit_event" + where(f) + " order by id desc"), f)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> each.accept(ROW.mapRow(rs, 0)));
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
