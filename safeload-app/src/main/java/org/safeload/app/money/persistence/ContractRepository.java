package org.safeload.app.money.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The contract table: a contract document and its links. */
@Repository
public class ContractRepository {

  /** A row as stored; the money module reads the document. */
  public record Row(
      long id, String code, Long providerId, Long teamId, String document, Instant updatedAt) {}

  private final JdbcClient jdbc;

  ContractRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
    long provider = rs.getLong("provider_id");
    Long providerId = rs.wasNull() ? null : provider;
    long team = rs.getLong("team_id");
    Long teamId = rs.wasNull() ? null : team;
    return new Row(
        rs.getLong("id"),
        rs.getString("code"),
        providerId,
        teamId,
        rs.getString("document"),
        rs.getTimestamp("updated_at").toInstant());
  }

  public List<Row> findAll() {
    return jdbc.sql("select * from contract order by code").query((rs, n) -> row(rs)).list();
  }

  public Optional<Row> findByCode(String code) {
    return jdbc.sql("select * from contract where code = ?")
        .param(code)
        .query((rs, n) -> row(rs))
        .optional();
  }

  public long insert(String code, Long providerId, Long teamId, String document, Instant at) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into contract (code, provider_id, team_id, document, updated_at) values (?, ?, ?, ?, ?)")
        .params(code, providerId, teamId, document, Timestamp.from(at))
        .update(keys, "id");
    return keys.getKeyAs(Long.class);
  }

  public void update(long id, Long providerId, Long teamId, String document, Instant at) {
    jdbc.sql(
            "update contract set provider_id = ?, team_id = ?, document = ?, updated_at = ? where id = ?")
        .params(providerId, teamId, document, Timestamp.from(at), id)
        .update();
  }

  /** A saved version of a contract's document: its number (from 1), when, by whom, and what. */
  public record Version(
      int number, Instant savedAt, String savedBy, String summary, String document) {}

  /** Keeps the document just saved as the contract's next version. */
  public void insertVersion(
      long contractId, String document, Instant at, String by, String summary) {
    int next =
        jdbc.sql("select coalesce(max(number), 0) + 1 from contract_version where contract_id = ?")
            .param(contractId)
            .query(Integer.class)
            .single();
    jdbc.sql(
            "insert into contract_version (contract_id, number, document, saved_at, saved_by,"
                + " summary) values (?, ?, ?, ?, ?, ?)")
        .params(contractId, next, document, Timestamp.from(at), by, summary)
        .update();
  }

  /** Every version of a contract, oldest first. */
  public List<Version> versions(long contractId) {
    return jdbc.sql(
            "select number, saved_at, saved_by, summary, document from contract_version where"
                + " contract_id = ? order by number")
        .param(contractId)
        .query(
            (rs, n) ->
                new Version(
                    rs.getInt("number"),
                    rs.getTimestamp("saved_at").toInstant(),
                    rs.getString("saved_by"),
                    rs.getString("summary"),
                    rs.getString("document")))
        .list();
  }
}
