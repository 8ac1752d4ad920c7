package org.safeload.app.organisation.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safeload.organisation.Assignment;
import org.safeload.organisation.EmploymentType;
import org.safeload.organisation.Role;
import org.safeload.organisation.Worker;
import org.safeload.organisation.WorkerDetails;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The worker and worker_assignment tables. */
@Repository
public class WorkerRepository {

  private static final RowMapper<Worker> ROW = (rs, n) -> worker(rs);

  private static final RowMapper<Assignment> ASSIGNMENT =
      (rs, n) ->
          new Assignment(
              rs.getLong("worker_id"),
              rs.getLong("team_id"),
              rs.getDate("from_date").toLocalDate(),
              date(rs, "to_date"));

  private final JdbcClient jdbc;

  WorkerRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static Worker worker(ResultSet rs) throws SQLException {
    return new Worker(
        rs.getLong("id"),
        new WorkerDetails(
            rs.getString("name"),
            Role.fromCode(rs.getString("role")).orElseThrow(),
            EmploymentType.fromCode(rs.getString("employment_type")).orElseThrow(),
            rs.getBigDecimal("fte"),
            rs.getDate("start_date").toLocalDate(),
            date(rs, "end_date"),
            date(rs, "qualification_date"),
            date(rs, "asye_start_date"),
            rs.getString("swe_registration")));
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    Date value = rs.getDate(column);
    return value == null ? null : value.toLocalDate();
  }

  private static Date sql(LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }

  public Optional<Worker> findById(long id) {
    return jdbc.sql("select * from worker where id = ?").param(id).query(ROW).optional();
  }

  /** Every worker's id, leavers' too. */
  public java.util.Set<Long> ids() {
    return new java.util.HashSet<>(jdbc.sql("select id from worker").query(Long.class).list());
  }

  public List<Worker> findAll() {
    return jdbc.sql("select * from worker order by name, id").query(ROW).list();
  }

  public Optional<Worker> findBySweRegistration(String swe) {
    return jdbc.sql("select * from worker where swe_registration = ?")
        .param(swe)
        .query(ROW)
        .optional();
  }

  /** A worker without a registration, found by name, role and start date. */
  public Optional<Worker> findUnregistered(String name, Role role, LocalDate start) {
    return jdbc.sql(
            "select * from worker where swe_registration is null and lower(name) = lower(?)"
                + " and role = ? and start_date = ? order by id fetch first 1 rows only")
        .params(name, role.code(), sql(start))
        .query(ROW)
        .optional();
  }

  /** The workers who belong to a team on a date. */
  public List<Worker> inTeamOn(long teamId, LocalDate on) {
    return jdbc.sql(
            "select w.* from worker w join worker_assignment a on a.worker_id = w.id"
                + " where a.team_id = ? and a.from_date <= ? and (a.to_date is null or a.to_date >= ?)"
                + " order by w.name, w.id")
        .params(teamId, sql(on), sql(on))
        .query(ROW)
        .list();
  }

  /**
   * A team's workers on each of several days (by name, as {@link #inTeamOn}), in one query: those
   * whose assignment to the team covers the day.
   */
  public Map<LocalDate, List<Worker>> inTeamOnEach(long teamId, List<LocalDate> days) {
    Map<LocalDate, List<Worker>> byDay = new java.util.LinkedHashMap<>();
    days.forEach(d -> byDay.put(d, new ArrayList<>()));
    if (days.isEmpty()) {
      return byDay;
    }
    LocalDate first = java.util.Collections.min(days);
    LocalDate last = java.util.Collections.max(days);
    Map<LocalDate, java.util.Set<Long>> seen = new HashMap<>();
    jdbc.sql(
            "select w.*, a.from_date as assigned_from, a.to_date as assigned_to from worker w"
                + " join worker_assignment a on a.worker_id = w.id"
                + " where a.team_id = ? and a.from_date <= ? and (a.to_date is null or a.to_date >= ?)"
                + " order by w.name, w.id")
        .params(teamId, sql(last), sql(first))
        .query(
            (rs, n) -> {
              Worker w = ROW.mapRow(rs, n);
              LocalDate from = rs.getDate("assigned_from").toLocalDate();
              java.sql.Date to = rs.getDate("assigned_to");
              for (LocalDate day : days) {
                if (!day.isBefore(from)
                    && (to == null || !day.isAfter(to.toLocalDate()))
                    && seen.computeIfAbsent(day, k -> new java.util.HashSet<>()).add(w.id())) {
                  byDay.get(day).add(w);
                }
              }
              return w;
            })
        .list();
    return byDay;
  }

  /** Every assignment that covers a date: the team of each worker on that date. */
  public List<Assignment> assignmentsOn(LocalDate on) {
    return jdbc.sql(
            "select * from worker_assignment where from_date <= ? and (to_date is null or to_date >= ?)")
        .params(sql(on), sql(on))
        .query(ASSIGNMENT)
        .list();
  }

  /** Every worker's team history. */
  public List<Assignment> allAssignments() {
    return jdbc.sql("select * from worker_assignment order by worker_id, from_date")
        .query(ASSIGNMENT)
        .list();
  }

  /** Some workers, read at once (ids of no worker are left out). */
  public List<Worker> findAllById(java.util.Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select * from worker where id in (:ids)").param("ids", ids).query(ROW).list();
  }

