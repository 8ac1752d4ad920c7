package org.safeload.app.organisation.persistence;

import java.util.List;
import java.util.Optional;
import org.safeload.organisation.Team;
import org.safeload.organisation.TeamKind;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The team table. */
@Repository
public class TeamRepository {

  private static final RowMapper<Team> ROW =
      (rs, n) -> {
        long provider = rs.getLong("provider_id");
        Long providerId = rs.wasNull() ? null : provider;
        return new Team(
            rs.getLong("id"),
            rs.getLong("service_id"),
            rs.getString("name"),
            TeamKind.fromCode(rs.getString("kind")).orElseThrow(),
            providerId);
      };

  private final JdbcClient jdbc;

  TeamRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Team> findAll() {
    return jdbc.sql("select * from team order by name").query(ROW).list();
  }

  public List<Team> findByService(long serviceId) {
    return jdbc.sql("select * from team where service_id = ? order by name")
        .param(serviceId)
        .query(ROW)
        .list();
  }

  /** Every team's id (a few hundred even for a region). */
  public java.util.Set<Long> ids() {
    return new java.util.HashSet<>(jdbc.sql("select id from team").query(Long.class).list());
  }

  public Optional<Team> findById(long id) {
    return jdbc.sql("select * from team where id = ?").param(id).query(ROW).optional();
  }

  public Optional<Team> findByName(String name) {
    return jdbc.sql("select * from team where lower(name) = lower(?)")
        .param(name)
        .query(ROW)
        .optional();
  }

  public long insert(long serviceId, String name, TeamKind kind, Long providerId) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into team (service_id, name, kind, provider_id) values (?, ?, ?, ?)")
        .params(serviceId, name, kind.code(), providerId)
        .update(keys, "id");
    return keys.getKeyAs(Long.class);
  }

  public void update(Team team) {
    jdbc.sql("update team set service_id = ?, name = ?, kind = ?, provider_id = ? where id = ?")
        .params(team.serviceId(), team.name(), team.kind().code(), team.providerId(), team.id())
        .update();
  }
}
