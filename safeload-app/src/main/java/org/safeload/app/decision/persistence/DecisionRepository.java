package org.safeload.app.decision.persistence;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The contract_decision table: each decision's document and its frozen figures. */
@Repository
public class DecisionRepository {

  /** A decision as stored. */
  public record Row(
      long contractId,
      int number,
      String kind,
      LocalDate decidedOn,
      String document,
      String figures,
      Instant recordedAt,
      String recordedBy) {}

  private final JdbcClient jdbc;

  DecisionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Row(
        rs.getLong("contract_id"),
        rs.getInt("number"),
        rs.getString("kind"),
        rs.getDate("decided_on").toLocalDate(),
        rs.getString("document"),
        rs.getString("figures"),
        rs.getTimestamp("recorded_at").toInstant(),
        rs.getString("recorded_by"));
  }

  /** A contract's decisions, in the order they were recorded. */
  public List<Row> forContract(long contractId) {
    return jdbc.sql("select * from contract_decision where contract_id = ? order by number")
        .param(contractId)
        .query((rs, n) -> row(rs))
        .list();
  }

  public Optional<Row> find(long contractId, int number) {
    return jdbc.sql("select * from contract_decision where contract_id = ? and number = ?")
        .params(contractId, number)
        .query((rs, n) -> row(rs))
        .optional();
  }

  /** The earliest award decision's date for each contract that has one, by contract id. */
  public Optional<LocalDate> awardDate(long contractId) {
    return jdbc.sql(
            "select min(decided_on) from contract_decision where contract_id = ? and kind = 'award'")
        .param(contractId)
        .query((rs, n) -> rs.getDate(1))
        .optional()
        .map(d -> d == null ? null : d.toLocalDate());
  }

  /** Keeps a decision as the contract's next; its number. */
  public int insert(
      long contractId,
      String kind,
      LocalDate decidedOn,
      String document,
      String figures,
      Instant at,
      String by) {
    int next =
        jdbc.sql("select coalesce(max(number), 0) + 1 from contract_decision where contract_id = ?")
            .param(contractId)
            .query(Integer.class)
            .single();
    jdbc.sql(
            "insert into contract_decision (contract_id, number, kind, decided_on, document,"
                + " figures, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            contractId,
            next,
            kind,
            Date.valueOf(decidedOn),
            document,
            figures,
            Timestamp.from(at),
            by)
        .update();
    return next;
  }
}
