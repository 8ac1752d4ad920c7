package org.safeload.app.organisation.persistence;

import java.util.List;
import java.util.Optional;
import org.safeload.organisation.Service;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The service table. */
@Repository
public class ServiceRepository {

  private static final RowMapper<Service> ROW =
      (rs, n) -> new Service(rs.getLong("id"), rs.getString("name"), rs.getString("description"));

  private final JdbcClient jdbc;

  ServiceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Service> findAll() {
    return jdbc.sql("select * from service order by name").query(ROW).list();
  }

  public Optional<Service> findById(long id) {
    return jdbc.sql("select * from service where id = ?").param(id).query(ROW).optional();
  }

  public Optional<Service> findByName(String name) {
    return jdbc.sql("select * from service where lower(name) = lower(?)")
        .param(name)
        .query(ROW)
        .optional();
  }

  public long insert(long councilId, String name, String description) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into service (council_id, name, description) values (?, ?, ?)")
        .params(councilId, name, description)
        .update(keys, "id");
    return keys.getKeyAs(Long.class);
  }

  public void update(long id, String name, String description) {
    jdbc.sql("update service set name = ?, description = ? where id = ?")
        .params(name, description, id)
        .update();
  }
}
