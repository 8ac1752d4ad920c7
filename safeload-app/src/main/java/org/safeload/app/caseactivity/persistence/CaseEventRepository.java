package org.safeload.app.caseactivity.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.safeload.app.caseactivity.CaseEvent;
import org.safeload.timeliness.EventLog;
import org.safeload.timeliness.EventType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The case_event and child tables, and the case activity's change number (one row,
 * case_activity_version): every write takes it first, so writes happen one at a time across every
 * app instance and event ids grow in commit order, which lets an instance read just what is new.
 */
@Repository
public class CaseEventRepository {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(CaseEventRepository.class);

  /** A stored event and its row number (grows with every insert). */
  public record Stored(long id, CaseEvent event) {}

  /** A child as stored. */
  public record ChildRow(String ref, LocalDate dateOfBirth, String familyGroup) {}

  /** How many rows one JDBC batch inserts. */
  static final int CHUNK = 1000;

  /** How many rows a streamed read fetches at a time. */
  private static final int FETCH = 10_000;

  private static final String INSERT =
      "insert into case_event (event_id, occurred_at, type, case_ref, child_ref, worker_ref,"
          + " team_ref, detail, ref, due_date) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final DataSource dataSource;
  private volatile Boolean postgres;

  CaseEventRepository(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource) {
    this.jdbc = jdbc;
    this.template = template;
    this.dataSource = dataSource;
  }

  /** Told, for each appended row that refers to another event, the id of the event. */
  public interface Refs {
    void refer(int row, String refId);
  }

