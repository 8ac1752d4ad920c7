package org.safeload.app.organisation.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.safeload.organisation.Role;
import org.safeload.workforce.Candidate;
import org.safeload.workforce.CandidateStage;
import org.safeload.workforce.RecruitmentRoute;
import org.safeload.workforce.SicknessAbsence;
import org.safeload.workforce.SicknessReason;
import org.safeload.workforce.SupplierPlacement;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The recruitment pipeline's candidates, supplier placements and sickness absence
 * (V17__recruitment_and_sickness.sql), each row with who recorded it last and when.
 */
@Repository
public class RecruitmentRepository {

  /** A candidate row: the candidate and the worker they became once started (or null). */
  public record CandidateRow(long id, Candidate candidate, Long workerId) {}

  /** A placement row. */
  public record PlacementRow(long id, SupplierPlacement placement) {}

  /** A sickness absence row. */
  public record AbsenceRow(long id, SicknessAbsence absence) {}

  private static final RowMapper<CandidateRow> CANDIDATE =
      (rs, n) ->
          new CandidateRow(
              rs.getLong("id"),
              new Candidate(
                  rs.getString("name"),
                  Role.fromCode(rs.getString("role")).orElseThrow(),
                  RecruitmentRoute.fromCode(rs.getString("route")).orElseThrow(),
                  CandidateStage.fromCode(rs.getString("stage")).orElseThrow(),
                  rs.getObject("team_id", Long.class),
                  rs.getBigDecimal("fte"),
                  rs.getObject("expected_start", LocalDate.class),
                  rs.getObject("registration_applied", LocalDate.class),
                  rs.getObject("registration_expected", LocalDate.class)),
              rs.getObject("worker_id", Long.class));

  private static final RowMapper<PlacementRow> PLACEMENT =
      (rs, n) ->
          new PlacementRow(
              rs.getLong("id"),
              new SupplierPlacement(
                  rs.getString("supplier"),
                  rs.getString("brokered_from"),
                  Role.fromCode(rs.getString("role")).orElseThrow(),
                  rs.getObject("requested_on", LocalDate.class),
                  rs.getObject("filled_on", LocalDate.class)));

  private static final RowMapper<AbsenceRow> ABSENCE =
      (rs, n) ->
          new AbsenceRow(
              rs.getLong("id"),
              new SicknessAbsence(
                  rs.getLong("worker_id"),
                  rs.getObject("first_day", LocalDate.class),
                  rs.getObject("last_day", LocalDate.class),
                  rs.getBigDecimal("working_days_lost"),
                  rs.getBoolean("days_recorded"),
                  SicknessReason.fromCode(rs.getString("reason")).orElseThrow()));

  private final JdbcClient jdbc;

  RecruitmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // --- candidates ------------------------------------------------------------------------------

  public List<CandidateRow> candidates() {
    return jdbc.sql("select * from recruitment_candidate order by name, id")
        .query(CANDIDATE)
        .list();
  }

  public Optional<CandidateRow> candidate(long id) {
    return jdbc.sql("select * from recruitment_candidate where id = ?")
        .param(id)
        .query(CANDIDATE)
        .optional();
  }

  public long insertCandidate(Candidate c, Instant at, String by) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into recruitment_candidate (name, role, route, stage, team_id, fte,"
                + " expected_start, registration_applied, registration_expected, updated_at,"
                + " updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(candidateColumns(c))
        .param(Timestamp.from(at))
        .param(by)
        .update(keys, "id");
    return keys.getKeyAs(Long.class);
  }

  public void updateCandidate(long id, Candidate c, Instant at, String by) {
    jdbc.sql(
            "update recruitment_candidate set name = ?, role = ?, route = ?, stage = ?, team_id ="
                + " ?, fte = ?, expected_start = ?, registration_applied = ?,"
                + " registration_expected = ?, updated_at = ?, updated_by = ? where id = ?")
        .params(candidateColumns(c))
        .param(Timestamp.from(at))
        .param(by)
        .param(id)
        .update();
  }

  /** Marks a candidate started as the worker they became. */
  public void started(long id, long workerId, Instant at, String by) {
    jdbc.sql(
            "update recruitment_candidate set stage = ?, worker_id = ?, updated_at = ?,"
                + " updated_by = ? where id = ?")
        .params(CandidateStage.STARTED.code(), workerId, Timestamp.from(at), by, id)
        .update();
  }

  private static List<Object> candidateColumns(Candidate c) {
    return java.util.Arrays.asList(
        c.name(),
        c.role().code(),
        c.route().code(),
        c.stage().code(),
        c.teamId(),
        c.fte(),
        c.expectedStart(),
        c.registrationApplied(),
        c.registrationExpected());
  }

  // --- placements ------------------------------------------------------------------------------

  public List<PlacementRow> placements() {
    return jdbc.sql("select * from supplier_placement order by requested_on desc, id desc")
        .query(PLACEMENT)
        .list();
  }

  public Optional<PlacementRow> placement(long id) {
    return jdbc.sql("select * from supplier_placement where id = ?")
        .param(id)
        .query(PLACEMENT)
        .optional();
  }

  public long insertPlacement(SupplierPlacement p, Instant at, String by) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into supplier_placement (supplier, brokered_from, role, requested_on,"
                + " filled_on, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?)")
        .params(p.supplier(), p.brokeredFrom(), p.role().code(), p.requested(), p.filled())
        .param(Timestamp.from(at))
        .param(by)
        .update(keys, "id");
    return keys.getKeyAs(Long.class);
  }

  public void updatePlacement(long id, SupplierPlacement p, Instant at, String by) {
    jdbc.sql(
            "update supplier_placement set supplier = ?, brokered_from = ?, role = ?,"
                + " requested_on = ?, filled_on = ?, updated_at = ?, updated_by = ? where id = ?")
        .params(p.supplier(), p.brokeredFrom(), p.role().code(), p.requested(), p.filled())
        .param(Timestamp.from(at))
        .param(by)
        .param(id)
        .update();
  }

  // --- sickness absence ------------------------------------------------------------------------

  /** A worker's absences, latest first. */
  public List<AbsenceRow> absences(long workerId) {
    return jdbc.sql(
            "select * from sickness_absence where worker_id = ? order by first_day desc, id desc")
        .param(workerId)
        .query(ABSENCE)
        .list();
  }

  /** Every absence that touches the days from one date to another (both included). */
  public List<AbsenceRow> absencesBetween(LocalDate from, LocalDate to) {
    return jdbc.sql(
            "select * from sickness_absence where last_day >= ? and first_day <= ?"
                + " order by worker_id, first_day, id")
        .params(from, to)
        .query(ABSENCE)
        .list();
  }

  public long insertAbsence(SicknessAbsence a, Instant at, String by) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into sickness_absence (worker_id, first_day, last_day, working_days_lost,"
                + " days_recorded, reason, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            a.workerId(),
            a.from(),
            a.to(),
            a.workingDaysLost(),
            a.daysRecorded(),
            a.reason().code(),
            Timestamp.from(at),
            by)
        .update(keys, "id");
    return keys.getKeyAs(Long.class);
  }
}