  /** Some workers' team histories, read at once. */
  public List<Assignment> assignmentsOf(java.util.Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select * from worker_assignment where worker_id in (:ids) order by worker_id,"
                + " from_date")
        .param("ids", ids)
        .query(ASSIGNMENT)
        .list();
  }

  public List<Assignment> assignments(long workerId) {
    return jdbc.sql("select * from worker_assignment where worker_id = ? order by from_date")
        .param(workerId)
        .query(ASSIGNMENT)
        .list();
  }

  /**
   * What the workers list is filtered by; {@code null} means any. A worker's team for the filter is
   * the one that places them on {@code today}: their team today, the team a future starter joins,
   * or the team a leaver left.
   *
   * @param visibleTeams the teams the user may see, or {@code null} for every team
   */
  public record ListFilter(
      LocalDate today,
      Long teamId,
      java.util.Collection<Long> visibleTeams,
      Role role,
      EmploymentType employmentType,
      org.safeload.organisation.WorkerStatus status) {}

  /** A worker in the list, with the id of the team that places them (or {@code null}). */
  public record Listed(Worker worker, Long teamId) {}

  /** The date that places a worker in a team: their start if not started, their end if left. */
  private static final String TEAM_DATE =
      "(case when w.start_date > :today then w.start_date"
          + " when w.end_date < :today then w.end_date else :today end)";

  private static final String LISTED_FROM =
      " from worker w left join worker_assignment a on a.worker_id = w.id"
          + " and a.from_date <= "
          + TEAM_DATE
          + " and (a.to_date is null or a.to_date >= "
          + TEAM_DATE
          + ")";

  private static String where(ListFilter f) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    if (f.teamId() != null) {
      where.append(" and a.team_id = :team");
    }
    if (f.visibleTeams() != null) {
      where.append(" and a.team_id in (:visible)");
    }
    if (f.role() != null) {
      where.append(" and w.role = :role");
    }
    if (f.employmentType() != null) {
      where.append(" and w.employment_type = :type");
    }
    if (f.status() != null) {
      where.append(
          switch (f.status()) {
            case CURRENT ->
                " and w.start_date <= :today and (w.end_date is null or w.end_date >= :today)";
            case LEAVER -> " and w.end_date < :today";
            case FUTURE_STARTER -> " and w.start_date > :today";
          });
    }
    return where.toString();
  }

  private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, ListFilter f) {
    spec = spec.param("today", sql(f.today()));
    if (f.teamId() != null) {
      spec = spec.param("team", f.teamId());
    }
    if (f.visibleTeams() != null) {
      spec = spec.param("visible", f.visibleTeams());
    }
    if (f.role() != null) {
      spec = spec.param("role", f.role().code());
    }
    if (f.employmentType() != null) {
      spec = spec.param("type", f.employmentType().code());
    }
    return spec;
  }

  /** How many workers match the filter. */
  public int count(ListFilter f) {
    if (f.visibleTeams() != null && f.visibleTeams().isEmpty()) {
      return 0;
    }
    return bind(jdbc.sql("select count(*)" + LISTED_FROM + where(f)), f)
        .query(Integer.class)
        .single();
  }

  /** One page of the workers who match the filter, by name. */
  public List<Listed> list(ListFilter f, int offset, int limit) {
    if (f.visibleTeams() != null && f.visibleTeams().isEmpty()) {
      return List.of();
    }
    return bind(
            jdbc.sql(
                "select w.*, a.team_id as listed_team_id"
                    + LISTED_FROM
                    + where(f)
                    + " order by w.name, w.id offset :offset rows fetch next :limit rows only"),
            f)
        .param("offset", offset)
        .param("limit", limit)
        .query(
            (rs, n) -> {
              long team = rs.getLong("listed_team_id");
              Long teamId = rs.wasNull() ? null : team;
              return new Listed(worker(rs), teamId);
            })
        .list();
  }

  /** The worker columns in the order of the insert and the update. */
  private static List<Object> columns(WorkerDetails d) {
    return java.util.Arrays.asList(
        d.name(),
        d.role().code(),
        d.employmentType().code(),
        d.fte(),
        sql(d.startDate()),
        sql(d.endDate()),
        sql(d.qualificationDate()),
        sql(d.asyeStartDate()),
        d.sweRegistration());
  }

  public long insert(WorkerDetails d) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into worker (name, role, employment_type, fte, start_date, end_date,"
                + " qualification_date, asye_start_date, swe_registration)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(columns(d))
        .update(keys, "id");
    return keys.getKeyAs(Long.class);
  }

  public void update(long id, WorkerDetails d) {
    jdbc.sql(
            "update worker set name = ?, role = ?, employment_type = ?, fte = ?, start_date = ?,"
                + " end_date = ?, qualification_date = ?, asye_start_date = ?, swe_registration = ?"
                + " where id = ?")
        .params(columns(d))
        .param(id)
        .update();
  }

  /** Replaces a worker's team history with these assignments. */
  public void replaceAssignments(long workerId, List<Assignment> assignments) {
    jdbc.sql("delete from worker_assignment where worker_id = ?").param(workerId).update();
    for (Assignment a : assignments) {
      jdbc.sql(
              "insert into worker_assignment (worker_id, team_id, from_date, to_date)"
                  + " values (?, ?, ?, ?)")
          .params(workerId, a.teamId(), sql(a.from()), sql(a.to()))
          .update();
    }
  }
}
