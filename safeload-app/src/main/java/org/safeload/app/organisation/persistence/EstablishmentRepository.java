package org.safeload.app.organisation.persistence;

import java.util.List;
import org.safeload.organisation.EstablishmentLine;
import org.safeload.organisation.Role;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The establishment table: budgeted FTE per team and role. */
@Repository
public class EstablishmentRepository {

  private static final RowMapper<EstablishmentLine> ROW =
      (rs, n) ->
          new EstablishmentLine(
              rs.getLong("team_id"),
              Role.fromCode(rs.getString("role")).orElseThrow(),
              rs.getBigDecimal("budgeted_fte"));

  private final JdbcClient jdbc;

  EstablishmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<EstablishmentLine> forTeam(long teamId) {
    return jdbc.sql("select * from establishment where team_id = ?")
        .param(teamId)
        .query(ROW)
        .list();
  }

  public List<EstablishmentLine> findAll() {
    return jdbc.sql("select * from establishment").query(ROW).list();
  }

  /** Replaces the team's establishment with these lines (a line of 0 FTE is kept). */
  public void replace(long teamId, List<EstablishmentLine> lines) {
    jdbc.sql("delete from establishment where team_id = ?").param(teamId).update();
    for (EstablishmentLine line : lines) {
      jdbc.sql("insert into establishment (team_id, role, budgeted_fte) values (?, ?, ?)")
          .params(teamId, line.role().code(), line.budgetedFte())
          .update();
    }
  }
}