  /**
   * Appends the events stored after a row number to a log, in row order (the order they were
   * committed), without holding them as objects: the case activity's only read of the whole table.
   * On PostgreSQL a binary {@code COPY} whose values are interned from their bytes ({@link
   * StoredEvents}); elsewhere a streamed query. A row of a type this version does not know is left
   * out (logged by its row number).
   *
   * @return the highest row number read, or {@code afterId} if there were none
   */
  public long appendAfter(long afterId, EventLog log, Refs refs) {
    if (isPostgres()) {
      Connection connection = DataSourceUtils.getConnection(dataSource);
      try {
        return StoredEvents.appendAfter(connection.unwrap(PGConnection.class), afterId, log, refs);
      } catch (SQLException e) {
        throw new IllegalStateException("Could not read the case events", e);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("Could not read the case events", e);
      } finally {
        DataSourceUtils.releaseConnection(connection, dataSource);
      }
    }
    // Elsewhere (H2): a streamed query read column by column, with no object made per event.
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      // H2 otherwise works out a whole result before the first row (a region's 3.7 million rows
      // were written to a temporary file and read back: 11 to 18 s of its 28 s load, measured).
      boolean h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
      if (h2) {
        lazy(connection, true);
      }
      try {
        return appendAfter(connection, afterId, log, refs);
      } finally {
        if (h2) {
          lazy(connection, false);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the case events", e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  /** How many times a streamed read that fails part way is taken up again where it stopped. */
  private static final int RESUMES = 3;

  /**
   * A streamed query (lazy on H2) read column by column. H2 can fail a long lazy read while it
   * writes elsewhere ("Chunk … not found", H2 issue 4142): every row before the failure is in the
   * log whole, so the read is taken up again after the last of them, up to {@link #RESUMES} times.
   */
  private static long appendAfter(Connection connection, long afterId, EventLog log, Refs refs)
      throws SQLException {
    long last = afterId;
    for (int resumed = 0; ; resumed++) {
      long[] read = {last};
      try {
        return appendAfterOnce(connection, last, log, refs, read);
      } catch (SQLException e) {
        if (resumed == RESUMES || !connection.isValid(5)) {
          throw e;
        }
        last = read[0];
        // The state and code only: a message could quote a stored value.
        LOG.warn(
            "Reading the case events failed part way (SQL state {}, code {}); taken up again after"
                + " row {}",
            e.getSQLState(),
            e.getErrorCode(),
            last);
      }
    }
  }

  /**
   * @param read its first value: {@code afterId} at first, then the last row read into the log
   *     whole, as the read goes on
   * @return the last row read
   */
  private static long appendAfterOnce(
      Connection connection, long afterId, EventLog log, Refs refs, long[] read)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "select id, event_id, occurred_at, type, case_ref, child_ref, worker_ref, team_ref,"
                + " detail, ref, due_date from case_event where id > ? order by id",
            ResultSet.TYPE_FORWARD_ONLY,
            ResultSet.CONCUR_READ_ONLY)) {
      ps.setFetchSize(FETCH);
      ps.setLong(1, afterId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          EventType type = EventType.fromCode(rs.getString(4)).orElse(null);
          if (type == null) {
            StoredEvents.unknownType(id);
            read[0] = id;
            continue;
          }
          // Every value first: the row goes into the log whole or not at all.
          String eventId = rs.getString(2);
          long at = rs.getObject(3, java.time.OffsetDateTime.class).toEpochSecond();
          String caseRef = rs.getString(5);
          String childRef = rs.getString(6);
          String workerRef = rs.getString(7);
          String teamRef = rs.getString(8);
          String detail = rs.getString(9);
          String ref = rs.getString(10);
          LocalDate due = rs.getObject(11, LocalDate.class);
          int row =
              log.add(
                  eventId,
                  at,
                  type,
                  caseRef,
                  childRef,
                  workerRef,
                  teamRef,
                  detail,
                  -1,
                  due == null ? EventLog.NO_DATE : (int) due.toEpochDay());
          if (ref != null) {
            refs.refer(row, ref);
          }
          read[0] = id;
        }
      }
    }
    return read[0];
  }

  private static void lazy(Connection connection, boolean on) throws SQLException {
    try (var statement = connection.createStatement()) {
      statement.execute("set lazy_query_execution " + on);
    }
  }

  /** The highest row number stored (0 if none). */
  public long lastId() {
    return jdbc.sql("select coalesce(max(id), 0) from case_event").query(Long.class).single();
  }

  /**
   * How many events are stored with row numbers up to {@code id}: every row less those after it (H2
   * counts a whole table from what it keeps, and the rows after are few).
   */
  public long rowsUpTo(long id) {
    long all = jdbc.sql("select count(*) from case_event").query(Long.class).single();
    long after =
        jdbc.sql("select count(*) from case_event where id > ?")
            .param(id)
            .query(Long.class)
            .single();
    return all - after;
  }

  /** The event id stored in row {@code id}, or null if there is no such row. */
  public String eventIdAt(long id) {
    return jdbc.sql("select event_id from case_event where id = ?")
        .param(id)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /** The case activity's change number. */
  public long version() {
    return jdbc.sql("select version from case_activity_version where id = 1")
        .query(Long.class)
        .single();
  }

  /**
   * Takes the case activity's write lock until the transaction ends and answers its change number.
   */
  public long lockVersion() {
    return jdbc.sql("select version from case_activity_version where id = 1 for update")
        .query(Long.class)
        .single();
  }

  /**
   * The change number and the rebuild number together: the rebuild number moves on when stored
   * events change in place (a correction), so a log must be read again from the start.
   */
  public record State(long version, long rebuilt) {}

  /** The case activity's change and rebuild numbers. */
  public State state() {
    return jdbc.sql("select version, rebuilt from case_activity_version where id = 1")
        .query((rs, n) -> new State(rs.getLong(1), rs.getLong(2)))
        .single();
  }

  /** Moves the rebuild number on (in the transaction holding the lock). */
  public void markRebuilt() {
    jdbc.sql("update case_activity_version set rebuilt = rebuilt + 1 where id = 1").update();
  }

  /** Replaces a stored event's values (its id stays), in the caller's transaction. */
  public void replace(CaseEvent event) {
    int updated =
        template.update(
            "update case_event set event_id = ?, occurred_at = ?, type = ?, case_ref = ?,"
                + " child_ref = ?, worker_ref = ?, team_ref = ?, detail = ?, ref = ?, due_date = ?"
                + " where event_id = ?",
            ps -> {
              bind(ps, event);
              ps.setString(11, event.eventId());
            });
    if (updated != 1) {
      throw new IllegalStateException("The event to correct is no longer stored");
    }
  }

  /** Deletes a stored event, in the caller's transaction. */
  public void delete(String eventId) {
    if (jdbc.sql("delete from case_event where event_id = ?").param(eventId).update() != 1) {
      throw new IllegalStateException("The event to withdraw is no longer stored");
    }
  }

  /** A correction as stored: its event, what was done, why, the values before and after. */
  public record CorrectionRow(
      String eventId,
      String action,
      String reason,
      String caseBefore,
      String caseAfter,
      String valuesBefore,
      String valuesAfter,
      java.time.Instant madeAt,
      String madeBy) {}

  /** Keeps a correction, in the caller's transaction. */
  public void insertCorrection(CorrectionRow c) {
    jdbc.sql(
            "insert into case_event_correction (event_id, action, reason, case_before, case_after,"
                + " values_before, values_after, made_at, made_by) values (?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?)")
        .params(
            c.eventId(),
            c.action(),
            c.reason(),
            c.caseBefore(),
            c.caseAfter(),
            c.valuesBefore(),
            c.valuesAfter(),
            Timestamp.from(c.madeAt()),
            c.madeBy())
        .update();
  }

  /** The corrections of the events that are or were on a case, oldest first. */
  public List<CorrectionRow> corrections(String caseRef) {
    return jdbc.sql(
            "select * from case_event_correction where case_before = ? or case_after = ? order by"
                + " id")
        .params(caseRef, caseRef)
        .query(CaseEventRepository::correction)
        .list();
  }

  /** The corrections of some events, oldest first. */
  public List<CorrectionRow> correctionsOf(java.util.Collection<String> eventIds) {
    if (eventIds.isEmpty()) {
      return List.of();
    }
    List<CorrectionRow> rows = new ArrayList<>();
    List<String> ids = List.copyOf(eventIds);
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      rows.addAll(
          jdbc.sql("select * from case_event_correction where event_id in (:ids) order by id")
              .param("ids", chunk)
              .query(CaseEventRepository::correction)
              .list());
    }
    rows.sort(java.util.Comparator.comparing(CorrectionRow::madeAt));
    return rows;
  }

  /** Whether any event has ever been corrected or withdrawn (imports skip the lookups if not). */
  public boolean anyCorrections() {
    return jdbc.sql(
                "select count(*) from (select 1 from case_event_correction fetch first 1 rows"
                    + " only) c")
            .query(Long.class)
            .single()
        > 0;
  }

  /** The ids of the events withdrawn (and not stored again since). */
  public java.util.Set<String> withdrawnIds() {
    return new java.util.HashSet<>(
        jdbc.sql(
                "select distinct c.event_id from case_event_correction c where c.action ="
                    + " 'withdrawn' and not exists (select 1 from case_event e where e.event_id ="
                    + " c.event_id)")
            .query(String.class)
            .list());
  }

  private static CorrectionRow correction(ResultSet rs, int n) throws SQLException {
    return new CorrectionRow(
        rs.getString("event_id"),
        rs.getString("action"),
        rs.getString("reason"),
        rs.getString("case_before"),
        rs.getString("case_after"),
        rs.getString("values_before"),
        rs.getString("values_after"),
        rs.getTimestamp("made_at").toInstant(),
        rs.getString("made_by"));
  }

  /** Moves the change number on (in the transaction holding the lock). */
  public void setVersion(long version) {
    jdbc.sql("update case_activity_version set version = ? where id = 1").param(version).update();
  }

  /**
   * Inserts events in the caller's transaction: PostgreSQL's {@code COPY} there, JDBC batches of
   * 1,000 elsewhere. Rows are made one at a time, so a large import is never held as objects.
   */
  public void insertAll(int count, IntFunction<CaseEvent> row) {
    if (count == 0) {
      return;
    }
    if (isPostgres()) {
      copyEvents(count, row);
      return;
    }
    List<CaseEvent> batch = new ArrayList<>(Math.min(count, CHUNK));
    for (int i = 0; i < count; i++) {
      batch.add(row.apply(i));
      if (batch.size() == CHUNK || i == count - 1) {
        template.batchUpdate(INSERT, batch, CHUNK, CaseEventRepository::bind);
        batch.clear();
      }
    }
  }

  private static void bind(PreparedStatement ps, CaseEvent r) throws SQLException {
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
  }

  /**
   * Inserts rows of an event file's log in the caller's transaction, as {@link #insertAll(int,
   * IntFunction)}; on PostgreSQL the interned values are sent as the bytes the log holds.
   *
   * @param refId the id of the event a row refers to, or null
   */
  public void insertAll(EventLog log, int[] rows, IntFunction<String> refId) {
    if (rows.length == 0) {
      return;
    }
    if (!isPostgres()) {
      insertAll(rows.length, i -> CaseEvent.of(log, rows[i], refId.apply(rows[i])));
      return;
    }
    byte[][] types = new byte[EventType.values().length][];
    for (EventType t : EventType.values()) {
      types[t.ordinal()] = t.code().getBytes(StandardCharsets.UTF_8);
    }
    copy(
        out -> {
          for (int row : rows) {
            out.row(COLUMNS);
            out.text(log.eventIds(), row);
            out.timestamp(log.at(row));
            out.bytes(types[log.type(row).ordinal()]);
            out.text(log.cases(), log.caseOf(row));
            out.text(log.children(), log.childOf(row));
            out.text(log.workers(), log.workerOf(row));
            out.text(log.teams(), log.teamOf(row));
            out.text(log.details(), log.detailOf(row));
            out.text(refId.apply(row));
            out.date(log.due(row));
          }
        });
  }

  /** The columns a COPY fills, in the order {@link #copy} sends them. */
  private static final int COLUMNS = 10;

  private interface CopyWriter {
    void write(BinaryCopy out) throws SQLException;
  }

  private void copyEvents(int count, IntFunction<CaseEvent> row) {
    copy(
        out -> {
          for (int i = 0; i < count; i++) {
            CaseEvent e = row.apply(i);
            out.row(COLUMNS);
            out.text(e.eventId());
            out.timestamp(e.occurredAt());
            out.text(e.type());
            out.text(e.caseRef());
            out.text(e.childRef());
            out.text(e.workerRef());
            out.text(e.teamRef());
            out.text(e.detail());
            out.text(e.ref());
            out.date(e.dueDate());
          }
        });
  }

  /** PostgreSQL's binary COPY, on the transaction's connection. */
  private void copy(CopyWriter rows) {
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      PGConnection pg = connection.unwrap(PGConnection.class);
      CopyIn in =
          pg.getCopyAPI()
              .copyIn(
                  "copy case_event (event_id, occurred_at, type, case_ref, child_ref, worker_ref,"
                      + " team_ref, detail, ref, due_date) from stdin with (format binary)");
      try {
        BinaryCopy out = new BinaryCopy(in);
        rows.write(out);
        out.end();
      } finally {
        if (in.isActive()) {
          in.cancelCopy();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store the case events", e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  private boolean isPostgres() {
    Boolean known = postgres;
    if (known == null) {
      known =
          template.execute(
              (Connection c) -> {
                try {
                  return c.isWrapperFor(PGConnection.class);
                } catch (SQLException e) {
                  return false;
                }
              });
      postgres = known;
    }
    return known;
  }

  private static void text(PreparedStatement ps, int index, String value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }

  /** Every child, by reference. */
  public Map<String, ChildRow> children() {
    Map<String, ChildRow> children = new HashMap<>();
    template.query(
        "select ref, date_of_birth, family_group from child",
        rs -> {
          Date born = rs.getDate("date_of_birth");
          String ref = rs.getString("ref");
          children.put(
              ref,
              new ChildRow(
                  ref, born == null ? null : born.toLocalDate(), rs.getString("family_group")));
        });
    return children;
  }

  /** Adds children in JDBC batches. */
  public void insertChildren(List<ChildRow> rows) {
    template.batchUpdate(
        "insert into child (ref, date_of_birth, family_group) values (?, ?, ?)",
        rows,
        CHUNK,
        (ps, c) -> {
          ps.setString(1, c.ref());
          ps.setDate(2, c.dateOfBirth() == null ? null : Date.valueOf(c.dateOfBirth()));
          ps.setString(3, c.familyGroup());
        });
  }

  /** Changes children's details in JDBC batches. */
  public void updateChildren(List<ChildRow> rows) {
    template.batchUpdate(
        "update child set date_of_birth = ?, family_group = ? where ref = ?",
        rows,
        CHUNK,
        (ps, c) -> {
          ps.setDate(1, c.dateOfBirth() == null ? null : Date.valueOf(c.dateOfBirth()));
          ps.setString(2, c.familyGroup());
          ps.setString(3, c.ref());
        });
  }

  /** Family groups of children (those without one are left out). */
  public Map<String, String> familyGroups() {
    Map<String, String> groups = new HashMap<>();
    template.query(
        "select ref, family_group from child where family_group is not null",
        rs -> {
          groups.put(rs.getString(1), rs.getString(2));
        });
    return groups;
  }
}
