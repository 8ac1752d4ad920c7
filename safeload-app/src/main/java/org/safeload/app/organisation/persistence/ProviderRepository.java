package org.safeload.app.organisation.persistence;

import java.util.List;
import java.util.Optional;
import org.safeload.organisation.Provider;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The provider table. */
@Repository
public class ProviderRepository {

  private static final RowMapper<Provider> ROW =
      (rs, n) -> new Provider(rs.getLong("id"), rs.getString("name"));

  private final JdbcClient jdbc;

  ProviderRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Provider> findAll() {
    return jdbc.sql("select id, name from provider order by name").query(ROW).list();
  }

  public Optional<Provider> findById(long id) {
    return jdbc.sql("select id, name from provider where id = ?").param(id).query(ROW).optional();
  }

  public Optional<Provider> findByName(String name) {
    return jdbc.sql("select id, name from provider where lower(name) = lower(?)")
        .param(name)
        .query(ROW)
        .optional();
  }

  public long insert(String name) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into provider (name) values (?)").param(name).update(keys, "id");
    return keys.getKeyAs(Long.class);
  }
}
